// A two-way table of counts (rows x columns) and the expected counts under
// independence. The other contingency statistics (chi_square.h,
// fisher_exact.h, odds_ratio.h, ...) take a ContingencyTable.
#ifndef VERHAAL_STATS_CONTINGENCY_TABLE_H_
#define VERHAAL_STATS_CONTINGENCY_TABLE_H_

#include <cstdint>
#include <vector>

namespace verhaal::stats {

// Counts of observations cross-classified by a row variable and a column
// variable. Immutable once built; cheap to copy for the table sizes we use.
class ContingencyTable {
 public:
  // Builds a table from rows of counts. Throws std::invalid_argument if there
  // are no rows or no columns, if the rows differ in length, or if a count is
  // negative. Empty rows/columns (all zero) are allowed here; the tests that
  // cannot handle them say so in their result.
  explicit ContingencyTable(std::vector<std::vector<std::int64_t>> counts);

  // Builds an all-zero table of the given shape (for filling with Add).
  // Throws std::invalid_argument if rows or cols is zero.
  ContingencyTable(int rows, int cols);

  int rows() const { return static_cast<int>(counts_.size()); }
  int cols() const { return static_cast<int>(counts_.front().size()); }

  // The count in cell (row, col); both zero-based. Throws std::out_of_range.
  std::int64_t at(int row, int col) const;

  // Adds `count` (may be 1 for one observation) to cell (row, col).
  // Throws std::out_of_range for a bad cell and std::invalid_argument if the
  // cell would become negative.
  void Add(int row, int col, std::int64_t count = 1);

  std::int64_t RowTotal(int row) const;
  std::int64_t ColTotal(int col) const;
  std::int64_t Total() const;

  // All counts, row by row.
  const std::vector<std::vector<std::int64_t>>& counts() const { return counts_; }

 private:
  std::vector<std::vector<std::int64_t>> counts_;
};

// Expected counts under independence: E[i][j] = RowTotal(i) * ColTotal(j) / N.
// All zero when the table is empty (N == 0).
std::vector<std::vector<double>> ExpectedCounts(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_CONTINGENCY_TABLE_H_
