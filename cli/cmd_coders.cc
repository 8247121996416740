// `verhaal coders list` and `verhaal coders analysis NAME...`: who has coded
// what, and whose codings the analyses use (coding/analysis_coders.h).
#include <algorithm>
#include <array>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/analysis_coders.h"
#include "corpus/coder_set.h"
#include "exporters/table.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

int List(CommandContext& context) {
  CommandOptions options(
      context, "verhaal coders list [--format F]",
      "Lists the coders: their codings, the stories they coded, their first and\n"
      "last coding, whether their codings come from rules, and whether they are\n"
      "in the analysis set (the coders whose codings the matrix, summary, quotes,\n"
      "report and exports use when no --coders is given).",
      "  verhaal coders list\n  verhaal coders list --format csv");
  options.add()("format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  Project project = options.OpenProject();
  const std::vector<CoderActivity> coders = ListCoderActivity(project);
  std::vector<std::string> in_set;
  std::string source;
  bool any_human = false;
  for (const auto& coder : coders) any_human = any_human || InDefaultAnalysisSet(coder);
  if (any_human || !AnalysisSet(project).empty()) {
    const CoderSelection selection = ResolveCoderSelection(project);
    in_set = selection.names;
    source = selection.source;
  }
  Table table{{"coder", "codings", "stories", "first coding", "last coding", "by", "analysis set"},
              {},
              {false, true, true, false, false, false, false}};
  for (const auto& coder : coders) {
    const bool in = std::find(in_set.begin(), in_set.end(), coder.name) != in_set.end();
    table.AddRow({coder.name, std::to_string(coder.codings), std::to_string(coder.stories),
                  coder.first, coder.last,
                  coder.name == kConsensusCoderName ? "consensus"
                  : IsHumanCoder(coder)             ? "person"
                                                    : "rules",
                  in ? "yes" : "no"});
  }
  WriteTable(context.out, table, format);
  if (format == TableFormat::kText) {
    context.err << (in_set.empty()
                        ? std::string("no coder in the analysis set yet")
                        : "analysis set: " + JoinCoderNames(in_set) + " (" + source + ")")
                << "\n";
  }
  return 0;
}

int Analysis(CommandContext& context) {
  CommandOptions options(
      context, "verhaal coders analysis [NAME...] [--clear]",
      "Sets the analysis set: the coders whose codings the matrix, summary,\n"
      "quotes, report and exports use when a command names no --coders. Without\n"
      "names it prints the set. --clear goes back to the default: every human\n"
      "coder, never `rules`.",
      "  verhaal coders analysis anna bram\n  verhaal coders analysis --clear");
  options.add()("clear", "forget the analysis set (back to every human coder)");
  options.Positional("names", -1);
  if (!options.Parse()) return 0;
  std::vector<std::string> names;
  if (options.Has("names")) names = options.Get<std::vector<std::string>>("names");
  if (!names.empty() && options.Has("clear")) {
    throw UsageError("give coder names or --clear, not both");
  }
  Project project = options.OpenProject();
  if (names.empty() && !options.Has("clear")) {
    const CoderSelection selection = ResolveCoderSelection(project);
    for (const auto& name : selection.names) context.out << name << "\n";
    context.err << "these are " << selection.source << "\n";
    return 0;
  }
  Transaction transaction(project);
  SetAnalysisSet(project, names);
  transaction.Commit();
  if (names.empty()) {
    context.err << "analysis set cleared: analyses use every human coder\n";
  } else {
    const std::vector<std::string> set = AnalysisSet(project);
    std::string joined;
    for (const auto& name : set) joined += (joined.empty() ? "" : ", ") + name;
    context.err << "analysis set: " << joined << "\n";
  }
  return 0;
}

}  // namespace

std::span<const Command> CodersSubcommands() {
  static constexpr std::array kSubcommands = {
      Command{"list", "codings, stories, first/last coding, in the analysis set", List},
      Command{"analysis", "set (or show) the coders analyses use ([NAME...])", Analysis},
  };
  return kSubcommands;
}

int RunCoders(CommandContext& context) {
  return RunSubcommand(context, CodersSubcommands(),
                       {"verhaal coders SUBCOMMAND [options]",
                        "The coders of the project and the set of coders analyses use.",
                        "  verhaal coders list\n  verhaal coders analysis anna bram"});
}

}  // namespace verhaal
