// Descriptive statistics of a sample of numbers, and histograms of values in
// [0, 1] (dyad sliders).
#ifndef VERHAAL_STATS_DESCRIPTIVE_H_
#define VERHAAL_STATS_DESCRIPTIVE_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace verhaal::stats {

struct Summary {
  std::int64_t n = 0;
  double mean = 0;
  double median = 0;  // Quantile(values, 0.5)
  double sd = 0;      // sample standard deviation (divisor n - 1)
  double q1 = 0;      // Quantile(values, 0.25)
  double q3 = 0;      // Quantile(values, 0.75)
  double min = 0;
  double max = 0;
  std::string note;  // why some fields are NaN (no values; sd of one value)
};

// The p-quantile of `values` by R's default definition (Hyndman & Fan type 7):
// with the values sorted x_1 <= ... <= x_n, h = (n - 1) p and
// Q(p) = x_{floor(h)+1} + (h - floor(h)) (x_{floor(h)+2} - x_{floor(h)+1}).
// Throws std::invalid_argument if `values` is empty or has a NaN, or p is not
// in [0, 1].
double Quantile(std::span<const double> values, double p);

// n, mean, median, sample sd, quartiles (type 7), min and max. Throws
// std::invalid_argument if a value is NaN or infinite. An empty sample gives
// NaN everywhere (n = 0) with a note; one value gives sd = NaN with a note.
Summary Describe(std::span<const double> values);

struct Histogram {
  std::vector<double> edges;         // bins + 1 edges, edges[i] = i / bins
  std::vector<std::int64_t> counts;  // counts[i]: values in bin i
  std::int64_t n = 0;
};

// A histogram of values in [0, 1] with `bins` equal bins [i/k, (i+1)/k); the
// last bin is closed, so 1.0 falls in it. Throws std::invalid_argument if
// bins < 1 or a value lies outside [0, 1] (or is NaN).
Histogram UnitIntervalHistogram(std::span<const double> values, int bins);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_DESCRIPTIVE_H_
