#include "stats/adjusted_residuals.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace verhaal::stats {

AdjustedResidualsResult AdjustedResiduals(const ContingencyTable& table) {
  if (table.rows() < 2 || table.cols() < 2) {
    throw std::invalid_argument("adjusted residuals need at least 2 rows and 2 columns");
  }
  AdjustedResidualsResult result;
  const auto expected = ExpectedCounts(table);
  const double n = static_cast<double>(table.Total());
  result.residuals.assign(static_cast<std::size_t>(table.rows()),
                          std::vector<double>(static_cast<std::size_t>(table.cols())));
  bool any_undefined = false;
  for (int r = 0; r < table.rows(); ++r) {
    for (int c = 0; c < table.cols(); ++c) {
      const auto ri = static_cast<std::size_t>(r);
      const auto ci = static_cast<std::size_t>(c);
      double value = std::numeric_limits<double>::quiet_NaN();
      if (n > 0) {
        const double row_share = static_cast<double>(table.RowTotal(r)) / n;
        const double col_share = static_cast<double>(table.ColTotal(c)) / n;
        const double variance = expected[ri][ci] * (1 - row_share) * (1 - col_share);
        if (variance > 0) {
          value = (static_cast<double>(table.at(r, c)) - expected[ri][ci]) / std::sqrt(variance);
        }
      }
      if (std::isnan(value)) any_undefined = true;
      result.residuals[ri][ci] = value;
    }
  }
  if (any_undefined) {
    result.note =
        "some residuals are undefined because their row or column has no "
        "observations (or holds all of them)";
  }
  return result;
}

}  // namespace verhaal::stats
