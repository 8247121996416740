#include "exporters/slider_scatter.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>

#include "base/error.h"
#include "corpus/signifiers.h"
#include "exporters/matrix_report.h"
#include "exporters/report_words.h"

namespace verhaal {
namespace {

// Slider values of one axis for stories `ids` (ascending): per story its
// value, or the reason there is none.
struct AxisValues {
  enum : uint8_t { kUnanswered, kAnsweredNa, kAnswered };
  SliderAxis axis;
  std::string prefix;          // "DIM: ", before a reason
  std::vector<double> value;   // per story of `ids`
  std::vector<uint8_t> state;  // per story of `ids`

  std::string Reason(size_t i) const {
    return prefix + std::string(state[i] == kAnsweredNa ? kNotApplicable : kNoAnswer);
  }
};

AxisValues ReadAxis(Project& project, const DimensionSpec& spec, const std::vector<int64_t>& ids) {
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
  result.prefix = spec.text + ": ";
  result.value.assign(ids.size(), 0);
  result.state.assign(ids.size(), AxisValues::kUnanswered);
  // The answers come by story id, as `ids` are: one pass over both.
  size_t at = 0;
  ForEachSignifierValue(project, *signifier, [&](int64_t id, const SignifierValue& value) {
    while (at < ids.size() && ids[at] < id) ++at;
    if (at == ids.size() || ids[at] != id) return;
    if (value.not_applicable) {
      result.state[at] = AxisValues::kAnsweredNa;
    } else if (dyad) {
      result.state[at] = AxisValues::kAnswered;
      result.value[at] = value.x;
    } else {
      const auto& stones = value.stones;
      if (stone < static_cast<int>(stones.size()) && stones[stone]) {
        result.state[at] = AxisValues::kAnswered;
        result.value[at] = stone_y ? stones[stone]->y : stones[stone]->x;
      }
    }
  });
  return result;
}

// The scatter of the stories `each` names (calling its argument with each
// story's id and key, in the order to plot), `ids` being their ids ascending.
template <typename Each>
SliderScatter Scatter(Project& project, const DimensionSpec& x, const DimensionSpec& y,
                      const std::vector<int64_t>& ids, const ResolvedDimension* colour, Each each) {
  const AxisValues xs = ReadAxis(project, x, ids);
  const AxisValues ys = ReadAxis(project, y, ids);
  SliderScatter scatter;
  scatter.x = xs.axis;
  scatter.y = ys.axis;
  if (colour) {
    scatter.colour = colour->title;
    scatter.groups = colour->levels;
  }
  each([&](int64_t id, std::string_view key) {
    const size_t i =
        static_cast<size_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
    if (xs.state[i] != AxisValues::kAnswered) {
      ++scatter.left_out[xs.Reason(i)];
      return;
    }
    if (ys.state[i] != AxisValues::kAnswered) {
      ++scatter.left_out[ys.Reason(i)];
      return;
    }
    SliderPoint point;
    point.story = std::string(key);
    point.story_id = id;
    point.x = xs.value[i];
    point.y = ys.value[i];
    if (colour) {
      const auto level = colour->level_of.find(id);
      if (level != colour->level_of.end()) point.group = level->second;
    }
    const int quadrant = (point.x >= scatter.x.cut ? 1 : 0) + (point.y >= scatter.y.cut ? 2 : 0);
    ++scatter.quadrants[quadrant];
    scatter.points.push_back(std::move(point));
  });
  return scatter;
}

std::string Pole(const SliderAxis& axis, bool high, Language language) {
  const std::string& name = high ? axis.high : axis.low;
  return name.empty() ? std::string(Say(language, high ? Word::kHigh : Word::kLow)) : name;
}

}  // namespace

SliderScatter BuildSliderScatter(Project& project, const DimensionSpec& x, const DimensionSpec& y,
                                 const std::vector<Story>& stories,
                                 const ResolvedDimension* colour) {
  std::vector<int64_t> ids;
  ids.reserve(stories.size());
  for (const Story& story : stories) ids.push_back(story.id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return Scatter(project, x, y, ids, colour, [&](const auto& add) {
    for (const Story& story : stories) add(story.id, story.key);
  });
}

SliderScatter BuildSliderScatter(Project& project, const DimensionSpec& x, const DimensionSpec& y,
                                 const std::vector<int64_t>& story_ids,
                                 const ResolvedDimension* colour) {
  return Scatter(project, x, y, story_ids, colour, [&](const auto& add) {
    for (int64_t id : story_ids) add(id, std::string_view());
  });
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
