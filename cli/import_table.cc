#include <array>

#include "cli/import_formats.h"

namespace verhaal {

std::span<const Command> ImportFormats() {
  static constexpr std::array kFormats = {
      Command{"csv", "a CSV/TSV spreadsheet, one story per line, with a mapping", ImportCsvCommand},
      Command{"folder", "a folder of .txt/.md stories, with optional YAML front matter",
              ImportFolderCommand},
      Command{"transcript", "a plain-text interview with speaker turns", ImportTranscriptCommand},
      Command{"sensemaker", "a SenseMaker export: data CSV with its definition JSON",
              ImportSenseMakerCommand},
      Command{"spryng", "a Spryng.io export CSV: triangles, sliders and marbles",
              ImportSpryngCommand},
      Command{"refi", "a REFI-QDA project (.qdpx, .qde) or codebook (.qdc)", ImportRefiCommand},
  };
  return kFormats;
}

}  // namespace verhaal
