#include "stats/chi_square.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "stats/adjusted_residuals.h"
#include "stats/cochran_rule.h"
#include "stats/cramers_v.h"

namespace verhaal::stats {
namespace {

// Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed.,
// Table 2.5 (p. 38-39): gender by party identification. Also the example in
// R's ?chisq.test, which prints X-squared = 30.07, df = 2, p-value = 2.954e-07.
const ContingencyTable kParty({{762, 327, 468}, {484, 239, 477}});

TEST(ChiSquareTest, AgrestiPartyIdentification) {
  const ChiSquareResult result = PearsonChiSquare(kParty);
  EXPECT_NEAR(result.statistic, 30.07, 0.005);
  EXPECT_EQ(result.df, 2);
  EXPECT_NEAR(result.p_value, 2.954e-07, 0.0005e-07);
  EXPECT_EQ(result.n, 2757);
  EXPECT_FALSE(result.yates_corrected);
  // Expected count for female Democrats: 1557 * 1246 / 2757.
  EXPECT_NEAR(result.expected[0][0], 703.67, 0.005);
  EXPECT_TRUE(result.note.empty());
}

TEST(ChiSquareTest, AdjustedResidualsMatchAgresti) {
  // Agresti (2007) Table 2.6 lists the standardized (adjusted) residuals
  // 4.50, 0.70, -5.32 for females and the negatives for males.
  const auto result = AdjustedResiduals(kParty);
  const double published[2][3] = {{4.50, 0.70, -5.32}, {-4.50, -0.70, 5.32}};
  for (int r = 0; r < 2; ++r) {
    for (int c = 0; c < 3; ++c) {
      EXPECT_NEAR(result.residuals[r][c], published[r][c], 0.005) << "cell " << r << "," << c;
    }
  }
}

TEST(ChiSquareTest, CramersVFollowsFromChiSquare) {
  // Derived by hand from the published X^2: sqrt(30.07 / (2757 * 1)) = 0.104.
  const CramersVResult result = CramersV(kParty);
  EXPECT_NEAR(result.v, 0.1044, 0.0005);
  EXPECT_EQ(result.min_dimension, 2);
}

// The reference bounds were computed apart from this code: the noncentral
// chi-square CDF as a Poisson mixture of central ones in mpmath (30 digits),
// inverted by bisection, V = sqrt(lambda / (N (min - 1))).
TEST(ChiSquareTest, CramersVConfidenceIntervalByNoncentrality) {
  // The example study's matrix: X^2 = 9.028, V = 0.501, 95% CI 0.174-0.827.
  const CramersVResult two = CramersV(ContingencyTable({{13, 5}, {4, 14}}));
  EXPECT_NEAR(two.v, 0.500773, 1e-5);
  EXPECT_NEAR(two.ci_low, 0.174039, 1e-5);
  EXPECT_NEAR(two.ci_high, 0.827434, 1e-5);
  // 2x3, p = 0.058 > 0.025: the lower bound is 0.
  const CramersVResult three = CramersV(ContingencyTable({{10, 6, 4}, {3, 9, 8}}));
  EXPECT_NEAR(three.v, 0.377577, 1e-5);
  EXPECT_EQ(three.ci_low, 0);
  EXPECT_NEAR(three.ci_high, 0.662343, 1e-5);
  // No association at all: both bounds 0.
  const CramersVResult none = CramersV(ContingencyTable({{5, 5}, {5, 5}}));
  EXPECT_EQ(none.ci_low, 0);
  EXPECT_EQ(none.ci_high, 0);
  // A perfect association of 4 stories: the upper bound is capped at 1.
  const CramersVResult perfect = CramersV(ContingencyTable({{2, 0}, {0, 2}}));
  EXPECT_EQ(perfect.v, 1);
  EXPECT_LE(perfect.ci_high, 1);
}

TEST(ChiSquareTest, YatesCorrectionMatchesR) {
  // R's ?chisq.test: x <- matrix(c(12, 5, 7, 7), ncol = 2);
  // chisq.test(x)$p.value  # 0.4233 (Yates-corrected by default).
  const ContingencyTable table({{12, 7}, {5, 7}});
  const ChiSquareResult result = PearsonChiSquare(table, /*yates=*/true);
  EXPECT_NEAR(result.p_value, 0.4233, 0.00005);
  EXPECT_TRUE(result.yates_corrected);
  EXPECT_LT(result.statistic, PearsonChiSquare(table).statistic);
}

TEST(ChiSquareTest, EmptyColumnGivesNaNWithNote) {
  const ChiSquareResult result = PearsonChiSquare(ContingencyTable({{3, 0, 4}, {5, 0, 6}}));
  EXPECT_TRUE(std::isnan(result.statistic));
  EXPECT_TRUE(std::isnan(result.p_value));
  EXPECT_NE(result.note.find("column 2"), std::string::npos);
}

TEST(ChiSquareTest, RejectsInvalidInput) {
  EXPECT_THROW(PearsonChiSquare(ContingencyTable({{1, 2, 3}})), std::invalid_argument);
  EXPECT_THROW(PearsonChiSquare(kParty, /*yates=*/true), std::invalid_argument);
}

TEST(CochranRuleTest, FlagsSmallExpectedCounts) {
  EXPECT_TRUE(CheckCochranRule(kParty).satisfied);
  EXPECT_TRUE(CheckCochranRule(kParty).warning.empty());
  // Expected counts (by hand): row totals 3 and 17, column totals 10 and 10,
  // so E = {{1.5, 1.5}, {8.5, 8.5}}: 2 of 4 cells below 5 (50% > 20%).
  const CochranCheck check = CheckCochranRule(ContingencyTable({{1, 2}, {9, 8}}));
  EXPECT_FALSE(check.satisfied);
  EXPECT_EQ(check.cells_below_five, 2);
  EXPECT_EQ(check.cells_below_one, 0);
  EXPECT_DOUBLE_EQ(check.min_expected, 1.5);
  EXPECT_NE(check.warning.find("Fisher"), std::string::npos);
  // One expected count below 1 fails the rule on its own.
  const CochranCheck tiny = CheckCochranRule(ContingencyTable({{1, 0, 0, 0, 0},
                                                               {20, 20, 20, 20, 20},
                                                               {20, 20, 20, 20, 20},
                                                               {20, 20, 20, 20, 20},
                                                               {20, 20, 20, 20, 20}}));
  EXPECT_EQ(tiny.cells_below_one, 5);
  EXPECT_FALSE(tiny.satisfied);
}

}  // namespace
}  // namespace verhaal::stats
