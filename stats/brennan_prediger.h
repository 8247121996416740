// Brennan and Prediger's coefficient: agreement corrected for a uniform chance
// model over the categories.
// Private to stats/.
#ifndef VERHAAL_STATS_BRENNAN_PREDIGER_H_
#define VERHAAL_STATS_BRENNAN_PREDIGER_H_

#include "stats/agreement_result.h"
#include "stats/contingency_table.h"
#include "stats/reliability_data.h"

namespace verhaal::stats {

// Brennan and Prediger's (1981) coefficient (also Bennett's S, free-marginal
// kappa) from a units x categories table of counts: p_e = 1 / q with q the
// number of categories, and value = (p_a - p_e) / (1 - p_e). q is the number
// of possible categories, so list unused ones too. Throws
// std::invalid_argument as CheckCategoryCounts does, or if there are fewer
// than two categories. NaN with a note when no unit has two ratings.
AgreementResult BrennanPrediger(const CategoryCounts& counts);

// BrennanPrediger of raw reliability data (units x coders, missing values
// allowed). Throws std::invalid_argument as CheckReliabilityData does, or if
// there are fewer than two categories.
AgreementResult BrennanPrediger(const ReliabilityData& data);

// BrennanPrediger of two coders given as a square cross-table (rows: coder A's
// category, columns: coder B's). Throws std::invalid_argument if the table is
// not square, or if there are fewer than two categories.
AgreementResult BrennanPrediger(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_BRENNAN_PREDIGER_H_
