// What the self-signification importers (SenseMaker, Spryng.io) share
// beyond StoryImporter (importers/story_import.h), through which they add
// their stories: the summary they return, story variables from extra
// columns, and reading a number or a tick from a cell. See
// docs/signifiers.md.
#ifndef VERHAAL_IMPORTERS_SIGNIFICATION_IMPORT_H_
#define VERHAAL_IMPORTERS_SIGNIFICATION_IMPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "corpus/project.h"
#include "importers/import_report.h"

namespace verhaal {

// What an import did: the stories as every importer counts them (the
// ImportReport of the StoryImporter that added them: added, unchanged,
// updated, changed but kept, new respondents, and the warnings for stories
// kept or codings that no longer fit), and what self-signification adds.
// An import of a file already in the project adds and changes nothing
// (changed() is false).
struct SignificationImportSummary : ImportReport {
  int64_t signifiers = 0;            // signifiers defined (new or existing)
  int64_t values_changed = 0;        // per story and signifier: set, replaced or cleared
  int64_t story_values_changed = 0;  // metadata kept as story variables
  // Columns that belong to no known signifier or metadata field; their
  // values are kept as text story variables named after the column.
  std::vector<std::string> unknown_columns;
  // Items added to lists because the data had them and the definition did
  // not ("list KEY: ITEM"; see SenseMakerOptions::add_unknown_items).
  std::vector<std::string> added_items;

  // ImportReport::changed(), or a value set, replaced or cleared.
  bool changed() const {
    return ImportReport::changed() || values_changed > 0 || story_values_changed > 0;
  }
};

// Sets a text story variable `name` for `story_id` (adding the variable),
// empty values skipped. Returns whether the stored value changed.
bool SetImportedStoryValue(Project& project, int64_t story_id, const std::string& name,
                           std::string_view value);

// The number in a cell ("0.25", " 1 "); kData at `where` otherwise.
double ParseCellNumber(std::string_view cell, const Location& where);

// "1" (or "true") is ticked, "" or "0" is not; kData at `where` otherwise.
bool ParseCellTick(std::string_view cell, const Location& where);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_SIGNIFICATION_IMPORT_H_
