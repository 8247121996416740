// Gwet's AC1: agreement of two or more coders on nominal data, with a chance
// model that is robust to skewed category use.
#ifndef VERHAAL_STATS_GWET_AC1_H_
#define VERHAAL_STATS_GWET_AC1_H_

#include "stats/agreement_result.h"
#include "stats/contingency_table.h"
#include "stats/reliability_data.h"

namespace verhaal::stats {

// Gwet's (2008) AC1 from a units x categories table of counts (units may have
// different numbers of ratings): p_e = sum_k share_k (1 - share_k) / (q - 1)
// with q the number of categories (see AgreementParts), and
// AC1 = (p_a - p_e) / (1 - p_e). Throws std::invalid_argument as
// CheckCategoryCounts does, or if there are fewer than two categories. NaN
// with a note when no unit has two ratings.
AgreementResult GwetAc1(const CategoryCounts& counts);

// GwetAc1 of raw reliability data (units x coders, missing values allowed).
// Throws std::invalid_argument as CheckReliabilityData does, or if there are
// fewer than two categories.
AgreementResult GwetAc1(const ReliabilityData& data);

// GwetAc1 of two coders given as a square cross-table (rows: coder A's
// category, columns: coder B's). Throws std::invalid_argument if the table is
// not square, or if there are fewer than two categories.
AgreementResult GwetAc1(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_GWET_AC1_H_
