#include "cli/completion.h"

#include <algorithm>
#include <sstream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"

namespace verhaal {
namespace {

constexpr const char* kFiles = "<files>";

constexpr const char* kBash = R"sh(# bash completion for verhaal. Load it in ~/.bashrc with
#   source <(verhaal completion bash)
_verhaal() {
  local cur="${COMP_WORDS[COMP_CWORD]}" IFS=$'\n'
  local candidates
  candidates=($("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
  if [[ "${candidates[0]}" == "<files>" ]]; then
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=("${candidates[@]}")
  fi
}
complete -F _verhaal verhaal
)sh";

constexpr const char* kZsh = R"sh(#compdef verhaal
# zsh completion for verhaal. Save it as _verhaal in a folder of $fpath, or
# load it in ~/.zshrc (after compinit) with
#   source <(verhaal completion zsh)
_verhaal() {
  local -a candidates
  candidates=("${(@f)$(${words[1]} __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ "${candidates[1]}" == "<files>" ]]; then
    _files
  else
    compadd -a candidates
  fi
}
if [[ "${funcstack[1]}" == "_verhaal" ]]; then
  _verhaal "$@"
else
  compdef _verhaal verhaal
fi
)sh";

bool IsProjectOption(const std::string& word) { return word == "-p" || word == "--project"; }

std::vector<std::string> Starting(const std::vector<std::string>& names,
                                  const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    if (n.compare(0, prefix.size(), prefix) == 0) out.push_back(n);
  }
  return out;
}

std::vector<std::string> Names(std::span<const Command> table) {
  std::vector<std::string> out;
  for (const auto& c : table) out.emplace_back(c.name);
  return out;
}

const Command* Find(std::span<const Command> table, const std::string& name) {
  const auto found =
      std::find_if(table.begin(), table.end(), [&](const Command& c) { return c.name == name; });
  return found == table.end() ? nullptr : &*found;
}

}  // namespace

std::vector<std::string> CompletionCandidates(const std::vector<std::string>& words) {
  if (words.empty()) return CompletionCandidates({""});
  const std::string& current = words.back();
  const std::vector<std::string> before(words.begin(), words.end() - 1);
  if (!before.empty() && IsProjectOption(before.back())) return {kFiles};
  size_t i = 0;
  while (i < before.size()) {
    if (IsProjectOption(before[i])) {
      i += 2;
    } else if (before[i].rfind("--project=", 0) == 0) {
      ++i;
    } else {
      break;
    }
  }
  if (i >= before.size()) {  // the command itself
    if (!current.empty() && current[0] == '-') {
      return Starting({"--project", "-p", "--version", "--help"}, current);
    }
    return Starting(Names(Commands()), current);
  }
  const Command* command = Find(Commands(), before[i]);
  if (command == nullptr) return {};
  std::vector<std::string> args;
  if (command->subcommands != nullptr) {
    if (i + 1 >= before.size() && (current.empty() || current[0] != '-')) {
      return Starting(Names(command->subcommands()), current);
    }
    if (i + 1 < before.size()) {
      if (Find(command->subcommands(), before[i + 1]) == nullptr) return {};
      args.push_back(before[i + 1]);
    }
  }
  // The options, as the handler declares them (it does nothing else).
  OptionList options;
  std::ostringstream discard;
  CommandContext context{
      std::string(command->name), args, std::nullopt, discard, discard, false, nullptr, &options};
  command->run(context);
  if (!before.empty() && std::find(options.with_value.begin(), options.with_value.end(),
                                   before.back()) != options.with_value.end()) {
    return {kFiles};
  }
  if (!current.empty() && current[0] == '-') return Starting(options.names, current);
  return {kFiles};
}

int RunCompletion(CommandContext& context) {
  CommandOptions options(context, "verhaal completion bash|zsh",
                         "Prints a shell completion script: Tab then completes commands,\n"
                         "subcommands, formats, options and file names. The script asks this\n"
                         "program for the candidates, so it stays right after an update.",
                         "  verhaal completion zsh > ~/.zsh/functions/_verhaal\n"
                         "  source <(verhaal completion bash)        # in ~/.bashrc");
  options.Positional("shell");
  if (!options.Parse()) return 0;
  const auto shell = options.Optional<std::vector<std::string>>("shell");
  const std::string name = shell ? shell->front() : "";
  if (name == "bash") {
    context.out << kBash;
  } else if (name == "zsh") {
    context.out << kZsh;
  } else {
    throw UsageError(name.empty() ? "completion needs a shell: bash or zsh"
                                  : "no completion for '" + name + "'; use bash or zsh");
  }
  return 0;
}

}  // namespace verhaal
