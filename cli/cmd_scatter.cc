#include <ostream>
#include <sstream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/story_filter_options.h"
#include "coding/dimension.h"
#include "corpus/files.h"
#include "exporters/slider_scatter.h"
#include "exporters/svg.h"

namespace verhaal {

namespace po = boost::program_options;

int RunScatter(CommandContext& context) {
  CommandOptions options(
      context, "verhaal scatter --x SLIDER --y SLIDER [--colour DIM] [--svg FILE] [options]",
      "Places each story on two sliders (dyad:KEY or a stone's stone-x:KEY/STONE,\n"
      "stone-y:KEY/STONE; a cut point with @CUT, default 0.5) and counts the stories\n"
      "per quadrant. --svg draws the points with quadrant lines at the cut points,\n"
      "pole labels on the axes and the count in each quadrant; --colour colours the\n"
      "points by a dimension (docs/matrix.md); --csv writes the points.",
      "  verhaal scatter --x dyad:motivatie --y dyad:stijl --colour role --svg scatter.svg\n"
      "  verhaal scatter --x dyad:motivatie@0.4 --y dyad:stijl --csv punten.csv");
  options.add()("x", po::value<std::string>(), "the horizontal slider")(
      "y", po::value<std::string>(), "the vertical slider")(
      "colour", po::value<std::string>(), "colour the points by this dimension (DIM)")(
      "svg", po::value<std::string>(), "write the scatter plot to this SVG file")(
      "csv", po::value<std::string>(), "write the points (story, x, y, group) to this CSV file")(
      "format", po::value<std::string>()->default_value("text"),
      "the quadrant table: text, csv, json or md");
  AddStoryFilterOptions(options);
  if (!options.Parse()) return 0;
  if (!options.Has("x") || !options.Has("y")) {
    throw UsageError(
        "scatter needs --x and --y; e.g. `verhaal scatter --x dyad:motivatie --y dyad:stijl`");
  }
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  const DimensionSpec x = ParseDimension(options.Get<std::string>("x"));
  const DimensionSpec y = ParseDimension(options.Get<std::string>("y"));
  std::optional<DimensionSpec> colour_spec;
  if (options.Has("colour")) colour_spec = ParseDimension(options.Get<std::string>("colour"));
  Project project = options.OpenProject();
  const std::vector<Story> stories = ListStoryHeads(project, StoryFilterFrom(options));
  if (stories.empty()) {
    throw DataError(
        "no stories match; import stories first or loosen --role, --kind, --wave, --set");
  }
  std::optional<ResolvedDimension> colour;
  if (colour_spec) colour = ResolveDimension(project, *colour_spec, stories);
  const SliderScatter scatter =
      BuildSliderScatter(project, x, y, stories, colour ? &*colour : nullptr);
  WriteTable(context.out, SliderQuadrantTable(scatter), format);
  int64_t left = 0;
  std::string reasons;
  for (const auto& [reason, n] : scatter.left_out) {
    left += n;
    reasons += (reasons.empty() ? ": " : "; ") + reason + " " + std::to_string(n);
  }
  context.err << scatter.points.size() << " stories plotted, " << left << " left out" << reasons
              << "\n";
  if (options.Has("csv")) {
    const std::string file = options.Get<std::string>("csv");
    std::ostringstream points;
    WriteTable(points, SliderPointsTable(scatter), TableFormat::kCsv);
    WriteWholeFile(file, points.str());
    context.err << "wrote " << file << "\n";
  }
  if (options.Has("svg")) {
    WriteSvgFile(options.Get<std::string>("svg"), SliderScatterSvg(scatter));
    context.err << "wrote " << options.Get<std::string>("svg") << "\n";
  }
  return 0;
}

}  // namespace verhaal
