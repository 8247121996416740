// Bulk access to one coder's codings for `verhaal autocode`: list them, then
// insert and delete many with prepared statements inside the caller's
// Transaction.
#ifndef VERHAAL_CORPUS_RULE_CODINGS_H_
#define VERHAAL_CORPUS_RULE_CODINGS_H_

#include <SQLiteCpp/Statement.h>

#include <compare>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/project.h"

struct sqlite3_stmt;

namespace verhaal {

// What makes a coding unique for one coder.
struct SegmentKey {
  int64_t story_id = 0;
  int64_t code_id = 0;
  int64_t start = 0;
  int64_t end = 0;
  auto operator<=>(const SegmentKey&) const = default;
};

// One of a coder's codings: by a rule (origin "rule:...") or not.
struct CoderCoding {
  SegmentKey key;
  bool by_rule = false;
  auto operator<=>(const CoderCoding&) const = default;
};

// The codings of `coder_id` whose code is one of `code_ids` (all codes when
// empty) on stories with after < id <= up_to, ordered by key: one pass over
// that part of the coding table.
std::vector<CoderCoding> ListCoderCodings(Project& project, int64_t coder_id,
                                          const std::vector<int64_t>& code_ids,
                                          int64_t after = std::numeric_limits<int64_t>::min(),
                                          int64_t up_to = std::numeric_limits<int64_t>::max());

// Whether `coder_id` has a coding by a rule whose code is one of `code_ids`
// (any code when empty).
bool HasRuleCodings(Project& project, int64_t coder_id, const std::vector<int64_t>& code_ids);

// Inserts and deletes codings of one coder. Inserts are buffered and written
// many rows per statement; the caller checks segments, passes only keys the
// coder has no coding for (ListCoderCodings), in key order for speed, calls
// Flush() before committing, and holds a Transaction (in which the writer
// suspends the trigger that keeps story_uncoded in step until Flush()).
// Errors are kIo. Tied to the project it was made for, which must outlive it.
class CodingBulkWriter {
 public:
  CodingBulkWriter(Project& project, int64_t coder_id);
  ~CodingBulkWriter();
  CodingBulkWriter(const CodingBulkWriter&) = delete;  // holds prepared statements
  CodingBulkWriter& operator=(const CodingBulkWriter&) = delete;

  // The origin id (corpus/codings.h EnsureCodingOrigin) of `origin` with the
  // time stamp of this writer's construction, which all its codings share.
  int64_t Origin(std::string_view origin);

  // Takes every coding out of the table until Flush(), which has written
  // them all back, each in key order among the inserted ones. The table's
  // B-tree is then filled from left to right, appended to, instead of having
  // its pages split between the codings already there: a third faster when
  // the inserted codings are many. Call it before the first Insert(), and
  // not when Delete() will be called.
  void SetAside();

  // Adds a coding with an id from Origin(). A key the coder already has is an
  // error (kIo, at Flush() or a later Insert()).
  void Insert(const SegmentKey& key, int64_t origin_id);

  // Drops the index coding_code_coder until Flush(), which builds it again:
  // for a run that writes about as many codings as the table holds (keeping
  // the index as it wrote made autocode at 100,000 stories 5.5 -> 24.7 s;
  // building it takes about 0.6 us a coding). Only inside a transaction;
  // SetAside() does it too. Call it before the first Insert(), while no
  // other statement of the project's connection is reading (SQLite cannot
  // drop an index under a running statement).
  void SuspendCodeIndex();

  // Writes the buffered codings (and those set aside).
  void Flush();

  // Deletes this coder's coding with this key.
  void Delete(const SegmentKey& key);

 private:
  struct Row {
    SegmentKey key;
    int64_t coder_id;
    int64_t origin_id;
    std::string memo;
  };
  void Push(Row row);
  // Moves the codings set aside that come before `row` in the table's key
  // order (all when null) into the buffer.
  void TakeAsideBefore(const Row* row);
  // Binds rows_[from, from + count) to `statement` and runs it.
  void Write(sqlite3_stmt* statement, size_t from, size_t count);
  // Brings story_uncoded, coding_count and story_code_set in step with the
  // codings written and deleted, and restores the triggers that do so per
  // coding (and the index coding_code_coder), when they were suspended.
  void RestoreTriggers();
  bool Suspended(std::string_view trigger) const;

  Project& project_;
  int64_t coder_id_;
  std::string created_;  // the time stamp of every coding
  std::vector<Row> rows_;
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> insert_many_;  // kRowsPerInsert rows
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> insert_one_;
  SQLite::Statement delete_;
  // The codings set aside, read in key order; null when none are.
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> aside_{nullptr, nullptr};
  std::optional<Row> next_aside_;  // the next of them, not yet in the buffer
  bool aside_done_ = false;        // all of them read
  // The suspended triggers (name, SQL) until Flush() restores them; empty
  // when none is suspended (outside a transaction).
  std::vector<std::pair<std::string, std::string>> suspended_;
  // While coding_count's triggers are suspended: the codings written minus
  // those deleted, per (code, coder).
  std::map<std::pair<int64_t, int64_t>, int64_t> count_delta_;
  // The story ids of the codings written, when any (from > to when none).
  int64_t written_from_ = std::numeric_limits<int64_t>::max();
  int64_t written_to_ = std::numeric_limits<int64_t>::min();
  // The story ids of the codings written or deleted (from > to when none).
  int64_t touched_from_ = std::numeric_limits<int64_t>::max();
  int64_t touched_to_ = std::numeric_limits<int64_t>::min();
  // The SQL of coding_code_coder while SuspendCodeIndex() has dropped it.
  std::string index_sql_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_RULE_CODINGS_H_
