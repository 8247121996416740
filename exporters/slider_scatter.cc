#include "exporters/slider_scatter.h"

#include <cmath>
#include <optional>

#include "base/error.h"
#include "corpus/signifiers.h"
#include "exporters/matrix_report.h"
#include "exporters/report_words.h"

namespace verhaal {
namespace {

// Slider values of one axis: story id -> x, or the reason there is none.
struct AxisValues {
  SliderAxis axis;
  std::map<int64_t, double> value;
  std::map<int64_t, std::string> left_out;
};

AxisValues ReadAxis(Project& project, const DimensionSpec& spec,
                    const std::vector<Story>& stories) {
  const bool dyad = spec.source == DimensionSource::kDyad;
  const bool stone_y = spec.source == DimensionSource::kStoneY;
  if (!dyad && !stone_y && spec.source != DimensionSource::kStoneX) {
    throw UsageError("scatter axis '" + spec.text +
                     "' is not a slider; use dyad:KEY[@CUT], stone-x:KEY/STONE or "
                     "stone-y:KEY/STONE");
  }
  if (spec.cuts.size() != 1) {
    throw UsageError("scatter axis '" + spec.text + "' takes one cut point, e.g. dyad:stijl@0.5");
  }
  const auto signifier = FindSignifier(project, spec.name);
  const SignifierType type = dyad ? SignifierType::kDyad : SignifierType::kStones;
  if (!signifier || signifier->type != type) {
    throw MissingError("scatter axis '" + spec.text + "': no " +
                       std::string(SignifierTypeName(type)) + " signifier '" + spec.name +
                       "' in the project; check the key");
  }
  int stone = 0;
  if (!dyad) {
    const auto position = FindSignifierOption(*signifier, spec.stone);
    if (!position) {
      throw MissingError("scatter axis '" + spec.text + "': canvas '" + spec.name +
                         "' has no stone '" + spec.stone + "'");
    }
    stone = *position;
  }
  AxisValues result;
  result.axis.cut = spec.cuts.front();
  result.axis.low = stone_y ? signifier->y_low : signifier->x_low;
  result.axis.high = stone_y ? signifier->y_high : signifier->x_high;
  result.axis.title = spec.name + (dyad ? "" : "/" + spec.stone);
  std::map<int64_t, SignifierValue> values;
  ForEachSignifierValue(project, *signifier,
                        [&](int64_t id, const SignifierValue& value) { values[id] = value; });
  for (const auto& story : stories) {
    const auto it = values.find(story.id);
    const std::string prefix = spec.text + ": ";
    if (it == values.end()) {
      result.left_out[story.id] = prefix + std::string(kNoAnswer);
    } else if (it->second.not_applicable) {
      result.left_out[story.id] = prefix + std::string(kNotApplicable);
    } else if (dyad) {
      result.value[story.id] = it->second.x;
    } else {
      const auto& stones = it->second.stones;
      if (stone >= static_cast<int>(stones.size()) || !stones[stone]) {
        result.left_out[story.id] = prefix + std::string(kNoAnswer);
      } else {
        result.value[story.id] = stone_y ? stones[stone]->y : stones[stone]->x;
      }
    }
  }
  return result;
}

std::string Pole(const SliderAxis& axis, bool high, Language language) {
  const std::string& name = high ? axis.high : axis.low;
  return name.empty() ? std::string(Say(language, high ? Word::kHigh : Word::kLow)) : name;
}

}  // namespace

SliderScatter BuildSliderScatter(Project& project, const DimensionSpec& x, const DimensionSpec& y,
                                 const std::vector<Story>& stories,
                                 const ResolvedDimension* colour) {
  const AxisValues xs = ReadAxis(project, x, stories);
  const AxisValues ys = ReadAxis(project, y, stories);
  SliderScatter scatter;
  scatter.x = xs.axis;
  scatter.y = ys.axis;
  if (colour) {
    scatter.colour = colour->title;
    scatter.groups = colour->levels;
  }
  for (const auto& story : stories) {
    if (const auto it = xs.left_out.find(story.id); it != xs.left_out.end()) {
      ++scatter.left_out[it->second];
      continue;
    }
    if (const auto it = ys.left_out.find(story.id); it != ys.left_out.end()) {
      ++scatter.left_out[it->second];
      continue;
    }
    SliderPoint point;
    point.story = story.key;
    point.story_id = story.id;
    point.x = xs.value.at(story.id);
    point.y = ys.value.at(story.id);
    if (colour) {
      const auto level = colour->level_of.find(story.id);
      if (level != colour->level_of.end()) point.group = level->second;
    }
    const int quadrant = (point.x >= scatter.x.cut ? 1 : 0) + (point.y >= scatter.y.cut ? 2 : 0);
    ++scatter.quadrants[quadrant];
    scatter.points.push_back(std::move(point));
  }
  return scatter;
}

Table SliderQuadrantTable(const SliderScatter& scatter, Language language) {
  Table table{{std::string(Say(language, Word::kQuadrant)), scatter.x.title, scatter.y.title,
               std::string(Say(language, Word::kStoriesColumn)),
               std::string(Say(language, Word::kPercent))},
              {},
              {false, false, false, true, true}};
  static constexpr Word kNames[] = {Word::kBottomLeft, Word::kBottomRight, Word::kTopLeftQuadrant,
                                    Word::kTopRightQuadrant};
  const int64_t total = static_cast<int64_t>(scatter.points.size());
  for (int q = 0; q < 4; ++q) {
    table.AddRow({std::string(Say(language, kNames[q])), Pole(scatter.x, q % 2 == 1, language),
                  Pole(scatter.y, q >= 2, language), std::to_string(scatter.quadrants[q]),
                  FormatFixed(total == 0 ? NAN : 100.0 * scatter.quadrants[q] / total, 1)});
  }
  return table;
}

Table SliderPointsTable(const SliderScatter& scatter) {
  Table table{{"story", "x", "y", "group"}, {}, {false, true, true, false}};
  for (const auto& point : scatter.points) {
    table.AddRow({point.story, FormatFixed(point.x, 4), FormatFixed(point.y, 4),
                  point.group < 0 ? "" : scatter.groups[point.group]});
  }
  return table;
}

}  // namespace verhaal
