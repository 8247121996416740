// Reading stories in a front end: a filtered, paged story list (with the
// full-text search of `verhaal search`) and one story with everything that
// hangs on it. Under a blind viewer only the viewer's own codings exist.
// Reads only; errors are RequestErrors naming the field at fault.
#ifndef VERHAAL_STUDY_STORY_BROWSE_H_
#define VERHAAL_STUDY_STORY_BROWSE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/story_pages.h"
#include "study/viewer.h"

namespace verhaal {

// The story list's filters by name, as a front end gets them.
struct StoryListRequest {
  std::string q;
  std::optional<std::string> code;   // a code path: that code or a sub-code
  std::optional<std::string> coder;  // a coder name
  std::optional<std::string> role;
  std::optional<std::string> kind;
  std::optional<int> wave;
  std::optional<std::string> set;  // a story set's name (corpus/story_sets.h)
  std::vector<int64_t> ids;        // only these stories (at most kMaxStoryPage), when not empty
  bool uncoded = false;
  bool coded = false;  // with any (visible) coding
  int64_t offset = 0;
  int64_t limit = 50;  // 1..kMaxStoryPage
};

inline constexpr int64_t kMaxStoryPage = 500;

// One page of stories. kMissing (field "code" or "set") for an unknown code
// or story set, kUsage
// for an unparsable search (field "q") or a bad offset/limit.
StoryPage BrowseStories(Project& project, const Viewer& viewer, const StoryListRequest& request);

// A story as a front end shows it.
struct StoryView {
  Story story;
  int64_t length = 0;                            // code points
  std::map<std::string, std::string> variables;  // respondent's, then story's (winning)
  std::vector<std::pair<Signifier, SignifierValue>> answers;  // signifiers it answered
  std::vector<SpeakerTurn> turns;
  std::vector<Memo> memos;
  std::vector<Coding> codings;  // by start; the viewer's only when blind
};

// The story with `key`; kMissing RequestError (field "story") otherwise.
StoryView OpenStory(Project& project, const Viewer& viewer, const std::string& key);

// What the project holds, for a front end's header and filters.
struct ProjectOverview {
  std::string name;
  std::string file;
  int schema = 0;
  int64_t stories = 0;
  int64_t respondents = 0;
  int64_t codes = 0;
  int64_t codings = 0;  // visible to the viewer
  int64_t memos = 0;
  StoryFacets facets;
};
ProjectOverview OverviewProject(Project& project, const Viewer& viewer);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_STORY_BROWSE_H_
