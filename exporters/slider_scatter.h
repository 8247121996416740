// The story scatter: each story a point on two sliders (dyads or a stone's x
// and y), with quadrant lines at the cut points and counts per quadrant, as
// SenseMaker-style reports show them. See docs/matrix.md, "verhaal scatter".
#ifndef VERHAAL_EXPORTERS_SLIDER_SCATTER_H_
#define VERHAAL_EXPORTERS_SLIDER_SCATTER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coding/dimension.h"
#include "corpus/language.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "exporters/table.h"

namespace verhaal {

struct SliderPoint {
  std::string story;  // the story key
  int64_t story_id = 0;
  double x = 0;
  double y = 0;
  int group = -1;  // index into SliderScatter::groups; -1 without --colour or level
};

// One slider axis: its title, poles and cut point.
struct SliderAxis {
  std::string title;
  std::string low;
  std::string high;
  double cut = 0.5;
};

struct SliderScatter {
  SliderAxis x;
  SliderAxis y;
  std::string colour;               // title of the colour dimension, or empty
  std::vector<std::string> groups;  // its levels
  std::vector<SliderPoint> points;  // in story order
  // Stories not plotted, by reason ("dyad:stijl: N/A" -> 1).
  std::map<std::string, int64_t> left_out;
  // Points per quadrant: 0 low x / low y, 1 high x / low y, 2 low x / high y,
  // 3 high x / high y; a value at a cut point counts as high.
  std::array<int64_t, 4> quadrants = {0, 0, 0, 0};
};

// Places `stories` on the sliders `x` and `y` (dyad:KEY[@CUT] or
// stone-x:/stone-y:KEY/STONE[@CUT]; one cut point each). `colour` may be
// null. Throws kUsage for another kind of DIM or more than one cut, kMissing
// for an unknown signifier or stone.
SliderScatter BuildSliderScatter(Project& project, const DimensionSpec& x, const DimensionSpec& y,
                                 const std::vector<Story>& stories,
                                 const ResolvedDimension* colour);
// The same for the stories `story_ids` (ascending), without their keys
// (SliderPoint::story stays empty): for the report's chart, which shows no
// keys, over millions of stories.
SliderScatter BuildSliderScatter(Project& project, const DimensionSpec& x, const DimensionSpec& y,
                                 const std::vector<int64_t>& story_ids,
                                 const ResolvedDimension* colour);

// The quadrant counts as a table (quadrant, x level, y level, stories, %),
// its words in `language` (exporters/report_words.h).
Table SliderQuadrantTable(const SliderScatter& scatter, Language language = Language::kEnglish);

// The points as a table (story, x, y, colour level).
Table SliderPointsTable(const SliderScatter& scatter);

// A self-contained, deterministic SVG: the unit square with the points
// (coloured by group, with a legend), dashed quadrant lines, pole labels on
// the axes and the count in each quadrant, words and numbers in `language`.
// Never throws.
std::string SliderScatterSvg(const SliderScatter& scatter, Language language = Language::kEnglish);

// The same document given to `write` in parts as it is drawn (a point a
// story: at a million stories tens of MB that are never held whole).
void WriteSliderScatterSvg(const SliderScatter& scatter, Language language,
                           const std::function<void(std::string_view)>& write);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SLIDER_SCATTER_H_
