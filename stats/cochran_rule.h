// Cochran's rule for when the chi-square approximation can be trusted.
#ifndef VERHAAL_STATS_COCHRAN_RULE_H_
#define VERHAAL_STATS_COCHRAN_RULE_H_

#include <string>

#include "stats/contingency_table.h"

namespace verhaal::stats {

struct CochranCheck {
  bool satisfied = true;     // no expected count < 1 and at most 20% < 5
  int cells = 0;             // rows * cols
  int cells_below_one = 0;   // expected count < 1
  int cells_below_five = 0;  // expected count < 5
  double min_expected = 0;   // smallest expected count
  std::string warning;       // empty when satisfied; otherwise says what to do
};

// Checks Cochran's (1954) rule on the expected counts: no cell below 1 and at
// most 20% of cells below 5. An empty table does not satisfy the rule. Never
// throws for a valid table.
CochranCheck CheckCochranRule(const ContingencyTable& table);

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_COCHRAN_RULE_H_
