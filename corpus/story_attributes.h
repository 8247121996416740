// One value per story, streamed, for grouping stories by it (the levels of a
// matrix dimension): an attribute of the story or its respondent, or a
// variable's value. Reads no story text. When reading fails each throws the
// Error of an SQLite failure (corpus/error.h); a visitor's own Errors pass
// as they are.
#ifndef VERHAAL_CORPUS_STORY_ATTRIBUTES_H_
#define VERHAAL_CORPUS_STORY_ATTRIBUTES_H_

#include <cstdint>
#include <functional>
#include <string_view>

#include "corpus/project.h"
#include "corpus/variables.h"

namespace verhaal {

enum class StoryAttribute {
  kRole,        // the respondent's role
  kKind,        // experience, reflection, interview, other
  kRespondent,  // the respondent's key
  kWave,        // the wave number as decimal text
};

// What a visit gets: a story id and its value as text, a view valid only
// during the call. Stories whose value is NULL (no respondent, no wave, no
// value) are not visited; an empty value is.
using StoryValueVisit = std::function<void(int64_t story_id, std::string_view value)>;

// Calls `visit` for every story with a value of `attribute`, in no
// particular order.
void ForEachStoryAttribute(Project& project, StoryAttribute attribute,
                           const StoryValueVisit& visit);

// Calls `visit` for every story with a value of `variable`, in no
// particular order: a story variable's own value, or for a respondent
// variable the value of the story's respondent.
void ForEachStoryVariableValue(Project& project, const Variable& variable,
                               const StoryValueVisit& visit);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_ATTRIBUTES_H_
