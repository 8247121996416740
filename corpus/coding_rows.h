// Codings read row by row on the project's own connection, for analyses that
// look at each coder's codings separately (reliability, matrix dimensions,
// the stories export's code columns). They stream: nothing is kept here
// beyond the row being read. Unlike CodingScan (coding_scan.h) they see the
// caller's open transaction. When reading fails each throws the Error of
// an SQLite failure (corpus/error.h: kIo for a lock or a disk, kData for a
// damaged file); a visitor's own Errors pass as they are.
#ifndef VERHAAL_CORPUS_CODING_ROWS_H_
#define VERHAAL_CORPUS_CODING_ROWS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "corpus/coder_set.h"
#include "corpus/project.h"

namespace verhaal {

// One coding by its key: story, coder, code and segment (code points).
struct CodingRow {
  int64_t story_id = 0;
  int64_t coder_id = 0;
  int64_t code_id = 0;
  int64_t start = 0;
  int64_t end = 0;
};

// Calls `visit` for every coding, in story id order, from the coding table's
// key alone (no table rows are read). With `stories` (ascending ids), only
// theirs: fewer than a thousand are looked up one by one (a settle in the
// workbench names one story), more read every coding and leave the
// filtering to the caller, which must then skip other stories itself.
void ForEachCodingRow(Project& project, const std::vector<int64_t>* stories,
                      const std::function<void(const CodingRow&)>& visit);

// Calls `visit` for the codings of the codes `code_ids` that `coders`
// admits, in no particular order; `start` and `end` stay 0.
void ForEachCodingOfCodes(Project& project, const std::vector<int64_t>& code_ids,
                          const CoderSet& coders,
                          const std::function<void(const CodingRow&)>& visit);

// The ids of the coders with at least one coding, ascending: one short
// look-up per coder, not a pass over the codings.
std::vector<int64_t> CodersWithCodings(Project& project);

// The codings `coders` admits, story by story, for a pass over the stories
// in id order: one query for the whole pass.
class StoryCodingCursor {
 public:
  StoryCodingCursor(Project& project, const CoderSet& coders);
  // Holds a prepared statement on the project's connection.
  StoryCodingCursor(const StoryCodingCursor&) = delete;
  StoryCodingCursor& operator=(const StoryCodingCursor&) = delete;
  ~StoryCodingCursor();

  // Calls `visit(coder id, code id)` for each coding of story `story_id`.
  // Ids must not go down from one call to the next.
  void ForEachOf(int64_t story_id, const std::function<void(int64_t, int64_t)>& visit);

 private:
  struct State;
  Project& project_;
  std::unique_ptr<State> state_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODING_ROWS_H_
