#include "stats/percent_agreement.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

AgreementResult PercentAgreement(const CategoryCounts& counts) {
  const AgreementParts parts = ComputeAgreementParts(counts);
  return ChanceCorrected(parts, 0);
}

AgreementResult PercentAgreement(const ReliabilityData& data) {
  return PercentAgreement(CountCategories(data));
}

AgreementResult PercentAgreement(const ContingencyTable& table) {
  return PercentAgreement(CountsFromCrossTable(table));
}

}  // namespace verhaal::stats
