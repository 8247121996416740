// Named story sets: a list of stories kept under a name (the table
// story_set, schema 7, docs/project-file.md), e.g. the stories selected on a
// triangle in the workbench's Signifiers view. A set filters stories
// wherever a StoryFilter does (StoryFilter::set, `--set NAME`). A set keeps
// the stories it was made with; a deleted story leaves its sets.
#ifndef VERHAAL_CORPUS_STORY_SETS_H_
#define VERHAAL_CORPUS_STORY_SETS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

struct StorySet {
  int64_t id = 0;
  std::string name;
  std::string created_by;  // the coder who saved it, or empty
  std::string created;     // ISO 8601 UTC
  int64_t stories = 0;     // members
};

// The longest name a set may have, in code points.
inline constexpr size_t kMaxStorySetName = 80;

// Throws a kUsage Error saying what is wrong unless `name` is 1 to
// kMaxStorySetName code points of valid UTF-8 without a control character or
// '/', and does not start or end with a space.
void CheckStorySetName(std::string_view name);

// Every set, by name.
std::vector<StorySet> ListStorySets(Project& project);

std::optional<StorySet> FindStorySet(Project& project, std::string_view name);

// The set named `name`; a kMissing Error naming the sets there are otherwise.
StorySet RequireStorySet(Project& project, std::string_view name);

// Saves the stories `story_ids` (duplicates count once) as a new set.
// kUsage for a bad name (CheckStorySetName), kData when a set has the name
// already or an id is not a story's. Returns the set. The caller holds the
// transaction.
StorySet CreateStorySet(Project& project, std::string_view name,
                        const std::vector<int64_t>& story_ids, std::string_view created_by);

// Renames the set `name` to `new_name`. kMissing for an unknown set, kUsage
// for a bad new name, kData when another set has it.
StorySet RenameStorySet(Project& project, std::string_view name, std::string_view new_name);

// Deletes the set `name` (not its stories). Returns whether there was one.
bool DeleteStorySet(Project& project, std::string_view name);

// The ids of the set's stories, ascending.
std::vector<int64_t> StorySetMembers(Project& project, int64_t set_id);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_SETS_H_
