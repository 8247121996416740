#include "stats/brennan_prediger.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace verhaal::stats {

AgreementResult BrennanPrediger(const CategoryCounts& counts) {
  const AgreementParts parts = ComputeAgreementParts(counts);
  if (parts.shares.size() < 2) {
    throw std::invalid_argument(
        "the Brennan-Prediger coefficient needs at least two categories; list "
        "all possible categories (ReliabilityData::categories) if only one "
        "was used");
  }
  return ChanceCorrected(parts, 1.0 / static_cast<double>(parts.shares.size()));
}

AgreementResult BrennanPrediger(const ReliabilityData& data) {
  return BrennanPrediger(CountCategories(data));
}

AgreementResult BrennanPrediger(const ContingencyTable& table) {
  return BrennanPrediger(CountsFromCrossTable(table));
}

}  // namespace verhaal::stats
