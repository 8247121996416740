#include "stats/compositional.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace verhaal::stats {
namespace {

TEST(CompositionalTest, GeometricMeanOfTriadsWithoutZeros) {
  // By hand: (0.2, 0.3, 0.5) and (0.8, 0.3, 0.5) have part-wise geometric
  // means (0.4, 0.3, 0.5), which sum to 1.2 and close to (1/3, 1/4, 5/12).
  const std::vector<std::array<double, 3>> triads = {{0.2, 0.3, 0.5}, {0.8, 0.3, 0.5}};
  const TriadMean m = ClosedGeometricMean(triads);
  EXPECT_NEAR(m.mean[0], 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(m.mean[1], 0.25, 1e-12);
  EXPECT_NEAR(m.mean[2], 5.0 / 12.0, 1e-12);
  EXPECT_EQ(m.n, 2);
  EXPECT_EQ(m.replaced_zeros, 0);
}

TEST(CompositionalTest, ZerosAreReplacedMultiplicatively) {
  // The zero in (0.5, 0.5, 0) becomes 0.001 and the other parts
  // 0.5 * (1 - 0.001). Computed independently (Python) for the three triads
  // below: (0.300590..., 0.625253..., 0.074157...).
  const std::vector<std::array<double, 3>> triads = {
      {0.2, 0.3, 0.5}, {0.5, 0.5, 0.0}, {0.1, 0.6, 0.3}};
  const TriadMean m = ClosedGeometricMean(triads);
  EXPECT_EQ(m.replaced_zeros, 1);
  EXPECT_DOUBLE_EQ(m.delta, 0.001);
  EXPECT_NEAR(m.mean[0] + m.mean[1] + m.mean[2], 1.0, 1e-12);
  EXPECT_NEAR(m.mean[0], 0.300590, 5e-7);
  EXPECT_NEAR(m.mean[1], 0.625253, 5e-7);
  EXPECT_NEAR(m.mean[2], 0.074157, 5e-7);
}

TEST(CompositionalTest, TriadsAreClosedFirst) {
  // Percentages give the same centre as proportions.
  const std::vector<std::array<double, 3>> percent = {{20, 30, 50}, {80, 30, 50}};
  EXPECT_NEAR(ClosedGeometricMean(percent).mean[0], 1.0 / 3.0, 1e-12);
}

TEST(CompositionalTest, InvalidAndEmptyInput) {
  EXPECT_TRUE(std::isnan(ClosedGeometricMean({}).mean[0]));
  using Triads = std::vector<std::array<double, 3>>;
  EXPECT_THROW(ClosedGeometricMean(Triads{{0, 0, 0}}), std::invalid_argument);
  EXPECT_THROW(ClosedGeometricMean(Triads{{-0.1, 0.6, 0.5}}), std::invalid_argument);
  EXPECT_THROW(ClosedGeometricMean(Triads{{0.2, 0.3, 0.5}}, 0.5), std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
