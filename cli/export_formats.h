// The formats of `verhaal export FORMAT [options]`. cmd_export.cc holds the
// table {name, summary, handler}; each format is one handler in its own file
// (export_refi.cc, ...). A handler gets the context with `args` after FORMAT
// and `name` "export FORMAT", parses its own options with CommandOptions, and
// returns an exit code like a command.
#ifndef VERHAAL_CLI_EXPORT_FORMATS_H_
#define VERHAAL_CLI_EXPORT_FORMATS_H_

#include <span>
#include <string_view>

#include "cli/command.h"

namespace verhaal {

// All export formats, in the order `verhaal export --help` lists them:
// entries of the command table (cli/command.h) under `export`.
std::span<const Command> ExportFormats();

// export_refi.cc: a REFI-QDA .qdpx project and a .qdc codebook.
int ExportRefi(CommandContext& context);
int ExportCodebookQdc(CommandContext& context);

}  // namespace verhaal

#endif  // VERHAAL_CLI_EXPORT_FORMATS_H_
