// `verhaal import spryng FILE.csv [--text COLUMN] [--key COLUMN]
// [--respondent COLUMN]`: a Spryng.io export, in one transaction
// (importers/spryng.h, docs/signifiers.md).
#include <filesystem>
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/import_formats.h"
#include "importers/byte_source.h"
#include "importers/encoding.h"
#include "importers/spryng.h"

namespace po = boost::program_options;

namespace verhaal {

int ImportSpryngCommand(CommandContext& context) {
  CommandOptions options(
      context, "verhaal import spryng FILE.csv [--text COLUMN] [--respondent COLUMN] [options]",
      "Imports a Spryng.io export: one story per record, its signifier columns\n"
      "named 'Question - anchor' with a final X, Y or NA. A triangle is three\n"
      "anchor columns on 0-100 (stored as proportions; its X and Y are derived and\n"
      "not read), a slider a single X on 0-1, marbles X/Y pairs on 0-1\n"
      "('Question - marble - X'); 'Question - NA' marks not applicable. The story\n"
      "text is the column named Story, Verhaal, Text, Tekst or Narrative (or\n"
      "--text), the key the column ID (or --key; else FILE-<record number>), the\n"
      "respondent the column Respondent or Deelnemer (or --respondent). Other\n"
      "columns are kept as story variables; those with ' - ' that form no question\n"
      "are reported. One transaction: on an error nothing changes; importing the\n"
      "same file again changes nothing. See docs/signifiers.md.",
      "  verhaal import spryng spryng-export.csv\n"
      "  verhaal import spryng export.csv --text \"Vertel je verhaal\" --respondent Code "
      "--language nl");
  options.add()("text", po::value<std::string>()->value_name("COLUMN"),
                "the column with the story text")(
      "key", po::value<std::string>()->value_name("COLUMN"), "the column with the story key")(
      "respondent", po::value<std::string>()->value_name("COLUMN"),
      "the column with the respondent key")("language",
                                            po::value<std::string>()->value_name("CODE"),
                                            "the stories' language (ISO 639-1, e.g. nl)")(
      "encoding", po::value<std::string>()->value_name("NAME"),
      "the file's encoding: utf-8, utf-16, windows-1252, latin-1, ... (default: guessed;\n"
      "UTF-8 when valid, else Windows-1252 with a warning)");
  AddImportOptions(options);
  options.Positional("file");
  if (!options.Parse()) return 0;
  if (!options.Has("file")) {
    throw UsageError(
        "import spryng needs FILE.csv; e.g. `verhaal import spryng "
        "spryng-export.csv`");
  }
  const std::string file = options.Get<std::vector<std::string>>("file").front();
  SpryngOptions import_options;
  import_options.text_column = options.Optional<std::string>("text").value_or("");
  import_options.key_column = options.Optional<std::string>("key").value_or("");
  import_options.respondent_column = options.Optional<std::string>("respondent").value_or("");
  import_options.language = options.Optional<std::string>("language").value_or("");
  import_options.key_prefix = std::filesystem::path(file).stem().string();
  import_options.update = options.Has("update");
  const bool dry_run = options.Has("dry-run");
  CsvOptions csv;
  std::vector<std::string> warnings;
  csv.encoding =
      EncodingFor(file, options.Optional<std::string>("encoding").value_or(""), warnings);
  for (const auto& warning : warnings) context.err << "verhaal: warning: " << warning << "\n";
  Project project = options.OpenProject();
  CsvReader reader(OpenFileSource(file), file, csv);
  Transaction transaction(project);
  const SignificationImportSummary summary = ImportSpryng(project, reader, import_options);
  if (!dry_run) transaction.Commit();  // a dry run rolls back
  PrintSignificationReport(context, summary, file, dry_run);
  return 0;
}

}  // namespace verhaal
