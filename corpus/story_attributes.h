// One value per story, streamed, for grouping stories by it (the levels of a
// matrix dimension): an attribute of the story or its respondent, or a
// variable's value. Reads no story text. When reading fails each throws the
// Error of an SQLite failure (corpus/error.h); a visitor's own Errors pass
// as they are.
#ifndef VERHAAL_CORPUS_STORY_ATTRIBUTES_H_
#define VERHAAL_CORPUS_STORY_ATTRIBUTES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

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

// A story's value as a number: an index into the values the reading
// returns. For grouping up to millions of stories without a string each.
using StoryValueNumberVisit = std::function<void(int64_t story_id, int32_t value)>;

// Like ForEachStoryAttribute, with each value given by its number; returns
// the values by number (each distinct, in no particular order, some perhaps
// never visited with). Role and respondent read the respondents once and
// then the stories' respondent index; wave reads the index of the stories
// with a wave. None reads story text; kind reads the story table.
std::vector<std::string> ForEachStoryAttributeNumber(Project& project, StoryAttribute attribute,
                                                     const StoryValueNumberVisit& visit);

// Calls `visit` for every story with a value of `variable`, in no
// particular order: a story variable's own value, or for a respondent
// variable the value of the story's respondent.
void ForEachStoryVariableValue(Project& project, const Variable& variable,
                               const StoryValueVisit& visit);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_ATTRIBUTES_H_
