// Percent agreement: the share of agreeing coder pairs, without chance
// correction.
#ifndef VERHAAL_STATS_PERCENT_AGREEMENT_H_
#define VERHAAL_STATS_PERCENT_AGREEMENT_H_

#include "stats/agreement_result.h"
#include "stats/contingency_table.h"
#include "stats/reliability_data.h"

namespace verhaal::stats {

// Percent agreement from a units x categories table of counts: p_a (see
// AgreementParts), the share of agreeing pairs of ratings averaged over units
// with two or more ratings; for two coders the share of units they agree on.
// chance_agreement is 0. Throws std::invalid_argument as CheckCategoryCounts
// does. NaN with a note when no unit has two ratings.
AgreementResult PercentAgreement(const CategoryCounts& counts);

// PercentAgreement of raw reliability data (units x coders, missing values
// allowed). Throws std::invalid_argument as CheckReliabilityData does.
AgreementResult PercentAgreement(const ReliabilityData& data);

// PercentAgreement of two coders given as a square cross-table (rows: coder A's
// category, columns: coder B's). Throws std::invalid_argument if the table is
// not square.
AgreementResult PercentAgreement(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_PERCENT_AGREEMENT_H_
