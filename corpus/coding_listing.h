// Every coding with what the codings export shows of it (story, respondent,
// role, code path, coder, segment, quote, memo, origin, time), streamed from
// one query: constant memory however many codings there are. See
// exporters/codings_shape.h and docs/exports.md.
#ifndef VERHAAL_CORPUS_CODING_LISTING_H_
#define VERHAAL_CORPUS_CODING_LISTING_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/coder_set.h"
#include "corpus/project.h"
#include "corpus/speaker_turns.h"

namespace verhaal {

// One coding as listed. The views are valid only during the visit.
struct ListedCoding {
  int64_t story_id = 0;
  std::string_view story_key;
  std::string_view respondent_key;  // empty for a story without respondent
  std::string_view role;
  std::string_view code_path;
  std::string_view coder;
  int64_t start = 0;  // code points, from 0
  int64_t end = 0;    // exclusive
  // The story's text in [start, end); empty when the segment does not lie
  // within the text.
  std::string_view quote;
  std::string_view memo;
  std::string_view origin;
  std::string_view created;
  // The story's speaker turns in order (empty for most stories).
  const std::vector<SpeakerTurn>* turns = nullptr;
};

// Calls `visit` for every coding (only `coder`'s when given), ordered by
// story id, start, end, code path and coder name, as ListCodings orders
// them. Reads through its own read-only connection when it can
// (read_connection.h). kIo when reading fails.
void ForEachListedCoding(Project& project, const std::optional<std::string>& coder,
                         const std::function<void(const ListedCoding&)>& visit);

// How many codings ForEachListedCoding would visit, counted no further than
// `limit`: min(count, limit). Stops reading at `limit`, so checking a limit
// (Excel's rows per sheet) costs no pass over millions of codings.
int64_t CountListedCodings(Project& project, const std::optional<std::string>& coder,
                           int64_t limit);

// A coding's story and code, and whether people made it (origin "manual" or
// "import:TOOL") or a rule: what counting codes over many codings needs.
struct CodingByWhom {
  int64_t story_id = 0;
  int64_t code_id = 0;
  bool manual = false;
};

// Calls `visit` for every coding `coders` admits, ordered by story id, from
// the coding table alone (no join per coding): constant memory at any size.
// Reads through its own read-only connection when it can. kIo when reading
// fails.
void ForEachCodingByWhom(Project& project, const CoderSet& coders,
                         const std::function<void(const CodingByWhom&)>& visit);

// A coding of one story as an exchange export writes it (REFI-QDA): the
// code, the coder's name, the segment and when it was made.
struct SegmentCoding {
  int64_t code_id = 0;
  std::string coder;
  int64_t start = 0;  // code points, from 0
  int64_t end = 0;    // exclusive
  std::string created;
  std::string memo;  // the coding's own note, empty for none
};

// The codings of one story at a time, each story's in ListCodings order
// (start, end, code path, coder name), from one pass over the coding table
// in story order: memory for one story's codings, however many there are.
// Reads through its own read-only connection when it can.
class SegmentCodingCursor {
 public:
  // kIo when the codings cannot be read.
  explicit SegmentCodingCursor(Project& project);
  // Holds a connection and a statement on it.
  SegmentCodingCursor(const SegmentCodingCursor&) = delete;
  SegmentCodingCursor& operator=(const SegmentCodingCursor&) = delete;
  ~SegmentCodingCursor();

  // Story `story_id`'s codings; valid until the next call. Ids must not go
  // down from one call to the next. kIo when reading fails.
  const std::vector<SegmentCoding>& Of(int64_t story_id);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODING_LISTING_H_
