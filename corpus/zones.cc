#include "corpus/zones.h"

#include <array>
#include <cmath>

namespace verhaal {
namespace {

bool Present(double v, const TriadZoneThresholds& t) { return v >= t.low && v < t.corner; }

int Third(double v, double low, double high) { return v < low ? 0 : (v < high ? 1 : 2); }

}  // namespace

PlotPoint TriadPlotPoint(const Triad& triad) { return {triad.right + triad.top / 2, triad.top}; }

PlotPoint TriadEquilateralPoint(const Triad& triad) {
  PlotPoint p = TriadPlotPoint(triad);
  p.y *= std::sqrt(3.0) / 2;
  return p;
}

TriadZone ClassifyTriad(const Triad& triad, const TriadZoneThresholds& t) {
  if (triad.top >= t.corner) return TriadZone::kTop;
  if (triad.left >= t.corner) return TriadZone::kLeft;
  if (triad.right >= t.corner) return TriadZone::kRight;
  const bool top = Present(triad.top, t), left = Present(triad.left, t),
             right = Present(triad.right, t);
  if (top && left && right) return TriadZone::kCentre;
  if (top && left && triad.right < t.low) return TriadZone::kTopLeft;
  if (top && right && triad.left < t.low) return TriadZone::kTopRight;
  if (left && right && triad.top < t.low) return TriadZone::kLeftRight;
  return TriadZone::kNone;
}

std::string TriadZoneName(TriadZone zone) {
  switch (zone) {
    case TriadZone::kTop:
      return "top";
    case TriadZone::kLeft:
      return "left";
    case TriadZone::kRight:
      return "right";
    case TriadZone::kTopLeft:
      return "top-left";
    case TriadZone::kTopRight:
      return "top-right";
    case TriadZone::kLeftRight:
      return "left-right";
    case TriadZone::kCentre:
      return "centre";
    case TriadZone::kNone:
      break;
  }
  return "none";
}

int DyadBin(double x, const DyadBins& bins) {
  int bin = 0;
  for (double edge : bins.edges) {
    if (x >= edge) ++bin;
  }
  return bin;
}

std::string DyadBinName(int bin, const DyadBins& bins) {
  static const std::array<const char*, 5> kFive = {"left", "centre-left", "centre", "centre-right",
                                                   "right"};
  if (bins.edges.size() == 4 && bin >= 0 && bin < 5) return kFive[static_cast<size_t>(bin)];
  return "bin " + std::to_string(bin + 1);
}

int StoneQuadrant(const StonePlacement& stone, double split) {
  return (stone.y >= split ? 2 : 0) + (stone.x >= split ? 1 : 0);
}

std::string StoneQuadrantName(int quadrant) {
  static const std::array<const char*, 4> kNames = {"bottom-left", "bottom-right", "top-left",
                                                    "top-right"};
  if (quadrant < 0 || quadrant > 3) return "none";
  return kNames[static_cast<size_t>(quadrant)];
}

int StoneNinth(const StonePlacement& stone, double low, double high) {
  return Third(stone.y, low, high) * 3 + Third(stone.x, low, high);
}

std::string StoneNinthName(int ninth) {
  static const std::array<const char*, 3> kRows = {"bottom", "centre", "top"};
  static const std::array<const char*, 3> kColumns = {"left", "centre", "right"};
  if (ninth < 0 || ninth > 8) return "none";
  if (ninth == 4) return "centre";
  return std::string(kRows[static_cast<size_t>(ninth / 3)]) + "-" +
         kColumns[static_cast<size_t>(ninth % 3)];
}

}  // namespace verhaal
