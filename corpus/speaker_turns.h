// Speaker turns of an interview story: who speaks from where to where in the
// stored text (code points, [start, end)), and whether that is the
// interviewer, so coding and exports can tell interviewer from respondent.
#ifndef VERHAAL_CORPUS_SPEAKER_TURNS_H_
#define VERHAAL_CORPUS_SPEAKER_TURNS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

struct SpeakerTurn {
  int position = 0;          // 0, 1, 2, ... in the story
  std::string speaker;       // as written: "Interviewer", "R", "Amina"
  bool interviewer = false;  // asked the questions
  int64_t start = 0;         // code points into the stored text
  int64_t end = 0;           // exclusive
  std::string timestamp;     // "00:12:03" when the transcript had one
};

// Replaces all turns of story `story_id` with `turns` (positions are taken
// from their order). kData when a span is empty or reversed.
void ReplaceSpeakerTurns(Project& project, int64_t story_id, const std::vector<SpeakerTurn>& turns);

// The turns of one story in order (empty for stories without turns).
std::vector<SpeakerTurn> ListSpeakerTurns(Project& project, int64_t story_id);

// Whether `turn` is spoken by `speaker`: "interviewer", "respondent" (every
// speaker but the interviewer) or a label, compared ASCII-lowercased
// (`speaker` given lowercased). The SQL twin of this rule is
// CodingCondition's speaker subquery (corpus/coder_set.cc).
bool SpokenBy(const SpeakerTurn& turn, std::string_view speaker);

// The turns of every story that has any, by story id: read once, for passes
// over all stories (autocoding's speaker condition). Interviews are few, so
// this stays small.
std::map<int64_t, std::vector<SpeakerTurn>> ListAllSpeakerTurns(Project& project);

// The turns of the stories with first <= id <= last, by story id: one query
// for a batch of a pass over all stories.
std::map<int64_t, std::vector<SpeakerTurn>> ListSpeakerTurnsBetween(Project& project, int64_t first,
                                                                    int64_t last);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SPEAKER_TURNS_H_
