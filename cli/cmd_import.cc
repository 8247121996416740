// `verhaal import FORMAT ...`: dispatches to the format's handler
// (cli/import_formats.h).
#include <algorithm>
#include <ostream>

#include "cli/command.h"
#include "cli/edit_distance.h"
#include "cli/handlers.h"
#include "cli/import_formats.h"
#include "cli/progress.h"
#include "corpus/error.h"

namespace verhaal {
namespace {

void PrintImportHelp(std::ostream& out) {
  out << "usage: verhaal import FORMAT [options] INPUT\n\n"
         "Imports stories into the project, in one transaction: on any error nothing\n"
         "is written. Importing the same input again changes nothing; a story whose\n"
         "text changed is only replaced with --update. --dry-run checks the whole\n"
         "input and prints what would be imported.\n\nformats:\n";
  size_t width = 0;
  for (const auto& f : ImportFormats()) width = std::max(width, f.name.size());
  for (const auto& f : ImportFormats()) {
    out << "  " << f.name << std::string(width - f.name.size() + 2, ' ') << f.summary << '\n';
  }
  out << "\n`verhaal import FORMAT --help` shows a format's options.\n\n"
         "example:\n"
         "  verhaal import csv verhalen.csv --mapping verhalen.mapping.yaml\n"
         "  verhaal import folder verhalen/ --role statushouder\n"
         "  verhaal import transcript interview-07.txt --respondent SH-07\n";
}

}  // namespace

void AddImportOptions(CommandOptions& options) {
  options.add()("update",
                "replace stories whose text changed (codings that no longer fit "
                "are reported)")(
      "dry-run", "check the whole input and print what would be imported; write nothing");
}

ImportOptions ImportOptionsFrom(const CommandOptions& options, CommandContext& context) {
  ImportOptions out;
  out.update = options.Has("update");
  out.progress = ProgressBar(context);
  return out;
}

void PrintImportReport(CommandContext& context, const ImportReport& report,
                       const std::string& source, bool dry_run) {
  ClearProgressBar(context);
  for (const auto& warning : report.warnings)
    context.err << "verhaal: warning: " << warning << '\n';
  if (dry_run) {
    for (const auto& v : report.new_variables) context.err << "new variable: " << v << '\n';
    for (const auto& s : report.new_signifiers) context.err << "new signifier: " << s << '\n';
  }
  context.err << report.Summary(source, dry_run) << '\n';
}

int RunImport(CommandContext& context) {
  if (context.args.empty()) {
    PrintImportHelp(context.err);
    return static_cast<int>(ErrorKind::kUsage);
  }
  const std::string& name = context.args.front();
  if (name == "--help" || name == "-h") {
    PrintImportHelp(context.out);
    return 0;
  }
  const auto formats = ImportFormats();
  const auto found = std::find_if(formats.begin(), formats.end(),
                                  [&](const ImportFormat& f) { return f.name == name; });
  if (found == formats.end()) {
    std::vector<std::string> names;
    for (const auto& f : formats) names.emplace_back(f.name);
    const std::string near = ClosestMatch(name, names);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw UsageError("unknown import format '" + name + "'" +
                     (near.empty() ? "" : "; did you mean '" + near + "'?") +
                     " The formats are: " + list + ".");
  }
  CommandContext sub{context.name + " " + std::string(found->name),
                     std::vector<std::string>(context.args.begin() + 1, context.args.end()),
                     context.global_project,
                     context.out,
                     context.err,
                     context.progress,
                     context.opened_project};
  return found->run(sub);
}

}  // namespace verhaal
