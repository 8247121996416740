// The story scatter: each story as a point placed by its answers to two
// dyads (x and y in [0, 1]), coloured by the level of a grouping dimension,
// with the quadrants at 0.5 marked and counted. Used by `verhaal run`
// (scatter exports) and the HTML report.
#ifndef VERHAAL_EXPORTERS_STORY_SCATTER_H_
#define VERHAAL_EXPORTERS_STORY_SCATTER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "coding/dimension.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"

namespace verhaal {

// One story placed on both dyads.
struct ScatterPoint {
  int64_t story_id = 0;
  std::string story_key;
  double x = 0;
  double y = 0;
  std::string group;  // level of the grouping dimension; empty without one
};

// The points of a scatter and the dyads they come from.
struct Scatter {
  Signifier x;
  Signifier y;
  std::vector<ScatterPoint> points;
  std::vector<std::string> groups;  // legend order
  int64_t left_out = 0;  // stories without an answer (or N/A) on either dyad
};

// Places `stories` on dyads `x_key` and `y_key`; `groups` (may be null)
// colours them. Throws kMissing when a key names no signifier (the message
// says to run `verhaal info --signifiers`), kUsage when it is not a dyad.
Scatter BuildScatter(Project& project, const std::string& x_key, const std::string& y_key,
                     const std::vector<Story>& stories, const ResolvedDimension* groups);

// A self-contained SVG of `scatter`: axes labelled with the dyads' poles,
// dashed lines at 0.5, the number of stories in each quadrant, and a
// legend of the groups. Deterministic. Never throws.
std::string ScatterSvg(const Scatter& scatter);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_STORY_SCATTER_H_
