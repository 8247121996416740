// Adjusted standardised residuals (Haberman 1973) of a contingency table.
#ifndef VERHAAL_STATS_ADJUSTED_RESIDUALS_H_
#define VERHAAL_STATS_ADJUSTED_RESIDUALS_H_

#include <string>
#include <vector>

#include "stats/contingency_table.h"

namespace verhaal::stats {

struct AdjustedResidualsResult {
  // residuals[i][j] = (O - E) / sqrt(E * (1 - row_i/N) * (1 - col_j/N));
  // approximately standard normal under independence, so |r| > 1.96 marks a
  // cell that departs from independence at the 5% level. Same as R's
  // chisq.test(x)$stdres.
  std::vector<std::vector<double>> residuals;
  std::string note;  // set when some residuals are NaN, saying why
};

// Haberman's adjusted residual for every cell. Throws std::invalid_argument if
// the table has fewer than 2 rows or 2 columns. Cells in an empty row or
// column (or all cells of an empty table) get NaN, explained in `note`.
AdjustedResidualsResult AdjustedResiduals(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_ADJUSTED_RESIDUALS_H_
