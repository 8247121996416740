// Private to cli/: shell completion from the command table. `verhaal
// completion bash|zsh` prints a script; the script asks `verhaal __complete
// WORDS...` for the candidates of the word under the cursor, so completion
// always matches the program that answers (commands, subcommands, formats
// and each command's options, as CommandOptions declares them).
#ifndef VERHAAL_CLI_COMPLETION_H_
#define VERHAAL_CLI_COMPLETION_H_

#include <string>
#include <vector>

namespace verhaal {

// What may stand in place of the last of `words` (the words after
// `verhaal`; the last is the one being completed, perhaps empty), those
// that begin with it, in table order. {"<files>"} asks the shell for file
// names (an option's value or an input); empty: nothing to offer.
std::vector<std::string> CompletionCandidates(const std::vector<std::string>& words);

}  // namespace verhaal

#endif  // VERHAAL_CLI_COMPLETION_H_
