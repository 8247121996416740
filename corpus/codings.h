// Coders and codings. A coding ties a code to a segment [start, end) of a
// story's stored text (code points), by one coder, with an origin ("manual",
// "rule:<name>", "import:<tool>") and an optional memo.
#ifndef VERHAAL_CORPUS_CODINGS_H_
#define VERHAAL_CORPUS_CODINGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/coder_set.h"
#include "corpus/project.h"

namespace verhaal {

struct Coder {
  int64_t id = 0;
  std::string name;
};

// Finds or adds the coder called `name` (kData when empty). Returns its id.
int64_t EnsureCoder(Project& project, std::string_view name);
std::optional<Coder> FindCoder(Project& project, std::string_view name);
std::vector<Coder> ListCoders(Project& project);

struct Coding {
  int64_t story_id = 0;
  int64_t code_id = 0;
  int64_t coder_id = 0;
  int64_t start = 0;  // code points, inclusive
  int64_t end = 0;    // code points, exclusive
  std::string origin = "manual";
  std::string memo;
  std::string created;  // ISO 8601 UTC; filled by the database when empty
  // Filled when reading.
  std::string story_key;
  std::string code_path;
  std::string coder;
};

// The id of the row in coding_origin for this origin and time stamp (now when
// `created` is empty), added when new. Codings made together share one.
int64_t EnsureCodingOrigin(Project& project, std::string_view origin, std::string_view created);

// Adds a coding after checking the segment against the story's text (kData
// when out of range or empty while the text is not). Returns false when the
// same story, code, coder and segment is already coded (then nothing changes).
bool AddCoding(Project& project, const Coding& coding);

// Removes the coding with this story, code, coder and segment; returns
// whether one existed.
bool RemoveCoding(Project& project, const Coding& coding);

// Moves every coding of code `from` to code `to` (a merge); duplicates that
// would arise are dropped, as they say the same thing. The decisions on
// rule codings and the memos on `from` move with them. Returns how many
// codings moved.
int64_t ReassignCodings(Project& project, int64_t from, int64_t to);

// Which codings to list. Empty fields do not filter.
struct CodingFilter {
  std::vector<int64_t> code_ids;
  std::optional<std::string> coder;
  std::optional<int64_t> story_id;
  // Only the stories with first <= id <= last (a batch of a pass over all).
  std::optional<std::pair<int64_t, int64_t>> story_ids;
  std::optional<std::string> origin_prefix;  // e.g. "rule:"
  std::optional<CoderSet> coders;            // whose codings (corpus/coder_set.h)
  bool with_memo = false;                    // only codings with a memo
};

// Codings passing `filter`, ordered by story, start, end, code.
std::vector<Coding> ListCodings(Project& project, const CodingFilter& filter = {});

int64_t CountCodings(Project& project);

// The coding with this story, code, coder and segment (the fields of `key`
// that make a coding unique), with origin, memo, created and names filled;
// nullopt when there is none.
std::optional<Coding> FindCoding(Project& project, const Coding& key);

// Sets the memo of the coding `key` names; returns whether it exists.
bool SetCodingMemo(Project& project, const Coding& key, std::string_view memo);

// The number of codings of each code id with any (only coder `coder_id`'s
// when given), by code id: read from the counts kept per code and coder.
std::vector<std::pair<int64_t, int64_t>> CountCodingsByCode(Project& project,
                                                            std::optional<int64_t> coder_id);

// What one coder did: the stories they coded and the codings they made.
struct CoderCounts {
  int64_t coder_id = 0;
  std::string name;
  int64_t stories = 0;
  int64_t codings = 0;
};

// Every coder of the project (also those without codings) with their
// counts, by name: one pass over the coding table.
std::vector<CoderCounts> CountCodingsByCoder(Project& project);

// The names of the coders with codings made by people (origin "manual" or
// "import:TOOL"), by name. Reads the coding table only when such an origin
// exists (a project coded by rules alone answers at once). kIo, kData or
// kInternal Errors when reading fails (corpus/sqlite_errors.h).
std::vector<std::string> ListManualCoders(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODINGS_H_
