#include "stats/gwet_ac1.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <stdexcept>

#include "stats/brennan_prediger.h"
#include "stats/fleiss_kappa.h"
#include "stats/percent_agreement.h"

namespace verhaal::stats {
namespace {

constexpr std::optional<double> _ = std::nullopt;

// Gwet's irrCAC package README (Gwet 2014, Handbook of Inter-Rater
// Reliability): cac.raw4raters, which is Krippendorff's (2011) 12-unit,
// 4-coder table. Published: percent agreement 0.8181818; AC1 0.77544 with
// p_e = 0.1903212; Fleiss' kappa 0.76117 with p_e = 0.2387153;
// Brennan-Prediger 0.77273 with p_e = 0.2.
const ReliabilityData kRaw4Raters{{{1, 1, _, 1},
                                   {2, 2, 3, 2},
                                   {3, 3, 3, 3},
                                   {3, 3, 3, 3},
                                   {2, 2, 2, 2},
                                   {1, 2, 3, 4},
                                   {4, 4, 4, 4},
                                   {1, 1, 2, 1},
                                   {2, 2, 2, 2},
                                   {_, 5, 5, 5},
                                   {_, _, 1, 1},
                                   {_, _, 3, _}},
                                  {}};

TEST(GwetAc1Test, IrrCacRawFourRaters) {
  const AgreementResult ac1 = GwetAc1(kRaw4Raters);
  EXPECT_NEAR(ac1.value, 0.77544, 0.000005);
  EXPECT_NEAR(ac1.observed_agreement, 0.8181818, 5e-8);
  EXPECT_NEAR(ac1.chance_agreement, 0.1903212, 5e-8);
  EXPECT_EQ(ac1.units, 11);
  EXPECT_EQ(ac1.rated_units, 12);
  EXPECT_EQ(ac1.categories, 5);

  const AgreementResult fleiss = FleissKappa(kRaw4Raters);
  EXPECT_NEAR(fleiss.value, 0.76117, 0.000005);
  EXPECT_NEAR(fleiss.chance_agreement, 0.2387153, 5e-8);

  const AgreementResult bp = BrennanPrediger(kRaw4Raters);
  EXPECT_NEAR(bp.value, 0.77273, 0.000005);
  EXPECT_DOUBLE_EQ(bp.chance_agreement, 0.2);

  const AgreementResult pa = PercentAgreement(kRaw4Raters);
  EXPECT_NEAR(pa.value, 0.8181818, 5e-8);
  EXPECT_EQ(pa.chance_agreement, 0);
}

// irrCAC README: cont3x3abstractors (two abstractors, 100 cases). Published:
// AC1 0.8493305, Brennan-Prediger 0.835, percent agreement 0.89.
const ContingencyTable kAbstractors({{13, 0, 0}, {0, 20, 7}, {0, 4, 56}});

TEST(GwetAc1Test, IrrCacTwoAbstractorsTable) {
  EXPECT_NEAR(GwetAc1(kAbstractors).value, 0.8493305, 5e-8);
  EXPECT_NEAR(BrennanPrediger(kAbstractors).value, 0.835, 5e-8);
  EXPECT_NEAR(PercentAgreement(kAbstractors).value, 0.89, 1e-12);
  EXPECT_EQ(PercentAgreement(kAbstractors).units, 100);
}

TEST(GwetAc1Test, EdgeCases) {
  // Perfect agreement.
  EXPECT_DOUBLE_EQ(GwetAc1(ReliabilityData{{{1, 1}, {2, 2}}, {}}).value, 1.0);
  // One category used but two possible: defined (AC1 = 1, BP = 1).
  const ReliabilityData one_used{{{1, 1}, {1, 1}}, {1, 2}};
  EXPECT_DOUBLE_EQ(GwetAc1(one_used).value, 1.0);
  EXPECT_DOUBLE_EQ(BrennanPrediger(one_used).value, 1.0);
  // Only one category known: a clear error.
  EXPECT_THROW(GwetAc1(ReliabilityData{{{1, 1}, {1, 1}}, {}}), std::invalid_argument);
  EXPECT_THROW(BrennanPrediger(ReliabilityData{{{1, 1}, {1, 1}}, {}}), std::invalid_argument);
  // All values missing.
  const AgreementResult none = PercentAgreement(ReliabilityData{{{_, _}, {_, _}}, {1, 2}});
  EXPECT_TRUE(std::isnan(none.value));
  EXPECT_FALSE(none.note.empty());
  // A single coder.
  EXPECT_THROW(PercentAgreement(ReliabilityData{{{1}, {2}}, {}}), std::invalid_argument);
  // A non-square cross-table.
  EXPECT_THROW(GwetAc1(ContingencyTable({{1, 2, 3}, {4, 5, 6}})), std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
