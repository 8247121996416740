// Imports a Spryng.io export: one CSV with a record per story, whose
// signifier columns are named `Question - anchor` with a final token `X`,
// `Y` or `NA`. Triangles are three anchor columns on 0–100 (plus derived X
// and Y), sliders a single X on 0–1, marbles X/Y pairs on 0–1. Each record
// becomes a story with its signifier values. See docs/signifiers.md,
// "Spryng.io export".
#ifndef VERHAAL_IMPORTERS_SPRYNG_H_
#define VERHAAL_IMPORTERS_SPRYNG_H_

#include <string>

#include "corpus/project.h"
#include "importers/csv_reader.h"
#include "importers/signification_import.h"

namespace verhaal {

struct SpryngOptions {
  // The column with the story text; empty: the one column named Story,
  // Verhaal, Text, Tekst or Narrative (case ignored).
  std::string text_column;
  // The column with the story key; empty: a column named ID, Story ID or
  // Response ID when there is one, else "<key_prefix>-<record number>".
  std::string key_column;
  // The column with the respondent key; empty: a column named Respondent,
  // Respondent ID, Participant or Deelnemer when there is one, else none.
  std::string respondent_column;
  // Prefix of generated story keys (the file name without its folder and
  // extension, as the CLI passes it).
  std::string key_prefix = "spryng";
  // The language of every story (ISO 639-1), or empty.
  std::string language;
  // A story already in the project with another text gets the new text;
  // otherwise it is kept, with a warning (docs/importing.md).
  bool update = false;
};

// Reads every record of `data` (a reader positioned before the header) into
// `project`: defines the triangles (triads), sliders (dyads) and marbles
// (stones) the header names, with source "spryng" and the question as key
// and title, adds the stories (or finds them when the same file was imported
// before) and sets their values; other columns become text story variables.
// Does not open a transaction: the caller runs it in one, so an error leaves
// the project as it was. Throws kData located at the offending header or
// cell: no text column, a header of a shape that is not understood (a
// triangle without three anchors, a marble X without its Y, NA or Y for a
// question without X), a value that is not a number or out of range, a
// triangle whose anchors do not sum to 100 or a marble with only X or Y, a
// story without text or a key given twice. Stories go in through
// StoryImporter (importers/story_import.h), as every importer's.
SignificationImportSummary ImportSpryng(Project& project, CsvReader& data,
                                        const SpryngOptions& options = {});

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_SPRYNG_H_
