#include <ostream>

#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/story_filter_options.h"
#include "coding/dimension.h"
#include "corpus/error.h"
#include "corpus/stories.h"
#include "exporters/matrix.h"
#include "exporters/matrix_report.h"
#include "exporters/svg.h"
#include "exporters/svg_heatmap.h"

namespace verhaal {

namespace po = boost::program_options;

int RunMatrix(CommandContext& context) {
  CommandOptions options(
      context, "verhaal matrix --rows DIM --cols DIM [--by DIM] [options]",
      "Cross-tabulates the stories by two dimensions: counts, row/column/total %,\n"
      "expected counts and adjusted residuals (|z| >= 1.96 flagged with *), with\n"
      "chi-square, Fisher's exact test, Cramer's V and (2x2) the odds ratio. --by\n"
      "gives one matrix per group and compares the groups. DIM is code:GROUP[@CODER],\n"
      "dyad:KEY[@CUT], stone-x:KEY/STONE, triad-zone:KEY, var:NAME, role, kind, wave\n"
      "or respondent (docs/matrix.md). Reports how many stories were left out and why.",
      "  verhaal matrix --rows dyad:motivatie --cols dyad:stijl --by role\n"
      "  verhaal matrix --rows code:motivatie@anna+bram --cols code:communicatiestijl "
      "--svg matrix.svg");
  options.add()("rows", po::value<std::string>(), "the row dimension (DIM)")(
      "cols", po::value<std::string>(), "the column dimension (DIM)")(
      "by", po::value<std::string>(), "one matrix per level of this dimension, and a comparison")(
      "mixed", po::value<std::string>()->default_value("exclude"),
      "stories coded with two levels: exclude, or level (their own level 'mixed')")(
      "yates", "Yates' continuity correction for 2x2 chi-square")(
      "monte-carlo", "Fisher's test by Monte Carlo even where exact is feasible")(
      "draws", po::value<int>()->default_value(100000), "Monte Carlo draws")(
      "seed", po::value<unsigned long long>()->default_value(20240601), "Monte Carlo seed")(
      "svg", po::value<std::string>(), "also write a heat map to this SVG file")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  AddStoryFilterOptions(options);
  if (!options.Parse()) return 0;
  if (!options.Has("rows") || !options.Has("cols")) {
    throw UsageError(
        "matrix needs --rows and --cols; e.g. `verhaal matrix --rows dyad:motivatie --cols "
        "dyad:stijl`");
  }
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  const MixedPolicy mixed = ParseMixedPolicy(options.Get<std::string>("mixed"));
  const DimensionSpec row_spec = ParseDimension(options.Get<std::string>("rows"));
  const DimensionSpec col_spec = ParseDimension(options.Get<std::string>("cols"));
  std::optional<DimensionSpec> by_spec;
  if (options.Has("by")) by_spec = ParseDimension(options.Get<std::string>("by"));
  MatrixOptions matrix_options;
  matrix_options.yates = options.Has("yates");
  matrix_options.fisher.force_monte_carlo = options.Has("monte-carlo");
  matrix_options.fisher.draws = options.Get<int>("draws");
  matrix_options.fisher.seed = options.Get<unsigned long long>("seed");
  if (matrix_options.fisher.draws < 1) throw UsageError("--draws must be at least 1");

  Project project = options.OpenProject();
  const std::vector<int64_t> ids = ListStoryIds(project, StoryFilterFrom(options));
  if (ids.empty()) {
    throw DataError("no stories match; import stories first or loosen --role, --kind, --wave");
  }
  const ResolvedDimension rows = ResolveDimension(project, row_spec, ids, mixed);
  const ResolvedDimension cols = ResolveDimension(project, col_spec, ids, mixed);
  std::optional<ResolvedDimension> by;
  if (by_spec) by = ResolveDimension(project, *by_spec, ids, mixed);
  const Matrix matrix = BuildMatrix(ids, rows, cols, by ? &*by : nullptr, matrix_options);
  WriteMatrix(context.out, matrix, format);
  for (const auto& tab : matrix.tables) {
    if (tab.tests.computed && !tab.tests.cochran.satisfied) {
      context.err << "verhaal: warning: " << (tab.group.empty() ? "" : tab.group + ": ")
                  << tab.tests.cochran.warning << "\n";
    }
  }
  if (options.Has("svg")) {
    WriteSvgFile(options.Get<std::string>("svg"), MatrixHeatmapSvg(matrix));
    context.err << "wrote " << options.Get<std::string>("svg") << "\n";
  }
  return 0;
}

}  // namespace verhaal
