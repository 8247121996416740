// `verhaal import refi FILE`: a REFI-QDA .qdpx project (or its bare .qde) or
// a .qdc codebook, in one transaction (importers/refi_qda.h,
// docs/refi-qda.md).
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/import_formats.h"
#include "importers/refi_qda.h"

namespace po = boost::program_options;

namespace verhaal {

int ImportRefiCommand(CommandContext& context) {
  CommandOptions options(
      context, "verhaal import refi FILE.qdpx|FILE.qde|FILE.qdc [--crlf auto|one|two] [options]",
      "Imports a REFI-QDA (QDA-XML 1.0) exchange from NVivo, ATLAS.ti, MAXQDA,\n"
      "QualCoder or f4: Users as coders, the CodeBook as codes (tree, colours,\n"
      "descriptions), Cases as respondents with their variables, TextSources as\n"
      "stories, coded selections as codings with coder and date, Notes as memos.\n"
      "A .qdc adds only the codes. Positions are mapped to verhaal's stored text\n"
      "(NFC, \"\\n\" line ends). Transcripts of audio and video sources become\n"
      "interview stories; other non-text sources are reported and skipped.\n"
      "A source is found again by its name, as every importer finds stories by key:\n"
      "importing the project again adds only new codings and memos, and a source\n"
      "whose text changed is replaced only with --update. Everything is imported in\n"
      "one transaction: on an error nothing changes. See docs/refi-qda.md.",
      "  verhaal import refi studie.qdpx\n"
      "  verhaal import refi studie-v2.qdpx --update --dry-run\n"
      "  verhaal import refi atlas-export.qdpx --crlf one\n"
      "  verhaal import refi codes.qdc");
  options.add()("crlf", po::value<std::string>()->default_value("auto"),
                "how the tool counted CRLF: one (ATLAS.ti), two, or auto (from the "
                "project's origin)")("kind", po::value<std::string>()->default_value("interview"),
                                     "story kind of the imported sources")(
      "allow-external-sources",
      "a bare .qde: read its sources' text from files in the .qde's folder "
      "(relative:// or absolute:// paths); a .qdpx reads only what is inside it");
  AddImportOptions(options);
  options.Positional("file");
  if (!options.Parse()) return 0;
  if (!options.Has("file")) {
    throw UsageError("import refi needs a FILE; e.g. `verhaal import refi studie.qdpx`");
  }
  const std::string file = options.Get<std::vector<std::string>>("file").front();
  RefiImportOptions import_options;
  const std::string crlf = options.Get<std::string>("crlf");
  if (crlf == "one") {
    import_options.line_breaks = LineBreakCounting::kCrlfAsOne;
  } else if (crlf == "two") {
    import_options.line_breaks = LineBreakCounting::kEachCharacter;
  } else if (crlf != "auto") {
    throw UsageError("--crlf takes one, two or auto, not '" + crlf + "'");
  }
  import_options.kind = options.Get<std::string>("kind");
  import_options.allow_external_sources = options.Has("allow-external-sources");
  Project project = options.OpenProject();
  const bool dry_run = options.Has("dry-run");
  Transaction transaction(project);
  const RefiImportReport report =
      ImportRefi(project, file, import_options, ImportOptionsFrom(options, context));
  if (!dry_run) transaction.Commit();  // a dry run rolls back
  for (const std::string& line : report.skipped) context.err << "skipped: " << line << '\n';
  for (const std::string& line : report.notes) context.err << "note: " << line << '\n';
  PrintImportReport(context, report.stories,
                    file + (report.origin.empty() ? "" : " (" + report.origin + ")"), dry_run);
  return 0;
}

}  // namespace verhaal
