// The result type shared by the multi-coder agreement coefficients (percent
// agreement, Fleiss' kappa, Gwet's AC1, Brennan-Prediger) and the pieces they
// are built from.
#ifndef VERHAAL_STATS_AGREEMENT_RESULT_H_
#define VERHAAL_STATS_AGREEMENT_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "stats/reliability_data.h"

namespace verhaal::stats {

struct AgreementResult {
  // (observed - chance) / (1 - chance); for percent agreement the observed
  // agreement itself. NaN when undefined, with `note` saying why.
  double value = 0;
  double observed_agreement = 0;  // p_a, see AgreementParts
  double chance_agreement = 0;    // p_e, the coefficient's chance model
  int units = 0;                  // units with two or more ratings (they enter p_a)
  int rated_units = 0;            // units with one or more ratings (category shares)
  std::int64_t ratings = 0;       // all ratings
  int categories = 0;             // number of categories q
  std::string note;
};

// The common parts of the coefficients, with Gwet's (2014) treatment of
// missing ratings. For unit i with r_i ratings, r_ik of them in category k:
//   p_a = mean over units with r_i >= 2 of
//         sum_k r_ik (r_ik - 1) / (r_i (r_i - 1))
//   share_k = mean over units with r_i >= 1 of r_ik / r_i.
// Without missing ratings p_a is Fleiss' (1971) P-bar and share_k his p_j.
struct AgreementParts {
  double observed_agreement = 0;  // p_a; NaN if no unit has two ratings
  std::vector<double> shares;     // share_k per category
  int units = 0;
  int rated_units = 0;
  std::int64_t ratings = 0;
};

// Computes AgreementParts. Throws std::invalid_argument as
// CheckCategoryCounts does.
AgreementParts ComputeAgreementParts(const CategoryCounts& counts);

// The chance-corrected coefficient (p_a - p_e) / (1 - p_e) from its parts and
// the chance agreement p_e of a coefficient's chance model, with the counts
// filled in. The value is NaN, with a note saying why, when no unit has two
// or more ratings or when p_e is 1.
AgreementResult ChanceCorrected(const AgreementParts& parts, double chance_agreement);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_AGREEMENT_RESULT_H_
