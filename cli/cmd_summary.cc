#include <algorithm>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <sstream>

#include "base/error.h"
#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/story_filter_options.h"
#include "coding/dimension.h"
#include "exporters/summary.h"
#include "exporters/svg.h"

namespace verhaal {

namespace po = boost::program_options;

namespace {

constexpr auto kSections = kSummarySections;

std::vector<std::string> ParseSections(const std::string& text) {
  std::vector<std::string> sections;
  std::stringstream in(text);
  std::string name;
  while (std::getline(in, name, ',')) {
    if (std::find(std::begin(kSections), std::end(kSections), name) == std::end(kSections)) {
      throw UsageError("unknown section '" + name +
                       "'; use codes, dyads, triads, lists or cooccurrence (comma-separated)");
    }
    sections.push_back(name);
  }
  return sections;
}

// Creates `dir` (and its parents) for the charts; kCannotCreate when it is a
// file or cannot be made.
void MakeChartFolder(const std::filesystem::path& dir) {
  std::error_code error;
  if (std::filesystem::exists(dir, error) && !std::filesystem::is_directory(dir, error)) {
    throw Error(
        ErrorKind::kCannotCreate,
        "'" + dir.string() + "' is a file, not a folder; give --svg a folder for the charts");
  }
  std::filesystem::create_directories(dir, error);
  if (error) {
    throw Error(ErrorKind::kCannotCreate, "cannot create the folder '" + dir.string() +
                                              "': " + error.message() +
                                              "; check the path and its permissions");
  }
}

}  // namespace

int RunSummary(CommandContext& context) {
  CommandOptions options(
      context, "verhaal summary [--by DIM [--by DIM]] [--only SECTIONS] [--svg DIR] [options]",
      "Quantitative summaries: code frequencies over the code tree (stories and\n"
      "respondents per code; parents count each story once), dyads (n, N/A, mean,\n"
      "median, sd, quartiles, five bins), triads (closed geometric mean, zones),\n"
      "lists (answer frequencies) and code co-occurrence (Jaccard) in stories or,\n"
      "with --cooccurrence segments, in overlapping coded segments. --by gives the\n"
      "figures per group of a dimension: --by wave is the longitudinal view, --by\n"
      "respondent follows repeated storytellers, --by respondent --by wave each of\n"
      "them over time. --svg DIR also writes a chart per code tree, dyad, triad\n"
      "and list (docs/summary.md). Code figures read the codings of the analysis\n"
      "set (`verhaal coders analysis`; default every human coder, never `rules`) or\n"
      "of --coders; --combine all / --min-coders K counts a code in a story only\n"
      "when that many coders used it there; --combine each gives each coder's code\n"
      "figures side by side. The output's first lines say which.",
      "  verhaal summary --by role\n"
      "  verhaal summary --only codes --coders anna,bram --combine each\n"
      "  verhaal summary --role klantmanager --by wave --only codes,dyads --format csv\n"
      "  verhaal summary --only cooccurrence --cooccurrence segments\n"
      "  verhaal summary --by role --svg charts/\n"
      "  verhaal summary --role klantmanager --by respondent --by wave --only codes,dyads");
  options.add()("by", po::value<std::vector<std::string>>()->composing(),
                "the figures per level of this dimension (DIM); twice: per pair of levels")(
      "only", po::value<std::string>(),
      "these sections: codes,dyads,triads,lists,cooccurrence (default: all)")(
      "cooccurrence", po::value<std::string>()->default_value("stories"),
      "count co-occurrence in stories or in overlapping segments")(
      "svg", po::value<std::string>(), "also write SVG charts into this folder (made if missing)")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  AddStoryFilterOptions(options);
  AddCoderOptions(options, true);
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  const std::vector<std::string> sections =
      options.Has("only") ? ParseSections(options.Get<std::string>("only"))
                          : std::vector<std::string>(std::begin(kSections), std::end(kSections));
  const std::string unit_name = options.Get<std::string>("cooccurrence");
  if (unit_name != "stories" && unit_name != "segments") {
    throw UsageError("--cooccurrence takes 'stories' or 'segments', not '" + unit_name + "'");
  }
  const CooccurrenceUnit unit =
      unit_name == "segments" ? CooccurrenceUnit::kSegments : CooccurrenceUnit::kStories;
  std::vector<DimensionSpec> by_specs;
  if (options.Has("by")) {
    for (const auto& text : options.Get<std::vector<std::string>>("by")) {
      by_specs.push_back(ParseDimension(text));
    }
    if (by_specs.size() > 2) {
      throw UsageError("--by at most twice (e.g. --by respondent --by wave)");
    }
  }
  Project project = options.OpenProject();
  const StoryFilter filter = StoryFilterFrom(options);
  SummaryStories stories;
  if (!by_specs.empty()) {
    // Dimensions need the stories' fields, but not their text.
    std::vector<Story> listed;
    ForEachStory(project, filter, [&](const Story& story) {
      listed.push_back(story);
      listed.back().text = std::string();
    });
    if (listed.empty()) {
      throw DataError(
          "no stories match; import stories first or loosen --role, --kind, --wave, --set");
    }
    ResolvedDimension by = ResolveDimension(project, by_specs[0], listed);
    if (by_specs.size() == 2) {
      by = CrossDimensions(by, ResolveDimension(project, by_specs[1], listed), listed);
    }
    context.err << listed.size() << " stories; " << by.left_out.size() << " without a level of "
                << by.label << "\n";
    stories = SummaryStoriesOf(listed, &by);
  } else {
    stories = SummaryStoriesOf(ListStoryOwners(project, filter));
    if (stories.ids.empty()) {
      throw DataError(
          "no stories match; import stories first or loosen --role, --kind, --wave, --set");
    }
  }
  std::optional<std::filesystem::path> svg_dir;
  if (options.Has("svg")) {
    svg_dir = options.Get<std::string>("svg");
    MakeChartFolder(*svg_dir);  // before any output, so a bad folder fails early
  }
  const CoderSelection coders = ResolveCoderSelection(project, CoderRequestFrom(options));
  const bool each = coders.combine == CoderCombine::kEach;
  if (each && svg_dir) {
    throw UsageError(
        "--svg draws one chart per code tree; give --combine any or all, or one "
        "coder with --coders NAME");
  }
  stories.coders = coders.Set();
  const std::string codings_line = coders.Describe();
  // --combine each reads the codings once per coder; charts (refused above
  // with it) need the one Summary.
  std::optional<Summary> summary;
  std::vector<Table> tables;
  if (each) {
    tables = EachCoderSectionTables(project, stories, unit, coders, sections);
  } else {
    summary.emplace(project, std::move(stories), unit);
    tables = summary->SectionTables(sections);
  }
  bool first = true;
  if (format == TableFormat::kJson) {
    context.out << "{\n\"codings\": " << nlohmann::json(codings_line).dump() << ",\n";
  } else if (format == TableFormat::kCsv) {
    Table header{{"setting", "value"}, {{"codings", codings_line}}, {}};
    WriteTable(context.out, header, format);
    context.out << "\r\n";
  } else {
    context.out << "codings: " << codings_line << "\n\n";
  }
  for (size_t i = 0; i < sections.size(); ++i) {
    const std::string& section = sections[i];
    const Table& table = tables[i];
    if (format == TableFormat::kJson) {
      context.out << (first ? "" : ",\n") << "\"" << section << "\": ";
      std::ostringstream json;
      WriteTable(json, table, format);
      std::string text = json.str();
      if (!text.empty() && text.back() == '\n') text.pop_back();
      context.out << text;
    } else if (format == TableFormat::kCsv) {
      if (!first) context.out << "\r\n";
      // Undefined numbers are empty cells in CSV (docs/summary.md), not a
      // "-" that the CSV writer would quote as a formula.
      Table cells = table;
      for (auto& row : cells.rows) {
        for (auto& cell : row) {
          if (cell == "-") cell.clear();
        }
      }
      WriteTable(context.out, cells, format);
    } else {
      if (!first) context.out << '\n';
      context.out << (format == TableFormat::kMarkdown ? "### " : "== ") << section
                  << (format == TableFormat::kMarkdown ? "\n\n" : "\n");
      if (table.rows.empty()) {
        context.out << "(none in this project)\n";
      } else {
        WriteTable(context.out, table, format);
      }
    }
    first = false;
  }
  if (format == TableFormat::kJson) context.out << "\n}\n";
  if (svg_dir) {
    const std::filesystem::path& dir = *svg_dir;
    for (const auto& section : sections) {
      for (const SummaryChart& chart : summary->SectionCharts(section)) {
        WriteSvgFile(dir / chart.file, chart.svg);
        context.err << "wrote " << (dir / chart.file).string() << "\n";
      }
    }
  }
  return 0;
}

}  // namespace verhaal
