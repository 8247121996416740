#include "stats/fisher_exact.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <stdexcept>

namespace verhaal::stats {
namespace {

TEST(FisherExactTest, TeaTasting) {
  // Agresti (2002), Categorical Data Analysis, p. 91-92, Fisher's tea
  // drinker; R's ?fisher.test TeaTasting. Two-sided p = 0.4857.
  const FisherExactResult result = FisherExact(ContingencyTable({{3, 1}, {1, 3}}));
  EXPECT_NEAR(result.p_value, 0.4857, 0.00005);
  EXPECT_EQ(result.method, FisherMethod::kExact);
  EXPECT_EQ(result.n, 8);
  EXPECT_NEAR(result.observed_probability, 16.0 / 70.0, 1e-12);
}

TEST(FisherExactTest, ConvictionsOfTwins) {
  // Fisher (1962, 1970) criminal convictions of like-sex twins, R's
  // ?fisher.test Convictions: fisher.test(Convictions) p-value = 0.0005367.
  const FisherExactResult result = FisherExact(ContingencyTable({{2, 15}, {10, 3}}));
  EXPECT_NEAR(result.p_value, 0.0005367, 0.00000005);
}

// Agresti (2002, p. 57) job satisfaction by income, R's ?fisher.test Job:
// fisher.test(Job) gives p = 0.7827.
const ContingencyTable kJob({{1, 3, 10, 6}, {2, 3, 10, 7}, {1, 6, 14, 12}, {0, 1, 9, 11}});

TEST(FisherExactTest, JobSatisfactionExact) {
  const FisherExactResult result = FisherExact(kJob);
  EXPECT_EQ(result.method, FisherMethod::kExact);
  EXPECT_NEAR(result.p_value, 0.7827, 0.00005);
  EXPECT_GT(result.enumeration_steps, 1000);
}

TEST(FisherExactTest, JobSatisfactionMonteCarloIsCloseAndReproducible) {
  FisherExactOptions options;
  options.force_monte_carlo = true;
  options.draws = 20000;
  options.seed = 7;
  const FisherExactResult a = FisherExact(kJob, options);
  const FisherExactResult b = FisherExact(kJob, options);
  EXPECT_EQ(a.method, FisherMethod::kMonteCarlo);
  EXPECT_EQ(a.draws, 20000);
  EXPECT_EQ(a.seed, 7u);
  EXPECT_EQ(a.p_value, b.p_value);
  // Standard error of the estimate is about sqrt(0.78 * 0.22 / 20000) = 0.003.
  EXPECT_NEAR(a.p_value, 0.7827, 0.015);
}

TEST(FisherExactTest, FallsBackToMonteCarloWhenTooLarge) {
  FisherExactOptions options;
  options.max_enumeration_steps = 100;
  options.draws = 2000;
  const FisherExactResult result = FisherExact(kJob, options);
  EXPECT_EQ(result.method, FisherMethod::kMonteCarlo);
  EXPECT_NE(result.note.find("Monte Carlo"), std::string::npos);
}

TEST(FisherExactTest, HugeTablesGoToMonteCarloWithoutSpendingTheStepBudget) {
  // 400,000 stories in a 2x4 table: ~10^15 tables share the margins.
  FisherExactOptions options;
  options.draws = 2000;
  const FisherExactResult big = FisherExact(
      ContingencyTable({{50000, 50000, 60000, 40000}, {45000, 55000, 50000, 50000}}), options);
  EXPECT_EQ(big.method, FisherMethod::kMonteCarlo);
  EXPECT_EQ(big.enumeration_steps, 0);
  EXPECT_NE(big.note.find("far more than 20000000 tables"), std::string::npos) << big.note;
  EXPECT_LT(big.p_value, 0.001);
  // A 2x2 table of the same size is still exact: min(row, col) + 1 tables.
  const FisherExactResult two = FisherExact(ContingencyTable({{100000, 100000}, {100500, 99500}}));
  EXPECT_EQ(two.method, FisherMethod::kExact);
}

TEST(FisherExactTest, TwoColumnTablesKnowTheirStepsBeforeTakingThem) {
  // Rows 3, 3, 3, 3 and columns 6, 6: the first column can be filled in 44
  // ways (z^6 in (1 + z + z^2 + z^3)^4), each one table and one step, plus
  // the first step. With one step fewer the test goes to Monte Carlo (at
  // once now, after spending the budget before), with the same note.
  const ContingencyTable table({{1, 2}, {2, 1}, {3, 0}, {0, 3}});
  FisherExactOptions options;
  options.max_enumeration_steps = 45;
  const FisherExactResult exact = FisherExact(table, options);
  EXPECT_EQ(exact.method, FisherMethod::kExact);
  EXPECT_EQ(exact.enumeration_steps, 45);
  options.max_enumeration_steps = 44;
  options.draws = 2000;
  const FisherExactResult estimated = FisherExact(table, options);
  EXPECT_EQ(estimated.method, FisherMethod::kMonteCarlo);
  EXPECT_NE(estimated.note.find("more than 44 tables share these margins"), std::string::npos)
      << estimated.note;
  // A code group of ten levels against a two-way slider, as a matrix of
  // 130 stories has it: far beyond 20 million tables.
  const FisherExactResult group = FisherExact(ContingencyTable(
      {{9, 4}, {6, 8}, {7, 7}, {5, 8}, {8, 5}, {6, 7}, {7, 6}, {9, 6}, {9, 5}, {0, 8}}));
  EXPECT_EQ(group.method, FisherMethod::kMonteCarlo);
  EXPECT_NE(group.note.find("more than 20000000 tables"), std::string::npos) << group.note;
}

TEST(FisherExactTest, TwoRowTablesCountTheirStepsBeforeTakingThem) {
  // Two groups against four levels: the enumeration's own step count decides
  // between exact and Monte Carlo, to the step, whether it is counted first
  // or taken.
  const ContingencyTable table({{3, 1, 4, 2}, {1, 5, 2, 6}});
  const FisherExactResult full = FisherExact(table);
  ASSERT_EQ(full.method, FisherMethod::kExact);
  ASSERT_GT(full.enumeration_steps, 10);
  FisherExactOptions options;
  options.max_enumeration_steps = full.enumeration_steps;
  const FisherExactResult exact = FisherExact(table, options);
  EXPECT_EQ(exact.method, FisherMethod::kExact);
  EXPECT_EQ(exact.enumeration_steps, full.enumeration_steps);
  EXPECT_EQ(exact.p_value, full.p_value);
  options.max_enumeration_steps = full.enumeration_steps - 1;
  options.draws = 2000;
  const FisherExactResult estimated = FisherExact(table, options);
  EXPECT_EQ(estimated.method, FisherMethod::kMonteCarlo);
  EXPECT_NE(estimated.note.find("more than " + std::to_string(full.enumeration_steps - 1) +
                                " tables share these margins"),
            std::string::npos)
      << estimated.note;
  // The by-role comparison of the 100,000-story bench project (92,279
  // stories, two roles by four cells of two dyads): beyond the budget, so
  // Monte Carlo, with the p-value it had when the budget was spent first.
  const FisherExactResult roles =
      FisherExact(ContingencyTable({{2337, 2357, 2273, 2264}, {20271, 20827, 20603, 21347}}));
  EXPECT_EQ(roles.method, FisherMethod::kMonteCarlo);
  EXPECT_EQ(roles.p_value, 0.043799562004379955);
  EXPECT_NE(roles.note.find("more than 20000000 tables share these margins"), std::string::npos)
      << roles.note;
}

TEST(FisherExactTest, TablesOfThreeOrMoreRowsCountTheirStepsBeforeTakingThem) {
  // Three groups against four levels, within the budget: exact, and the
  // enumeration's own step count decides, to the step.
  const ContingencyTable fits({{20, 25, 18, 22}, {19, 21, 24, 20}, {23, 18, 20, 25}});
  const FisherExactResult full = FisherExact(fits);
  ASSERT_EQ(full.method, FisherMethod::kExact);
  EXPECT_EQ(full.enumeration_steps, 5011460);
  EXPECT_EQ(full.p_value, 0.8141483814925069);
  FisherExactOptions options;
  options.max_enumeration_steps = full.enumeration_steps;
  const FisherExactResult exact = FisherExact(fits, options);
  EXPECT_EQ(exact.method, FisherMethod::kExact);
  EXPECT_EQ(exact.p_value, full.p_value);
  options.max_enumeration_steps = full.enumeration_steps - 1;
  options.draws = 2000;
  const FisherExactResult estimated = FisherExact(fits, options);
  EXPECT_EQ(estimated.method, FisherMethod::kMonteCarlo);
  // Found out by counting: a few percent of the steps, not the budget.
  EXPECT_LT(estimated.steps_taken, full.enumeration_steps / 10);

  // Beyond the budget (three and four groups, e.g. `matrix --by` with
  // small groups): Monte Carlo after counting at most a fifth of the
  // 20,000,000 steps it took before (2% of them for the first and last),
  // with the p-value it had then.
  struct Case {
    std::vector<std::vector<std::int64_t>> counts;
    double p_value;
  };
  const std::vector<Case> beyond = {
      {{{30, 25, 28, 31}, {27, 33, 29, 26}, {35, 22, 30, 28}}, 0.69074309256907429},
      {{{5, 8, 6, 7, 9, 4}, {6, 7, 8, 5, 6, 9}, {7, 6, 5, 8, 7, 6}}, 0.92581074189258106},
      {{{40, 35, 38}, {36, 42, 37}, {39, 36, 41}, {35, 40, 38}}, 0.96224037759622405},
  };
  for (const Case& c : beyond) {
    const FisherExactResult result = FisherExact(ContingencyTable(c.counts));
    EXPECT_EQ(result.method, FisherMethod::kMonteCarlo);
    EXPECT_EQ(result.p_value, c.p_value);
    EXPECT_NE(result.note.find("more than 20000000 tables share these margins"), std::string::npos)
        << result.note;
    EXPECT_LT(result.steps_taken, 20'000'000 / 5);
  }
}

TEST(FisherExactTest, EmptyRowsAreDropped) {
  // Same p as the tea-tasting table: an empty row changes nothing.
  const FisherExactResult result = FisherExact(ContingencyTable({{3, 1}, {0, 0}, {1, 3}}));
  EXPECT_NEAR(result.p_value, 0.4857, 0.00005);
  EXPECT_FALSE(result.note.empty());
}

TEST(FisherExactTest, EdgeCases) {
  EXPECT_THROW(FisherExact(ContingencyTable({{1, 2}})), std::invalid_argument);
  EXPECT_TRUE(std::isnan(FisherExact(ContingencyTable(2, 2)).p_value));
  // Only one non-empty column: one table is possible, p = 1.
  EXPECT_DOUBLE_EQ(FisherExact(ContingencyTable({{4, 0}, {3, 0}})).p_value, 1.0);
  FisherExactOptions no_draws;
  no_draws.draws = 0;
  EXPECT_THROW(FisherExact(kJob, no_draws), std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
