#include "cli/command.h"

#include <algorithm>
#include <iostream>

#include "base/closest_name.h"
#include "cli/completion.h"
#include "cli/version.h"
#include "corpus/error.h"

namespace po = boost::program_options;

namespace verhaal {
namespace {

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const auto& c : Commands()) names.emplace_back(c.name);
  return names;
}

void PrintOverview(std::ostream& out) {
  out << "usage: verhaal [-p PROJECT] <command> [options]\n\n"
         "verhaal keeps a narrative study in one project file: stories, respondents,\n"
         "self-signification, a codebook and codings; it exports matrices, statistics\n"
         "and data files.\n\ncommands:\n";
  size_t width = 0;
  for (const auto& c : Commands()) width = std::max(width, c.name.size());
  for (const auto& c : Commands()) {
    out << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary << '\n';
  }
  out << "\nglobal options:\n"
         "  -p, --project FILE  the project file (default: the one *.verhaal here)\n"
         "  --version           print the version and those of the libraries\n"
         "  --help              this overview; `verhaal <command> --help` for a command\n\n"
         "example:\n  verhaal init study.verhaal --name \"Statushouders 2025\"\n"
         "  verhaal -p study.verhaal info\n";
}

int ExitCode(ErrorKind kind) { return static_cast<int>(kind); }

std::string ToUpper(std::string word) {
  for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return word;
}

}  // namespace

int RunCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err,
           bool progress) {
  std::optional<std::string> project;
  std::string opened_project;
  // The project file an error is about: the one opened, else the one named.
  auto project_file = [&]() -> std::string {
    return !opened_project.empty() ? opened_project : project ? *project : "the project file";
  };
  if (argv.size() > 1 && argv[1] == "__complete") {  // asked by the completion script
    try {
      for (const auto& candidate :
           CompletionCandidates(std::vector<std::string>(argv.begin() + 2, argv.end()))) {
        out << candidate << '\n';
      }
    } catch (const std::exception&) {  // a handler that did more than declare: offer nothing
    }
    return 0;
  }
  size_t i = 1;
  try {
    for (; i < argv.size(); ++i) {
      const std::string& a = argv[i];
      if (a == "-p" || a == "--project") {
        if (i + 1 >= argv.size()) throw UsageError(a + " needs a FILE");
        project = argv[++i];
      } else if (a.rfind("--project=", 0) == 0) {
        project = a.substr(10);
      } else if (a == "--version") {
        out << VersionText();
        return 0;
      } else if (a == "--help" || a == "-h" || a == "help") {
        if (a == "help" && i + 1 < argv.size()) {
          std::vector<std::string> rest = {argv[0], argv[i + 1], "--help"};
          return RunCli(rest, out, err, progress);
        }
        PrintOverview(out);
        return 0;
      } else if (!a.empty() && a[0] == '-') {
        throw UsageError("unknown option " + a + " before the command; see `verhaal --help`");
      } else {
        break;
      }
    }
    if (i >= argv.size()) {
      PrintOverview(err);
      return ExitCode(ErrorKind::kUsage);
    }
    const std::string& name = argv[i];
    auto commands = Commands();
    auto found = std::find_if(commands.begin(), commands.end(),
                              [&](const Command& c) { return c.name == name; });
    if (found == commands.end()) {
      const std::string near = ClosestName(name, CommandNames());
      throw UsageError("unknown command '" + name + "'" +
                       (near.empty() ? "" : "; did you mean '" + near + "'?") +
                       " See `verhaal --help`.");
    }
    CommandContext context{
        std::string(found->name),
        std::vector<std::string>(argv.begin() + static_cast<long>(i) + 1, argv.end()),
        project,
        out,
        err,
        progress,
        &opened_project};
    return found->run(context);
  } catch (const Error& e) {
    out.flush();
    const Error error = WithSqliteAdvice(e, project_file());
    err << "verhaal: error: " << error.Describe() << '\n';
    return ExitCode(error.kind());
  } catch (const std::invalid_argument& e) {
    out.flush();
    err << "verhaal: error: " << e.what() << '\n';
    return ExitCode(ErrorKind::kData);
  } catch (const std::exception& e) {
    out.flush();
    // An SQLite failure no command turned into a located error: a full disk,
    // a lock, a damaged file; the command's transaction has rolled back.
    if (const auto error = SqliteExceptionError(e, project_file());
        error && error->kind() != ErrorKind::kInternal) {
      err << "verhaal: error: " << error->Describe() << '\n';
      return ExitCode(error->kind());
    }
    err << "verhaal: internal error: " << e.what()
        << "\n(this is a bug in verhaal; please report it with the command you ran)\n";
    return ExitCode(ErrorKind::kInternal);
  }
}

CommandContext CommandContext::Sub() const {
  CommandContext sub{name + " " + (args.empty() ? std::string() : args.front()),
                     args.empty() ? std::vector<std::string>()
                                  : std::vector<std::string>(args.begin() + 1, args.end()),
                     global_project,
                     out,
                     err,
                     progress,
                     opened_project,
                     describe};
  return sub;
}

