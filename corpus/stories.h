// Stories: experience and reflection stories and interviews, with their
// respondent, kind, wave, date, language, title and stored text. Stored text
// is NFC with "\n" line ends (see text.h); offsets are code points.
#ifndef VERHAAL_CORPUS_STORIES_H_
#define VERHAAL_CORPUS_STORIES_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/error.h"
#include "corpus/project.h"

struct sqlite3;

namespace verhaal {

struct Story {
  int64_t id = 0;
  std::string key;
  std::optional<int64_t> respondent_id;
  std::string kind = "experience";  // experience, reflection, interview, other
  std::optional<int> wave;          // for longitudinal designs
  std::string date;                 // ISO 8601 (YYYY-MM-DD) or empty
  std::string language;             // ISO 639-1, e.g. "nl", "en"; may be empty
  std::string title;
  std::string text;  // stored text
  std::string hash;  // ContentHash(text), filled by AddStory
  std::string source_file;
  int source_line = 0;
  // Filled when reading: the respondent's key and role (empty without one).
  std::string respondent_key;
  std::string role;
};

// True for the kinds DESIGN.md names.
bool IsStoryKind(std::string_view kind);

// The wave of a story from a whole number written in decimal; kData at `at`
// when it is not one or lies outside 0..2147483647.
int WaveNumber(std::string_view text, const Location& at = {});

// Adds a story. Its text goes through NormalizeText (kData on invalid UTF-8)
// and gets its hash. kData when the key is taken, the text is empty, or the
// kind is unknown. Returns the new id.
int64_t AddStory(Project& project, Story story);

// Replaces a story's text (and title), recomputing the hash. Codings are not
// touched; the caller decides what to do with those that no longer fit.
void ReplaceStoryText(Project& project, int64_t story_id, std::string_view title,
                      std::string_view text);

std::optional<Story> FindStory(Project& project, std::string_view key);
std::optional<Story> FindStoryById(Project& project, int64_t id);

// Which stories a command looks at. Empty fields do not filter.
struct StoryFilter {
  std::optional<std::string> role;
  std::optional<std::string> kind;
  std::optional<int> wave;
  std::optional<std::string> language;
  std::vector<std::string> keys;  // only these keys when not empty
  // Only the stories of this story set (corpus/story_sets.h); the functions
  // below throw kMissing, naming the sets there are, when there is no such set.
  std::optional<std::string> set;
};

// Calls `visit` for each story passing `filter`, ordered by id, reading one
// row at a time (constant memory for large projects).
void ForEachStory(Project& project, const StoryFilter& filter,
                  const std::function<void(const Story&)>& visit);

// What matching a story needs, as views into the row being read: valid
// only during the call.
struct StoryTextView {
  int64_t id = 0;
  std::string_view key;
  std::string_view text;
  std::string_view role;  // the respondent's, or empty
  std::string_view kind;
  std::string_view language;
};

// Every story, ordered by id, without copying anything: for passes over
// millions of stories' text (autocoding).
void ForEachStoryText(Project& project, const std::function<void(const StoryTextView&)>& visit);

// The stories `ids`, in the order given, as ForEachStoryText gives them but
// with `role` empty: one look-up each through one prepared statement, for
// some stories among many. kMissing when an id has no story.
void ForEachStoryTextOf(Project& project, const std::vector<int64_t>& ids,
                        const std::function<void(const StoryTextView&)>& visit);

// The role of every respondent, read once: looked up per story instead of
// joining the respondent table for each (a B-tree search per story).
class RespondentRoles {
 public:
  // Reads through `db`: the project's connection or a ReadConnection's.
  explicit RespondentRoles(sqlite3* db);
  // Reads through the project's connection.
  explicit RespondentRoles(Project& project) : RespondentRoles(project.db().getHandle()) {}
  // The role of respondent `id`; empty for an unknown id.
  std::string_view Of(int64_t id) const;

 private:
  std::vector<std::string> roles_;  // distinct roles; roles_[0] is ""
  // id -> index into roles_, when the ids are dense and the roles few (a
  // small table stays in the processor's cache)
  std::vector<uint8_t> by_id_;
  std::vector<std::pair<int64_t, uint32_t>> sparse_;  // (id, index) by id, otherwise
};

// The stories with first <= id <= last, ordered by id, as ForEachStoryText
// but through `db` (the project's connection or a ReadConnection's, so that
// several threads can each read a range). Every role is empty when `roles`
// is null.
void ForEachStoryText(sqlite3* db, const RespondentRoles* roles, int64_t first, int64_t last,
                      const std::function<void(const StoryTextView&)>& visit);

// The smallest and largest story id; {1, 0} without stories.
std::pair<int64_t, int64_t> StoryIdRange(Project& project);

// The largest story id, 0 without stories: one step down the table's
// B-tree, where StoryIdRange reads every id.
int64_t LargestStoryId(Project& project);

// Convenience over ForEachStory.
std::vector<Story> ListStories(Project& project, const StoryFilter& filter = {});

// A story's id and respondent, without the rest: what counting over many
// stories needs.
struct StoryOwner {
  int64_t id = 0;
  std::optional<int64_t> respondent_id;
};

// The stories passing `filter`, ordered by id, without reading their text
// (from the respondent index alone when nothing filters): 16 bytes a story.
std::vector<StoryOwner> ListStoryOwners(Project& project, const StoryFilter& filter = {});

// Like ForEachStory without the text and its hash: `text` and `hash` stay
// empty. For commands that need a story's key, respondent, role, kind, wave
// or date but not what it says; no text is copied.
void ForEachStoryHead(Project& project, const StoryFilter& filter,
                      const std::function<void(const Story&)>& visit);

// Convenience over ForEachStoryHead.
std::vector<Story> ListStoryHeads(Project& project, const StoryFilter& filter = {});

// The ids of the stories passing `filter`, ascending (ListStoryOwners
// without the respondents: 8 bytes a story).
std::vector<int64_t> ListStoryIds(Project& project, const StoryFilter& filter = {});

// (language tag as stored, number of stories) for every tag in the project,
// the empty tag included; for MostStoriesLanguage.
std::vector<std::pair<std::string, int64_t>> CountStoriesByLanguage(Project& project);

int64_t CountStories(Project& project);

// A line of `verhaal stories list`: the story's head with its length in
// characters (code points) and its number of codings (every coder's).
struct StoryLine {
  Story head;  // text and hash empty
  int64_t characters = 0;
  int64_t codings = 0;
  int64_t memos = 0;
};

// The stories passing `filter`, ordered by id, with their counts.
std::vector<StoryLine> ListStoryLines(Project& project, const StoryFilter& filter = {});

// What deleting stories removes with them.
struct StoryDeletion {
  int64_t stories = 0;
  int64_t codings = 0;
  int64_t memos = 0;             // on the stories or spans of them
  int64_t signifier_values = 0;  // answers of the stories' self-signification
  int64_t variable_values = 0;   // story variables (respondents and theirs stay)
  int64_t speaker_turns = 0;
};

// Deletes the stories `ids` with their codings, memos, signifier answers,
// story variables, speaker turns and full-text entries; respondents stay.
// Counts first, so a caller may call it inside a transaction it rolls back
// for a dry run. Unknown ids are ignored.
StoryDeletion DeleteStories(Project& project, const std::vector<int64_t>& ids);

// Gives story `id` the key `key`. kData when another story has that key or
// the key is empty.
void RenameStory(Project& project, int64_t id, std::string_view key);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_STORIES_H_
