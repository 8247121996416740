// The points of the workbench's Signifiers view (GET /api/signifiers/plot):
// each story on a triad's triangle or on two sliders (as `verhaal scatter`
// places them, exporters/slider_scatter.h), coloured by a dimension (DIM,
// docs/matrix.md) or by whether the coders in view coded a code. Reads
// only. Errors are RequestErrors naming the query field at fault (`triad`,
// `x`, `y`, `colour`, `coded`, `coders`, `combine`, `min_coders`, `role`,
// `kind`, `wave`, `set`).
#ifndef VERHAAL_STUDY_SIGNIFIER_PLOT_H_
#define VERHAAL_STUDY_SIGNIFIER_PLOT_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coding/analysis_coders.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "exporters/slider_scatter.h"
#include "study/viewer.h"

namespace verhaal {

struct SignifierPlotQuery {
  std::optional<std::string> triad;   // a triad's key: the triangle
  std::optional<std::string> x;       // a slider (dyad:KEY, stone-x:KEY/STONE, ...)
  std::optional<std::string> y;       // the other slider
  std::optional<std::string> colour;  // DIM
  std::optional<std::string> coded;   // a code path: "coded" / "not coded"
  CoderRequest coders;                // whose codings colour the points
  StoryFilter stories;                // role, kind, wave, set
};

// The levels of a colouring by `coded`, in this order.
inline constexpr const char* kCodedLevel = "coded";
inline constexpr const char* kNotCodedLevel = "not coded";

struct SignifierPlotPoint {
  int64_t story_id = 0;
  // Triad: the proportions top, left, right (summing to 1); scatter: x, y
  // and c = 0.
  double a = 0;
  double b = 0;
  double c = 0;
  int group = -1;  // index into SignifierPlot::groups; -1 for none
};

struct SignifierPlot {
  bool triad = false;
  std::string title;                   // the triad's title, or "x × y"
  std::array<std::string, 3> corners;  // triad: top, left, right
  SliderAxis x;                        // scatter
  SliderAxis y;
  std::string colour;                       // what colours the points, or empty
  std::vector<std::string> groups;          // its levels
  std::string codings;                      // whose codings coloured them, or empty
  std::optional<CoderSelection> coders;     // the same as a selection (for a page's language)
  std::vector<SignifierPlotPoint> points;   // in story order
  std::map<std::string, int64_t> left_out;  // stories not plotted, by reason
  int64_t stories = 0;                      // passing the filters
};

// The plot `query` asks for, as `viewer` may see it (blind: only the
// viewer's codings colour; naming another coder is kForbidden).
SignifierPlot BuildSignifierPlot(Project& project, const Viewer& viewer, SignifierPlotQuery query);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_SIGNIFIER_PLOT_H_
