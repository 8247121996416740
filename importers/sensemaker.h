// Imports a SenseMaker platform export: the data CSV (GUID column headers,
// one record per fragment) read with the framework definition. Each fragment
// becomes a story (its text from the definition's fragment signifier), each
// signifier answer a signifier value. See docs/signifiers.md, "SenseMaker".
#ifndef VERHAAL_IMPORTERS_SENSEMAKER_H_
#define VERHAAL_IMPORTERS_SENSEMAKER_H_

#include "corpus/project.h"
#include "importers/csv_reader.h"
#include "importers/sensemaker_definition.h"
#include "importers/signification_import.h"

namespace verhaal {

struct SenseMakerOptions {
  // A single-choice answer whose item id is not in the definition (data
  // collected under an older version of the framework) becomes a new item of
  // that list, labelled by its id, and is listed in the summary's
  // added_items. Otherwise it is an error.
  bool add_unknown_items = false;
  // A fragment already in the project with another text gets the new text;
  // otherwise it is kept, with a warning (docs/importing.md).
  bool update = false;
};

// Reads every record of `data` (a reader positioned before the header) into
// `project`: defines the signifiers, adds the stories (or finds them when
// the same file was imported before) and sets their values. Does not open a
// transaction: the caller runs it in one, so an error leaves the project as
// it was. Throws kData located at the offending cell: a header without an
// `id` column or without the fragment column, a fragment id given twice, a
// value out of range, a triad that does not sum to 1, or an unknown list
// item. Fragments go in through StoryImporter (importers/story_import.h),
// as every importer's stories; one without text is a story with empty text.
SignificationImportSummary ImportSenseMaker(Project& project, CsvReader& data,
                                            const SenseMakerDefinition& definition,
                                            const SenseMakerOptions& options = {});

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_SENSEMAKER_H_
