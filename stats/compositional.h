// Compositional statistics for triads (three proportions summing to 1).
#ifndef VERHAAL_STATS_COMPOSITIONAL_H_
#define VERHAAL_STATS_COMPOSITIONAL_H_

#include <array>
#include <span>
#include <string>

namespace verhaal::stats {

// Default replacement value for zero parts (multiplicative replacement).
inline constexpr double kDefaultZeroReplacement = 0.001;

struct TriadMean {
  // The closed geometric mean: exp(mean log x_j) per part, rescaled to sum 1.
  std::array<double, 3> mean = {0, 0, 0};
  int n = 0;               // triads averaged
  int replaced_zeros = 0;  // zero parts replaced by `delta`
  double delta = kDefaultZeroReplacement;
  std::string note;  // why the mean is NaN (no triads)
};

// The closed geometric mean (centre) of 3-part compositions (Aitchison 1986).
// Each triad is first closed to sum 1. Zero parts are then replaced by
// multiplicative replacement (Martin-Fernandez, Barcelo-Vidal &
// Pawlowsky-Glahn 2003): a zero part becomes `delta`, and the non-zero parts
// of that triad are multiplied by (1 - z * delta) for z zero parts, so the
// triad still sums to 1. Throws std::invalid_argument if a part is negative
// or not finite, a triad sums to 0, or delta is not in (0, 1/3). No triads
// give NaN with a note.
TriadMean ClosedGeometricMean(std::span<const std::array<double, 3>> triads,
                              double delta = kDefaultZeroReplacement);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_COMPOSITIONAL_H_
