#include "stats/cochran_rule.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace verhaal::stats {

CochranCheck CheckCochranRule(const ContingencyTable& table) {
  CochranCheck check;
  check.cells = table.rows() * table.cols();
  if (table.Total() == 0) {
    check.satisfied = false;
    check.min_expected = 0;
    check.cells_below_one = check.cells_below_five = check.cells;
    check.warning = "the table is empty; no chi-square test is possible";
    return check;
  }
  check.min_expected = std::numeric_limits<double>::infinity();
  for (const auto& row : ExpectedCounts(table)) {
    for (double e : row) {
      check.min_expected = std::min(check.min_expected, e);
      if (e < 1) ++check.cells_below_one;
      if (e < 5) ++check.cells_below_five;
    }
  }
  const bool too_many_small = 5 * check.cells_below_five > check.cells;
  check.satisfied = check.cells_below_one == 0 && !too_many_small;
  if (!check.satisfied) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer,
                  "%d of %d cells have an expected count below 5 and %d below "
                  "1 (smallest %.2f); the chi-square approximation may be "
                  "poor: use Fisher's exact test or merge categories",
                  check.cells_below_five, check.cells, check.cells_below_one, check.min_expected);
    check.warning = buffer;
  }
  return check;
}

}  // namespace verhaal::stats
