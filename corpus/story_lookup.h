// Looking stories up one at a time, through prepared statements held for the
// lookup's lifetime: for writers that need a story's text or a respondent's
// stories in an order of their own, many times over (the REFI-QDA export
// reads each source's text when its zip entry is written). Preparing a
// statement per call costs more than the lookup at a million stories.
#ifndef VERHAAL_CORPUS_STORY_LOOKUP_H_
#define VERHAAL_CORPUS_STORY_LOOKUP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// Holds prepared statements on the project's connection, which must outlive
// it; not copyable (the statements are its own).
class StoryLookup {
 public:
  explicit StoryLookup(Project& project);
  StoryLookup(const StoryLookup&) = delete;
  StoryLookup& operator=(const StoryLookup&) = delete;
  ~StoryLookup();

  // The stored text of story `id`. kMissing when there is no such story;
  // SQLite's failures as Errors of their kind (corpus/error.h).
  std::string TextOf(int64_t id);

  // The keys of respondent `respondent_id`'s stories, ordered by story id
  // (through the story_respondent index).
  std::vector<std::string> KeysOfRespondent(int64_t respondent_id);

 private:
  std::string ReadText(int64_t id);
  std::vector<std::string> ReadKeys(int64_t respondent_id);

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_LOOKUP_H_
