// Reliability data: the values that several coders gave to the same units,
// with gaps where a coder did not code a unit. The input of the agreement
// coefficients (cohen_kappa.h, fleiss_kappa.h, gwet_ac1.h,
// brennan_prediger.h, percent_agreement.h, krippendorff_alpha.h).
#ifndef VERHAAL_STATS_RELIABILITY_DATA_H_
#define VERHAAL_STATS_RELIABILITY_DATA_H_

#include <optional>
#include <vector>

#include "stats/contingency_table.h"

namespace verhaal::stats {

struct ReliabilityData {
  // units[u][c] is the value coder c gave unit u, std::nullopt if coder c did
  // not code unit u. Every unit lists the same coders. Nominal categories are
  // given as numbers too (e.g. their index in the codebook).
  std::vector<std::vector<std::optional<double>>> units;
  // The possible values in order. Their positions 0..k-1 define the weights of
  // weighted kappa and the number of categories of Brennan-Prediger and AC1.
  // Empty: the distinct values that occur, sorted ascending.
  std::vector<double> categories;
};

// counts[u][k]: how many coders put unit u in category k.
using CategoryCounts = std::vector<std::vector<int>>;

// The categories of `data`: data.categories, or the sorted distinct values.
// Throws std::invalid_argument as CheckReliabilityData does.
std::vector<double> ResolveCategories(const ReliabilityData& data);

// Throws std::invalid_argument unless `data` has at least one unit, every unit
// lists the same number of coders, there are at least two coders, every value
// is finite, data.categories (if given) are distinct, and every value is one
// of them.
void CheckReliabilityData(const ReliabilityData& data);

// Counts per unit and category, categories as in ResolveCategories. Throws
// std::invalid_argument as CheckReliabilityData does.
CategoryCounts CountCategories(const ReliabilityData& data);

// Turns a square two-coder cross-table (rows: coder A's category, columns:
// coder B's, same category order) into per-unit counts: each observation in
// cell (i, j) is one unit with one rating in i and one in j. Throws
// std::invalid_argument if the table is not square.
CategoryCounts CountsFromCrossTable(const ContingencyTable& table);

// Throws std::invalid_argument unless `counts` has at least one unit, every
// unit has the same number (>= 1) of categories and no count is negative.
void CheckCategoryCounts(const CategoryCounts& counts);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_RELIABILITY_DATA_H_
