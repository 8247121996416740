// Retrieving coded segments: for a code (with its sub-codes unless exact),
// each coding with its story, respondent, coder and the quote in context
// (keyword in context, KWIC). Used by `verhaal quotes`.
#ifndef VERHAAL_CODING_QUOTES_H_
#define VERHAAL_CODING_QUOTES_H_

#include <optional>
#include <string>
#include <vector>

#include "corpus/codings.h"
#include "corpus/project.h"

namespace verhaal {

// Which codings to retrieve. Empty optionals do not filter.
struct QuoteQuery {
  std::string code_path;
  bool exact = false;  // only this code, not its descendants
  std::optional<std::string> coder;
  std::optional<CoderSet> coders;  // whose codings (coding/analysis_coders.h)
  std::optional<std::string> role;
  std::optional<std::string> kind;
  std::optional<int> wave;
  std::optional<std::string> set;  // a story set's name (corpus/story_sets.h)
  int context = 40;                // code points of context on each side
};

// One coded segment with its surroundings.
struct Quote {
  Coding coding;  // story_key, code_path and coder filled
  std::string respondent;
  std::string role;
  std::string kind;
  std::optional<int> wave;
  std::string before;  // up to `context` code points before the segment
  std::string text;    // the segment
  std::string after;   // up to `context` code points after it
};

// The codings `query` selects, ordered by story, start, end and code.
// kMissing Error (with a suggestion) when the code does not exist. Retired
// codes may be queried.
std::vector<Quote> RetrieveQuotes(Project& project, const QuoteQuery& query);

}  // namespace verhaal

#endif  // VERHAAL_CODING_QUOTES_H_
