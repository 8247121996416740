// Fisher's exact test of independence for 2x2 and r x c contingency tables.
#ifndef VERHAAL_STATS_FISHER_EXACT_H_
#define VERHAAL_STATS_FISHER_EXACT_H_

#include <cstdint>
#include <string>

#include "stats/contingency_table.h"

namespace verhaal::stats {

// How a FisherExactResult's p-value was obtained.
enum class FisherMethod {
  kExact,       // every table with the observed margins was enumerated
  kMonteCarlo,  // random tables with the observed margins were drawn
};

struct FisherExactOptions {
  // Exact enumeration visits at most this many partial tables (steps); if it
  // needs more, the test falls back to Monte Carlo and the result says so.
  std::int64_t max_enumeration_steps = 20'000'000;
  // Use Monte Carlo even when enumeration would be feasible.
  bool force_monte_carlo = false;
  // Monte Carlo: number of random tables and the std::mt19937_64 seed.
  int draws = 100'000;
  std::uint64_t seed = 20240601;
};

struct FisherExactResult {
  // Two-sided p: the total probability of all tables (with the observed
  // margins) that are no more probable than the observed one, with relative
  // tolerance 1e-7 as in R's fisher.test. Monte Carlo: (1 + hits) / (1 +
  // draws).
  double p_value = 0;
  FisherMethod method = FisherMethod::kExact;
  std::int64_t n = 0;
  double observed_probability = 0;     // hypergeometric probability of the table
  std::int64_t enumeration_steps = 0;  // kExact: partial tables visited
  // The partial tables actually visited, in counting them first and in the
  // enumeration: the work done, whichever the method (fillings of a
  // column counted at once are not visited).
  std::int64_t steps_taken = 0;
  int draws = 0;           // kMonteCarlo: random tables drawn
  std::uint64_t seed = 0;  // kMonteCarlo: seed used
  std::string note;        // fallback to Monte Carlo, dropped empty rows, NaN reason
};

// Fisher's exact test, two-sided. Rows and columns without observations are
// dropped first. The tables sharing the observed margins are enumerated
// exactly (2x2: the hypergeometric sum; r x c: column by column, with
// network-algorithm-style bounds that add or skip whole sub-trees) unless that
// takes more than options.max_enumeration_steps steps (found out before
// enumerating: by a bound, or by counting the steps with the last column's
// tables counted rather than visited); then Monte Carlo with
// fixed margins is used: each random table is dealt cell by cell from
// hypergeometric draws (the distribution of shuffling the N observations,
// at a cost independent of N; std::mt19937_64 and our own inversion, so a
// seed gives the same p on every platform).
// Throws std::invalid_argument if the table has fewer than 2 rows or 2
// columns or options.draws < 1. An empty table gives NaN with a note.
FisherExactResult FisherExact(const ContingencyTable& table,
                              const FisherExactOptions& options = {});

}  // namespace verhaal::stats

#endif  // VERHAAL_STATS_FISHER_EXACT_H_
