// `verhaal import sensemaker DATA.csv --definition DEF.json`: a SenseMaker
// platform export, in one transaction (importers/sensemaker.h,
// docs/signifiers.md).
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/import_formats.h"
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
  AddImportOptions(options);
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
  import_options.update = options.Has("update");
  const bool dry_run = options.Has("dry-run");
  Project project = options.OpenProject();
  CsvReader reader(OpenFileSource(file), file);
  Transaction transaction(project);
  const SignificationImportSummary summary =
      ImportSenseMaker(project, reader, definition, import_options);
  if (!dry_run) transaction.Commit();  // a dry run rolls back
  for (const std::string& type : definition.skipped_types) {
    context.err << "skipped: signifier " << type << " of a type verhaal does not know\n";
  }
  PrintSignificationReport(context, summary, file, dry_run);
  return 0;
}

void PrintSignificationReport(CommandContext& context, const SignificationImportSummary& summary,
                              const std::string& file, bool dry_run) {
  for (const auto& warning : summary.warnings)
    context.err << "verhaal: warning: " << warning << '\n';
  for (const std::string& column : summary.unknown_columns) {
    context.err << "unknown column: " << column << " (kept as a story variable)\n";
  }
  for (const std::string& item : summary.added_items) {
    context.err << "added item: " << item << '\n';
  }
  const std::string kept =
      summary.stories_changed > 0
          ? ", " + std::to_string(summary.stories_changed) + " changed but kept (use --update)"
          : "";
  if (!summary.changed()) {
    context.err << (dry_run ? "dry run: nothing would change: " : "nothing changed: ") << file
                << " is already in the project ("
                << summary.stories_unchanged + summary.stories_changed << " stories)" << kept
                << "\n";
    return;
  }
  context.err << (dry_run ? "dry run of " + file + ": would import " : "imported " + file + ": ")
              << summary.stories_added << " new stories, " << summary.stories_unchanged
              << " already present"
              << (summary.stories_updated > 0
                      ? ", " + std::to_string(summary.stories_updated) + " updated"
                      : "")
              << kept << ", " << summary.signifiers << " signifiers, " << summary.values_changed
              << " values set" << (dry_run ? "; nothing was written" : "") << "\n";
}

}  // namespace verhaal
