#include <algorithm>
#include <functional>
#include <ostream>
#include <sstream>

#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/story_filter_options.h"
#include "coding/dimension.h"
#include "corpus/error.h"
#include "exporters/summary.h"

namespace verhaal {

namespace po = boost::program_options;

namespace {

constexpr const char* kSections[] = {"codes", "dyads", "triads", "lists", "cooccurrence"};

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

}  // namespace

int RunSummary(CommandContext& context) {
  CommandOptions options(
      context, "verhaal summary [--by DIM] [--only SECTIONS] [options]",
      "Quantitative summaries: code frequencies over the code tree (stories and\n"
      "respondents per code; parents count each story once), dyads (n, N/A, mean,\n"
      "median, sd, quartiles, five bins), triads (closed geometric mean, zones),\n"
      "lists (answer frequencies) and code co-occurrence (Jaccard). --by gives the\n"
      "figures per group of a dimension: --by wave is the longitudinal view, --by\n"
      "respondent follows repeated storytellers (docs/summary.md).",
      "  verhaal summary --by role\n"
      "  verhaal summary --role klantmanager --by wave --only codes,dyads --format csv");
  options.add()("by", po::value<std::string>(), "the figures per level of this dimension (DIM)")(
      "only", po::value<std::string>(),
      "these sections: codes,dyads,triads,lists,cooccurrence (default: all)")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  AddStoryFilterOptions(options);
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  const std::vector<std::string> sections =
      options.Has("only") ? ParseSections(options.Get<std::string>("only"))
                          : std::vector<std::string>(std::begin(kSections), std::end(kSections));
  std::optional<DimensionSpec> by_spec;
  if (options.Has("by")) by_spec = ParseDimension(options.Get<std::string>("by"));
  Project project = options.OpenProject();
  const std::vector<Story> stories = ListStories(project, StoryFilterFrom(options));
  if (stories.empty()) {
    throw DataError("no stories match; import stories first or loosen --role, --kind, --wave");
  }
  std::optional<ResolvedDimension> by;
  if (by_spec) by = ResolveDimension(project, *by_spec, stories);
  const SummaryGroups groups = MakeSummaryGroups(stories, by ? &*by : nullptr);
  if (by) {
    context.err << stories.size() << " stories; " << by->left_out.size() << " without a level of "
                << by->label << "\n";
  }
  const std::map<std::string, std::function<Table()>> make = {
      {"codes", [&] { return CodeFrequencyTable(project, stories, groups); }},
      {"dyads", [&] { return DyadSummaryTable(project, groups); }},
      {"triads", [&] { return TriadSummaryTable(project, groups); }},
      {"lists", [&] { return ListSummaryTable(project, groups); }},
      {"cooccurrence", [&] { return CooccurrenceTable(project, stories); }},
  };
  bool first = true;
  if (format == TableFormat::kJson) context.out << "{\n";
  for (const auto& section : sections) {
    const Table table = make.at(section)();
    if (format == TableFormat::kJson) {
      context.out << (first ? "" : ",\n") << "\"" << section << "\": ";
      std::ostringstream json;
      WriteTable(json, table, format);
      std::string text = json.str();
      if (!text.empty() && text.back() == '\n') text.pop_back();
      context.out << text;
    } else if (format == TableFormat::kCsv) {
      if (!first) context.out << "\r\n";
      WriteTable(context.out, table, format);
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
  return 0;
}

}  // namespace verhaal
