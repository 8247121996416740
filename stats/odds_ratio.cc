#include "stats/odds_ratio.h"

#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace verhaal::stats {

OddsRatioResult OddsRatio(const ContingencyTable& table, double confidence) {
  if (table.rows() != 2 || table.cols() != 2) {
    throw std::invalid_argument("the odds ratio needs a 2x2 table; this one is " +
                                std::to_string(table.rows()) + "x" + std::to_string(table.cols()));
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw std::invalid_argument(
        "the confidence level must lie strictly between 0 and 1, e.g. 0.95");
  }
  OddsRatioResult result;
  result.confidence = confidence;
  result.n = table.Total();
  if (result.n == 0) {
    constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    result.odds_ratio = result.log_odds_ratio = result.standard_error = kNaN;
    result.lower = result.upper = kNaN;
    result.note = "the table is empty; the odds ratio is undefined";
    return result;
  }
  double a = static_cast<double>(table.at(0, 0));
  double b = static_cast<double>(table.at(0, 1));
  double c = static_cast<double>(table.at(1, 0));
  double d = static_cast<double>(table.at(1, 1));
  if (a == 0 || b == 0 || c == 0 || d == 0) {
    a += 0.5;
    b += 0.5;
    c += 0.5;
    d += 0.5;
    result.haldane_corrected = true;
    result.note =
        "a cell is zero: 0.5 was added to every cell (Haldane-Anscombe "
        "correction) before computing the odds ratio and its interval";
  }
  result.log_odds_ratio = std::log(a) + std::log(d) - std::log(b) - std::log(c);
  result.odds_ratio = std::exp(result.log_odds_ratio);
  result.standard_error = std::sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  const boost::math::normal_distribution<double> normal;
  const double z = boost::math::quantile(normal, 0.5 + confidence / 2);
  result.lower = std::exp(result.log_odds_ratio - z * result.standard_error);
  result.upper = std::exp(result.log_odds_ratio + z * result.standard_error);
  return result;
}

}  // namespace verhaal::stats