int RunSubcommand(CommandContext& context, std::span<const Command> table,
                  const SubcommandHelp& help) {
  std::vector<std::string> names;
  for (const auto& c : table) names.emplace_back(c.name);
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  const std::string first = context.args.empty() ? "" : context.args.front();
  if (first == "--help" || first == "-h") {
    context.out << "usage: " << help.usage << "\n\n"
                << help.description << "\n\n"
                << help.what << "s:\n";
    size_t width = 0;
    for (const auto& c : table) width = std::max(width, c.name.size());
    for (const auto& c : table) {
      context.out << "  " << c.name << std::string(width - c.name.size() + 2, ' ') << c.summary
                  << '\n';
    }
    context.out << "\n`verhaal " << context.name << " " << ToUpper(help.what)
                << " --help` shows its options.\n\nexample:\n"
                << help.example << "\n";
    return 0;
  }
  if (first.empty()) {
    if (context.describe != nullptr) {
      context.describe->names = {"--help", "-h"};
      return 0;
    }
    throw UsageError(context.name + " needs a " + help.what + ": " + list + "; see `verhaal " +
                     context.name + " --help`");
  }
  const auto found =
      std::find_if(table.begin(), table.end(), [&](const Command& c) { return c.name == first; });
  if (found == table.end()) {
    if (context.describe != nullptr) return 0;
    const std::string near = ClosestName(first, names);
    throw UsageError("unknown " + context.name + " " + help.what + " '" + first + "'" +
                     (near.empty() ? "" : "; did you mean '" + near + "'?") + " Use " + list +
                     " (see `verhaal " + context.name + " --help`).");
  }
  CommandContext sub = context.Sub();
  return found->run(sub);
}

CommandOptions::CommandOptions(CommandContext& context, std::string usage, std::string description,
                               std::string example)
    : context_(context),
      usage_(std::move(usage)),
      description_(std::move(description)),
      example_(std::move(example)),
      options_("options") {
  options_.add_options()("project,p", po::value<std::string>()->value_name("FILE"),
                         "the project file (default: the one *.verhaal here)")("help,h",
                                                                               "show this help");
}

void CommandOptions::Positional(const std::string& name, int max_count) {
  options_.add_options()(name.c_str(), po::value<std::vector<std::string>>(), "");
  positional_.add(name.c_str(), max_count);
  positional_names_.push_back(name);
}

bool CommandOptions::Parse() {
  if (context_.describe != nullptr) {
    for (const auto& option : options_.options()) {
      if (std::find(positional_names_.begin(), positional_names_.end(), option->long_name()) !=
          positional_names_.end()) {
        continue;
      }
      const bool with_value = option->semantic()->max_tokens() > 0;
      // canonical_display_name gives "-o" for a short name, else the long one
      // without dashes.
      const std::string short_name =
          option->canonical_display_name(po::command_line_style::allow_dash_for_short);
      for (const std::string& name : {"--" + option->long_name(), short_name}) {
        if (name.size() < 2 || name[0] != '-' || name == "--" ||
            std::find(context_.describe->names.begin(), context_.describe->names.end(), name) !=
                context_.describe->names.end()) {
          continue;
        }
        context_.describe->names.push_back(name);
        if (with_value) context_.describe->with_value.push_back(name);
      }
    }
    return false;
  }
  try {
    po::store(
        po::command_line_parser(context_.args)
            .options(options_)
            .positional(positional_)
            .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
            .run(),
        values_);
    if (values_.count("help")) {
      context_.out << "usage: " << usage_ << "\n\n" << description_ << "\n\n";
      // Hide positional placeholders from the option list.
      po::options_description shown("options");
      for (const auto& option : options_.options()) {
        if (std::find(positional_names_.begin(), positional_names_.end(), option->long_name()) ==
            positional_names_.end()) {
          shown.add(option);
        }
      }
      context_.out << shown << "\nexample:\n" << example_ << "\n";
      return false;
    }
    po::notify(values_);
  } catch (const po::unknown_option& e) {
    std::vector<std::string> names;
    for (const auto& option : options_.options()) names.push_back("--" + option->long_name());
    const std::string near = ClosestName(e.get_option_name(), names);
    throw UsageError(std::string(e.what()) + (near.empty() ? "" : "; did you mean " + near + "?") +
                     " See `verhaal " + context_.name + " --help`.");
  } catch (const po::too_many_positional_options_error&) {
    throw UsageError("too many arguments; see `verhaal " + context_.name + " --help`");
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + "; see `verhaal " + context_.name + " --help`");
  }
  return true;
}

std::filesystem::path CommandOptions::ProjectPath() const {
  if (Has("project")) return Get<std::string>("project");
  if (context_.global_project) return *context_.global_project;
  return DefaultProjectPath();
}

Project CommandOptions::OpenProject() const {
  const std::filesystem::path path = ProjectPath();
  if (context_.opened_project != nullptr) *context_.opened_project = path.string();
  return Project::Open(path);
}

std::filesystem::path DefaultProjectPath() {
  std::vector<std::filesystem::path> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(".", ec)) {
    if (entry.path().extension() == ".verhaal" && entry.is_regular_file(ec)) {
      found.push_back(entry.path().filename());
    }
  }
  if (found.empty()) {
    throw MissingError(
        "no project here: give -p FILE, or create one with `verhaal init FILE.verhaal`");
  }
  if (found.size() > 1) {
    std::sort(found.begin(), found.end());
    std::string names;
    for (const auto& f : found) names += (names.empty() ? "" : ", ") + f.string();
    throw UsageError("several projects here (" + names + "); choose one with -p FILE");
  }
  return found.front();
}

}  // namespace verhaal
