#include "stats/contingency_table.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace verhaal::stats {

ContingencyTable::ContingencyTable(std::vector<std::vector<std::int64_t>> counts)
    : counts_(std::move(counts)) {
  if (counts_.empty() || counts_.front().empty()) {
    throw std::invalid_argument("a contingency table needs at least one row and one column");
  }
  const std::size_t cols = counts_.front().size();
  for (std::size_t r = 0; r < counts_.size(); ++r) {
    if (counts_[r].size() != cols) {
      throw std::invalid_argument("contingency table row " + std::to_string(r + 1) + " has " +
                                  std::to_string(counts_[r].size()) + " columns, but row 1 has " +
                                  std::to_string(cols));
    }
    for (std::size_t c = 0; c < cols; ++c) {
      if (counts_[r][c] < 0) {
        throw std::invalid_argument("contingency table cell (" + std::to_string(r + 1) + ", " +
                                    std::to_string(c + 1) + ") has a negative count " +
                                    std::to_string(counts_[r][c]));
      }
    }
  }
}

ContingencyTable::ContingencyTable(int rows, int cols) {
  if (rows <= 0 || cols <= 0) {
    throw std::invalid_argument("a contingency table needs at least one row and one column");
  }
  counts_.assign(static_cast<std::size_t>(rows),
                 std::vector<std::int64_t>(static_cast<std::size_t>(cols), 0));
}

std::int64_t ContingencyTable::at(int row, int col) const {
  return counts_.at(static_cast<std::size_t>(row)).at(static_cast<std::size_t>(col));
}

void ContingencyTable::Add(int row, int col, std::int64_t count) {
  std::int64_t& cell = counts_.at(static_cast<std::size_t>(row)).at(static_cast<std::size_t>(col));
  if (cell + count < 0) {
    throw std::invalid_argument("contingency table cell would become negative");
  }
  cell += count;
}

std::int64_t ContingencyTable::RowTotal(int row) const {
  std::int64_t total = 0;
  for (std::int64_t x : counts_.at(static_cast<std::size_t>(row))) total += x;
  return total;
}

std::int64_t ContingencyTable::ColTotal(int col) const {
  std::int64_t total = 0;
  for (const auto& row : counts_) total += row.at(static_cast<std::size_t>(col));
  return total;
}

std::int64_t ContingencyTable::Total() const {
  std::int64_t total = 0;
  for (const auto& row : counts_) {
    for (std::int64_t x : row) total += x;
  }
  return total;
}

std::vector<std::vector<double>> ExpectedCounts(const ContingencyTable& table) {
  const double n = static_cast<double>(table.Total());
  std::vector<std::vector<double>> expected(
      static_cast<std::size_t>(table.rows()),
      std::vector<double>(static_cast<std::size_t>(table.cols()), 0.0));
  if (n == 0) return expected;
  for (int r = 0; r < table.rows(); ++r) {
    const double row_total = static_cast<double>(table.RowTotal(r));
    for (int c = 0; c < table.cols(); ++c) {
      expected[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] =
          row_total * static_cast<double>(table.ColTotal(c)) / n;
    }
  }
  return expected;
}

}  // namespace verhaal::stats
