// All the memos of a project in one list, for the workbench's Memos view
// (GET /api/memos): project, code and story memos (corpus/memos.h) and the
// memos on codings (corpus/codings.h), each with what it is about (story,
// passage, code, coding), searchable by their words and filtered by kind and
// author. Under a blind viewer only the viewer's own coding memos are listed
// (other coders' codings do not exist for them); memos of the memo table are
// listed for everyone, as the story view shows them. Reads only; errors are
// RequestErrors naming the query field at fault.
#ifndef VERHAAL_STUDY_MEMO_LIST_H_
#define VERHAAL_STUDY_MEMO_LIST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/project.h"
#include "study/viewer.h"

namespace verhaal {

// What a memo is about: "project" (neither a story nor a code), "code" (a
// code only), "story" (a story, maybe a span of it or a code in it),
// "coding" (the memo of one coding).
inline constexpr const char* kMemoKinds[] = {"project", "code", "story", "coding"};

inline constexpr int64_t kMaxMemoPage = 1000;

struct MemoQuery {
  // Words the memo's title or text contains, each anywhere in a word, in
  // any order; case and accents ignored ("twijfel moet" finds "Twijfelt
  // tussen moeten en willen"). Empty: every memo.
  std::string q;
  std::optional<std::string> kind;    // one of kMemoKinds
  std::optional<std::string> author;  // the memo's author (a coding memo's coder)
  int64_t offset = 0;
  int64_t limit = 100;  // 1..kMaxMemoPage
};

// One memo as the list shows it.
struct MemoEntry {
  std::string kind;       // one of kMemoKinds
  int64_t id = 0;         // the memo's id; 0 for a coding memo
  std::string coding_id;  // a coding memo: its coding's id (study/coding_id.h)
  std::string author;
  std::string title;
  std::string text;
  std::string created;   // ISO 8601 UTC
  int64_t story_id = 0;  // 0: not on a story
  std::string story_key;
  std::string code_path;
  std::optional<int64_t> start;  // the passage, code points [start, end)
  std::optional<int64_t> end;
  std::string passage;  // the story's text of [start, end), cut at kMemoPassageChars
};

inline constexpr size_t kMemoPassageChars = 300;

struct MemoList {
  int64_t total = 0;                 // memos passing the query
  std::vector<std::string> authors;  // every author of a memo the viewer sees, by name
  std::vector<MemoEntry> memos;      // newest first, from `offset`, at most `limit`
};

// The memos `query` selects. kUsage RequestErrors: `kind` not one of
// kMemoKinds, `author` who wrote no memo the viewer sees (the message lists
// the authors), `q` without a word to look for (or not UTF-8), `offset`
// below 0, `limit` outside 1..kMaxMemoPage.
MemoList ListProjectMemos(Project& project, const Viewer& viewer, const MemoQuery& query);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_MEMO_LIST_H_
