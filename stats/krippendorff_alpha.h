// Krippendorff's alpha: the reliability of coding by any number of coders,
// with missing values, for nominal, ordinal, interval and ratio data.
#ifndef VERHAAL_STATS_KRIPPENDORFF_ALPHA_H_
#define VERHAAL_STATS_KRIPPENDORFF_ALPHA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "stats/reliability_data.h"

namespace verhaal::stats {

// The metric (difference function delta^2) that alpha uses.
enum class MeasurementLevel {
  kNominal,   // delta^2 = 0 if c == k, else 1
  kOrdinal,   // delta^2 = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2, by rank
  kInterval,  // delta^2 = (c - k)^2
  kRatio,     // delta^2 = ((c - k) / (c + k))^2; values must be >= 0
};

struct KrippendorffAlphaResult {
  // 1 - D_o / D_e. NaN with `note` when undefined (no pairable values, or no
  // variation at all so that D_e = 0).
  double alpha = 0;
  double observed_disagreement = 0;  // D_o
  double expected_disagreement = 0;  // D_e
  int pairable_units = 0;            // units with two or more values
  int pairable_values = 0;           // n: the values in those units
  int coders = 0;
  std::vector<double> values;  // the distinct values (coincidence matrix order)
  // The coincidence matrix o_ck (values x values); its row sums are n_c.
  std::vector<std::vector<double>> coincidences;
  std::string note;
};

// Krippendorff's alpha computed via the coincidence matrix, as in Krippendorff
// (2011), "Computing Krippendorff's Alpha-Reliability": each unit u with m_u
// >= 2 values adds 1 / (m_u - 1) for every ordered pair of values from
// different coders; D_o = sum o_ck delta^2_ck / n and
// D_e = sum n_c n_k delta^2_ck / (n (n - 1)). data.categories, if given, only
// validate the values. Throws std::invalid_argument as CheckReliabilityData
// does, or for a negative value at the ratio level.
KrippendorffAlphaResult KrippendorffAlpha(const ReliabilityData& data, MeasurementLevel level);

struct AlphaBootstrapOptions {
  int draws = 2000;               // bootstrap samples
  std::uint64_t seed = 20240601;  // std::mt19937_64 seed
  double confidence = 0.95;       // level of the percentile interval
};

struct AlphaBootstrapResult {
  KrippendorffAlphaResult estimate;  // alpha of the data itself
  double lower = 0;                  // percentile interval of bootstrap alphas
  double upper = 0;
  double confidence = 0.95;
  int draws = 0;        // samples drawn
  int valid_draws = 0;  // samples where alpha was defined (used for the CI)
  std::uint64_t seed = 0;
  std::string note;  // why the interval is NaN, or how many draws failed
};

// A bootstrap confidence interval for alpha by resampling UNITS with
// replacement (the nonparametric unit bootstrap; not Krippendorff's own
// algorithm, which resamples pairs of values): each draw takes as many units
// as there are pairable units, recomputes the coincidence matrix and alpha
// (for ordinal data with the resampled marginals), and the interval is the
// (1 - confidence) / 2 and (1 + confidence) / 2 quantiles (R type 7) of the
// defined alphas. Reproducible for a given seed on every platform. Throws as
// KrippendorffAlpha does, and std::invalid_argument if draws < 1 or confidence
// is not strictly between 0 and 1. The interval is NaN with a note when alpha
// itself is undefined.
AlphaBootstrapResult KrippendorffAlphaBootstrap(const ReliabilityData& data, MeasurementLevel level,
                                                const AlphaBootstrapOptions& options = {});

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_KRIPPENDORFF_ALPHA_H_
