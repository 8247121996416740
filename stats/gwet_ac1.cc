#include "stats/gwet_ac1.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

AgreementResult GwetAc1(const CategoryCounts& counts) {
  const AgreementParts parts = ComputeAgreementParts(counts);
  AgreementResult result;
  result.observed_agreement = parts.observed_agreement;
  result.units = parts.units;
  result.rated_units = parts.rated_units;
  result.ratings = parts.ratings;
  result.categories = static_cast<int>(parts.shares.size());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (parts.shares.size() < 2) {
    throw std::invalid_argument(
        "Gwet's AC1 needs at least two categories; list all possible "
        "categories (ReliabilityData::categories) if only one was used");
  }
  double chance = 0;
  for (double share : parts.shares) chance += share * (1 - share);
  result.chance_agreement = chance / static_cast<double>(parts.shares.size() - 1);
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

AgreementResult GwetAc1(const ReliabilityData& data) { return GwetAc1(CountCategories(data)); }

AgreementResult GwetAc1(const ContingencyTable& table) {
  return GwetAc1(CountsFromCrossTable(table));
}

}  // namespace verhaal::stats
