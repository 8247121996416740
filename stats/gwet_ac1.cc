#include "stats/gwet_ac1.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

AgreementResult GwetAc1(const CategoryCounts& counts) {
  const AgreementParts parts = ComputeAgreementParts(counts);
  if (parts.shares.size() < 2) {
    throw std::invalid_argument(
        "Gwet's AC1 needs at least two categories; list all possible "
        "categories (ReliabilityData::categories) if only one was used");
  }
  double chance = 0;
  for (double share : parts.shares) chance += share * (1 - share);
  return ChanceCorrected(parts, chance / static_cast<double>(parts.shares.size() - 1));
}

AgreementResult GwetAc1(const ReliabilityData& data) { return GwetAc1(CountCategories(data)); }

AgreementResult GwetAc1(const ContingencyTable& table) {
  return GwetAc1(CountsFromCrossTable(table));
}

}  // namespace verhaal::stats
