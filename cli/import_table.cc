#include <array>

#include "cli/import_formats.h"

namespace verhaal {

std::span<const ImportFormat> ImportFormats() {
  static constexpr std::array kFormats = {
      ImportFormat{"csv", "a CSV/TSV spreadsheet, one story per line, with a mapping",
                   ImportCsvCommand},
      ImportFormat{"folder", "a folder of .txt/.md stories, with optional YAML front matter",
                   ImportFolderCommand},
      ImportFormat{"transcript", "a plain-text interview with speaker turns",
                   ImportTranscriptCommand},
      ImportFormat{"sensemaker", "a SenseMaker export: data CSV with its definition JSON",
                   ImportSenseMakerCommand},
      ImportFormat{"spryng", "a Spryng.io export CSV: triangles, sliders and marbles",
                   ImportSpryngCommand},
      ImportFormat{"refi", "a REFI-QDA project (.qdpx, .qde) or codebook (.qdc)",
                   ImportRefiCommand},
  };
  return kFormats;
}

}  // namespace verhaal
