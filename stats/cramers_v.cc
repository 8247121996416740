#include "stats/cramers_v.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/chi_square.h"

namespace verhaal::stats {

CramersVResult CramersV(const ContingencyTable& table) {
  const ChiSquareResult chi = PearsonChiSquare(table, /*yates=*/false);
  CramersVResult result;
  result.chi_square = chi.statistic;
  result.n = chi.n;
  result.min_dimension = std::min(table.rows(), table.cols());
  if (std::isnan(chi.statistic)) {
    result.v = std::numeric_limits<double>::quiet_NaN();
    result.note = chi.note;
    return result;
  }
  result.v = std::sqrt(chi.statistic / (static_cast<double>(chi.n) * (result.min_dimension - 1)));
  return result;
}

}  // namespace verhaal::stats
