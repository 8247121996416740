// Whose codings an analysis reads: a set of coders and how many of them must
// have used a code in a story for it to count there (consensus). The SQL that
// applies it to the coding table lives here, with the schema; which coders
// form the set (the project's analysis set, --coders, the default of every
// human coder) is decided in coding/analysis_coders.h.
#ifndef VERHAAL_CORPUS_CODER_SET_H_
#define VERHAAL_CORPUS_CODER_SET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

struct CoderSet {
  std::vector<int64_t> coder_ids;  // ascending, distinct; empty matches no coding
  // A coding counts when at least this many coders of the set coded the same
  // code in the same story (1: any coder; coder_ids.size(): all of them).
  int min_coders = 1;
  // Only codings in an interview's speaker turns of this speaker: "" (every
  // coding), "interviewer", "respondent" (every speaker but the interviewer)
  // or a speaker's label, ASCII case ignored. A coding counts when it meets
  // such a turn; stories without turns have none.
  std::string speaker;
};

// A condition on the coding table aliased `alias` (e.g. "g", or "" for the
// bare table) that keeps exactly the codings `set` admits, for a WHERE
// clause: "g.coder_id IN (1, 2)", with a consensus subquery when
// min_coders > 1, and a speaker-turn subquery when `speaker` is set. Holds
// numbers and the speaker as a quoted literal, so it is safe to splice into
// SQL.
std::string CodingCondition(const CoderSet& set, std::string_view alias = "");

// The distinct speaker labels of all interview turns, sorted (to check and
// suggest a speaker's name).
std::vector<std::string> ListSpeakerLabels(Project& project);

// What one coder has done in the project: for `coders list`.
struct CoderActivity {
  int64_t id = 0;
  std::string name;
  int64_t codings = 0;
  int64_t stories = 0;       // distinct stories coded
  int64_t rule_codings = 0;  // of origin "rule:..."
  std::string first;         // ISO 8601 time stamp of the earliest coding; empty without
  std::string last;
};

// Every coder with their activity, by name. Reads the whole coding table once.
std::vector<CoderActivity> ListCoderActivity(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODER_SET_H_
