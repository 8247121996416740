// What the self-signification importers (SenseMaker, Spryng.io) share: the
// summary they return, adding a story idempotently, and reading a number
// from a cell. See docs/signifiers.md.
#ifndef VERHAAL_IMPORTERS_SIGNIFICATION_IMPORT_H_
#define VERHAAL_IMPORTERS_SIGNIFICATION_IMPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "corpus/project.h"
#include "corpus/stories.h"

namespace verhaal {

// What an import did. An import of a file already in the project adds and
// changes nothing (changed() is false).
struct SignificationImportSummary {
  int64_t stories_added = 0;
  int64_t stories_unchanged = 0;     // already in the project with the same text
  int64_t stories_updated = 0;       // another text, replaced (--update)
  int64_t stories_changed = 0;       // another text, kept (no --update)
  int64_t signifiers = 0;            // signifiers defined (new or existing)
  int64_t values_changed = 0;        // per story and signifier: set, replaced or cleared
  int64_t story_values_changed = 0;  // metadata kept as story variables
  // Columns that belong to no known signifier or metadata field; their
  // values are kept as text story variables named after the column.
  std::vector<std::string> unknown_columns;
  // Items added to lists because the data had them and the definition did
  // not ("list KEY: ITEM"; see SenseMakerOptions::add_unknown_items).
  std::vector<std::string> added_items;
  // A story kept or replaced with codings that no longer fit, as every
  // importer words them ("verhaal: warning: ...").
  std::vector<std::string> warnings;

  bool changed() const {
    return stories_added > 0 || stories_updated > 0 || values_changed > 0 ||
           story_values_changed > 0;
  }
};

// What EnsureImportedStory did with a story.
enum class ImportedStory { kAdded, kUnchanged, kUpdated, kChanged };

// Adds `story`, or finds the story with its key. A stored story with another
// text is replaced when `update` is set and kept otherwise, as in every
// importer (docs/importing.md); the warnings (the story kept, or codings that
// no longer fit the new text) go to `summary`, which also counts the story.
// Returns the story's id and what happened.
std::pair<int64_t, ImportedStory> EnsureImportedStory(Project& project, Story story,
                                                      const Location& where, bool update,
                                                      SignificationImportSummary& summary);

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
