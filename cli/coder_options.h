// Whose codings an analysis command reads: --coders, --combine and
// --min-coders, shared by matrix, summary, quotes, report and export. The
// decision itself is coding/analysis_coders.h's.
#ifndef VERHAAL_CLI_CODER_OPTIONS_H_
#define VERHAAL_CLI_CODER_OPTIONS_H_

#include "cli/command.h"
#include "coding/analysis_coders.h"

namespace verhaal {

// Adds --coders NAME[,NAME], --combine any|all|each and --min-coders K.
// `each` is offered where the command can show coders side by side.
void AddCoderOptions(CommandOptions& options, bool each = false);

// The request the parsed options describe (names split at commas).
CoderRequest CoderRequestFrom(const CommandOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_CLI_CODER_OPTIONS_H_
