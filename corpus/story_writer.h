// Fast, repeated writes of stories and their values, for importers: holds
// its prepared statements for its lifetime instead of preparing them per
// story (AddStory does), which matters at a million stories. Use it inside
// one Transaction; the full-text index follows through the schema's
// triggers.
#ifndef VERHAAL_CORPUS_STORY_WRITER_H_
#define VERHAAL_CORPUS_STORY_WRITER_H_

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "corpus/fts_side_index.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"

namespace verhaal {

// What an importer needs to know about a stored story to decide between
// "unchanged", "changed" and "new".
struct StoredStory {
  int64_t id = 0;
  std::string hash;
  std::string title;
  std::string text;
  std::string source_file;
  int source_line = 0;
};

// Not copyable or movable: its statements refer to the project's connection,
// which must outlive it.
//
// Speed: indexing each inserted story through the full-text trigger costs
// more than half of an import, so the writer suspends that trigger and
// indexes all inserted stories in one statement in Finish(), or, into a
// project that had no stories, takes an index that another thread built
// meanwhile (Finish(FtsSideIndex&)). Call Finish() before committing; if the transaction rolls back
// instead, the trigger comes back with it (SQLite DDL is transactional). For its lifetime the
// connection's page cache is raised to kImportCacheKiB (restored after), and
// respondent values it wrote are remembered so that a respondent's many
// stories do not rewrite the same value.
class StoryWriter {
 public:
  // The page cache during an import, in KiB (SQLite's default is 2,000).
  static constexpr int kImportCacheKiB = 64 * 1024;
  // The full-text index's buffer of new terms, in bytes (see Finish()).
  static constexpr int kFtsBufferBytes = 16 * 1024 * 1024;

  // Must run inside a Transaction (it changes the schema until Finish()).
  explicit StoryWriter(Project& project);
  StoryWriter(const StoryWriter&) = delete;
  StoryWriter& operator=(const StoryWriter&) = delete;
  // Runs Finish() when it was not called and no exception is in flight.
  ~StoryWriter();

  // Adds the inserted stories to the full-text index and restores the
  // trigger. Idempotent. kIo when SQLite fails.
  void Finish();

  // True when the project had no stories when this writer was made (and the
  // writer suspended the trigger): then Finish(side) can take the whole
  // index from `side`. Stories should then be inserted with their ids set,
  // 1, 2, 3... in the order given to `side`.
  bool CanAdoptIndex() const { return !fts_trigger_.empty() && last_id_before_ == 0; }

  // Finish() for CanAdoptIndex(): replaces the project's full-text index
  // with `side`, which must hold exactly the inserted stories (kInternal
  // otherwise), and restores the trigger. kIo when SQLite fails.
  void Finish(FtsSideIndex& side);

  // The stored story with `key`, if any.
  std::optional<StoredStory> Find(std::string_view key);

  // Inserts `story` as is: its text must already be stored text
  // (NormalizeText) and its hash set; the caller checked kind, key and text.
  // Its id is story.id when that is set (not 0), else the next free one.
  // Returns the new id. SQLite failures surface as kIo Errors.
  int64_t Insert(const Story& story);

  // Like Insert, but returns nothing when a story with this key is stored
  // already (instead of an Error), so that an importer into a project that
  // had no stories can skip looking each key up first.
  std::optional<int64_t> TryInsert(const Story& story);

  // Overwrites every field of story `id` with `story` (same preconditions).
  void Update(int64_t id, const Story& story);

  // Finds or adds a respondent, like EnsureRespondent in respondents.h (the
  // same kData error for a conflicting role), remembering every respondent
  // it met (tens of bytes each), so that only a respondent's first story
  // looks it up. Returns the id, and whether it was added.
  std::pair<int64_t, bool> EnsureRespondent(std::string_view key, std::string_view role);

  // Stores `value` as the answer of story `story_id`, which this writer
  // inserted (so it has no answer yet), like SetSignifierValue in
  // signifiers.h: the same kData Error from CheckSignifierValue, the same
  // rows. SQLite failures surface as kIo Errors.
  void AddSignifierValue(int64_t story_id, const Signifier& signifier, const SignifierValue& value);

  // Sets one canonical value (see variables.h); an empty value clears it.
  void SetStoryValue(int64_t story_id, int64_t variable_id, std::string_view value);
  void SetRespondentValue(int64_t respondent_id, int64_t variable_id, std::string_view value);

 private:
  Project& project_;
  std::string fts_trigger_;     // the suspended trigger's SQL; empty when none
  int64_t last_id_before_ = 0;  // stories after this id are not yet indexed
  bool finished_ = false;
  SQLite::Statement find_;
  SQLite::Statement insert_;
  SQLite::Statement update_;
  SQLite::Statement find_respondent_;
  SQLite::Statement insert_respondent_;
  SQLite::Statement set_role_;
  SQLite::Statement set_story_value_;
  SQLite::Statement clear_story_value_;
  SQLite::Statement set_respondent_value_;
  SQLite::Statement clear_respondent_value_;
  SQLite::Statement insert_signifier_value_;
  int cache_size_before_ = 0;
  // (respondent id, variable id) -> the value this writer stored.
  struct CellHash {
    size_t operator()(const std::pair<int64_t, int64_t>& cell) const {
      return std::hash<int64_t>()(cell.first * 1000003 + cell.second);
    }
  };
  std::unordered_map<std::pair<int64_t, int64_t>, std::string, CellHash> respondent_values_;
  // Respondent key -> (id, role), for every respondent this writer met.
  struct KnownRespondent {
    int64_t id = 0;
    std::string role;
  };
  struct KeyHash {
    using is_transparent = void;  // find() by string_view, without a copy
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };
  std::unordered_map<std::string, KnownRespondent, KeyHash, std::equal_to<>> respondents_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_WRITER_H_
