// The handler of each command in the table (command_table.cc). One file per
// command: cli/cmd_<name>.cc.
#ifndef VERHAAL_CLI_HANDLERS_H_
#define VERHAAL_CLI_HANDLERS_H_

#include <span>

#include "cli/command.h"

namespace verhaal {

int RunInit(CommandContext& context);
int RunInfo(CommandContext& context);
int RunSearch(CommandContext& context);
int RunImport(CommandContext& context);
int RunExport(CommandContext& context);
int RunMatrix(CommandContext& context);
int RunScatter(CommandContext& context);
int RunSummary(CommandContext& context);
int RunCodebook(CommandContext& context);
int RunCode(CommandContext& context);
int RunUncode(CommandContext& context);
int RunQuotes(CommandContext& context);
int RunShow(CommandContext& context);
int RunMemo(CommandContext& context);
int RunStories(CommandContext& context);
int RunMerge(CommandContext& context);
int RunExportForCoder(CommandContext& context);
int RunAgreement(CommandContext& context);
int RunCoders(CommandContext& context);
int RunSets(CommandContext& context);
int RunAutocode(CommandContext& context);
int RunRun(CommandContext& context);
int RunReport(CommandContext& context);
int RunPseudonymise(CommandContext& context);
int RunServe(CommandContext& context);
int RunCompletion(CommandContext& context);

// The subcommands and formats of the commands made of them.
std::span<const Command> CodebookSubcommands();
std::span<const Command> CodersSubcommands();
std::span<const Command> MemoSubcommands();
std::span<const Command> StoriesSubcommands();
std::span<const Command> SetsSubcommands();

}  // namespace verhaal

#endif  // VERHAAL_CLI_HANDLERS_H_
