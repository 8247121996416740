// A page of the story list the workbench shows: stories filtered by text
// search, code, coder, role, kind, wave and (un)coded, with a snippet and
// the number of codings each, plus the total. Also the values the filters
// can take. Reads only.
#ifndef VERHAAL_CORPUS_STORY_PAGES_H_
#define VERHAAL_CORPUS_STORY_PAGES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// Which stories, and which page of them. Empty fields do not filter.
struct StoryPageQuery {
  // An FTS5 query as `verhaal search` takes: best match first (in story
  // order when more than kStoryCountCap stories match).
  std::string q;
  std::vector<int64_t> code_ids;    // with a coding of one of these codes
  std::optional<int64_t> coder_id;  // with a coding by this coder
  // Turns the coding condition around: stories without a coding (of those
  // codes, by that coder, when given).
  bool uncoded = false;
  // Stories with a (visible) coding of any code by any coder; ignored with
  // code_ids, coder_id or uncoded, which say more.
  bool coded = false;
  std::optional<std::string> role;
  std::optional<std::string> kind;
  std::optional<int> wave;
  std::optional<int64_t> set_id;  // only the stories of this story set (corpus/story_sets.h)
  std::vector<int64_t> ids;       // only these stories, when not empty
  // When set, only this coder's codings exist for the query (--blind): the
  // coding conditions and the `coded` counts look at them alone.
  std::optional<int64_t> visible_coder_id;
  int64_t offset = 0;
  int64_t limit = 50;
};

struct StoryPageRow {
  int64_t id = 0;
  std::string key;
  std::string title;
  std::string respondent;  // key, or empty
  std::string role;
  std::string kind;
  std::optional<int> wave;
  std::string snippet;  // with q: the best passage, hits in [ ]; else the text's start
  int64_t coded = 0;    // visible codings
};

// Counting every story that passes a filter reads them all (seconds at a
// million stories, where the page itself takes milliseconds), so a filtered
// total stops counting here and says it did.
inline constexpr int64_t kStoryCountCap = 10000;

struct StoryPage {
  // Stories passing the filters; with a filter or search at most
  // kStoryCountCap, and then total_exact is false ("more than 10,000").
  int64_t total = 0;
  bool total_exact = true;
  std::vector<StoryPageRow> rows;
};

// The page `query` asks for, ordered by search rank (with q) or by story id.
// kUsage Error when FTS5 cannot parse q, with its message.
StoryPage ListStoryPage(Project& project, const StoryPageQuery& query);

// The values the story filters can take: the respondents' roles, every
// story kind, the waves stories have (from the story_wave index).
struct StoryFacets {
  std::vector<std::string> roles;
  std::vector<std::string> kinds;
  std::vector<int> waves;
};
StoryFacets ListStoryFacets(Project& project);

// How much the project holds; codings only coder `coder_id`'s when given.
struct ProjectTotals {
  int64_t stories = 0;
  int64_t respondents = 0;
  int64_t codes = 0;
  int64_t codings = 0;
  int64_t memos = 0;
};
ProjectTotals CountProjectTotals(Project& project, std::optional<int64_t> coder_id);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORY_PAGES_H_
