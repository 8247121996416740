#include "corpus/zones.h"

#include <gtest/gtest.h>

#include <cmath>

namespace verhaal {
namespace {

TEST(ZonesTest, TriadPlotPointMatchesSenseMakerGeometry) {
  // A row of the SenseMaker ADemo export: percentX 0.501953125, percentY 0.5442477876106195.
  const Triad t{0.5442477876106195, 0.22592298119469031, 0.22982923119469023};
  EXPECT_NEAR(TriadPlotPoint(t).x, 0.501953125, 1e-12);
  EXPECT_NEAR(TriadPlotPoint(t).y, 0.5442477876106195, 1e-12);
  EXPECT_NEAR(TriadEquilateralPoint(t).y, 0.5442477876106195 * std::sqrt(3.0) / 2, 1e-12);
  EXPECT_DOUBLE_EQ(TriadPlotPoint({1, 0, 0}).x, 0.5);
  EXPECT_DOUBLE_EQ(TriadPlotPoint({0, 1, 0}).x, 0.0);
  EXPECT_DOUBLE_EQ(TriadPlotPoint({0, 0, 1}).x, 1.0);
  EXPECT_NEAR(TriadEquilateralPoint({1, 0, 0}).y, 0.8660254037844386, 1e-12);
}

TEST(ZonesTest, TriadZones) {
  struct Case {
    Triad triad;
    const char* zone;
  };
  const Case cases[] = {
      {{0.6, 0.2, 0.2}, "top"},         {{0.1, 0.7, 0.2}, "left"},
      {{0.0, 0.0, 1.0}, "right"},       {{0.5, 0.45, 0.05}, "top-left"},
      {{0.4, 0.19, 0.41}, "top-right"}, {{0.1, 0.45, 0.45}, "left-right"},
      {{0.34, 0.33, 0.33}, "centre"},   {{0.59, 0.2, 0.21}, "centre"},
      {{0.2, 0.2, 0.6}, "right"},       {{0.5, 0.5, 0.0}, "top-left"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(TriadZoneName(ClassifyTriad(c.triad)), c.zone)
        << c.triad.top << " " << c.triad.left << " " << c.triad.right;
  }
  // Stricter corners: 0.6 is no longer a corner, and with these thresholds the
  // point is in no zone at all.
  EXPECT_EQ(ClassifyTriad({0.6, 0.3, 0.1}, {0.8, 0.2}), TriadZone::kTopLeft);
  EXPECT_EQ(ClassifyTriad({0.7, 0.15, 0.15}, {0.8, 0.2}), TriadZone::kNone);
}

TEST(ZonesTest, DyadBins) {
  const struct {
    double x;
    int bin;
    const char* name;
  } cases[] = {{0.0, 0, "left"},   {0.1999, 0, "left"},       {0.2, 1, "centre-left"},
               {0.5, 2, "centre"}, {0.79, 3, "centre-right"}, {0.8, 4, "right"},
               {1.0, 4, "right"}};
  for (const auto& c : cases) {
    EXPECT_EQ(DyadBin(c.x), c.bin) << c.x;
    EXPECT_EQ(DyadBinName(DyadBin(c.x)), c.name) << c.x;
  }
  const DyadBins halves{{0.5}};
  EXPECT_EQ(DyadBin(0.49, halves), 0);
  EXPECT_EQ(DyadBin(0.5, halves), 1);
  EXPECT_EQ(DyadBinName(1, halves), "bin 2");
}

TEST(ZonesTest, StoneQuadrantsAndNinths) {
  EXPECT_EQ(StoneQuadrantName(StoneQuadrant({0.1, 0.1})), "bottom-left");
  EXPECT_EQ(StoneQuadrantName(StoneQuadrant({0.9, 0.1})), "bottom-right");
  EXPECT_EQ(StoneQuadrantName(StoneQuadrant({0.1, 0.9})), "top-left");
  EXPECT_EQ(StoneQuadrantName(StoneQuadrant({0.5, 0.5})), "top-right");
  EXPECT_EQ(StoneQuadrant({0.7, 0.7}, 0.75), 0);
  EXPECT_EQ(StoneNinthName(StoneNinth({0.1, 0.1})), "bottom-left");
  EXPECT_EQ(StoneNinthName(StoneNinth({0.5, 0.5})), "centre");
  EXPECT_EQ(StoneNinthName(StoneNinth({0.5, 0.9})), "top-centre");
  EXPECT_EQ(StoneNinthName(StoneNinth({0.9, 0.4})), "centre-right");
  EXPECT_EQ(StoneNinth({1.0, 1.0}), 8);
  EXPECT_EQ(StoneNinth({0.3, 0.3}, 0.25, 0.5), 4);
}

}  // namespace
}  // namespace verhaal
