// `verhaal import folder DIR`.
#include "base/error.h"
#include "cli/command.h"
#include "cli/import_formats.h"
#include "importers/story_folder.h"

namespace po = boost::program_options;

namespace verhaal {

int ImportFolderCommand(CommandContext& context) {
  CommandOptions options(
      context, "verhaal import folder DIR [--role ROLE] [--kind KIND] [options]",
      "Imports every .txt and .md file in DIR as one story; the file name without\n"
      "extension is its key. A file may start with YAML front matter between two\n"
      "\"---\" lines (key, respondent, role, kind, wave, date, language, title; other\n"
      "keys become story variables). See docs/story-folders.md.",
      "  verhaal import folder verhalen/ --role statushouder --kind experience\n"
      "  verhaal import folder reflecties/ --kind reflection --dry-run");
  options.add()("role", po::value<std::string>()->value_name("ROLE"),
                "the respondents' role when the front matter has none")(
      "kind", po::value<std::string>()->default_value("experience"),
      "experience, reflection, interview or other")(
      "language", po::value<std::string>()->value_name("CODE"), "e.g. nl")(
      "encoding", po::value<std::string>()->value_name("NAME"),
      "the file's encoding: utf-8, utf-16, windows-1252, latin-1, ... (default: guessed;\n"
      "UTF-8 when valid, else Windows-1252 with a warning)");
  AddImportOptions(options);
  options.Positional("folder");
  if (!options.Parse()) return 0;
  if (!options.Has("folder")) {
    throw UsageError("import folder needs a DIR; see `verhaal import folder --help`");
  }
  const std::string folder = options.Get<std::vector<std::string>>("folder").front();
  StoryFolderOptions defaults;
  defaults.role = options.Optional<std::string>("role").value_or("");
  defaults.kind = options.Get<std::string>("kind");
  defaults.language = options.Optional<std::string>("language").value_or("");
  defaults.encoding = options.Optional<std::string>("encoding").value_or("");
  const bool dry_run = options.Has("dry-run");
  Project project = options.OpenProject();
  BulkWrite bulk(project);
  Transaction transaction(project);
  const ImportReport report =
      ImportStoryFolder(project, folder, defaults, ImportOptionsFrom(options, context));
  if (!dry_run) transaction.Commit();
  PrintImportReport(context, report, folder, dry_run);
  return 0;
}

}  // namespace verhaal
