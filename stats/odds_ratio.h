// The odds ratio of a 2x2 table with a Woolf (log) confidence interval.
#ifndef VERHAAL_STATS_ODDS_RATIO_H_
#define VERHAAL_STATS_ODDS_RATIO_H_

#include <cstdint>
#include <string>

#include "stats/contingency_table.h"

namespace verhaal::stats {

struct OddsRatioResult {
  double odds_ratio = 0;      // (a * d) / (b * c) for cells [[a, b], [c, d]]
  double log_odds_ratio = 0;  // natural log of odds_ratio
  double standard_error = 0;  // Woolf: sqrt(1/a + 1/b + 1/c + 1/d), log scale
  double lower = 0;           // exp(log OR - z * SE)
  double upper = 0;           // exp(log OR + z * SE)
  double confidence = 0.95;   // level of [lower, upper]
  std::int64_t n = 0;
  // True when a cell was zero and 0.5 was added to every cell
  // (Haldane-Anscombe correction) before computing everything above.
  bool haldane_corrected = false;
  std::string note;  // says when the correction was applied or why NaN
};

// Odds ratio of a 2x2 table (rows: exposure, columns: outcome) with a Woolf
// log-method confidence interval at level `confidence` (normal quantile from
// Boost.Math). If any cell is zero, adds 0.5 to all four cells first and says
// so. Throws std::invalid_argument if the table is not 2x2 or `confidence` is
// not strictly between 0 and 1. An empty table gives NaN with a note.
OddsRatioResult OddsRatio(const ContingencyTable& table, double confidence = 0.95);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_ODDS_RATIO_H_
