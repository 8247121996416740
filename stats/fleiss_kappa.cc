#include "stats/fleiss_kappa.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

AgreementResult FleissKappa(const CategoryCounts& counts) {
  const AgreementParts parts = ComputeAgreementParts(counts);
  AgreementResult result;
  result.observed_agreement = parts.observed_agreement;
  result.units = parts.units;
  result.rated_units = parts.rated_units;
  result.ratings = parts.ratings;
  result.categories = static_cast<int>(parts.shares.size());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double chance = 0;
  for (double share : parts.shares) chance += share * share;
  result.chance_agreement = chance;
  if (parts.units == 0) {
    result.value = kNaN;
    result.note = "no unit has two or more ratings; agreement is undefined";
    return result;
  }
  if (result.chance_agreement >= 1) {
    result.value = kNaN;
    result.note =
        "all ratings fall in one category; chance agreement is 1 and "
        "the coefficient is undefined";
    return result;
  }
  result.value =
      (result.observed_agreement - result.chance_agreement) / (1 - result.chance_agreement);
  return result;
}

AgreementResult FleissKappa(const ReliabilityData& data) {
  return FleissKappa(CountCategories(data));
}

AgreementResult FleissKappa(const ContingencyTable& table) {
  return FleissKappa(CountsFromCrossTable(table));
}

}  // namespace verhaal::stats
