// Bulk access to the codings that autocoding rules made (origin "rule:..."),
// for `verhaal autocode`: list one coder's rule codings, then insert and
// delete many with prepared statements inside the caller's Transaction.
#ifndef VERHAAL_CORPUS_RULE_CODINGS_H_
#define VERHAAL_CORPUS_RULE_CODINGS_H_

#include <SQLiteCpp/Statement.h>

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// What makes a coding unique for one coder.
struct SegmentKey {
  int64_t story_id = 0;
  int64_t code_id = 0;
  int64_t start = 0;
  int64_t end = 0;
  auto operator<=>(const SegmentKey&) const = default;
};

struct RuleCodingRow {
  int64_t id = 0;
  SegmentKey key;
};

// The codings of `coder_id` whose origin starts with "rule:" and whose code
// is one of `code_ids` (all codes when empty), ordered by key.
std::vector<RuleCodingRow> ListRuleCodings(Project& project, int64_t coder_id,
                                           const std::vector<int64_t>& code_ids);

// Inserts and deletes codings of one coder with statements prepared once.
// The caller checks segments and holds a Transaction; errors are kIo. Tied
// to the project it was made for, which must outlive it.
//
// A large bulk write is faster without the coding table's secondary indexes
// (about a sixth less time for 1.7 million codings): with `rebuild_indexes`
// the writer drops them at once, inside the caller's transaction (SQLite
// cannot drop an index while a statement of the connection still reads, so
// it must be now), and Finish() creates them again from their stored SQL.
// Call Finish() before committing; on rollback SQLite restores them itself.
class CodingBulkWriter {
 public:
  CodingBulkWriter(Project& project, int64_t coder_id, bool rebuild_indexes = false);
  // Runs Finish() unless an exception is on its way (then the transaction
  // rolls back, indexes included).
  ~CodingBulkWriter();
  CodingBulkWriter(const CodingBulkWriter&) = delete;  // insert_ points into created_
  CodingBulkWriter& operator=(const CodingBulkWriter&) = delete;

  // Inserts a coding; false when the same story, code, coder and segment
  // exists already (then nothing changes). All codings of one writer get the
  // time stamp of its construction.
  bool Insert(const SegmentKey& key, const std::string& origin);

  // Deletes the coding with this id.
  void Delete(int64_t coding_id);

  // Creates the dropped indexes again (nothing when none were dropped).
  void Finish();

  // Whether the secondary indexes are dropped now (for tests).
  bool indexes_dropped() const { return !dropped_.empty(); }

 private:
  Project& project_;
  int64_t coder_id_;
  std::string created_;  // bound to every insert
  SQLite::Statement insert_;
  SQLite::Statement delete_;
  std::vector<std::string> dropped_;  // CREATE statements of the dropped indexes
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_RULE_CODINGS_H_
