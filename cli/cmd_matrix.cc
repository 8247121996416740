#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "base/error.h"
#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/story_filter_options.h"
#include "coding/dimension.h"
#include "exporters/matrix.h"
#include "exporters/matrix_quotes.h"
#include "exporters/matrix_report.h"
#include "exporters/svg.h"
#include "exporters/svg_heatmap.h"
#include "study/matrix_query.h"

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
      "or respondent (docs/matrix.md). Reports how many stories were left out and why.\n"
      "A code dimension reads the codings of the analysis set (`verhaal coders\n"
      "analysis`; default every human coder, never `rules`), or of --coders;\n"
      "--combine all or --min-coders K asks for consensus, --combine each gives one\n"
      "matrix per coder. The header says which coders and how they combined.",
      "  verhaal matrix --rows dyad:motivatie --cols dyad:stijl --by role\n"
      "  verhaal matrix --rows code:motivatie@anna+bram --cols code:communicatiestijl "
      "--svg matrix.svg\n"
      "  verhaal matrix --rows code:motivatie --cols code:communicatiestijl --combine each\n"
      "  verhaal matrix --rows code:motivatie --cols code:communicatiestijl --unit segment\n"
      "  verhaal matrix --rows code:motivatie --cols role --unit respondent --mixed each");
  options.add()("rows", po::value<std::string>(), "the row dimension (DIM)")(
      "cols", po::value<std::string>(), "the column dimension (DIM)")(
      "by", po::value<std::string>(), "one matrix per level of this dimension, and a comparison")(
      "mixed", po::value<std::string>()->default_value("exclude"),
      "stories coded with two levels: exclude, level (their own level 'mixed') or each "
      "(multiple response: in each of their cells; cells count responses, no tests)")(
      "yates", "Yates' continuity correction for 2x2 chi-square")(
      "monte-carlo", "Fisher's test by Monte Carlo even where exact is feasible")(
      "draws", po::value<int>()->default_value(100000), "Monte Carlo draws")(
      "seed", po::value<unsigned long long>()->default_value(20240601), "Monte Carlo seed")(
      "svg", po::value<std::string>(), "also write a heat map to this SVG file")(
      "quotes", po::value<int>(),
      "up to N stories per cell with a quote (story, respondent, coder, text)")(
      "unit", po::value<std::string>()->default_value("story"),
      "what a cell counts: story (each story once), segment (coded segments of the rows' "
      "codes that meet a segment of the column, or lie in a story of the column level) or "
      "respondent (each respondent once, with the levels of their stories)")(
      "within", po::value<std::string>()->default_value("0"),
      "--unit segment: segments this many characters apart still meet (0: they overlap), or "
      "sentence (they touch one sentence) or turn (one speaker turn)")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  AddStoryFilterOptions(options);
  AddCoderOptions(options, true);
  if (!options.Parse()) return 0;
  if (!options.Has("rows") || !options.Has("cols")) {
    throw UsageError(
        "matrix needs --rows and --cols; e.g. `verhaal matrix --rows dyad:motivatie --cols "
        "dyad:stijl`");
  }
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  MatrixQuery query;
  query.rows = options.Get<std::string>("rows");
  query.cols = options.Get<std::string>("cols");
  query.by = options.Optional<std::string>("by");
  query.mixed = options.Get<std::string>("mixed");
  query.unit = options.Get<std::string>("unit");
  query.within = options.Get<std::string>("within");
  if (query.unit != "story" && options.Has("quotes")) {
    throw UsageError("--quotes is not yet given for --unit " + query.unit +
                     "; list a code's passages with `verhaal quotes --code CODE`");
  }
  query.coders = CoderRequestFrom(options);
  query.stories = StoryFilterFrom(options);
  query.options.yates = options.Has("yates");
  query.options.fisher.force_monte_carlo = options.Has("monte-carlo");
  query.options.fisher.draws = options.Get<int>("draws");
  query.options.fisher.seed = options.Get<unsigned long long>("seed");
  if (query.options.fisher.draws < 1) throw UsageError("--draws must be at least 1");
  if (options.Has("quotes") && options.Get<int>("quotes") < 1) {
    throw UsageError("--quotes needs a number of stories of 1 or more, e.g. --quotes 3");
  }

  Project project = options.OpenProject();
  // The same plan and matrices as the workbench's GET /api/matrix
  // (study/matrix_query.h); --combine each: once per coder, one after the other.
  const MatrixPlan plan = PlanMatrix(project, query);
  const std::vector<std::optional<CoderSelection>> runs = plan.Runs();
  if (plan.coders && plan.coders->combine == CoderCombine::kEach &&
      (format == TableFormat::kCsv || format == TableFormat::kJson)) {
    throw UsageError(
        "--combine each prints one matrix per coder as text or md; for csv or json run the "
        "matrix once per coder with --coders NAME");
  }
  Matrix matrix;
  for (size_t run = 0; run < runs.size(); ++run) {
    const MatrixAnswer answer = ComputeMatrix(project, plan, runs[run]);
    matrix = answer.matrix;
    if (runs.size() > 1) {
      if (run > 0) context.out << "\n";
      context.out << (format == TableFormat::kMarkdown ? "## " : "") << "coder "
                  << runs[run]->names.front() << " (--combine each)\n\n";
    }
    if (!options.Has("quotes")) {
      WriteMatrix(context.out, matrix, format);
      continue;
    }
    std::vector<std::string> prefer;
    for (const DimensionSpec* spec : {&plan.rows, &plan.cols}) {
      if (spec->source == DimensionSource::kCode) prefer.push_back(spec->name);
    }
    const CoderSet quoted =
        runs[run] ? runs[run]->Set() : ResolveCoderSelection(project, query.coders).Set();
    const Table quotes = MatrixQuotesTable(MatrixQuotes(
        project, answer.stories, answer.rows, answer.cols, answer.by ? &*answer.by : nullptr,
        quoted, prefer, options.Get<int>("quotes")));
    if (format == TableFormat::kJson) {
      std::ostringstream text;
      WriteMatrix(text, matrix, format);
      nlohmann::ordered_json json = nlohmann::ordered_json::parse(text.str());
      std::ostringstream rows_json;
      WriteTable(rows_json, quotes, format);
      json["quotes"] = nlohmann::ordered_json::parse(rows_json.str());
      context.out << json.dump(2) << "\n";
      continue;
    }
    WriteMatrix(context.out, matrix, format);
    context.out << (format == TableFormat::kCsv ? "\r\n" : "\n");
    if (format != TableFormat::kCsv) {
      context.out << (format == TableFormat::kMarkdown ? "### " : "") << "quotes (at most "
                  << options.Get<int>("quotes") << " per cell)\n"
                  << (format == TableFormat::kMarkdown ? "\n" : "");
    }
    WriteTable(context.out, quotes, format);
  }
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
