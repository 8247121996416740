#include <algorithm>
#include <ostream>

#include "base/error.h"
#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "exporters/table.h"
#include "study/code_passages.h"

namespace verhaal {
namespace {

namespace po = boost::program_options;

std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  return text;
}

}  // namespace

int RunQuotes(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal quotes --code PATH [--exact] [--coder NAME] [--role R] [--kind K] [--wave W]\n"
      "       [--set NAME] [--speaker S] [--context N] [--format text|csv|json|md]",
      "Lists every segment coded with a code (and its sub-codes unless --exact):\n"
      "story, respondent, role, coder and the quote with N characters of context\n"
      "on each side (keyword in context). Text output is a readable listing with\n"
      "the quote between >> and <<; csv, json and md give one row per coding.\n"
      "Quotes come from the analysis set's codings (`verhaal coders analysis`;\n"
      "default every human coder, never `rules`) or from --coders; the first line\n"
      "(stderr for csv, json and md) says whose.",
      "  verhaal quotes --code motivatie\n"
      "  verhaal quotes --code motivatie/willen --coder anna --format csv\n"
      "  verhaal quotes --code motivatie --coders rules\n"
      "  verhaal quotes --code motivatie --speaker respondent");
  options.add()("code", po::value<std::string>(), "the code's path, e.g. motivatie/willen")(
      "exact", "only this code, not its sub-codes")("coder", po::value<std::string>(),
                                                    "only this coder's codings (as --coders NAME)")(
      "role", po::value<std::string>(), "only stories of respondents with this role")(
      "kind", po::value<std::string>(), "only stories of this kind (experience, reflection, ...)")(
      "wave", po::value<int>(), "only stories of this wave")(
      "set", po::value<std::string>()->value_name("NAME"),
      "only the stories of this story set (`verhaal sets list`)")(
      "context", po::value<int>()->default_value(40), "characters of context on each side")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  AddCoderOptions(options);
  if (!options.Parse()) return 0;
  if (!options.Has("code")) {
    throw UsageError("quotes needs --code PATH; e.g. `verhaal quotes --code motivatie/willen`");
  }
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  PassageQuery query;
  query.code_path = options.Get<std::string>("code");
  query.exact = options.Has("exact");
  query.coders = CoderRequestFrom(options);
  if (auto coder = options.Optional<std::string>("coder")) {
    if (query.coders.coders) throw UsageError("give --coder or --coders, not both");
    query.coders.coders = std::vector<std::string>{*coder};
  }
  query.role = options.Optional<std::string>("role");
  query.kind = options.Optional<std::string>("kind");
  query.wave = options.Optional<int>("wave");
  query.set = options.Optional<std::string>("set");
  query.context = std::max(0, options.Get<int>("context"));
  Project project = options.OpenProject();
  const CodePassages passages = RetrieveCodePassages(project, query);
  const CoderSelection& coders = passages.coders;
  const std::vector<Quote>& quotes = passages.quotes;
  (format == TableFormat::kText ? context.out : context.err)
      << "codings: " << coders.Describe() << "\n"
      << (format == TableFormat::kText ? "\n" : "");
  if (format == TableFormat::kText) {
    for (const Quote& q : quotes) {
      const Coding& c = q.coding;
      context.out << c.story_key << "  " << (q.respondent.empty() ? "-" : q.respondent);
      if (!q.role.empty()) context.out << " (" << q.role << ")";
      context.out << "  " << c.code_path << "  " << c.coder << "  " << c.start << ":" << c.end
                  << "\n  " << (q.before.empty() ? "" : "...") << OneLine(q.before) << ">>"
                  << OneLine(q.text) << "<<" << OneLine(q.after) << (q.after.empty() ? "" : "...")
                  << "\n";
      if (!c.memo.empty()) context.out << "  memo: " << OneLine(c.memo) << "\n";
      context.out << "\n";
    }
    context.err << quotes.size() << (quotes.size() == 1 ? " quote" : " quotes") << "\n";
    return 0;
  }
  Table table{
      {"story", "respondent", "role", "kind", "wave", "code", "coder", "start", "end", "before",
       "quote", "after", "memo"},
      {},
      {false, false, false, false, true, false, false, true, true, false, false, false, false}};
  for (const Quote& q : quotes) {
    const Coding& c = q.coding;
    table.AddRow({c.story_key, q.respondent, q.role, q.kind, q.wave ? std::to_string(*q.wave) : "",
                  c.code_path, c.coder, std::to_string(c.start), std::to_string(c.end), q.before,
                  q.text, q.after, c.memo});
  }
  WriteTable(context.out, table, format);
  return 0;
}

}  // namespace verhaal
