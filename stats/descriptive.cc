#include "stats/descriptive.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {
namespace {

double SortedQuantile(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double lower = std::floor(h);
  const auto i = static_cast<std::size_t>(lower);
  if (i + 1 >= sorted.size()) return sorted.back();
  return sorted[i] + (h - lower) * (sorted[i + 1] - sorted[i]);
}

}  // namespace

double Quantile(std::span<const double> values, double p) {
  if (values.empty()) {
    throw std::invalid_argument("a quantile needs at least one value");
  }
  if (!(p >= 0 && p <= 1)) {
    throw std::invalid_argument("the quantile probability must lie in [0, 1]");
  }
  std::vector<double> sorted(values.begin(), values.end());
  if (std::any_of(sorted.begin(), sorted.end(), [](double x) { return std::isnan(x); })) {
    throw std::invalid_argument("the values contain NaN");
  }
  std::sort(sorted.begin(), sorted.end());
  return SortedQuantile(sorted, p);
}

Summary Describe(std::span<const double> values) {
  Summary summary;
  summary.n = static_cast<std::int64_t>(values.size());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (values.empty()) {
    summary.mean = summary.median = summary.sd = summary.q1 = summary.q3 = summary.min =
        summary.max = kNaN;
    summary.note = "there are no values to describe";
    return summary;
  }
  std::vector<double> sorted(values.begin(), values.end());
  for (double x : sorted) {
    if (!std::isfinite(x)) {
      throw std::invalid_argument("the values must be finite numbers");
    }
  }
  std::sort(sorted.begin(), sorted.end());
  double sum = 0;
  for (double x : sorted) sum += x;
  summary.mean = sum / static_cast<double>(sorted.size());
  if (sorted.size() > 1) {
    double squares = 0;
    for (double x : sorted) squares += (x - summary.mean) * (x - summary.mean);
    summary.sd = std::sqrt(squares / static_cast<double>(sorted.size() - 1));
  } else {
    summary.sd = kNaN;
    summary.note = "the standard deviation of a single value is undefined";
  }
  summary.median = SortedQuantile(sorted, 0.5);
  summary.q1 = SortedQuantile(sorted, 0.25);
  summary.q3 = SortedQuantile(sorted, 0.75);
  summary.min = sorted.front();
  summary.max = sorted.back();
  return summary;
}

Histogram UnitIntervalHistogram(std::span<const double> values, int bins) {
  if (bins < 1) {
    throw std::invalid_argument("a histogram needs at least one bin");
  }
  Histogram histogram;
  const auto k = static_cast<std::size_t>(bins);
  histogram.edges.resize(k + 1);
  for (std::size_t i = 0; i <= k; ++i) {
    histogram.edges[i] = static_cast<double>(i) / bins;
  }
  histogram.counts.assign(k, 0);
  for (double x : values) {
    if (!(x >= 0 && x <= 1)) {
      throw std::invalid_argument("histogram values must lie in [0, 1]; found " +
                                  std::to_string(x));
    }
    auto bin = static_cast<std::size_t>(std::floor(x * bins));
    if (bin >= k) bin = k - 1;  // x == 1: the last bin is closed
    // Guard against rounding in x * bins near an edge.
    if (bin > 0 && x < histogram.edges[bin]) --bin;
    if (bin + 1 < k && x >= histogram.edges[bin + 1]) ++bin;
    ++histogram.counts[bin];
    ++histogram.n;
  }
  return histogram;
}

}  // namespace verhaal::stats
