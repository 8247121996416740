#include "stats/cohen_kappa.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <stdexcept>

namespace verhaal::stats {
namespace {

TEST(CohenKappaTest, WikipediaWorkedExample) {
  // Wikipedia, "Cohen's kappa", simple example: 50 grant proposals, both
  // readers yes 20, A yes / B no 5, A no / B yes 10, both no 15:
  // p_o = 0.7, p_e = 0.5, kappa = 0.4.
  const CohenKappaResult result = CohenKappa(ContingencyTable({{20, 5}, {10, 15}}));
  EXPECT_NEAR(result.kappa, 0.4, 1e-12);
  EXPECT_NEAR(result.observed_agreement, 0.7, 1e-12);
  EXPECT_NEAR(result.expected_agreement, 0.5, 1e-12);
  EXPECT_EQ(result.n, 50);
}

TEST(CohenKappaTest, IrrCacAbstractors) {
  // Gwet's irrCAC README: kappa2.table(cont3x3abstractors) = 0.7964094.
  const CohenKappaResult result =
      CohenKappa(ContingencyTable({{13, 0, 0}, {0, 20, 7}, {0, 4, 56}}));
  EXPECT_NEAR(result.kappa, 0.7964094, 5e-8);
}

TEST(CohenKappaTest, IrrDiagnosesRaters2And3) {
  // Raters 2 and 3 of Fleiss (1971) Table 1 (R's irr::diagnoses): the pyirr
  // port of irr asserts kappa2(diagnoses[, 2:3], "unweighted") = 0.631 (its
  // data frame keeps the row names as column 0, so iloc[:, 1:3] are raters 2
  // and 3; we checked the pairing by recomputing every pair).
  const double r2[] = {4, 2, 3, 5, 2, 1, 3, 1, 1, 5, 4, 2, 2, 4, 2,
                       3, 1, 1, 2, 3, 5, 4, 2, 1, 4, 2, 1, 2, 3, 5};
  const double r3[] = {4, 2, 3, 5, 2, 3, 3, 3, 4, 5, 4, 4, 2, 4, 4,
                       3, 1, 1, 4, 3, 5, 4, 4, 4, 4, 2, 1, 4, 3, 5};
  ReliabilityData data;
  for (int i = 0; i < 30; ++i) data.units.push_back({r2[i], r3[i]});
  const CohenKappaResult result = CohenKappa(data);
  EXPECT_NEAR(result.kappa, 0.631, 0.0005);
  EXPECT_EQ(result.n, 30);
}

// R package irr, data(anxiety), raters 1 and 2 (20 subjects, scores 1-6):
// kappa2(anxiety[, 1:2], "squared") prints Kappa = 0.297 (irr's help page
// example; also asserted by the pyirr port).
ReliabilityData Anxiety() {
  const double r1[] = {3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3};
  const double r2[] = {3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4};
  ReliabilityData data;
  for (int i = 0; i < 20; ++i) data.units.push_back({r1[i], r2[i]});
  return data;
}

TEST(CohenKappaTest, WeightedKappaOnIrrAnxiety) {
  const ReliabilityData data = Anxiety();
  EXPECT_NEAR(CohenKappa(data, KappaWeighting::kQuadratic).kappa, 0.297, 0.0005);
  // Linear weights: no published value at hand, so computed independently
  // (a separate Python script over the 6x6 cross-table, categories 1..6,
  // w = 1 - |i - j| / 5): p_o = 0.76, p_e = 0.704, kappa = 0.056 / 0.296.
  const CohenKappaResult linear = CohenKappa(data, KappaWeighting::kLinear);
  EXPECT_NEAR(linear.observed_agreement, 0.76, 1e-12);
  EXPECT_NEAR(linear.expected_agreement, 0.704, 1e-12);
  EXPECT_NEAR(linear.kappa, 0.056 / 0.296, 1e-12);
  // Quadratic, same script: p_o = 0.9, p_e = 0.8578.
  const CohenKappaResult quadratic = CohenKappa(data, KappaWeighting::kQuadratic);
  EXPECT_NEAR(quadratic.observed_agreement, 0.9, 1e-12);
  EXPECT_NEAR(quadratic.expected_agreement, 0.8578, 1e-12);
}

TEST(CohenKappaTest, WeightsUseCategoryPositionsNotScores) {
  // Scores 0, 10, 100: positions 0, 1, 2 give the same kappa as scores 1, 2, 3.
  ReliabilityData scores{{{0, 0}, {10, 100}, {100, 100}, {10, 0}, {0, 10}}, {}};
  ReliabilityData positions{{{1, 1}, {2, 3}, {3, 3}, {2, 1}, {1, 2}}, {}};
  EXPECT_DOUBLE_EQ(CohenKappa(scores, KappaWeighting::kQuadratic).kappa,
                   CohenKappa(positions, KappaWeighting::kQuadratic).kappa);
  const auto w = KappaWeights(KappaWeighting::kLinear, 3);
  EXPECT_DOUBLE_EQ(w[0][1], 0.5);
  EXPECT_DOUBLE_EQ(w[0][2], 0.0);
  EXPECT_DOUBLE_EQ(KappaWeights(KappaWeighting::kQuadratic, 3)[0][1], 0.75);
}

TEST(CohenKappaTest, CustomWeightsEqualBuiltInOnes) {
  const ContingencyTable table({{5, 2, 0}, {1, 6, 2}, {0, 1, 8}});
  EXPECT_DOUBLE_EQ(CohenKappa(table, KappaWeights(KappaWeighting::kLinear, 3)).kappa,
                   CohenKappa(table, KappaWeighting::kLinear).kappa);
  EXPECT_THROW(CohenKappa(table, {{1, 0}, {0, 1}}), std::invalid_argument);
  EXPECT_THROW(CohenKappa(table, {{1, 0, 0}, {0, 2, 0}, {0, 0, 1}}), std::invalid_argument);
}

TEST(CohenKappaTest, EdgeCases) {
  constexpr std::optional<double> _ = std::nullopt;
  // Perfect agreement.
  EXPECT_DOUBLE_EQ(CohenKappa(ContingencyTable({{4, 0}, {0, 6}})).kappa, 1.0);
  // One category only: expected agreement 1, kappa undefined.
  const CohenKappaResult one = CohenKappa(ContingencyTable({{9, 0}, {0, 0}}));
  EXPECT_TRUE(std::isnan(one.kappa));
  EXPECT_NE(one.note.find("one category"), std::string::npos);
  // Missing ratings are skipped and counted.
  const CohenKappaResult skipped =
      CohenKappa(ReliabilityData{{{1, 1}, {2, 2}, {1, _}, {2, 1}}, {}});
  EXPECT_EQ(skipped.units_skipped, 1);
  EXPECT_EQ(skipped.n, 3);
  // All missing, three coders, one coder, non-square table, empty table.
  EXPECT_THROW(CohenKappa(ReliabilityData{{{_, 1}, {2, _}}, {}}), std::invalid_argument);
  EXPECT_THROW(CohenKappa(ReliabilityData{{{1, 1, 1}}, {}}), std::invalid_argument);
  EXPECT_THROW(CohenKappa(ReliabilityData{{{1}}, {}}), std::invalid_argument);
  EXPECT_THROW(CohenKappa(ContingencyTable({{1, 2, 3}, {1, 2, 3}})), std::invalid_argument);
  EXPECT_THROW(CohenKappa(ContingencyTable(2, 2)), std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
