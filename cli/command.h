// The verhaal command line: a table of subcommands {name, summary, handler}
// over the library, as in DESIGN.md "Command line". Each handler parses its
// own options with CommandOptions and returns an exit code; errors are thrown
// as verhaal::Error and mapped to exit codes by RunCli.
#ifndef VERHAAL_CLI_COMMAND_H_
#define VERHAAL_CLI_COMMAND_H_

#include <boost/program_options.hpp>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

struct OptionList;

// What a command gets: its arguments (after the command name) and streams.
struct CommandContext {
  std::string name;                           // the command, for messages
  std::vector<std::string> args;              // everything after the name
  std::optional<std::string> global_project;  // -p given before the command
  std::ostream& out;
  std::ostream& err;
  bool progress = false;  // stderr is a terminal: show progress
  // Where OpenProject() notes the file it opened, for messages about
  // failures that surface outside a command (may be null).
  std::string* opened_project = nullptr;
  // Set by shell completion: the handler only declares its options (into
  // this list) and returns 0; it does nothing else.
  OptionList* describe = nullptr;

  // The context of a subcommand: `name` + " " + the first argument, the
  // other arguments, everything else the same.
  CommandContext Sub() const;
};

using CommandHandler = int (*)(CommandContext& context);

struct Command;
using CommandTable = std::span<const Command> (*)();

// One entry of the command table: a command, or a subcommand or format of
// one (`verhaal codebook load`, `verhaal import csv`). The table drives
// dispatch, `--help`, the suggestions for a mistyped name and shell
// completion (cli/completion.h); a handler declares its options and example
// with CommandOptions, which completion reads too.
struct Command {
  std::string_view name;
  std::string_view summary;  // one line, for the --help of the level above
  CommandHandler run;
  CommandTable subcommands = nullptr;  // the words that may follow, if any
};

// All commands, in the order `verhaal --help` lists them.
std::span<const Command> Commands();

// Options as shell completion offers them: CommandOptions::Parse fills this
// instead of parsing when CommandContext::describe is set.
struct OptionList {
  std::vector<std::string> names;       // "--output", "-o", "--help", ...
  std::vector<std::string> with_value;  // the names that take a value
};

// What a command made of subcommands says in its --help.
struct SubcommandHelp {
  std::string usage;                // "verhaal codebook SUBCOMMAND [options]"
  std::string description;          // a paragraph
  std::string example;              // lines, indented
  std::string what = "subcommand";  // or "format"
};

// Runs the entry of `table` that the first argument names, with the other
// arguments (its `name` becomes "NAME SUB"); `--help` prints the help with
// the table's summaries. A missing or unknown name is a kUsage error that
// lists the names, with a suggestion for a mistyped one.
int RunSubcommand(CommandContext& context, std::span<const Command> table,
                  const SubcommandHelp& help);

// Runs the program; returns the exit code. Prints errors as
// "verhaal: error: ..." to `err`.
int RunCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
           bool progress);

// Option parsing for one command, with -p/--project and --help built in.
// `usage` is the synopsis ("verhaal search QUERY [options]"), `example` one
// or more example lines shown by --help.
class CommandOptions {
 public:
  CommandOptions(CommandContext& context, std::string usage, std::string description,
                 std::string example);

  // Add options: options().add_options()("name", po::value<...>(), "help").
  boost::program_options::options_description_easy_init add() { return options_.add_options(); }

  // A positional argument (max_count -1: any number).
  void Positional(const std::string& name, int max_count = 1);

  // Parses the arguments. Returns false when --help was printed (the
  // handler then returns 0). Throws kUsage Errors for unknown options, with
  // a suggestion.
  bool Parse();

  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  template <typename T>
  T Get(const std::string& name) const {
    return values_[name].as<T>();
  }
  template <typename T>
  std::optional<T> Optional(const std::string& name) const {
    if (!Has(name)) return std::nullopt;
    return values_[name].as<T>();
  }

  // The project file of -p, or the one *.verhaal in the current folder.
  std::filesystem::path ProjectPath() const;
  // Opens ProjectPath() (see Project::Open for the errors).
  Project OpenProject() const;

 private:
  CommandContext& context_;
  std::string usage_;
  std::string description_;
  std::string example_;
  boost::program_options::options_description options_;
  boost::program_options::positional_options_description positional_;
  std::vector<std::string> positional_names_;
  boost::program_options::variables_map values_;
};

// The project in the current folder: the one *.verhaal file there. kMissing
// when there is none, kUsage when there are several.
std::filesystem::path DefaultProjectPath();

}  // namespace verhaal

#endif  // VERHAAL_CLI_COMMAND_H_
