// The column layout of a Spryng.io export, read from its header line: which
// column holds the story text, key and respondent, and which columns make up
// each triangle, slider and marbles question. The middle stage of
// importers/spryng.cc, testable on its own. See docs/signifiers.md,
// "Spryng.io export".
// Private to importers/.
#ifndef VERHAAL_IMPORTERS_SPRYNG_COLUMNS_H_
#define VERHAAL_IMPORTERS_SPRYNG_COLUMNS_H_

#include <array>
#include <string>
#include <vector>

#include "corpus/signifiers.h"
#include "importers/csv_reader.h"
#include "importers/spryng.h"

namespace verhaal {

// One question's columns (indices into the record; -1 when absent).
struct SpryngQuestion {
  std::string question;                       // the header text before the first " - "
  SignifierType type = SignifierType::kDyad;  // kTriad, kDyad or kStones
  int na = -1;
  int x = -1;  // slider: the position; triangle: derived, not read
  int y = -1;  // triangle: derived, not read
  // Triangle anchors (top, left, right in header order) or marbles, by name.
  std::vector<std::string> options;
  std::vector<int> anchors;                 // triangle: one column per anchor
  std::vector<std::array<int, 2>> marbles;  // marbles: X and Y columns
};

struct SpryngColumns {
  int text = -1;
  int key = -1;                           // -1: keys are generated from the record number
  int respondent = -1;                    // -1: no respondents
  std::vector<SpryngQuestion> questions;  // in the order of their first column
  // Columns kept as text story variables: plain columns and those of no
  // known shape.
  std::vector<int> kept;
  // Headers with " - " that form no triangle, slider or marbles question
  // (e.g. answer options of a multiple-choice question); also in `kept`.
  std::vector<std::string> unknown;
};

// Reads the header record (the reader's current record). Throws kData at
// the offending header cell: no story text column (or two candidates), a
// column named by `options` that is not there, a repeated column, a
// triangle without exactly three anchors, a marble with only an X or a Y
// column, a Y or NA column without X, marbles mixed with other columns.
SpryngColumns ParseSpryngHeader(const CsvRecord& header, const CsvReader& reader,
                                const SpryngOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_SPRYNG_COLUMNS_H_
