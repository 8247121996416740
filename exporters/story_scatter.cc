#include "exporters/story_scatter.h"

#include <algorithm>
#include <array>
#include <map>

#include "corpus/error.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

constexpr double kPlot = 440;   // side of the plot area
constexpr double kLeft = 90;    // room for the y axis labels
constexpr double kTop = 60;     // title
constexpr double kLegend = 190; // legend right of the plot

Signifier RequireDyad(Project& project, const std::string& key) {
  std::optional<Signifier> signifier = FindSignifier(project, key);
  if (!signifier) {
    throw MissingError("no signifier '" + key +
                       "' in the project; `verhaal info --signifiers` lists them");
  }
  if (signifier->type != SignifierType::kDyad) {
    throw UsageError("signifier '" + key + "' is a " +
                     std::string(SignifierTypeName(signifier->type)) +
                     "; a scatter needs two dyads (sliders)");
  }
  return *signifier;
}

std::string Pole(const Signifier& dyad, bool high) {
  const std::string& pole = high ? dyad.x_high : dyad.x_low;
  return pole.empty() ? (high ? "1" : "0") : pole;
}

}  // namespace

Scatter BuildScatter(Project& project, const std::string& x_key, const std::string& y_key,
                     const std::vector<Story>& stories, const ResolvedDimension* groups) {
  Scatter scatter{RequireDyad(project, x_key), RequireDyad(project, y_key), {}, {}, 0};
  std::map<int64_t, double> xs;
  std::map<int64_t, double> ys;
  ForEachSignifierValue(project, scatter.x, [&](int64_t id, const SignifierValue& value) {
    if (!value.not_applicable) xs[id] = value.x;
  });
  ForEachSignifierValue(project, scatter.y, [&](int64_t id, const SignifierValue& value) {
    if (!value.not_applicable) ys[id] = value.x;
  });
  if (groups != nullptr) scatter.groups = groups->levels;
  for (const Story& story : stories) {
    const auto x = xs.find(story.id);
    const auto y = ys.find(story.id);
    if (x == xs.end() || y == ys.end()) {
      ++scatter.left_out;
      continue;
    }
    ScatterPoint point{story.id, story.key, x->second, y->second, ""};
    if (groups != nullptr) {
      const auto level = groups->level_of.find(story.id);
      point.group = level == groups->level_of.end() ? std::string(kNoValue)
                                                     : groups->levels[level->second];
      if (std::find(scatter.groups.begin(), scatter.groups.end(), point.group) ==
          scatter.groups.end()) {
        scatter.groups.push_back(point.group);
      }
    }
    scatter.points.push_back(std::move(point));
  }
  return scatter;
}

std::string ScatterSvg(const Scatter& scatter) {
  const double width = kLeft + kPlot + 30 + (scatter.groups.empty() ? 0 : kLegend);
  const double height = kTop + kPlot + 70;
  const std::string title = scatter.x.key + " x " + scatter.y.key;
  SvgDocument svg(width, height, title);
  svg.Text(10, 24, "across: " + (scatter.x.title.empty() ? scatter.x.key : scatter.x.title), 12,
           "start", true);
  svg.Text(10, 42, "up: " + (scatter.y.title.empty() ? scatter.y.key : scatter.y.title), 12,
           "start", true);
  svg.Rect(kLeft, kTop, kPlot, kPlot, "#FAFAFA", "#888888");
  svg.Line(kLeft + kPlot / 2, kTop, kLeft + kPlot / 2, kTop + kPlot, "#999999", 1, true);
  svg.Line(kLeft, kTop + kPlot / 2, kLeft + kPlot, kTop + kPlot / 2, "#999999", 1, true);
  // Axis labels: poles at the ends, the dyad's key in the middle.
  const double bottom = kTop + kPlot;
  svg.Text(kLeft, bottom + 20, Pole(scatter.x, false), 11, "start");
  svg.Text(kLeft + kPlot, bottom + 20, Pole(scatter.x, true), 11, "end");
  svg.Text(kLeft + kPlot / 2, bottom + 44, scatter.x.key + " \u2192", 12, "middle", true);
  svg.Text(kLeft - 12, bottom, Pole(scatter.y, false), 11, "start", false, -90);
  svg.Text(kLeft - 12, kTop, Pole(scatter.y, true), 11, "end", false, -90);
  svg.Text(kLeft - 40, kTop + kPlot / 2, scatter.y.key + " \u2192", 12, "middle", true, -90);
  // Quadrant counts (0.5 belongs to the low side, as dyad:KEY@0.5 does).
  std::array<int, 4> quadrant{};  // [high y][high x]
  for (const auto& point : scatter.points) {
    quadrant[(point.y > 0.5 ? 2 : 0) + (point.x > 0.5 ? 1 : 0)]++;
  }
  for (int q = 0; q < 4; ++q) {
    const bool high_x = q % 2 == 1;
    const bool high_y = q >= 2;
    svg.Text(high_x ? kLeft + kPlot - 8 : kLeft + 8, high_y ? kTop + 18 : bottom - 8,
             "n = " + std::to_string(quadrant[q]), 12, high_x ? "end" : "start", true, 0,
             "#666666");
  }
  for (const auto& point : scatter.points) {
    const auto it = std::find(scatter.groups.begin(), scatter.groups.end(), point.group);
    const int colour = it == scatter.groups.end() ? 0 : static_cast<int>(it - scatter.groups.begin());
    svg.Circle(kLeft + point.x * kPlot, kTop + (1 - point.y) * kPlot, 6,
               SvgPaletteColour(colour), "#FFFFFF");
  }
  for (size_t g = 0; g < scatter.groups.size(); ++g) {
    const double y = kTop + 10 + 22 * g;
    svg.Circle(kLeft + kPlot + 40, y, 6, SvgPaletteColour(static_cast<int>(g)));
    svg.Text(kLeft + kPlot + 54, y + 4, scatter.groups[g], 12);
  }
  svg.Text(kLeft, height - 6,
           std::to_string(scatter.points.size()) + " stories" +
               (scatter.left_out > 0 ? "; " + std::to_string(scatter.left_out) +
                                           " without an answer on both sliders left out"
                                     : ""),
           11, "start", false, 0, "#555555");
  return svg.Finish();
}

}  // namespace verhaal
