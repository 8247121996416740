// What hangs on a story besides its text and variables: self-signification
// values (with the signifier definitions they refer to) and the speaker
// turns of an interview. Read from one project and written to another as
// plain values, so that `verhaal merge` can carry them (docs/merge.md).
#ifndef VERHAAL_CORPUS_STORY_EXTRAS_H_
#define VERHAAL_CORPUS_STORY_EXTRAS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// A signifier (self-signification question) with its options, by key.
struct SignifierDefinition {
  std::string key;
  std::string type;  // dyad, triad, stones, list, freetext
  std::string title;
  bool multiple = false;
  std::string x_low, x_high, y_low, y_high;
  std::string source;
  std::vector<std::pair<std::string, std::string>> options;  // (key, label) by position
  bool operator==(const SignifierDefinition&) const = default;
};

// One stored answer to a signifier for a story.
struct SignifierAnswer {
  std::string signifier_key;
  int option = -1;  // list: the option's position; -1 otherwise
  bool not_applicable = false;
  std::optional<double> a, b, c;
  std::optional<std::string> text;
  bool operator==(const SignifierAnswer&) const = default;
};

// One turn of an interview: who speaks over [start, end) of the stored text.
struct SpeakerTurn {
  int position = 0;
  std::string speaker;
  bool interviewer = false;
  int64_t start = 0;
  int64_t end = 0;
  std::string timestamp;
  bool operator==(const SpeakerTurn&) const = default;
};

struct StoryExtras {
  std::vector<SignifierAnswer> answers;
  std::vector<SpeakerTurn> turns;
};

// Every signifier definition of the project, ordered by id.
std::vector<SignifierDefinition> ListSignifierDefinitions(Project& project);

// Adds the definition when its key is new. When the key exists with another
// type or other options, throws a kData Error that names the key and says
// the two projects ask different questions under one key.
void EnsureSignifierDefinition(Project& project, const SignifierDefinition& definition);

// The answers and turns of one story (empty when it has none).
StoryExtras ReadStoryExtras(Project& project, int64_t story_id);

// Writes `extras` to a story that has none yet; the signifiers must exist
// (EnsureSignifierDefinition), else a kData Error names the missing key.
void WriteStoryExtras(Project& project, int64_t story_id, const StoryExtras& extras);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_EXTRAS_H_
