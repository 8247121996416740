// The data exports of `verhaal export` for statistics packages and
// spreadsheets (docs/exports.md): the shapes stories, codings, respondents,
// codebook-table and the workbook, each in its own export_<shape>.cc, and the
// options they share (--format csv|sav|dta|xlsx, -o, --excel, --locale, --na).
#ifndef VERHAAL_CLI_EXPORT_DATA_H_
#define VERHAAL_CLI_EXPORT_DATA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cli/command.h"
#include "corpus/clock.h"
#include "corpus/project.h"
#include "exporters/export_table.h"

namespace verhaal {

// Handlers listed in cmd_export.cc's format table.
int ExportStories(CommandContext& context);
int ExportCodings(CommandContext& context);
int ExportRespondents(CommandContext& context);
int ExportCodebookTable(CommandContext& context);
int ExportWorkbook(CommandContext& context);

// Adds --format, -o/--output, --excel, --locale, --na and --not-applicable.
void AddDataExportOptions(CommandOptions& options);

// Writes `source` as the parsed options ask: CSV to stdout without -o,
// otherwise the file in the format of --format or of the file's extension
// (.csv, .sav, .dta, .xlsx); a line "wrote FILE: ..." goes to stderr.
// The .sav, .dta and .xlsx files carry `project`'s export time (ExportTime
// in corpus/clock.h); .sav and .dta made from a clean copy of `verhaal
// pseudonymise` also its note (PseudonymisedNoteLines). kUsage for an
// unknown format or a binary format without -o.
void WriteDataExport(CommandContext& context, const CommandOptions& options, ExportSource& source,
                     Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CLI_EXPORT_DATA_H_
