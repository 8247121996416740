// Cramér's V: the strength of association in a contingency table, 0..1.
#ifndef VERHAAL_STATS_CRAMERS_V_H_
#define VERHAAL_STATS_CRAMERS_V_H_

#include <cstdint>
#include <string>

#include "stats/contingency_table.h"

namespace verhaal::stats {

struct CramersVResult {
  double v = 0;           // sqrt(X^2 / (N * (min(rows, cols) - 1)))
  double chi_square = 0;  // Pearson X^2 without continuity correction
  std::int64_t n = 0;
  int min_dimension = 0;  // min(rows, cols)
  // The 95% confidence interval of V by inverting the noncentral chi-square
  // (Smithson 2003): the noncentrality parameters L and U for which the
  // observed X^2 is the 97.5th and 2.5th percentile, as V = sqrt(L / (N *
  // (min - 1))) and likewise U, at most 1. L is 0 when the test's p-value is
  // above 0.025; both are 0 when X^2 is 0. NaN with v.
  double ci_low = 0;
  double ci_high = 0;
  std::string note;  // why v is NaN, if it is
};

// Cramér's V from the uncorrected Pearson chi-square. Throws
// std::invalid_argument for tables with fewer than 2 rows or 2 columns.
// Returns NaN with a note when the chi-square is undefined (empty table,
// empty row or column).
CramersVResult CramersV(const ContingencyTable& table);

// The noncentrality parameter lambda of the chi-square distribution with `df`
// degrees of freedom for which P(X <= x) = p (0 when even lambda = 0 gives
// less); found by bisection to a relative 1e-10. For the interval above.
double NoncentralityForCdf(double x, int df, double p);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_CRAMERS_V_H_
