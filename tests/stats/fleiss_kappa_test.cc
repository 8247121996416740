#include "stats/fleiss_kappa.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <stdexcept>

#include "stats/brennan_prediger.h"
#include "stats/gwet_ac1.h"
#include "stats/krippendorff_alpha.h"

namespace verhaal::stats {
namespace {

// Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters.
// Psychological Bulletin 76(5), 378-382, Table 1: 30 patients, 6 psychiatric
// diagnoses each, categories 1 depression, 2 personality disorder,
// 3 schizophrenia, 4 neurosis, 5 other. Raw ratings as in R's irr::diagnoses
// (copied from the pyirr port's diagnoses.csv). Published kappa = 0.430;
// irr::kappam.fleiss(diagnoses, detail = TRUE) prints the per-category
// kappas 0.245 0.245 0.520 0.471 0.566 (not computed here).
ReliabilityData FleissDiagnoses() {
  return {{{4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
           {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
           {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
           {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
           {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
           {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
           {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
           {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5}},
          {1, 2, 3, 4, 5}};
}

TEST(FleissKappaTest, Fleiss1971Diagnoses) {
  const AgreementResult result = FleissKappa(FleissDiagnoses());
  EXPECT_NEAR(result.value, 0.430, 0.0005);
  EXPECT_EQ(result.units, 30);
  EXPECT_EQ(result.ratings, 180);
  EXPECT_EQ(result.categories, 5);
}

// Wikipedia, "Fleiss' kappa", worked example (10 subjects, 14 raters,
// 5 categories; also in Cardillo's MATLAB fleiss.m): P-bar = 0.378,
// P-e-bar = 0.213, kappa = 0.210.
const CategoryCounts kWikipedia = {
    {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
    {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};

TEST(FleissKappaTest, WikipediaWorkedExample) {
  const AgreementResult result = FleissKappa(kWikipedia);
  EXPECT_NEAR(result.value, 0.210, 0.0005);
  EXPECT_NEAR(result.observed_agreement, 0.378, 0.0005);
  EXPECT_NEAR(result.chance_agreement, 0.213, 0.0005);
}

// Gwet's irrCAC package README: distrib.6raters (the first 15 patients of
// Fleiss 1971) gives Fleiss' kappa 0.4139265, Gwet's AC1 0.4448007,
// Brennan-Prediger 0.4388889 and Krippendorff's alpha 0.4204384.
TEST(FleissKappaTest, IrrCacFifteenPatients) {
  ReliabilityData data = FleissDiagnoses();
  data.units.resize(15);
  EXPECT_NEAR(FleissKappa(data).value, 0.4139265, 5e-8);
  EXPECT_NEAR(GwetAc1(data).value, 0.4448007, 5e-8);
  EXPECT_NEAR(BrennanPrediger(data).value, 0.4388889, 5e-8);
  EXPECT_NEAR(KrippendorffAlpha(data, MeasurementLevel::kNominal).alpha, 0.4204384, 5e-8);
}

TEST(FleissKappaTest, EdgeCases) {
  // Perfect agreement: kappa = 1.
  EXPECT_DOUBLE_EQ(FleissKappa(CategoryCounts{{3, 0}, {0, 3}, {3, 0}}).value, 1.0);
  // Every rating in one category: chance agreement 1, kappa undefined.
  const AgreementResult one = FleissKappa(CategoryCounts{{3, 0}, {3, 0}});
  EXPECT_TRUE(std::isnan(one.value));
  EXPECT_NE(one.note.find("one category"), std::string::npos);
  // No unit with two ratings: undefined.
  constexpr std::optional<double> _ = std::nullopt;
  const AgreementResult missing = FleissKappa(ReliabilityData{{{1, _}, {_, _}}, {}});
  EXPECT_TRUE(std::isnan(missing.value));
  EXPECT_EQ(missing.units, 0);
  // Invalid input.
  EXPECT_THROW(FleissKappa(CategoryCounts{}), std::invalid_argument);
  EXPECT_THROW(FleissKappa(CategoryCounts{{1, 2}, {3}}), std::invalid_argument);
  EXPECT_THROW(FleissKappa(CategoryCounts{{1, -2}}), std::invalid_argument);
  EXPECT_THROW(FleissKappa(ReliabilityData{{{1}, {2}}, {}}), std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
