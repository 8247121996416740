#include <array>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/coder_name.h"
#include "coding/manual_coding.h"
#include "corpus/codes.h"
#include "corpus/memos.h"
#include "exporters/table.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

void AddTargetOptions(CommandOptions& options) {
  options.add()("story", po::value<std::string>(), "a memo on this story")(
      "code", po::value<std::string>(), "a memo on this code")(
      "whole-project", "a memo on the project as a whole (not on one story or code)");
}

// Fills story_id / code_id from --story / --code; kUsage when more than one
// target is given, or none while `required`.
void ResolveTarget(Project& project, const CommandOptions& options, Memo& memo, bool required) {
  const int given = (options.Has("story") ? 1 : 0) + (options.Has("code") ? 1 : 0) +
                    (options.Has("whole-project") ? 1 : 0);
  if (given > 1 || (required && given == 0)) {
    throw UsageError("name one of --story KEY, --code PATH or --whole-project");
  }
  if (auto key = options.Optional<std::string>("story")) {
    memo.story_id = RequireStory(project, *key).id;
  }
  if (auto path = options.Optional<std::string>("code")) {
    auto code = FindCodeByPath(project, *path);
    if (!code) {
      throw MissingError("code '" + *path + "' does not exist; see `verhaal codebook show`");
    }
    memo.code_id = code->id;
  }
}

int Add(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal memo add TEXT (--story KEY [--span START:END] | --code PATH | --whole-project)\n"
      "       [--title T] [--author NAME]",
      "Adds a memo (a research note) on a story or a span of it, on a code, or on\n"
      "the project. The author is --author, else $VERHAAL_CODER, else the login\n"
      "name.",
      "  verhaal memo add \"Twijfelt tussen moeten en willen\" --story SH-07-E\n"
      "  verhaal memo add \"Grens met eigen regie aanscherpen\" --code eigenaarschap");
  AddTargetOptions(options);
  options.add()("span", po::value<std::string>(), "START:END of the story, in code points")(
      "title", po::value<std::string>(), "a short title")("author", po::value<std::string>(),
                                                          "who writes the memo");
  options.Positional("text", -1);
  if (!options.Parse()) return 0;
  Memo memo;
  if (options.Has("text")) {
    for (const auto& word : options.Get<std::vector<std::string>>("text")) {
      memo.text += (memo.text.empty() ? "" : " ") + word;
    }
  }
  if (memo.text.empty()) throw UsageError("memo add needs the TEXT of the memo");
  memo.author = ResolveCoderName(options.Optional<std::string>("author"));
  if (auto title = options.Optional<std::string>("title")) memo.title = *title;
  Project project = options.OpenProject();
  Transaction transaction(project);
  ResolveTarget(project, options, memo, true);
  if (auto span = options.Optional<std::string>("span")) {
    if (!memo.story_id) throw UsageError("--span goes with --story");
    SegmentSpec spec;
    ParseSpan(*span, spec);
    memo.start = spec.start;
    memo.end = spec.end;
  }
  const int64_t id = AddMemo(project, memo);
  transaction.Commit();
  context.out << "added memo " << id << "\n";
  return 0;
}

int List(CommandContext& context) {
  CommandOptions options(
      context, "verhaal memo list [--story KEY | --code PATH | --whole-project] [--format F]",
      "Lists memos, oldest first: all of them, or those on one story, one code or\n"
      "the project.",
      "  verhaal memo list --story SH-07-E\n  verhaal memo list --format csv");
  AddTargetOptions(options);
  options.add()("format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  Project project = options.OpenProject();
  Memo target;
  ResolveTarget(project, options, target, false);
  MemoFilter filter;
  filter.story_id = target.story_id;
  filter.code_id = target.code_id;
  filter.project_only = options.Has("whole-project");
  Table table{{"id", "on", "span", "author", "created", "title", "text"},
              {},
              {true, false, false, false, false, false, false}};
  for (const Memo& m : ListMemos(project, filter)) {
    const std::string on = m.story_id  ? "story " + m.story_key
                           : m.code_id ? "code " + m.code_path
                                       : "project";
    const std::string span =
        m.start ? std::to_string(*m.start) + ":" + std::to_string(m.end.value_or(*m.start)) : "";
    table.AddRow({std::to_string(m.id), on, span, m.author, m.created, m.title, m.text});
  }
  WriteTable(context.out, table, format);
  return 0;
}

}  // namespace

std::span<const Command> MemoSubcommands() {
  static constexpr std::array kSubcommands = {
      Command{"add", "TEXT (--story KEY [--span S:E] | --code PATH | --whole-project)", Add},
      Command{"list", "[--story KEY | --code PATH | --whole-project]", List},
  };
  return kSubcommands;
}

int RunMemo(CommandContext& context) {
  return RunSubcommand(context, MemoSubcommands(),
                       {"verhaal memo SUBCOMMAND [options]",
                        "Research notes on a story (or a span of it), a code or the project.",
                        "  verhaal memo add \"Let op de toon\" --story SH-03-E\n"
                        "  verhaal memo list"});
}

}  // namespace verhaal
