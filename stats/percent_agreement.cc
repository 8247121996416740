#include "stats/percent_agreement.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

AgreementResult PercentAgreement(const CategoryCounts& counts) {
  const AgreementParts parts = ComputeAgreementParts(counts);
  AgreementResult result;
  result.observed_agreement = parts.observed_agreement;
  result.units = parts.units;
  result.rated_units = parts.rated_units;
  result.ratings = parts.ratings;
  result.categories = static_cast<int>(parts.shares.size());
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  result.chance_agreement = 0;
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

AgreementResult PercentAgreement(const ReliabilityData& data) {
  return PercentAgreement(CountCategories(data));
}

AgreementResult PercentAgreement(const ContingencyTable& table) {
  return PercentAgreement(CountsFromCrossTable(table));
}

}  // namespace verhaal::stats
