#include <ostream>

#include "cli/command.h"
#include "cli/handlers.h"
#include "corpus/project_settings.h"
#include "corpus/search.h"
#include "corpus/signifiers.h"
#include "exporters/table.h"

namespace verhaal {
namespace {

void AddCounts(Table& table, const std::string& what, const std::map<std::string, int64_t>& counts,
               const std::string& empty_label) {
  for (const auto& [key, n] : counts) {
    table.AddRow({what, key.empty() ? empty_label : key, std::to_string(n)});
  }
}

// One row per signifier: its type, title and how the stories answered it.
Table SignifierTable(Project& project) {
  Table table{{"signifier", "type", "title", "answered", "n/a", "skipped"},
              {},
              {false, false, false, true, true, true}};
  for (const Signifier& s : ListSignifiers(project)) {
    const SignifierCounts n = CountSignifierValues(project, s);
    std::string type(SignifierTypeName(s.type));
    if (s.type == SignifierType::kList && s.multiple) type += " (multiple)";
    table.AddRow({s.key, type, s.title, std::to_string(n.answered),
                  std::to_string(n.not_applicable), std::to_string(n.skipped)});
  }
  return table;
}

}  // namespace

int RunInfo(CommandContext& context) {
  CommandOptions options(context, "verhaal info [--format text|csv|json|md]",
                         "Shows what the project holds: respondents by role, stories by kind\n"
                         "and role, codes, codings by coder, and the schema version.",
                         "  verhaal -p statushouders.verhaal info\n"
                         "  verhaal info --format json\n"
                         "  verhaal info --signifiers");
  options.add()("format", boost::program_options::value<std::string>()->default_value("text"),
                "text, csv, json or md")(
      "signifiers", "list each signifier with its type, title and answered / N/A / skipped counts");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  Project project = options.OpenProject();
  if (options.Has("signifiers")) {
    WriteTable(context.out, SignifierTable(project), format);
    return 0;
  }
  const ProjectCounts c = CountProject(project);
  Table table{{"what", "group", "count"}, {}, {false, false, true}};
  table.AddRow({"project", c.name, ""});
  table.AddRow({"schema", "version", std::to_string(c.schema_version)});
  // A clean copy of `verhaal pseudonymise` says so, with its replacements.
  if (const auto note = ReadPseudonymisationNote(project)) {
    table.AddRow({"pseudonymised copy", "of " + note->source + ", " + note->date,
                  std::to_string(note->replacements)});
  }
  table.AddRow({"respondents", "all", std::to_string(c.respondents)});
  AddCounts(table, "respondents", c.respondents_by_role, "(no role)");
  table.AddRow({"stories", "all", std::to_string(c.stories)});
  AddCounts(table, "stories by kind", c.stories_by_kind, "(none)");
  AddCounts(table, "stories by role", c.stories_by_role, "(no respondent)");
  table.AddRow({"signifiers", "all", std::to_string(c.signifiers)});
  table.AddRow({"codes", "all", std::to_string(c.codes)});
  table.AddRow({"codings", "all", std::to_string(c.codings)});
  AddCounts(table, "codings by coder", c.codings_by_coder, "(none)");
  table.AddRow({"memos", "all", std::to_string(c.memos)});
  WriteTable(context.out, table, format);
  return 0;
}

}  // namespace verhaal
