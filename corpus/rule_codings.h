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

// The codings of `coder_id` whose origin starts with "rule:" and whose code
// is one of `code_ids` (all codes when empty), ordered.
std::vector<SegmentKey> ListRuleCodings(Project& project, int64_t coder_id,
                                        const std::vector<int64_t>& code_ids);

// Inserts and deletes codings of one coder with statements prepared once.
// The caller checks segments and holds a Transaction; errors are kIo. Tied
// to the project it was made for, which must outlive it. Writes fastest when
// the keys come in order (the coding table is a B-tree on them).
class CodingBulkWriter {
 public:
  CodingBulkWriter(Project& project, int64_t coder_id);
  CodingBulkWriter(const CodingBulkWriter&) = delete;  // holds prepared statements
  CodingBulkWriter& operator=(const CodingBulkWriter&) = delete;

  // The origin id (corpus/codings.h EnsureCodingOrigin) of `origin` with the
  // time stamp of this writer's construction, which all its codings share.
  int64_t Origin(std::string_view origin);

  // Inserts a coding with an id from Origin(); false when the same story,
  // code, coder and segment exists already (then nothing changes).
  bool Insert(const SegmentKey& key, int64_t origin_id);

  // Deletes this coder's coding with this key.
  void Delete(const SegmentKey& key);

 private:
  Project& project_;
  std::string created_;  // the time stamp of every coding
  SQLite::Statement insert_;
  SQLite::Statement delete_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_RULE_CODINGS_H_
