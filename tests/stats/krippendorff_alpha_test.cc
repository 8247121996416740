#include "stats/krippendorff_alpha.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <stdexcept>

namespace verhaal::stats {
namespace {

constexpr std::optional<double> _ = std::nullopt;

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability.
// Section C: four observers A-D, 12 units, missing data (rows here are units,
// columns observers A, B, C, D). Published: nominal 0.743, ordinal 0.815,
// interval 0.849, ratio 0.797. Data checked against the same table in the
// irrCAC package (cac.raw4raters) and jucor/krippendorff (mwebreliability5).
ReliabilityData FourObservers() {
  return {{{1, 1, _, 1},
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
}

TEST(KrippendorffAlphaTest, PublishedFourObserverExample) {
  const ReliabilityData data = FourObservers();
  struct Case {
    MeasurementLevel level;
    double published;
  };
  const Case cases[] = {{MeasurementLevel::kNominal, 0.743},
                        {MeasurementLevel::kOrdinal, 0.815},
                        {MeasurementLevel::kInterval, 0.849},
                        {MeasurementLevel::kRatio, 0.797}};
  for (const Case& c : cases) {
    const KrippendorffAlphaResult result = KrippendorffAlpha(data, c.level);
    EXPECT_NEAR(result.alpha, c.published, 0.0005) << "level " << static_cast<int>(c.level);
    // Unit 12 has one value and is not pairable: 11 units, n = 40 values.
    EXPECT_EQ(result.pairable_units, 11);
    EXPECT_EQ(result.pairable_values, 40);
    EXPECT_EQ(result.coders, 4);
  }
  // irrCAC's krippen.alpha.raw(cac.raw4raters) reports 0.74342.
  EXPECT_NEAR(KrippendorffAlpha(data, MeasurementLevel::kNominal).alpha, 0.74342, 0.000005);
}

TEST(KrippendorffAlphaTest, PublishedCoincidenceMatrixCells) {
  // Computed by hand from the data (the paper tabulates the same matrix):
  // o_11 = 3 (unit 1) + 2 (unit 8) + 2 (unit 11) = 7; o_12 = 1 (unit 8) +
  // 1/3 (unit 6, values 1,2,3,4) = 4/3; the matrix sums to n = 40.
  const KrippendorffAlphaResult result =
      KrippendorffAlpha(FourObservers(), MeasurementLevel::kNominal);
  ASSERT_EQ(result.values.size(), 5u);
  EXPECT_NEAR(result.coincidences[0][0], 7.0, 1e-12);
  EXPECT_NEAR(result.coincidences[0][1], 4.0 / 3.0, 1e-12);
  double n = 0;
  for (const auto& row : result.coincidences) {
    for (double o : row) n += o;
  }
  EXPECT_NEAR(n, 40.0, 1e-12);
}

TEST(KrippendorffAlphaTest, PublishedBinaryTwoObserverExample) {
  // Krippendorff (2011), section A: binary data, two observers, ten units;
  // published alpha = 0.095. (Same coincidences o_00 = 10, o_01 = 4, o_11 = 2
  // as Krippendorff 2004, section 11.3.1.)
  const ReliabilityData data{
      {{0, 1}, {1, 1}, {0, 1}, {0, 0}, {0, 0}, {0, 1}, {0, 0}, {0, 0}, {1, 0}, {0, 0}}, {}};
  const KrippendorffAlphaResult result = KrippendorffAlpha(data, MeasurementLevel::kNominal);
  EXPECT_NEAR(result.alpha, 0.095, 0.0005);
  EXPECT_NEAR(result.alpha, 1 - 19.0 * 4 / (14 * 6), 1e-12);
  EXPECT_EQ(result.pairable_values, 20);
}

TEST(KrippendorffAlphaTest, EdgeCases) {
  // Perfect agreement with variation: alpha = 1.
  const ReliabilityData perfect{{{1, 1}, {2, 2}, {3, 3}}, {}};
  EXPECT_DOUBLE_EQ(KrippendorffAlpha(perfect, MeasurementLevel::kInterval).alpha, 1.0);
  // One value only: no variation, alpha undefined.
  const ReliabilityData constant{{{2, 2}, {2, 2}, {2, _}}, {}};
  const auto same = KrippendorffAlpha(constant, MeasurementLevel::kNominal);
  EXPECT_TRUE(std::isnan(same.alpha));
  EXPECT_NE(same.note.find("no variation"), std::string::npos);
  // All values missing (or never two in a unit): undefined.
  const ReliabilityData missing{{{_, _}, {1, _}}, {}};
  const auto none = KrippendorffAlpha(missing, MeasurementLevel::kNominal);
  EXPECT_TRUE(std::isnan(none.alpha));
  EXPECT_EQ(none.pairable_units, 0);
  // A single coder, ragged units, negative ratio values: invalid input.
  EXPECT_THROW(KrippendorffAlpha({{{1}, {2}}, {}}, MeasurementLevel::kNominal),
               std::invalid_argument);
  EXPECT_THROW(KrippendorffAlpha({{{1, 2}, {2}}, {}}, MeasurementLevel::kNominal),
               std::invalid_argument);
  EXPECT_THROW(KrippendorffAlpha({{{-1, 2}, {2, 2}}, {}}, MeasurementLevel::kRatio),
               std::invalid_argument);
  EXPECT_THROW(KrippendorffAlpha({{{1, 7}, {2, 2}}, {1, 2, 3}}, MeasurementLevel::kNominal),
               std::invalid_argument);
}

TEST(KrippendorffAlphaTest, BootstrapIsSeededAndBracketsTheEstimate) {
  AlphaBootstrapOptions options;
  options.draws = 1000;
  options.seed = 42;
  const ReliabilityData data = FourObservers();
  const AlphaBootstrapResult a =
      KrippendorffAlphaBootstrap(data, MeasurementLevel::kInterval, options);
  const AlphaBootstrapResult b =
      KrippendorffAlphaBootstrap(data, MeasurementLevel::kInterval, options);
  EXPECT_NEAR(a.estimate.alpha, 0.849, 0.0005);
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_EQ(a.upper, b.upper);
  EXPECT_EQ(a.draws, 1000);
  EXPECT_EQ(a.seed, 42u);
  EXPECT_GT(a.valid_draws, 900);
  EXPECT_LT(a.lower, a.estimate.alpha);
  EXPECT_GT(a.upper, a.estimate.alpha);
  EXPECT_LE(a.upper, 1.0);
  options.draws = 0;
  EXPECT_THROW(KrippendorffAlphaBootstrap(data, MeasurementLevel::kNominal, options),
               std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
