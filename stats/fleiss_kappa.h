// Fleiss' kappa: chance-corrected agreement of many coders on nominal data.
#ifndef VERHAAL_STATS_FLEISS_KAPPA_H_
#define VERHAAL_STATS_FLEISS_KAPPA_H_

#include "stats/agreement_result.h"
#include "stats/contingency_table.h"
#include "stats/reliability_data.h"

namespace verhaal::stats {

// Fleiss' (1971) kappa from a units x categories table of counts. Every unit
// may have a different number of ratings (Gwet's 2014 generalisation; with a
// constant number it is exactly Fleiss' kappa): p_e = sum_k share_k^2 (see
// AgreementParts) and kappa = (p_a - p_e) / (1 - p_e).
// Throws std::invalid_argument as CheckCategoryCounts does. NaN with a note
// when no unit has two ratings or all ratings fall in one category.
AgreementResult FleissKappa(const CategoryCounts& counts);

// FleissKappa of raw reliability data (units x coders, missing values allowed).
// Throws std::invalid_argument as CheckReliabilityData does.
AgreementResult FleissKappa(const ReliabilityData& data);

// FleissKappa of two coders given as a square cross-table (rows: coder A's
// category, columns: coder B's). Throws std::invalid_argument if the table is
// not square.
AgreementResult FleissKappa(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_FLEISS_KAPPA_H_
