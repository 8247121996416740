#include "study/story_sets.h"

#include "corpus/stories.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

void RefuseTaken(Project& project, const std::string& name) {
  if (FindStorySet(project, name)) {
    throw RequestError(ErrorKind::kData,
                       "there is already a story set '" + name +
                           "'; choose another name, or delete or rename that set first",
                       "name", RequestProblem::kConflict);
  }
}

}  // namespace

StorySet SaveStorySet(Project& project, const Viewer& viewer, const NewStorySet& set) {
  BlameField("name", [&] { CheckStorySetName(set.name); });
  RefuseTaken(project, set.name);
  if (set.ids.empty() && set.keys.empty()) {
    throw RequestError(ErrorKind::kUsage,
                       "a story set needs at least one story: give ids [1, 2, ...] or stories "
                       "[\"key\", ...]",
                       "ids");
  }
  std::vector<int64_t> ids = set.ids;
  for (const std::string& key : set.keys) {
    const auto story = FindStory(project, key);
    if (!story) {
      throw RequestError(ErrorKind::kUsage, "there is no story '" + key + "'", "stories");
    }
    ids.push_back(story->id);
  }
  Transaction transaction(project);
  StorySet saved;
  try {
    saved = CreateStorySet(project, set.name, ids, viewer.coder);  // name checked above
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kData) throw;
    throw RequestError(ErrorKind::kUsage, e.message(), "ids");  // an id without a story
  }
  transaction.Commit();
  return saved;
}

StorySetContents ShowStorySet(Project& project, const std::string& name) {
  StorySetContents out;
  out.set = BlameField("set", [&] { return RequireStorySet(project, name); });
  StoryFilter filter;
  filter.set = name;
  ForEachStoryHead(project, filter, [&](const Story& story) { out.keys.push_back(story.key); });
  return out;
}

StorySet RenameStorySetNamed(Project& project, const std::string& name,
                             const std::string& new_name) {
  BlameField("set", [&] { return RequireStorySet(project, name); });
  BlameField("name", [&] { CheckStorySetName(new_name); });
  if (new_name != name) RefuseTaken(project, new_name);
  Transaction transaction(project);
  StorySet renamed = RenameStorySet(project, name, new_name);
  transaction.Commit();
  return renamed;
}

void DeleteStorySetNamed(Project& project, const std::string& name) {
  BlameField("set", [&] { return RequireStorySet(project, name); });
  Transaction transaction(project);
  DeleteStorySet(project, name);
  transaction.Commit();
}

}  // namespace verhaal
