// `verhaal sets list|show|create|rename|delete`: the named story sets
// (study/story_sets.h) that filter stories with --set NAME, e.g. those
// selected on a triangle in the workbench's Signifiers view.
#include <array>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "exporters/table.h"
#include "study/story_sets.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

int List(CommandContext& context) {
  CommandOptions options(context, "verhaal sets list [--format F]",
                         "Lists the story sets: name, stories, who saved it and when.",
                         "  verhaal sets list\n  verhaal sets list --format csv");
  options.add()("format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  Project project = options.OpenProject();
  Table table{{"set", "stories", "by", "created"}, {}, {false, true, false, false}};
  const std::vector<StorySet> sets = ListStorySets(project);
  for (const StorySet& set : sets) {
    table.AddRow({set.name, std::to_string(set.stories), set.created_by, set.created});
  }
  WriteTable(context.out, table, format);
  if (sets.empty() && format == TableFormat::kText) {
    context.err << "no story sets yet; save one in the workbench's Signifiers view or with "
                   "`verhaal sets create NAME KEY...`\n";
  }
  return 0;
}

// The positional arguments: the set's name first.
std::vector<std::string> Arguments(const CommandOptions& options, const char* what) {
  if (!options.Has("args")) throw UsageError(std::string(what) + " needs the set's name");
  return options.Get<std::vector<std::string>>("args");
}

int Show(CommandContext& context) {
  CommandOptions options(context, "verhaal sets show NAME",
                         "Prints the keys of the set's stories, one a line, in story order.",
                         "  verhaal sets show 'sterk willen'");
  options.Positional("args");
  if (!options.Parse()) return 0;
  const std::string name = Arguments(options, "sets show").front();
  Project project = options.OpenProject();
  const StorySetContents contents = ShowStorySet(project, name);
  for (const std::string& key : contents.keys) context.out << key << "\n";
  context.err << contents.keys.size() << " stories in '" << name << "'\n";
  return 0;
}

int Create(CommandContext& context) {
  CommandOptions options(context, "verhaal sets create NAME KEY...",
                         "Saves the stories with these keys as the set NAME.",
                         "  verhaal sets create vergelijken S001 S004 S007");
  options.Positional("args", -1);
  if (!options.Parse()) return 0;
  const std::vector<std::string> args = Arguments(options, "sets create");
  NewStorySet set;
  set.name = args.front();
  set.keys.assign(args.begin() + 1, args.end());
  if (set.keys.empty()) throw UsageError("sets create needs the stories' keys after the name");
  Project project = options.OpenProject();
  const StorySet saved = SaveStorySet(project, Viewer{}, set);
  context.err << "saved '" << saved.name << "': " << saved.stories << " stories\n";
  return 0;
}

int Rename(CommandContext& context) {
  CommandOptions options(context, "verhaal sets rename NAME NEW",
                         "Gives the set NAME the name NEW.", "  verhaal sets rename oud nieuw");
  options.Positional("args", 2);
  if (!options.Parse()) return 0;
  const std::vector<std::string> args = Arguments(options, "sets rename");
  if (args.size() < 2) throw UsageError("sets rename needs the new name after the old");
  const std::string& name = args[0];
  Project project = options.OpenProject();
  const StorySet renamed = RenameStorySetNamed(project, name, args[1]);
  context.err << "renamed '" << name << "' to '" << renamed.name << "'\n";
  return 0;
}

int Delete(CommandContext& context) {
  CommandOptions options(context, "verhaal sets delete NAME",
                         "Deletes the set (its stories stay in the project).",
                         "  verhaal sets delete 'sterk willen'");
  options.Positional("args");
  if (!options.Parse()) return 0;
  const std::string name = Arguments(options, "sets delete").front();
  Project project = options.OpenProject();
  DeleteStorySetNamed(project, name);
  context.err << "deleted the set '" << name << "'\n";
  return 0;
}

}  // namespace

std::span<const Command> SetsSubcommands() {
  static constexpr std::array kSubcommands = {
      Command{"list", "the sets with their number of stories", List},
      Command{"show", "the keys of a set's stories (NAME)", Show},
      Command{"create", "save stories as a set (NAME KEY...)", Create},
      Command{"rename", "rename a set (NAME NEW)", Rename},
      Command{"delete", "delete a set, not its stories (NAME)", Delete},
  };
  return kSubcommands;
}

int RunSets(CommandContext& context) {
  return RunSubcommand(
      context, SetsSubcommands(),
      {"verhaal sets SUBCOMMAND [options]",
       "Named story sets, usable as a filter (--set NAME) in matrix, summary,\n"
       "scatter, report, quotes, stories list and export stories. The workbench's\n"
       "Signifiers view saves a selection as a set too.",
       "  verhaal sets list\n"
       "  verhaal matrix --rows code:motivatie --cols role --set 'sterk willen'"});
}

}  // namespace verhaal
