// Exporting to REFI-QDA (QDA-XML 1.0) for NVivo, ATLAS.ti, MAXQDA, QualCoder
// and f4: a .qdpx project (project.qde plus sources/<GUID>.txt) or a .qdc
// codebook. Both validate against the standard's Project.xsd and
// Codebook.xsd; elements come in the schema's order. GUIDs are stable: codes
// keep their own, and coders, stories, respondents, variables, selections,
// codings and memos get GUIDs derived from their keys, so exporting twice
// gives the same file. Mapping: docs/refi-qda.md.
#ifndef VERHAAL_EXPORTERS_REFI_QDA_H_
#define VERHAAL_EXPORTERS_REFI_QDA_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"
#include "exporters/zip_writer.h"

namespace verhaal {

struct RefiExportCounts {
  int coders = 0;
  int codes = 0;
  int respondents = 0;
  int stories = 0;
  int selections = 0;
  int codings = 0;
  int memos = 0;  // memos and the codings' own memos
  int speaker_turns = 0;
};

// The files of a .qdpx, built in memory: project.qde first, then the
// sources. Reads the project; does not write.
struct RefiExportFiles {
  std::vector<ZipEntry> entries;
  RefiExportCounts counts;
};
RefiExportFiles BuildRefiProject(Project& project);

// Writes the .qdpx to `file` (see ZipWriter for the errors).
RefiExportCounts ExportRefiProject(Project& project, const std::filesystem::path& file);

// The .qdc codebook XML of the project's code tree.
std::string BuildRefiCodebook(Project& project);

// Writes the .qdc to `file` atomically (AtomicFileWriter's errors). Returns
// the number of codes.
int ExportRefiCodebook(Project& project, const std::filesystem::path& file);

// A GUID derived from `kind` and `key` (SHA-256, version-5 layout, upper
// case): the same inputs give the same GUID in every export.
std::string StableGuid(std::string_view kind, std::string_view key);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_REFI_QDA_H_
