#include "stats/cohen_kappa.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

std::vector<std::vector<double>> KappaWeights(KappaWeighting weighting, int k) {
  if (k < 1) {
    throw std::invalid_argument("kappa weights need at least one category");
  }
  const auto size = static_cast<std::size_t>(k);
  std::vector<std::vector<double>> weights(size, std::vector<double>(size, 0.0));
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      double w = i == j ? 1.0 : 0.0;
      if (k > 1 && weighting != KappaWeighting::kUnweighted) {
        const double distance = std::abs(i - j) / static_cast<double>(k - 1);
        w = weighting == KappaWeighting::kLinear ? 1 - distance : 1 - distance * distance;
      }
      weights[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = w;
    }
  }
  return weights;
}

CohenKappaResult CohenKappa(const ContingencyTable& table,
                            const std::vector<std::vector<double>>& weights) {
  if (table.rows() != table.cols()) {
    throw std::invalid_argument(
        "Cohen's kappa needs a square cross-table (the same categories for "
        "both coders); this one is " +
        std::to_string(table.rows()) + "x" + std::to_string(table.cols()));
  }
  const int k = table.rows();
  if (weights.size() != static_cast<std::size_t>(k)) {
    throw std::invalid_argument("the weight matrix has " + std::to_string(weights.size()) +
                                " rows but there are " + std::to_string(k) + " categories");
  }
  for (const auto& row : weights) {
    if (row.size() != static_cast<std::size_t>(k)) {
      throw std::invalid_argument("the weight matrix must be " + std::to_string(k) + "x" +
                                  std::to_string(k));
    }
    for (double w : row) {
      if (!(w >= 0 && w <= 1)) {
        throw std::invalid_argument(
            "kappa weights must lie between 0 (no agreement) and 1 (full "
            "agreement)");
      }
    }
  }
  CohenKappaResult result;
  result.n = table.Total();
  result.categories = k;
  if (result.n == 0) {
    throw std::invalid_argument("Cohen's kappa needs at least one rated unit");
  }
  const double n = static_cast<double>(result.n);
  double observed = 0, expected = 0;
  for (int i = 0; i < k; ++i) {
    const double row_share = static_cast<double>(table.RowTotal(i)) / n;
    for (int j = 0; j < k; ++j) {
      const double w = weights[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
      observed += w * static_cast<double>(table.at(i, j)) / n;
      expected += w * row_share * static_cast<double>(table.ColTotal(j)) / n;
    }
  }
  result.observed_agreement = observed;
  result.expected_agreement = expected;
  if (expected >= 1 - 1e-12) {
    result.kappa = std::numeric_limits<double>::quiet_NaN();
    result.note =
        "expected agreement is 1 (all ratings fall in one category); kappa is "
        "undefined";
    return result;
  }
  result.kappa = (observed - expected) / (1 - expected);
  return result;
}

CohenKappaResult CohenKappa(const ContingencyTable& table, KappaWeighting weighting) {
  if (table.rows() != table.cols()) {
    return CohenKappa(table, std::vector<std::vector<double>>{});  // throws
  }
  return CohenKappa(table, KappaWeights(weighting, table.rows()));
}

CohenKappaResult CohenKappa(const ReliabilityData& data, KappaWeighting weighting) {
  const std::vector<double> categories = ResolveCategories(data);
  if (data.units.front().size() != 2) {
    throw std::invalid_argument("Cohen's kappa compares exactly two coders; this data has " +
                                std::to_string(data.units.front().size()) +
                                " (use Fleiss' kappa, Gwet's AC1 or Krippendorff's alpha)");
  }
  const int k = static_cast<int>(categories.size());
  ContingencyTable table(k, k);
  int skipped = 0;
  auto position = [&categories](double value) {
    return static_cast<int>(std::find(categories.begin(), categories.end(), value) -
                            categories.begin());
  };
  for (const auto& unit : data.units) {
    if (!unit[0] || !unit[1]) {
      ++skipped;
      continue;
    }
    table.Add(position(*unit[0]), position(*unit[1]));
  }
  if (table.Total() == 0) {
    throw std::invalid_argument(
        "no unit was rated by both coders, so Cohen's kappa cannot be "
        "computed");
  }
  CohenKappaResult result = CohenKappa(table, weighting);
  result.units_skipped = skipped;
  return result;
}

}  // namespace verhaal::stats
