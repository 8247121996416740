#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "corpus/search.h"
#include "exporters/table.h"

namespace verhaal {

int RunSearch(CommandContext& context) {
  CommandOptions options(
      context, "verhaal search QUERY [--limit N] [--format text|csv|json|md]",
      "Searches the stories' titles and texts (SQLite FTS5; case and diacritics\n"
      "are ignored). QUERY takes words, \"exact phrases\", prefixes (werk*) and\n"
      "AND / OR / NOT. Shows each story's key, respondent and a snippet with the\n"
      "hits marked [like this].",
      "  verhaal search 'klantmanager AND vertrouwen'\n"
      "  verhaal search '\"eigen regie\"' --format json");
  options.add()("limit", boost::program_options::value<int>()->default_value(50),
                "at most this many stories")(
      "format", boost::program_options::value<std::string>()->default_value("text"),
      "text, csv, json or md");
  options.Positional("query", -1);
  if (!options.Parse()) return 0;
  if (!options.Has("query")) throw UsageError("search needs a QUERY; e.g. `verhaal search taal`");
  std::string query;
  for (const auto& word : options.Get<std::vector<std::string>>("query")) {
    query += (query.empty() ? "" : " ") + word;
  }
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  Project project = options.OpenProject();
  const auto hits = SearchStories(project, query, options.Get<int>("limit"));
  Table table{{"story", "respondent", "role", "snippet"}, {}, {}};
  for (const auto& hit : hits) {
    std::string snippet = hit.snippet;
    for (char& ch : snippet) {
      if (ch == '\n') ch = ' ';
    }
    table.AddRow({hit.story_key, hit.respondent_key, hit.role, snippet});
  }
  WriteTable(context.out, table, format);
  if (format == TableFormat::kText) {
    context.err << hits.size() << (hits.size() == 1 ? " story matches\n" : " stories match\n");
  }
  return 0;
}

}  // namespace verhaal
