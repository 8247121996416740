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
  std::string note;       // why v is NaN, if it is
};

// Cramér's V from the uncorrected Pearson chi-square. Throws
// std::invalid_argument for tables with fewer than 2 rows or 2 columns.
// Returns NaN with a note when the chi-square is undefined (empty table,
// empty row or column).
CramersVResult CramersV(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_CRAMERS_V_H_
