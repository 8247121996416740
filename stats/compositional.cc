#include "stats/compositional.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

TriadMean ClosedGeometricMean(std::span<const std::array<double, 3>> triads, double delta) {
  if (!(delta > 0 && delta < 1.0 / 3)) {
    throw std::invalid_argument(
        "the zero replacement value must lie between 0 and 1/3, e.g. 0.001");
  }
  TriadMean result;
  result.delta = delta;
  result.n = static_cast<int>(triads.size());
  if (triads.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    result.mean = {nan, nan, nan};
    result.note = "there are no triads to average";
    return result;
  }
  std::array<double, 3> log_sums = {0, 0, 0};
  for (std::size_t t = 0; t < triads.size(); ++t) {
    const auto& triad = triads[t];
    double sum = 0;
    int zeros = 0;
    for (double x : triad) {
      if (!std::isfinite(x) || x < 0) {
        throw std::invalid_argument("triad " + std::to_string(t + 1) +
                                    " has a part that is negative or not a "
                                    "finite number");
      }
      sum += x;
      zeros += x == 0;
    }
    if (sum <= 0) {
      throw std::invalid_argument("triad " + std::to_string(t + 1) + " has all three parts zero");
    }
    result.replaced_zeros += zeros;
    const double scale = 1 - zeros * delta;
    for (std::size_t j = 0; j < 3; ++j) {
      const double part = triad[j] == 0 ? delta : triad[j] / sum * scale;
      log_sums[j] += std::log(part);
    }
  }
  double total = 0;
  for (std::size_t j = 0; j < 3; ++j) {
    result.mean[j] = std::exp(log_sums[j] / static_cast<double>(triads.size()));
    total += result.mean[j];
  }
  for (double& part : result.mean) part /= total;
  return result;
}

}  // namespace verhaal::stats
