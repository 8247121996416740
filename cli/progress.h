// A progress bar on stderr for long commands ("[#####     ] 25%"), shown only
// when stderr is a terminal (CommandContext::progress). Shared by import and
// autocode.
#ifndef VERHAAL_CLI_PROGRESS_H_
#define VERHAAL_CLI_PROGRESS_H_

#include <cstdint>
#include <functional>

#include "cli/command.h"

namespace verhaal {

// Draws the bar for `done` of `total` on context.err; empty when progress is
// off. The context must outlive the returned function.
std::function<void(uint64_t done, uint64_t total)> ProgressBar(CommandContext& context);

// Wipes the bar from the line (nothing when progress is off).
void ClearProgressBar(CommandContext& context);

}  // namespace verhaal

#endif  // VERHAAL_CLI_PROGRESS_H_
