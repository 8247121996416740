// verhaal stories list|delete|rename: the project's stories as a list, and
// the two changes a researcher needs when an import went wrong.
#include <array>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/story_filter_options.h"
#include "coding/manual_coding.h"
#include "corpus/stories.h"
#include "exporters/table.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

std::string Plural(int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int List(CommandContext& context) {
  CommandOptions options(
      context, "verhaal stories list [--role R] [--kind K] [--wave N] [--format F]",
      "Lists the stories, in the order they were imported: key, respondent, role,\n"
      "kind, wave, date, language, title, length in characters, and the number of\n"
      "codings (every coder's) and memos.",
      "  verhaal stories list --role statushouder\n  verhaal stories list --format csv");
  AddStoryFilterOptions(options);
  options.add()("format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  Project project = options.OpenProject();
  Table table{{"story", "respondent", "role", "kind", "wave", "date", "language", "title",
               "characters", "codings", "memos"},
              {},
              {false, false, false, false, true, false, false, false, true, true, true}};
  for (const StoryLine& line : ListStoryLines(project, StoryFilterFrom(options))) {
    const Story& s = line.head;
    table.AddRow({s.key, s.respondent_key, s.role, s.kind, s.wave ? std::to_string(*s.wave) : "",
                  s.date, s.language, s.title, std::to_string(line.characters),
                  std::to_string(line.codings), std::to_string(line.memos)});
  }
  WriteTable(context.out, table, format);
  return 0;
}

int Delete(CommandContext& context) {
  CommandOptions options(
      context, "verhaal stories delete KEY... [--dry-run]",
      "Deletes stories with everything that belongs to them: every coder's\n"
      "codings, the memos on them, their signifier answers, story variables and\n"
      "speaker turns. Respondents stay. All or nothing: one unknown key deletes\n"
      "nothing. --dry-run prints what would go and changes nothing.",
      "  verhaal stories delete SH-40-E SH-41-E --dry-run\n"
      "  verhaal stories delete SH-40-E SH-41-E");
  options.add()("dry-run", "print what would be deleted; change nothing");
  options.Positional("key", -1);
  if (!options.Parse()) return 0;
  if (!options.Has("key")) {
    throw UsageError(
        "stories delete needs one or more story KEYs, e.g. `verhaal stories delete "
        "SH-40-E`");
  }
  Project project = options.OpenProject();
  std::vector<int64_t> ids;
  std::set<std::string> seen;
  for (const std::string& key : options.Get<std::vector<std::string>>("key")) {
    if (!seen.insert(key).second) continue;
    ids.push_back(RequireStory(project, key).id);
  }
  const bool dry_run = options.Has("dry-run");
  Transaction transaction(project);
  const StoryDeletion done = DeleteStories(project, ids);
  if (!dry_run) transaction.Commit();
  context.out << (dry_run ? "would delete " : "deleted ")
              << Plural(done.stories, "story", "stories") << " with "
              << Plural(done.codings, "coding", "codings") << ", "
              << Plural(done.memos, "memo", "memos") << ", "
              << Plural(done.signifier_values, "signifier answer", "signifier answers") << ", "
              << Plural(done.variable_values, "variable value", "variable values") << " and "
              << Plural(done.speaker_turns, "speaker turn", "speaker turns")
              << (dry_run ? "; nothing changed (--dry-run)" : "") << "\n";
  return 0;
}

int Rename(CommandContext& context) {
  CommandOptions options(context, "verhaal stories rename OLD NEW",
                         "Gives a story another key. Its codings, memos and answers stay with it.\n"
                         "An import with --update matches stories by key, so rename in the source\n"
                         "file too.",
                         "  verhaal stories rename SH-1-E SH-01-E");
  options.Positional("keys", 2);
  if (!options.Parse()) return 0;
  std::vector<std::string> keys;
  if (options.Has("keys")) keys = options.Get<std::vector<std::string>>("keys");
  if (keys.size() != 2) {
    throw UsageError(
        "stories rename needs OLD and NEW, e.g. `verhaal stories rename SH-1-E "
        "SH-01-E`");
  }
  Project project = options.OpenProject();
  const Story story = RequireStory(project, keys[0]);
  Transaction transaction(project);
  RenameStory(project, story.id, keys[1]);
  transaction.Commit();
  context.out << "renamed story " << keys[0] << " to " << keys[1] << "\n";
  return 0;
}

}  // namespace

std::span<const Command> StoriesSubcommands() {
  static constexpr std::array kSubcommands = {
      Command{"list", "the stories ([--role R] [--kind K] [--wave N] [--format F])", List},
      Command{"delete", "remove stories with their codings (KEY... [--dry-run])", Delete},
      Command{"rename", "give a story another key (OLD NEW)", Rename},
  };
  return kSubcommands;
}

int RunStories(CommandContext& context) {
  return RunSubcommand(context, StoriesSubcommands(),
                       {"verhaal stories SUBCOMMAND [options]", "The project's stories.",
                        "  verhaal stories list\n  verhaal stories delete SH-40-E --dry-run"});
}

}  // namespace verhaal
