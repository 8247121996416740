// Full-text search over stories (SQLite FTS5, diacritics folded), and the
// counts `verhaal info` shows.
#ifndef VERHAAL_CORPUS_SEARCH_H_
#define VERHAAL_CORPUS_SEARCH_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

struct SearchHit {
  std::string story_key;
  std::string respondent_key;
  std::string role;
  std::string snippet;  // hits wrapped in `open` and `close`
  double rank = 0;      // bm25, lower is better
};

// Stories matching an FTS5 query (words, "phrases", prefix*, AND/OR/NOT),
// best first. kUsage for a query FTS5 cannot parse, with its message.
std::vector<SearchHit> SearchStories(Project& project, std::string_view query, int limit,
                                     std::string_view open = "[", std::string_view close = "]");

// What a project holds, for `verhaal info`.
struct ProjectCounts {
  std::string name;
  int schema_version = 0;
  int64_t respondents = 0;
  std::map<std::string, int64_t> respondents_by_role;
  int64_t stories = 0;
  std::map<std::string, int64_t> stories_by_kind;
  std::map<std::string, int64_t> stories_by_role;  // "" for stories without a respondent
  int64_t codes = 0;
  int64_t codings = 0;
  std::map<std::string, int64_t> codings_by_coder;
  int64_t signifiers = 0;
  int64_t memos = 0;
};
ProjectCounts CountProject(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SEARCH_H_
