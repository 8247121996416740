#include "stats/cramers_v.h"

#include <algorithm>
#include <boost/math/distributions/non_central_chi_squared.hpp>
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
  const double scale = static_cast<double>(chi.n) * (result.min_dimension - 1);
  result.v = std::sqrt(chi.statistic / scale);
  auto bound = [&](double p) {
    return std::min(1.0, std::sqrt(NoncentralityForCdf(chi.statistic, chi.df, p) / scale));
  };
  result.ci_low = bound(0.975);
  result.ci_high = bound(0.025);
  return result;
}

double NoncentralityForCdf(double x, int df, double p) {
  // P(X <= x) falls as lambda grows; lambda = 0 is the central chi-square.
  auto cdf = [&](double lambda) {
    if (lambda <= 0) {
      return boost::math::cdf(boost::math::chi_squared_distribution<double>(df), x);
    }
    return boost::math::cdf(boost::math::non_central_chi_squared_distribution<double>(df, lambda),
                            x);
  };
  if (x <= 0 || cdf(0) <= p) return 0;
  double low = 0;
  double high = std::max(1.0, x);
  while (cdf(high) > p && high < 1e9) {
    low = high;
    high *= 2;
  }
  for (int i = 0; i < 200 && high - low > 1e-10 * std::max(1.0, high); ++i) {
    const double mid = (low + high) / 2;
    (cdf(mid) > p ? low : high) = mid;
  }
  return (low + high) / 2;
}

}  // namespace verhaal::stats
