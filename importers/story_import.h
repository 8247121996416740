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

namespace verhaal {

struct ImportOptions {
  bool update = false;  // replace stories whose text changed
  // Called now and then with bytes done and the total (0 when unknown).
  std::function<void(uint64_t done, uint64_t total)> progress;
};

// What an import did (or, in a dry run, would do).
struct ImportReport {
  int64_t stories_added = 0;
  int64_t stories_updated = 0;
  int64_t stories_unchanged = 0;
  int64_t stories_changed = 0;  // new text, not replaced (no --update)
  int64_t respondents_added = 0;
  std::vector<std::string> new_variables;   // "respondent gemeente (text)"
  std::vector<std::string> new_signifiers;  // "motivatie (dyad)"
  std::vector<std::string> warnings;        // printed as "verhaal: warning: ..."
  // What else the input brought, for a format that holds more than stories
  // (REFI-QDA): {"code", 3}, {"coding", 120}, in the order printed.
  std::vector<std::pair<std::string, int64_t>> also_added;

  bool changed() const {
    for (const auto& [what, count] : also_added) {
      if (count > 0) return true;
    }
    return stories_added + stories_updated + respondents_added > 0 || !new_variables.empty() ||
           !new_signifiers.empty();
  }
  // One line: "SOURCE: 38 stories added, ..." or that nothing changed.
  std::string Summary(const std::string& source, bool dry_run) const;
};

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
