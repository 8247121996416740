// Reading every coding's story and code (and segment) in story order, fast:
// for summaries over millions of codings. When it can, a scan reads through
// its own read-only connection to the project's file, which has no mutex per
// row and may run on another thread while the Project is used on this one.
#ifndef VERHAAL_CORPUS_CODING_SCAN_H_
#define VERHAAL_CORPUS_CODING_SCAN_H_

#include <climits>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/coder_set.h"
#include "corpus/project.h"
#include "corpus/read_connection.h"

namespace verhaal {

// A coding's story, code and segment: what counting over many codings needs.
struct CodingSpan {
  int64_t story_id = 0;
  int64_t code_id = 0;
  int64_t start = 0;  // 0 from ForEachStoryCode
  int64_t end = 0;    // 0 from ForEachStoryCode
};

class CodingScan {
 public:
  // Decides on this thread how to read `project` (which must outlive the
  // scan): its own connection when the project is a file without an open
  // transaction (whose codings another connection would not see), else the
  // project's. kIo when the file cannot be opened.
  // With `coders`, only the codings that set admits are visited (see
  // CodingCondition); without, every coding.
  explicit CodingScan(Project& project, std::optional<CoderSet> coders = std::nullopt)
      : connection_(project), coders_(std::move(coders)) {}

  // Whether the scan reads through its own connection, so that it may run on
  // another thread (one at a time) while the Project is used on this one.
  bool concurrent() const { return connection_.own(); }

  // Calls `visit` for every coding, ordered by story, then code, coder and
  // segment, from the (story, code, coder, start, end) index alone:
  // constant memory at any size. kIo when reading fails.
  void ForEachCodingSpan(const std::function<void(const CodingSpan&)>& visit);
  // The same for the codings of the codes `code_ids` only, in the same
  // order: read through the index coding_code_coder (schema 10), one cursor
  // per code and coder merged here, so time for those codings rather than
  // for every coding, and memory for one row per cursor.
  void ForEachCodingSpanOfCodes(const std::vector<int64_t>& code_ids,
                                const std::function<void(const CodingSpan&)>& visit);
  // Calls `visit` once for each distinct (story, code) pair the scan's
  // coders admit (with min_coders: that many coders of the set used the
  // code in the story), ordered by story, then code, for the stories with
  // ids in [from, to); start and end stay 0. Reads story_code_set (schema
  // 10: one row per story and coder) instead of the codings; with a
  // speaker, whose turns only the codings' segments can meet, the codings.
  void ForEachStoryCode(const std::function<void(const CodingSpan&)>& visit,
                        int64_t from = INT64_MIN, int64_t to = INT64_MAX);

 private:
  void Visit(std::string sql, bool with_segment, int64_t from, int64_t to,
             const std::function<void(const CodingSpan&)>& visit);

  ReadConnection connection_;
  std::optional<CoderSet> coders_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODING_SCAN_H_
