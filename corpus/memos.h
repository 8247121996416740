// Memos: the researcher's notes on a story (optionally on a span of it), on
// a code, or on the project as a whole.
#ifndef VERHAAL_CORPUS_MEMOS_H_
#define VERHAAL_CORPUS_MEMOS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

struct Memo {
  int64_t id = 0;
  std::optional<int64_t> story_id;  // neither story nor code: a project memo
  std::optional<int64_t> code_id;
  std::optional<int64_t> start;  // a span of the story, in code points
  std::optional<int64_t> end;
  std::string author;
  std::string title;
  std::string text;
  std::string created;  // ISO 8601 UTC; filled by the database when empty
  // Filled when reading.
  std::string story_key;
  std::string code_path;
};

// Adds a memo; kData when the text is empty or the span does not fit the
// story. Returns the id.
int64_t AddMemo(Project& project, const Memo& memo);

struct MemoFilter {
  std::optional<int64_t> story_id;
  std::optional<int64_t> code_id;
  bool project_only = false;  // memos on neither a story nor a code
};

// Memos passing the filter, oldest first.
std::vector<Memo> ListMemos(Project& project, const MemoFilter& filter = {});

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_MEMOS_H_
