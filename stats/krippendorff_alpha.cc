#include "stats/krippendorff_alpha.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

#include "stats/descriptive.h"

namespace verhaal::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One pairable unit: how many of its values fall on each distinct value.
struct UnitValues {
  std::vector<std::pair<std::size_t, int>> counts;  // (value index, count)
  int total = 0;
};

std::vector<std::vector<double>> Coincidences(const std::vector<UnitValues>& units,
                                              const std::vector<std::size_t>& picks,
                                              std::size_t v) {
  std::vector<std::vector<double>> o(v, std::vector<double>(v, 0.0));
  for (std::size_t pick : picks) {
    const UnitValues& unit = units[pick];
    const double weight = 1.0 / (unit.total - 1);
    for (const auto& [c, nc] : unit.counts) {
      for (const auto& [k, nk] : unit.counts) {
        o[c][k] += weight * nc * (c == k ? nk - 1 : nk);
      }
    }
  }
  return o;
}

double Delta2(MeasurementLevel level, const std::vector<double>& values,
              const std::vector<double>& marginals, std::size_t c, std::size_t k) {
  if (c == k) return 0;
  switch (level) {
    case MeasurementLevel::kNominal:
      return 1;
    case MeasurementLevel::kOrdinal: {
      const std::size_t lo = std::min(c, k), hi = std::max(c, k);
      double sum = 0;
      for (std::size_t g = lo; g <= hi; ++g) sum += marginals[g];
      const double d = sum - (marginals[lo] + marginals[hi]) / 2;
      return d * d;
    }
    case MeasurementLevel::kInterval: {
      const double d = values[c] - values[k];
      return d * d;
    }
    case MeasurementLevel::kRatio: {
      const double sum = values[c] + values[k];
      if (sum == 0) return 0;
      const double d = (values[c] - values[k]) / sum;
      return d * d;
    }
  }
  return 0;
}

// Fills alpha, D_o and D_e of `result` from its coincidence matrix.
void AlphaFromCoincidences(MeasurementLevel level, KrippendorffAlphaResult& result) {
  const std::size_t v = result.values.size();
  std::vector<double> marginals(v, 0.0);
  double n = 0;
  for (std::size_t c = 0; c < v; ++c) {
    for (std::size_t k = 0; k < v; ++k) marginals[c] += result.coincidences[c][k];
    n += marginals[c];
  }
  if (n < 2) {
    result.alpha = result.observed_disagreement = result.expected_disagreement = kNaN;
    result.note = "no unit was coded by two or more coders; alpha is undefined";
    return;
  }
  double observed = 0, expected = 0;
  for (std::size_t c = 0; c < v; ++c) {
    for (std::size_t k = 0; k < v; ++k) {
      const double d2 = Delta2(level, result.values, marginals, c, k);
      observed += result.coincidences[c][k] * d2;
      expected += marginals[c] * marginals[k] * d2;
    }
  }
  result.observed_disagreement = observed / n;
  result.expected_disagreement = expected / (n * (n - 1));
  if (result.expected_disagreement <= 0) {
    result.alpha = kNaN;
    result.note =
        "all pairable values are the same, so there is no variation to agree "
        "on; alpha is undefined";
    return;
  }
  result.alpha = 1 - result.observed_disagreement / result.expected_disagreement;
}

// Validates, finds the distinct values and the pairable units.
KrippendorffAlphaResult Prepare(const ReliabilityData& data, MeasurementLevel level,
                                std::vector<UnitValues>& units) {
  CheckReliabilityData(data);
  KrippendorffAlphaResult result;
  result.coders = static_cast<int>(data.units.front().size());
  std::vector<double>& values = result.values;
  for (const auto& unit : data.units) {
    int m = 0;
    for (const auto& value : unit) m += value.has_value();
    if (m < 2) continue;
    for (const auto& value : unit) {
      if (!value) continue;
      if (level == MeasurementLevel::kRatio && *value < 0) {
        throw std::invalid_argument("ratio-level alpha needs values of 0 or more; found " +
                                    std::to_string(*value));
      }
      values.push_back(*value);
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (const auto& unit : data.units) {
    UnitValues counted;
    for (const auto& value : unit) {
      if (!value) continue;
      const auto index = static_cast<std::size_t>(
          std::lower_bound(values.begin(), values.end(), *value) - values.begin());
      auto it = std::find_if(counted.counts.begin(), counted.counts.end(),
                             [index](const auto& p) { return p.first == index; });
      if (it == counted.counts.end()) {
        counted.counts.emplace_back(index, 1);
      } else {
        ++it->second;
      }
      ++counted.total;
    }
    if (counted.total < 2) continue;
    ++result.pairable_units;
    result.pairable_values += counted.total;
    units.push_back(std::move(counted));
  }
  return result;
}

}  // namespace

KrippendorffAlphaResult KrippendorffAlpha(const ReliabilityData& data, MeasurementLevel level) {
  std::vector<UnitValues> units;
  KrippendorffAlphaResult result = Prepare(data, level, units);
  std::vector<std::size_t> all(units.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  result.coincidences = Coincidences(units, all, result.values.size());
  AlphaFromCoincidences(level, result);
  return result;
}

AlphaBootstrapResult KrippendorffAlphaBootstrap(const ReliabilityData& data, MeasurementLevel level,
                                                const AlphaBootstrapOptions& options) {
  if (options.draws < 1) {
    throw std::invalid_argument("the bootstrap needs at least 1 draw");
  }
  if (!(options.confidence > 0 && options.confidence < 1)) {
    throw std::invalid_argument(
        "the confidence level must lie strictly between 0 and 1, e.g. 0.95");
  }
  std::vector<UnitValues> units;
  AlphaBootstrapResult result;
  result.estimate = Prepare(data, level, units);
  std::vector<std::size_t> picks(units.size());
  for (std::size_t i = 0; i < picks.size(); ++i) picks[i] = i;
  result.estimate.coincidences = Coincidences(units, picks, result.estimate.values.size());
  AlphaFromCoincidences(level, result.estimate);
  result.confidence = options.confidence;
  result.draws = options.draws;
  result.seed = options.seed;
  if (std::isnan(result.estimate.alpha)) {
    result.lower = result.upper = kNaN;
    result.note = result.estimate.note;
    return result;
  }
  std::mt19937_64 rng(options.seed);
  const std::uint64_t bound = units.size();
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::vector<double> alphas;
  alphas.reserve(static_cast<std::size_t>(options.draws));
  KrippendorffAlphaResult sample;
  sample.values = result.estimate.values;
  for (int draw = 0; draw < options.draws; ++draw) {
    for (std::size_t& pick : picks) {
      std::uint64_t x;
      do {
        x = rng();
      } while (x >= limit);
      pick = static_cast<std::size_t>(x % bound);
    }
    sample.coincidences = Coincidences(units, picks, sample.values.size());
    sample.note.clear();
    AlphaFromCoincidences(level, sample);
    if (!std::isnan(sample.alpha)) alphas.push_back(sample.alpha);
  }
  result.valid_draws = static_cast<int>(alphas.size());
  if (alphas.empty()) {
    result.lower = result.upper = kNaN;
    result.note = "alpha was undefined in every bootstrap sample";
    return result;
  }
  result.lower = Quantile(alphas, (1 - options.confidence) / 2);
  result.upper = Quantile(alphas, (1 + options.confidence) / 2);
  if (result.valid_draws < result.draws) {
    result.note = std::to_string(result.draws - result.valid_draws) +
                  " bootstrap samples had no variation (alpha undefined) and "
                  "were left out of the interval";
  }
  return result;
}

}  // namespace verhaal::stats
