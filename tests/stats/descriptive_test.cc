#include "stats/descriptive.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace verhaal::stats {
namespace {

TEST(DescriptiveTest, QuantileMatchesRType7) {
  // R: quantile(c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)) gives
  // 1.00 3.25 5.50 7.75 10.00 (type 7, R's default).
  const std::vector<double> x = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
  const struct {
    double p, expected;
  } cases[] = {{0, 1}, {0.25, 3.25}, {0.5, 5.5}, {0.75, 7.75}, {1, 10}};
  for (const auto& c : cases) {
    EXPECT_NEAR(Quantile(x, c.p), c.expected, 1e-12) << "p = " << c.p;
  }
  EXPECT_THROW(Quantile(std::vector<double>{}, 0.5), std::invalid_argument);
  EXPECT_THROW(Quantile(x, 1.5), std::invalid_argument);
}

TEST(DescriptiveTest, SummaryOfSmallSample) {
  // Computed by hand: values 2, 4, 4, 4, 5, 5, 7, 9 have mean 5, sum of
  // squared deviations 32, sample sd sqrt(32 / 7); type-7 quartiles 4 and
  // 5.5 (h = 1.75 and 5.25), median 4.5.
  const std::vector<double> x = {2, 4, 4, 4, 5, 5, 7, 9};
  const Summary s = Describe(x);
  EXPECT_EQ(s.n, 8);
  EXPECT_DOUBLE_EQ(s.mean, 5);
  EXPECT_NEAR(s.sd, std::sqrt(32.0 / 7.0), 1e-12);
  EXPECT_DOUBLE_EQ(s.median, 4.5);
  EXPECT_DOUBLE_EQ(s.q1, 4);
  EXPECT_DOUBLE_EQ(s.q3, 5.5);
  EXPECT_DOUBLE_EQ(s.min, 2);
  EXPECT_DOUBLE_EQ(s.max, 9);
  EXPECT_TRUE(s.note.empty());
}

TEST(DescriptiveTest, EmptyAndSingleValues) {
  const Summary empty = Describe(std::vector<double>{});
  EXPECT_EQ(empty.n, 0);
  EXPECT_TRUE(std::isnan(empty.mean));
  EXPECT_FALSE(empty.note.empty());
  const Summary one = Describe(std::vector<double>{0.4});
  EXPECT_DOUBLE_EQ(one.mean, 0.4);
  EXPECT_DOUBLE_EQ(one.median, 0.4);
  EXPECT_TRUE(std::isnan(one.sd));
  EXPECT_THROW(Describe(std::vector<double>{1, NAN}), std::invalid_argument);
}

TEST(DescriptiveTest, HistogramOverUnitInterval) {
  const std::vector<double> x = {0.0, 0.1, 0.2, 0.25, 0.3, 0.5, 0.7, 0.75, 0.99, 1.0};
  const Histogram h = UnitIntervalHistogram(x, 4);
  ASSERT_EQ(h.counts.size(), 4u);
  ASSERT_EQ(h.edges.size(), 5u);
  EXPECT_DOUBLE_EQ(h.edges[1], 0.25);
  // [0, .25): 0, .1, .2 | [.25, .5): .25, .3 | [.5, .75): .5, .7 |
  // [.75, 1]: .75, .99, 1.0 (the last bin is closed).
  EXPECT_EQ(h.counts, (std::vector<std::int64_t>{3, 2, 2, 3}));
  EXPECT_EQ(h.n, 10);
}

TEST(DescriptiveTest, HistogramEdgesAreExact) {
  // Values on the edges i/10 go to the bin that starts there, despite
  // rounding in x * 10 (e.g. 0.3, 0.6, 0.7).
  std::vector<double> x;
  for (int i = 0; i < 10; ++i) x.push_back(i / 10.0);
  const Histogram h = UnitIntervalHistogram(x, 10);
  for (std::int64_t count : h.counts) EXPECT_EQ(count, 1);
  EXPECT_THROW(UnitIntervalHistogram(std::vector<double>{1.01}, 10), std::invalid_argument);
  EXPECT_THROW(UnitIntervalHistogram(std::vector<double>{-0.1}, 10), std::invalid_argument);
  EXPECT_THROW(UnitIntervalHistogram(x, 0), std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
