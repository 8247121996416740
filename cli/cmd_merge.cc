#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/staged_file.h"
#include "coding/merge.h"
#include "corpus/codings.h"
#include "exporters/table.h"

namespace po = boost::program_options;

namespace verhaal {
namespace {

bool SameFile(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

// Merges every source into `team` in one transaction; returns the table of
// what each source brought.
Table MergeAll(Project& team, const std::vector<std::string>& sources, MergeResolution resolution,
               std::ostream& err) {
  Table table{{"source", "coder", "codings added", "already present", "dropped", "stories added",
               "stories matched", "codes added", "codes matched"},
              {},
              {false, false, true, true, true, true, true, true, true}};
  Transaction transaction(team);
  for (const auto& file : sources) {
    if (SameFile(file, team.file())) {
      throw UsageError(file + " is the project being merged into; give the other coders' copies");
    }
    Project source = Project::Open(file);
    MergeOptions options;
    options.resolution = resolution;
    options.label = std::filesystem::path(file).stem().string();
    const MergeReport report = MergeProject(team, source, options);
    for (const auto& note : report.notes) err << "verhaal: note: " << file << ": " << note << '\n';
    for (const auto& c : report.conflicts) {
      err << "verhaal: warning: " << file << ": " << c.what << " " << c.key << ": " << c.detail
          << "; " << c.resolution << '\n';
    }
    auto counts = [](int64_t n) { return std::to_string(n); };
    table.AddRow({file, "(all)", counts(report.codings_added), counts(report.codings_present),
                  counts(report.codings_dropped), counts(report.stories_added),
                  counts(report.stories_matched), counts(report.codes_added),
                  counts(report.codes_matched)});
    for (const auto& [coder, added] : report.codings_by_coder) {
      table.AddRow({file, coder, counts(added), "", "", "", "", "", ""});
    }
  }
  transaction.Commit();
  return table;
}

}  // namespace

int RunMerge(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal merge CODER.verhaal... [-o TEAM.verhaal] [--resolve stop|keep-first|rename]",
      "Merges coders' copies of a project into a team project: into -o TEAM.verhaal\n"
      "(a new file, built from all copies in order) or else into the project (-p).\n"
      "Stories are matched by key and checked by content hash, codes by GUID and then\n"
      "by path, coders by name, respondents by key. Every coding of every coder\n"
      "arrives once; codings already present are not duplicated. Conflicts that\n"
      "cannot be merged safely (a story key with another text, a code path with\n"
      "another GUID and description, a respondent with another role or attribute\n"
      "value) stop the merge with a report and nothing is written, unless --resolve\n"
      "says what to do. Prints per copy and coder what arrived. See docs/merge.md.",
      "  verhaal merge anna.verhaal bram.verhaal -o team.verhaal\n"
      "  verhaal -p team.verhaal merge carla.verhaal --resolve rename");
  options.add()("output,o", po::value<std::string>()->value_name("FILE"),
                "create this new team project from the copies")(
      "name", po::value<std::string>(), "the new team project's name (default: the file name)")(
      "resolve", po::value<std::string>()->default_value("stop"),
      "stop (report conflicts, write nothing), keep-first (keep the team project's "
      "version; codings whose text changed are dropped) or rename (keep both)")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  options.Positional("copies", -1);
  if (!options.Parse()) return 0;
  if (!options.Has("copies")) {
    throw UsageError(
        "merge needs the coders' copies; e.g. `verhaal merge anna.verhaal "
        "bram.verhaal -o team.verhaal`");
  }
  const auto sources = options.Get<std::vector<std::string>>("copies");
  const MergeResolution resolution = ParseMergeResolution(options.Get<std::string>("resolve"));
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  for (const auto& file : sources) {
    if (!std::filesystem::exists(file)) {
      throw MissingError(file + " does not exist; give the coders' project files");
    }
  }
  Table table;
  std::string where;
  if (options.Has("output")) {
    const std::filesystem::path output = options.Get<std::string>("output");
    if (output.extension() != ".verhaal") {
      throw UsageError("project files end in .verhaal; use " + output.string() + ".verhaal");
    }
    StagedFile staged(output);
    {
      const std::string name =
          options.Has("name") ? options.Get<std::string>("name") : output.stem().string();
      Project team = Project::Create(staged.temporary(), name);
      table = MergeAll(team, sources, resolution, context.err);
    }
    staged.Publish();
    where = output.string();
  } else {
    Project team = options.OpenProject();
    table = MergeAll(team, sources, resolution, context.err);
    where = team.file().string();
  }
  WriteTable(context.out, table, format);
  context.err << "merged " << sources.size() << (sources.size() == 1 ? " copy" : " copies")
              << " into " << where << '\n';
  return 0;
}

}  // namespace verhaal
