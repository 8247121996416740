// Cohen's kappa for two coders: unweighted, or weighted for ordered
// categories (Cohen 1968).
#ifndef VERHAAL_STATS_COHEN_KAPPA_H_
#define VERHAAL_STATS_COHEN_KAPPA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "stats/contingency_table.h"
#include "stats/reliability_data.h"

namespace verhaal::stats {

// Agreement weights for kappa over k ordered categories, from the category
// POSITIONS i, j = 0..k-1 (never from the raw scores):
enum class KappaWeighting {
  kUnweighted,  // w_ij = 1 if i == j, else 0
  kLinear,      // w_ij = 1 - |i - j| / (k - 1)
  kQuadratic,   // w_ij = 1 - (i - j)^2 / (k - 1)^2
};

struct CohenKappaResult {
  // (p_o - p_e) / (1 - p_e), NaN with `note` when p_e == 1.
  double kappa = 0;
  double observed_agreement = 0;  // p_o = sum_ij w_ij p_ij
  double expected_agreement = 0;  // p_e = sum_ij w_ij p_i. p_.j
  std::int64_t n = 0;             // units rated by both coders
  int categories = 0;             // k
  int units_skipped = 0;          // ReliabilityData: units missing a rating
  std::string note;
};

// The agreement weight matrix for `weighting` and k categories. Throws
// std::invalid_argument if k < 1.
std::vector<std::vector<double>> KappaWeights(KappaWeighting weighting, int k);

// Cohen's kappa from a square cross-table of two coders (rows: coder A's
// category, columns: coder B's, the same categories in the same order).
// Throws std::invalid_argument if the table is not square or empty. NaN with
// a note when the expected agreement is 1 (e.g. both coders used one
// category only).
CohenKappaResult CohenKappa(const ContingencyTable& table,
                            KappaWeighting weighting = KappaWeighting::kUnweighted);

// Weighted kappa with a custom k x k agreement weight matrix (1 = full
// agreement, 0 = none; usually w_ii = 1 and symmetric). Throws
// std::invalid_argument if the table is not square or empty, the matrix does
// not match the table, or a weight lies outside [0, 1].
CohenKappaResult CohenKappa(const ContingencyTable& table,
                            const std::vector<std::vector<double>>& weights);

// Cohen's kappa from reliability data with exactly two coders; units that
// either coder left out are skipped (and counted). Category positions come
// from data.categories (or the sorted distinct values). Throws
// std::invalid_argument as CheckReliabilityData does, if there are not
// exactly two coders, or if no unit was rated by both.
CohenKappaResult CohenKappa(const ReliabilityData& data,
                            KappaWeighting weighting = KappaWeighting::kUnweighted);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_COHEN_KAPPA_H_
