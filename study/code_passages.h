// The passages of a code: `verhaal quotes` and the workbench's Code view
// (GET /api/code/passages) both ask for them here, so they list the same
// codings. A query names the code (with its sub-codes unless exact), whose
// codings (coding/analysis_coders.h), the stories (role, kind, wave, one
// variable's value) and the characters of context; the answer is the quotes
// of coding/quotes.h with the coder selection they came from. Reads only.
// Errors are RequestErrors naming the query field at fault (`code`,
// `coders`, `combine`, `min_coders`, `var`), keeping the kind the CLI maps
// to its exit code.
#ifndef VERHAAL_STUDY_CODE_PASSAGES_H_
#define VERHAAL_STUDY_CODE_PASSAGES_H_

#include <optional>
#include <string>
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/quotes.h"
#include "corpus/project.h"
#include "study/viewer.h"

namespace verhaal {

// What passages are asked for, as the CLI's options and the API's query
// parameters give it.
struct PassageQuery {
  std::string code_path;  // e.g. "motivatie/willen"
  bool exact = false;     // only this code, not its sub-codes
  // --coders, --combine, --min-coders and --speaker: only passages in an
  // interview's turns of "interviewer", "respondent" (every speaker but the
  // interviewer) or a speaker's label ("Amina"; case ignored). Stories
  // without turns have none.
  CoderRequest coders;
  std::optional<std::string> role;  // only stories of respondents with this role
  std::optional<std::string> kind;  // only stories of this kind
  std::optional<int> wave;          // only stories of this wave
  std::optional<std::string> set;   // only stories of this story set
  std::optional<std::string> var;   // NAME:VALUE, a story or respondent variable
  int context = 40;                 // code points of context on each side
};

// The passages and whose codings they are.
struct CodePassages {
  CoderSelection coders;
  std::vector<Quote> quotes;  // ordered by story, start, end and code
};

// The passages `query` selects. kMissing (field `code`) for a code that does
// not exist, with a suggestion; kMissing (`coders`) for an unknown coder;
// kUsage (`combine`) for combine each, since every passage names its coder;
// kUsage (`var`) for a var that is not NAME:VALUE, kMissing (`var`) for an
// unknown variable and kData (`var`) for a value of the wrong type.
CodePassages RetrieveCodePassages(Project& project, const PassageQuery& query);

// The same as `viewer` may see it: under --blind only the viewer's own
// codings, and asking for anyone else's is a kForbidden RequestError
// (field `coders`).
CodePassages RetrieveCodePassages(Project& project, const Viewer& viewer, PassageQuery query);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_CODE_PASSAGES_H_
