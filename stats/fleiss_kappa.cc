#include "stats/fleiss_kappa.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

AgreementResult FleissKappa(const CategoryCounts& counts) {
  const AgreementParts parts = ComputeAgreementParts(counts);
  double chance = 0;
  for (double share : parts.shares) chance += share * share;
  return ChanceCorrected(parts, chance);
}

AgreementResult FleissKappa(const ReliabilityData& data) {
  return FleissKappa(CountCategories(data));
}

AgreementResult FleissKappa(const ContingencyTable& table) {
  return FleissKappa(CountsFromCrossTable(table));
}

}  // namespace verhaal::stats
