// Whose codings count in an analysis, decided once for every front end (the
// CLI's matrix, summary, quotes, report and exports, and the workbench):
// the coders named for this analysis (--coders), else the project's analysis
// set (`verhaal coders analysis anna bram`, `analysis: coders:` in
// study.yaml), else every human coder. The rule coder `rules` (and any coder
// whose codings all come from rules) is never in the default set; it counts
// only when named. How the coders combine: any (a code counts in a story when
// one of them used it), all or at least K (consensus), or each (one result per
// coder, side by side). See docs/matrix.md, "Whose codings".
#ifndef VERHAAL_CODING_ANALYSIS_CODERS_H_
#define VERHAAL_CODING_ANALYSIS_CODERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/coder_set.h"
#include "corpus/language.h"
#include "corpus/project.h"

namespace verhaal {

// The coder name autocoding uses unless told otherwise; never in the default
// analysis set.
inline constexpr std::string_view kRuleCoderName = "rules";
// The coder whose codings are a lead's decisions on disagreements (the
// workbench's Team view): copies of other coders' segments, so never in the
// default analysis set, where they would count twice or, with --combine
// all, be required.
inline constexpr std::string_view kConsensusCoderName = "consensus";

enum class CoderCombine {
  kAny,   // a code counts in a story when any coder of the set used it
  kAll,   // ... when every coder of the set used it
  kEach,  // one result per coder
};

// What a command was asked: empty optionals take the defaults.
struct CoderRequest {
  std::optional<std::vector<std::string>> coders;  // --coders (names)
  // Where `coders` was named, for the output's header: the option, or
  // "coders: in study.yaml" for an export of a study's manifest.
  std::string coders_named_by = "--coders";
  std::optional<std::string> combine;  // --combine any|all|each
  std::optional<int> min_coders;       // --min-coders K
  // --speaker interviewer|respondent|LABEL: only codings in an interview's
  // turns of that speaker (corpus/coder_set.h).
  std::optional<std::string> speaker;
};

// The coders an analysis reads and how they combine.
struct CoderSelection {
  std::vector<std::string> names;  // in name order
  std::vector<int64_t> ids;        // beside names
  CoderCombine combine = CoderCombine::kAny;
  int min_coders = 1;   // any: 1; all: names.size(); --min-coders K
  std::string source;   // CoderRequest::coders_named_by, "the analysis set" or "every human coder,
                        // the default"
  std::string speaker;  // "" or as CoderSet::speaker

  // The codings of the set as the corpus filters them: for kEach, the union.
  CoderSet Set() const;
  // The selection of the i-th coder alone (for kEach).
  CoderSelection Only(size_t i) const;
  // One line for the header of an output: "codings of anna, bram (the
  // analysis set), combined: any coder"; in Dutch "coderingen van anna, bram
  // (de analyseset), samengenomen: elke codeur" (for the Dutch report).
  std::string Describe(Language language = Language::kEnglish) const;
  // The combination alone: "any coder", "all 2 coders", "at least 2 of 3
  // coders", "each coder separately" (or in Dutch).
  std::string CombineText(Language language = Language::kEnglish) const;
};

// "anna, bram".
std::string JoinCoderNames(const std::vector<std::string>& names);

// Parses --combine; kUsage Error naming the accepted words.
CoderCombine ParseCoderCombine(std::string_view text);

// Resolves `request` against `project`. kMissing Error naming the coders in
// the project when a named coder does not exist; kUsage when --min-coders is
// below 1 or above the number of coders, or is given with --combine each;
// kUsage for an empty --speaker, kMissing for a speaker label no turn has.
// Without a human coder (only rule codings so far) the default set is empty:
// it admits no coding, and Describe() says so.
CoderSelection ResolveCoderSelection(Project& project, const CoderRequest& request = {});

// The project's analysis set (names), empty when none is set.
std::vector<std::string> AnalysisSet(Project& project);

// Sets the project's analysis set; an empty list clears it (back to every
// human coder). kMissing Error, and nothing changes, when a name is not a
// coder of the project.
void SetAnalysisSet(Project& project, const std::vector<std::string>& names);

// Whether `activity` is a person's: not named `rules`, and not a coder whose
// every coding came from rules.
bool IsHumanCoder(const CoderActivity& activity);

// Whether analyses read `activity`'s codings when nobody named the coders:
// a person's (IsHumanCoder), but not the consensus coder's.
bool InDefaultAnalysisSet(const CoderActivity& activity);

}  // namespace verhaal

#endif  // VERHAAL_CODING_ANALYSIS_CODERS_H_
