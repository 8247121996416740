// Counts over a project's stories and respondents that SQLite computes
// (GROUP BY), for overviews of projects of any size: memory for the groups,
// not for the rows. And the stories' keys, streamed in id order, for those
// that keep one key a story and nothing else. Reads only; the errors of a
// failing read are translated (corpus/sqlite_errors.h: kIo for a lock or a
// full disk, kData for a damaged file).
#ifndef VERHAAL_CORPUS_STORY_TALLIES_H_
#define VERHAAL_CORPUS_STORY_TALLIES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// Stories of one kind, wave (nullopt: without a wave) and language ("" for
// none).
struct StoryGroupCount {
  std::string kind;
  std::optional<int> wave;
  std::string language;
  int64_t stories = 0;
};

// The stories per kind, wave and language, by kind, wave (no wave first) and
// language: one pass over the story table, counted here (no sort of the rows).
std::vector<StoryGroupCount> CountStoriesByKindWaveAndLanguage(Project& project);

// The respondents per role ("" for those without one), by role.
std::vector<std::pair<std::string, int64_t>> CountRespondentsByRole(Project& project);

// Respondents with one value of one respondent variable and one role.
struct RespondentValueCount {
  std::string variable;  // the variable's name
  std::string value;     // as stored (canonical text)
  std::string role;      // "" without one
  int64_t respondents = 0;
};

// The respondents per respondent variable, value and role, by variable,
// value and role.
std::vector<RespondentValueCount> CountRespondentValues(Project& project);

// Every story's id and key, by id, held compactly: 16 bytes and the key a
// story.
struct StoryKeys {
  std::vector<int64_t> ids;  // ascending
  std::string keys;          // one after another
  std::vector<size_t> ends;  // where each key ends in `keys`

  std::string_view Key(size_t index) const {
    const size_t begin = index == 0 ? 0 : ends[index - 1];
    return std::string_view(keys).substr(begin, ends[index] - begin);
  }
};

// Reads them from the keys' index alone (not the story table with its
// texts), through its own read-only connection when it can
// (corpus/read_connection.h).
StoryKeys ListStoryKeys(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_TALLIES_H_
