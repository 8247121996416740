// Story sets as a front end keeps them (corpus/story_sets.h): the workbench's
// Signifiers view saves a selection under a name, lists, renames and
// deletes sets; `verhaal sets` does the same from the command line. Errors
// are RequestErrors naming the field at fault: `name` (bad: kUsage; taken:
// kConflict), `ids` or `stories` (unknown or none: kUsage), `set` (no such
// set: kMissing).
#ifndef VERHAAL_STUDY_STORY_SETS_H_
#define VERHAAL_STUDY_STORY_SETS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/project.h"
#include "corpus/story_sets.h"
#include "study/viewer.h"

namespace verhaal {

// A set to save: its name and its stories, by id (as the signifier plot
// gives them) and/or by key.
struct NewStorySet {
  std::string name;
  std::vector<int64_t> ids;
  std::vector<std::string> keys;
};

// Saves `set` in one transaction, created by the viewer. Returns it.
StorySet SaveStorySet(Project& project, const Viewer& viewer, const NewStorySet& set);

// A set with the keys of its stories, in story order.
struct StorySetContents {
  StorySet set;
  std::vector<std::string> keys;
};
StorySetContents ShowStorySet(Project& project, const std::string& name);

StorySet RenameStorySetNamed(Project& project, const std::string& name,
                             const std::string& new_name);

// Deletes the set; kMissing (field `set`) when there is none.
void DeleteStorySetNamed(Project& project, const std::string& name);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_STORY_SETS_H_
