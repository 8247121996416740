// Pearson's chi-square test of independence for a contingency table.
#ifndef VERHAAL_STATS_CHI_SQUARE_H_
#define VERHAAL_STATS_CHI_SQUARE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "stats/contingency_table.h"

namespace verhaal::stats {

struct ChiSquareResult {
  double statistic = 0;  // X^2 = sum (O - E)^2 / E (Yates: (|O - E| - 0.5)^2)
  int df = 0;            // (rows - 1) * (cols - 1)
  double p_value = 0;    // upper tail of the chi-square distribution with df
  std::int64_t n = 0;    // total count
  bool yates_corrected = false;
  std::vector<std::vector<double>> expected;  // expected counts E
  std::string note;                           // why statistic/p_value are NaN, if they are
};

// Pearson's chi-square test of independence. With `yates` set, applies Yates'
// continuity correction (each |O - E| reduced by 0.5, never below 0), as R's
// chisq.test does by default for 2x2 tables.
// Throws std::invalid_argument if the table has fewer than 2 rows or 2
// columns, or if `yates` is requested for a table that is not 2x2.
// Returns NaN statistic and p-value with a note when the table is empty or has
// a row or column without observations (expected counts of zero).
ChiSquareResult PearsonChiSquare(const ContingencyTable& table, bool yates = false);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_CHI_SQUARE_H_
