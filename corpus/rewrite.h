// Rewriting what a project already holds, for a copy that must say the same
// with other words (the pseudonymised copy of `verhaal pseudonymise`, see
// docs/privacy.md): project facts in project_info, a story's codings as a
// whole, a memo's text and span, a respondent's key. Each runs inside the
// caller's Transaction; an SQLite failure is thrown as its Error
// (corpus/error.h: kIo for a full disk or a lock, kData for a damaged file),
// and the caller's transaction rolls back.
#ifndef VERHAAL_CORPUS_REWRITE_H_
#define VERHAAL_CORPUS_REWRITE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/project.h"

namespace verhaal {

// Replaces every coding of a story by `codings` (their story_id must be
// `story_id`; origin and created are kept as given). Segments are checked
// against the story's current text as AddCoding does (kData when one does
// not fit); codings that become equal collapse into one. Returns how many
// were written.
int64_t ReplaceStoryCodings(Project& project, int64_t story_id, const std::vector<Coding>& codings);

// Sets a memo's title, text and span (kData when the span does not fit
// its story or the text is empty).
void UpdateMemo(Project& project, const Memo& memo);

// Gives respondent `id` another key (kData when it is taken).
void RenameRespondent(Project& project, int64_t id, std::string_view key);

// Sets story `id`'s date (in a pseudonymised copy, what replaces it); its
// text and hash are not touched.
void SetStoryDate(Project& project, int64_t id, std::string_view date);

// Rebuilds the full-text index from the stories as they are now, so that no
// term of a replaced text is left in its segments (an FTS5 delete only marks
// terms as gone until segments merge).
void RebuildSearchIndex(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_REWRITE_H_
