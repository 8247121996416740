// `verhaal import FORMAT ...`: dispatches to the format's handler
// (cli/import_formats.h).
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "cli/import_formats.h"
#include "cli/progress.h"

namespace verhaal {
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
  return RunSubcommand(
      context, ImportFormats(),
      {"verhaal import FORMAT [options] INPUT",
       "Imports stories into the project, in one transaction: on any error nothing\n"
       "is written. Importing the same input again changes nothing; a story whose\n"
       "text changed is only replaced with --update. --dry-run checks the whole\n"
       "input and prints what would be imported.",
       "  verhaal import csv verhalen.csv --mapping verhalen.mapping.yaml\n"
       "  verhaal import folder verhalen/ --role statushouder\n"
       "  verhaal import transcript interview-07.txt --respondent SH-07",
       "format"});
}

}  // namespace verhaal
