#include "stats/agreement_result.h"

#include <limits>

namespace verhaal::stats {

AgreementParts ComputeAgreementParts(const CategoryCounts& counts) {
  CheckCategoryCounts(counts);
  AgreementParts parts;
  parts.shares.assign(counts.front().size(), 0.0);
  double agreement_sum = 0;
  for (const auto& unit : counts) {
    std::int64_t r = 0;
    for (int x : unit) r += x;
    parts.ratings += r;
    if (r == 0) continue;
    ++parts.rated_units;
    for (std::size_t k = 0; k < unit.size(); ++k) {
      parts.shares[k] += static_cast<double>(unit[k]) / static_cast<double>(r);
    }
    if (r < 2) continue;
    ++parts.units;
    double pairs = 0;
    for (int x : unit) pairs += static_cast<double>(x) * (x - 1);
    agreement_sum += pairs / (static_cast<double>(r) * static_cast<double>(r - 1));
  }
  if (parts.rated_units > 0) {
    for (double& share : parts.shares) share /= parts.rated_units;
  }
  parts.observed_agreement =
      parts.units > 0 ? agreement_sum / parts.units : std::numeric_limits<double>::quiet_NaN();
  return parts;
}

AgreementResult ChanceCorrected(const AgreementParts& parts, double chance_agreement) {
  AgreementResult result;
  result.observed_agreement = parts.observed_agreement;
  result.chance_agreement = chance_agreement;
  result.units = parts.units;
  result.rated_units = parts.rated_units;
  result.ratings = parts.ratings;
  result.categories = static_cast<int>(parts.shares.size());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (parts.units == 0) {
    result.value = kNaN;
    result.note = "no unit has two or more ratings; agreement is undefined";
    return result;
  }
  if (chance_agreement >= 1) {
    result.value = kNaN;
    result.note =
        "all ratings fall in one category; chance agreement is 1 and "
        "the coefficient is undefined";
    return result;
  }
  result.value = (result.observed_agreement - chance_agreement) / (1 - chance_agreement);
  return result;
}

}  // namespace verhaal::stats
