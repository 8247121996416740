// The source formats of `verhaal import FORMAT ...`: a table {name, summary,
// handler} like the command table. A new format is one line in
// cli/import_table.cc plus its own file cli/import_<format>.cc.
#ifndef VERHAAL_CLI_IMPORT_FORMATS_H_
#define VERHAAL_CLI_IMPORT_FORMATS_H_

#include <span>
#include <string>
#include <string_view>

#include "cli/command.h"
#include "importers/signification_import.h"
#include "importers/story_import.h"

namespace verhaal {

// All formats, in the order `verhaal import --help` lists them: entries of
// the command table (cli/command.h) under `import`.
std::span<const Command> ImportFormats();

// The handlers (one file each: cli/import_<format>.cc). Each runs its whole
// import in one transaction and prints a one-line summary to stderr.
int ImportCsvCommand(CommandContext& context);
int ImportFolderCommand(CommandContext& context);
int ImportTranscriptCommand(CommandContext& context);
// cli/import_refi.cc: a REFI-QDA .qdpx/.qde project or .qdc codebook.
int ImportRefiCommand(CommandContext& context);

// What the handlers share (cli/cmd_import.cc): --update and --dry-run.
void AddImportOptions(CommandOptions& options);
// ImportOptions from the parsed options, with a progress bar on stderr when
// it is a terminal.
ImportOptions ImportOptionsFrom(const CommandOptions& options, CommandContext& context);
// Prints the warnings and the one-line summary to stderr.
void PrintImportReport(CommandContext& context, const ImportReport& report,
                       const std::string& source, bool dry_run);
// cli/import_sensemaker.cc: a SenseMaker data CSV with its definition JSON.
int ImportSenseMakerCommand(CommandContext& context);
// cli/import_spryng.cc: a Spryng.io export CSV.
int ImportSpryngCommand(CommandContext& context);
// What the two share (cli/import_sensemaker.cc): the unknown columns, the
// items added to lists and the one-line summary, to stderr.
void PrintSignificationReport(CommandContext& context, const SignificationImportSummary& summary,
                              const std::string& file, bool dry_run);

}  // namespace verhaal

#endif  // VERHAAL_CLI_IMPORT_FORMATS_H_
