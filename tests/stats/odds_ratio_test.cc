#include "stats/odds_ratio.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace verhaal::stats {
namespace {

TEST(OddsRatioTest, AgrestiAspirinExample) {
  // Agresti (2007), An Introduction to Categorical Data Analysis, 2nd ed.,
  // Section 2.3-2.4 (Physicians' Health Study, Table 2.3): placebo 189 heart
  // attacks / 10845 none, aspirin 104 / 10933. Published: odds ratio 1.832,
  // SE of log OR 0.123, 95% Wald CI (1.44, 2.33).
  const OddsRatioResult result = OddsRatio(ContingencyTable({{189, 10845}, {104, 10933}}));
  EXPECT_NEAR(result.odds_ratio, 1.832, 0.0005);
  EXPECT_NEAR(result.standard_error, 0.123, 0.0005);
  EXPECT_NEAR(result.lower, 1.44, 0.005);
  EXPECT_NEAR(result.upper, 2.33, 0.005);
  EXPECT_FALSE(result.haldane_corrected);
  EXPECT_TRUE(result.note.empty());
}

TEST(OddsRatioTest, ZeroCellUsesHaldaneAnscombe) {
  // By hand: (5.5 * 3.5) / (0.5 * 7.5) = 5.1333...; SE = sqrt(1/5.5 + 1/0.5 +
  // 1/7.5 + 1/3.5) = sqrt(2.6009) = 1.6127.
  const OddsRatioResult result = OddsRatio(ContingencyTable({{5, 0}, {7, 3}}));
  EXPECT_TRUE(result.haldane_corrected);
  EXPECT_NEAR(result.odds_ratio, 5.5 * 3.5 / (0.5 * 7.5), 1e-12);
  EXPECT_NEAR(result.standard_error, 1.6127, 0.00005);
  EXPECT_NE(result.note.find("Haldane"), std::string::npos);
}

TEST(OddsRatioTest, OtherConfidenceLevelsWiden) {
  const ContingencyTable table({{20, 10}, {10, 20}});
  const OddsRatioResult ci95 = OddsRatio(table);
  const OddsRatioResult ci99 = OddsRatio(table, 0.99);
  EXPECT_NEAR(ci95.odds_ratio, 4.0, 1e-12);
  EXPECT_LT(ci99.lower, ci95.lower);
  EXPECT_GT(ci99.upper, ci95.upper);
}

TEST(OddsRatioTest, RejectsInvalidInput) {
  EXPECT_THROW(OddsRatio(ContingencyTable({{1, 2, 3}, {4, 5, 6}})), std::invalid_argument);
  EXPECT_THROW(OddsRatio(ContingencyTable({{1, 2}, {3, 4}}), 1.0), std::invalid_argument);
  EXPECT_TRUE(std::isnan(OddsRatio(ContingencyTable(2, 2)).odds_ratio));
}

}  // namespace
}  // namespace verhaal::stats
