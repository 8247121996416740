// Derived values of self-signification data, as SenseMaker analysts use them:
// where a triad answer lies in its triangle, which zone it falls in, the bin
// of a dyad slider and the quadrant or ninth of a stone. Pure functions,
// usable as matrix dimensions. See docs/signifiers.md, "Derived values".
#ifndef VERHAAL_CORPUS_ZONES_H_
#define VERHAAL_CORPUS_ZONES_H_

#include <string>
#include <vector>

#include "corpus/signifiers.h"

namespace verhaal {

// A point in a plot of a triad.
struct PlotPoint {
  double x = 0;
  double y = 0;
};

// The triad's point in a triangle of unit height and unit base, as
// SenseMaker exports it (percentX / percentY): x = right + top / 2, y = top.
// Left corner (0, 0), right corner (1, 0), top corner (0.5, 1).
PlotPoint TriadPlotPoint(const Triad& triad);

// The same point in an equilateral triangle of side 1: y is scaled by
// sqrt(3) / 2, so the top corner is (0.5, 0.866...).
PlotPoint TriadEquilateralPoint(const Triad& triad);

// Thresholds of the triad zones; the defaults are SenseMaker analysts'.
struct TriadZoneThresholds {
  double corner = 0.6;  // one anchor at or above this: that anchor's corner
  double low = 0.2;     // below this an anchor is absent (edges); [low, corner) is "present"
};

// The seven triad zones; kNone when thresholds that do not add up leave the
// point between zones (never with the defaults).
enum class TriadZone {
  kTop,
  kLeft,
  kRight,  // one anchor >= corner
  kTopLeft,
  kTopRight,
  kLeftRight,  // two anchors present, the third < low
  kCentre,     // all three present
  kNone,
};

TriadZone ClassifyTriad(const Triad& triad, const TriadZoneThresholds& thresholds = {});

// "top", "left", "right", "top-left", "top-right", "left-right", "centre",
// "none".
std::string TriadZoneName(TriadZone zone);

// The upper edges of all bins but the last; the default gives five bins of
// width 0.2 ([0, 0.2), [0.2, 0.4), ..., [0.8, 1]). Edges must ascend.
struct DyadBins {
  std::vector<double> edges = {0.2, 0.4, 0.6, 0.8};
};

// The bin (0 = nearest the left pole) of slider position x: the number of
// edges at or below x.
int DyadBin(double x, const DyadBins& bins = {});

// For five bins: "left", "centre-left", "centre", "centre-right", "right";
// otherwise "bin N" (counting from 1).
std::string DyadBinName(int bin, const DyadBins& bins = {});

// The quadrant of a stone, split at `split` on both axes (a coordinate equal
// to the split counts as the upper half): 0 bottom-left, 1 bottom-right,
// 2 top-left, 3 top-right (y = 1 is the top).
int StoneQuadrant(const StonePlacement& stone, double split = 0.5);

// "bottom-left", "bottom-right", "top-left", "top-right".
std::string StoneQuadrantName(int quadrant);

// The cell of a 3 x 3 grid split at `low` and `high` on both axes:
// row * 3 + column, row 0 at the bottom, column 0 at the left.
int StoneNinth(const StonePlacement& stone, double low = 1.0 / 3, double high = 2.0 / 3);

// "bottom-left", "bottom-centre", ..., "centre", ..., "top-right".
std::string StoneNinthName(int ninth);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_ZONES_H_
