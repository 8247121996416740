#include "stats/chi_square.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace verhaal::stats {

ChiSquareResult PearsonChiSquare(const ContingencyTable& table, bool yates) {
  if (table.rows() < 2 || table.cols() < 2) {
    throw std::invalid_argument(
        "the chi-square test needs at least 2 rows and 2 columns; this table "
        "is " +
        std::to_string(table.rows()) + "x" + std::to_string(table.cols()));
  }
  if (yates && (table.rows() != 2 || table.cols() != 2)) {
    throw std::invalid_argument("Yates' continuity correction applies only to 2x2 tables");
  }
  ChiSquareResult result;
  result.n = table.Total();
  result.df = (table.rows() - 1) * (table.cols() - 1);
  result.yates_corrected = yates;
  result.expected = ExpectedCounts(table);
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (result.n == 0) {
    result.statistic = result.p_value = kNaN;
    result.note = "the table is empty; the chi-square test is undefined";
    return result;
  }
  for (int r = 0; r < table.rows(); ++r) {
    if (table.RowTotal(r) == 0) {
      result.statistic = result.p_value = kNaN;
      result.note = "row " + std::to_string(r + 1) +
                    " has no observations; drop empty rows before the "
                    "chi-square test";
      return result;
    }
  }
  for (int c = 0; c < table.cols(); ++c) {
    if (table.ColTotal(c) == 0) {
      result.statistic = result.p_value = kNaN;
      result.note = "column " + std::to_string(c + 1) +
                    " has no observations; drop empty columns before the "
                    "chi-square test";
      return result;
    }
  }
  double statistic = 0;
  for (int r = 0; r < table.rows(); ++r) {
    for (int c = 0; c < table.cols(); ++c) {
      const double e = result.expected[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
      double diff = std::abs(static_cast<double>(table.at(r, c)) - e);
      if (yates) diff = std::max(0.0, diff - 0.5);
      statistic += diff * diff / e;
    }
  }
  result.statistic = statistic;
  const boost::math::chi_squared_distribution<double> dist(result.df);
  result.p_value = boost::math::cdf(boost::math::complement(dist, statistic));
  return result;
}

}  // namespace verhaal::stats
