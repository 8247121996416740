// What every story importer (CSV, folders, transcripts, SenseMaker,
// Spryng.io, REFI-QDA) shares: adding stories idempotently and counting what happened. A story
// whose key is new is added; one with the same key and stored text is left alone ("unchanged"); one
// with the same key and another text is reported, and only replaced with ImportOptions::update,
// after which codings whose text no longer matches are reported (never moved or dropped). Run
// inside one Transaction; for a dry run, roll it back.
#ifndef VERHAAL_IMPORTERS_STORY_IMPORT_H_
#define VERHAAL_IMPORTERS_STORY_IMPORT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/error.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "corpus/story_writer.h"
#include "importers/import_report.h"

namespace verhaal {

// One story as an importer read it, before it is stored.
struct IncomingStory {
  Story story;                 // key, kind, wave, date, language, title, raw text, provenance
  std::string respondent_key;  // empty: no respondent
  std::string role;
  Location key_at;   // the key's cell (for a duplicate key)
  Location text_at;  // the text's cell (empty text, invalid UTF-8)
  // A story is its text, so an empty one is an error, except where the
  // source's data is something else: a SenseMaker fragment is its
  // signifier answers, and one without text is stored with empty text
  // (docs/importing.md, "A story without text").
  bool text_may_be_empty = false;
};

// The warnings for the codings of a story whose text went from `old_text`
// to `new_text` that no longer cover the same words (they are kept as they
// were; the researcher reviews them).
std::vector<std::string> MovedCodingWarnings(Project& project, int64_t story_id,
                                             const std::string& key, const std::string& old_text,
                                             const std::string& new_text);

// Adds stories one by one. Not copyable: holds a StoryWriter.
class StoryImporter {
 public:
  StoryImporter(Project& project, ImportOptions options);

  // What happened to one story.
  enum class Outcome { kAdded, kUpdated, kUnchanged, kChanged };
  struct Result {
    Outcome outcome = Outcome::kAdded;
    int64_t story_id = 0;
    std::optional<int64_t> respondent_id;
    // True when the caller should (re)write the story's values: added or
    // updated.
    bool write_values() const { return outcome == Outcome::kAdded || outcome == Outcome::kUpdated; }
  };

  // Stores `incoming` as described above. kData Errors (located at the
  // cells): a key twice in this import, an unknown kind, empty text (unless
  // text_may_be_empty), invalid UTF-8, a respondent with two roles.
  Result Add(IncomingStory incoming) {
    Prepare(incoming);
    return Store(std::move(incoming));
  }

  // The two halves of Add. Prepare checks the key and kind and turns the raw
  // text and title into stored text with its hash; it does not touch the
  // project, so an importer may run it on another thread. Store writes a
  // prepared story.
  static void Prepare(IncomingStory& incoming);
  Result Store(IncomingStory prepared);

  // Completes the import (the full-text index, see StoryWriter::Finish);
  // call it before committing. Returns the report.
  const ImportReport& Finish() {
    writer_.Finish();
    return report_;
  }

  // True when story `story_id` was added by this import (it has no codings
  // or memos but the ones this import gives it).
  bool AddedNow(int64_t story_id) const { return story_id > last_id_before_; }

  StoryWriter& writer() { return writer_; }
  ImportReport& report() { return report_; }
  const ImportOptions& options() const { return options_; }

 private:
  void ReportMovedCodings(int64_t story_id, const std::string& key, const std::string& old_text,
                          const std::string& new_text);

  Project& project_;
  ImportOptions options_;
  StoryWriter writer_;
  ImportReport report_;
  int64_t last_id_before_ = 0;       // stories with a larger id were added now
  std::set<int64_t> existing_seen_;  // earlier stories met in this import
};

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_STORY_IMPORT_H_
