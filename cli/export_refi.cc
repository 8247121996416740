// `verhaal export refi` and `verhaal export codebook`: REFI-QDA exchange
// files (exporters/refi_qda.h, docs/refi-qda.md).
#include <ostream>

#include "base/error.h"
#include "cli/export_formats.h"
#include "exporters/refi_qda.h"

namespace po = boost::program_options;

namespace verhaal {

int ExportRefi(CommandContext& context) {
  CommandOptions options(
      context, "verhaal export refi -o FILE.qdpx",
      "Writes the project as a REFI-QDA (QDA-XML 1.0) .qdpx for NVivo, ATLAS.ti,\n"
      "MAXQDA, QualCoder or f4: coders as Users, the code tree as the CodeBook,\n"
      "respondents as Cases with their attributes, stories as TextSources\n"
      "(sources/<GUID>.txt) with their variables and signifier answers as\n"
      "VariableValues, codings as PlainTextSelections with the coder and date,\n"
      "an interview's speaker turns as selections named after the speaker,\n"
      "memos and the codings' own memos as Notes. GUIDs stay the same across\n"
      "exports. See docs/refi-qda.md.",
      "  verhaal export refi -o statushouders.qdpx");
  options.add()("output,o", po::value<std::string>()->value_name("FILE"), "the .qdpx to write");
  if (!options.Parse()) return 0;
  if (!options.Has("output")) {
    throw UsageError("export refi needs -o FILE.qdpx; e.g. `verhaal export refi -o studie.qdpx`");
  }
  Project project = options.OpenProject();
  const std::string file = options.Get<std::string>("output");
  const RefiExportCounts counts = ExportRefiProject(project, file);
  context.out << "wrote " << file << ": " << counts.stories << " stories, " << counts.codes
              << " codes, " << counts.coders << " coders, " << counts.respondents
              << " respondents, " << counts.codings << " codings, " << counts.memos << " memos";
  if (counts.speaker_turns > 0) context.out << ", " << counts.speaker_turns << " speaker turns";
  context.out << "\n";
  return 0;
}

int ExportCodebookQdc(CommandContext& context) {
  CommandOptions options(
      context, "verhaal export codebook -o FILE.qdc",
      "Writes the code tree as a REFI-QDA codebook (.qdc, QDA-XML 1.0): names,\n"
      "GUIDs, colours, descriptions and which codes are codable. NVivo, ATLAS.ti,\n"
      "MAXQDA and QualCoder import it. See docs/refi-qda.md.",
      "  verhaal export codebook -o themas.qdc");
  options.add()("output,o", po::value<std::string>()->value_name("FILE"), "the .qdc to write");
  if (!options.Parse()) return 0;
  if (!options.Has("output")) {
    throw UsageError(
        "export codebook needs -o FILE.qdc; e.g. `verhaal export codebook -o themas.qdc`");
  }
  Project project = options.OpenProject();
  const std::string file = options.Get<std::string>("output");
  const int codes = ExportRefiCodebook(project, file);
  context.out << "wrote " << file << ": " << codes << " codes\n";
  return 0;
}

}  // namespace verhaal
