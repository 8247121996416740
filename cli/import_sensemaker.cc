// `verhaal import sensemaker DATA.csv --definition DEF.json`: a SenseMaker
// platform export, in one transaction (importers/sensemaker.h,
// docs/signifiers.md).
#include <ostream>

#include "cli/command.h"
#include "cli/import_formats.h"
#include "corpus/error.h"
#include "corpus/files.h"
#include "importers/sensemaker.h"

namespace po = boost::program_options;

namespace verhaal {

int ImportSenseMakerCommand(CommandContext& context) {
  CommandOptions options(
      context, "verhaal import sensemaker DATA.csv --definition DEF.json [--add-unknown-items]",
      "Imports a SenseMaker export: the data CSV (GUID column headers, one record\n"
      "per fragment) with the framework definition JSON, which gives the\n"
      "signifiers' types, titles, anchors, stones and list items. Each fragment\n"
      "becomes a story (text from the definition's fragment signifier, date from\n"
      "server_upload_time, language, respondent from responder_id); dyads, triads,\n"
      "stones, lists and other free texts become signifier values, N/A kept apart\n"
      "from skipped. Other columns are kept as story variables; those that are not\n"
      "SenseMaker metadata are reported. One transaction: on an error nothing\n"
      "changes; importing the same file again changes nothing. See\n"
      "docs/signifiers.md.",
      "  verhaal import sensemaker ADemo_Data.csv --definition ADemo_Definition.json");
  options.add()("definition", po::value<std::string>(), "the framework definition (JSON)")(
      "add-unknown-items",
      "keep list answers whose item is not in the definition as new items (data from an "
      "older framework version)");
  options.Positional("file");
  if (!options.Parse()) return 0;
  if (!options.Has("file") || !options.Has("definition")) {
    throw UsageError(
        "import sensemaker needs DATA.csv and --definition DEF.json; e.g. `verhaal import "
        "sensemaker ADemo_Data.csv --definition ADemo_Definition.json`");
  }
  const std::string file = options.Get<std::vector<std::string>>("file").front();
  const std::string definition_file = options.Get<std::string>("definition");
  const SenseMakerDefinition definition =
      ParseSenseMakerDefinition(ReadWholeFile(definition_file), definition_file);
  SenseMakerOptions import_options;
  import_options.add_unknown_items = options.Has("add-unknown-items");
  Project project = options.OpenProject();
  CsvReader reader(OpenFileSource(file), file);
  Transaction transaction(project);
  const SignificationImportSummary summary =
      ImportSenseMaker(project, reader, definition, import_options);
  transaction.Commit();
  for (const std::string& type : definition.skipped_types) {
    context.err << "skipped: signifier " << type << " of a type verhaal does not know\n";
  }
  PrintSignificationReport(context, summary, file);
  return 0;
}

void PrintSignificationReport(CommandContext& context, const SignificationImportSummary& summary,
                              const std::string& file) {
  for (const std::string& column : summary.unknown_columns) {
    context.err << "unknown column: " << column << " (kept as a story variable)\n";
  }
  for (const std::string& item : summary.added_items) {
    context.err << "added item: " << item << '\n';
  }
  if (!summary.changed()) {
    context.err << "nothing changed: " << file << " is already in the project ("
                << summary.stories_unchanged << " stories)\n";
    return;
  }
  context.err << "imported " << file << ": " << summary.stories_added << " new stories, "
              << summary.stories_unchanged << " already present, " << summary.signifiers
              << " signifiers, " << summary.values_changed << " values set\n";
}

}  // namespace verhaal
