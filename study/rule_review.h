// Reviewing the autocoder's work (the workbench's Rules view): the codings
// of the coder `rules` (origin "rule:<name>", coding/autocode.h), each with
// the reason it was made (which rule of which code, and the words it
// matched, found by matching the rules against the story again), a
// researcher's decision on each (accept: the coding is copied as the
// reviewer's own, the row `verhaal code` makes; reject), and per rule its
// precision among the reviewed codings (accepted / reviewed), so the
// codebook's rules can be improved. Decisions are kept in the project
// (corpus/rule_reviews.h).
//
// Who may: every coder, except under --blind, where the autocoder's codings
// are another coder's and only the lead sees them (as the Team view); a
// decision is its reviewer's, as a coding is its coder's. Errors are
// RequestErrors naming the request field at fault; each action is one
// transaction.
#ifndef VERHAAL_STUDY_RULE_REVIEW_H_
#define VERHAAL_STUDY_RULE_REVIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/rule_reviews.h"
#include "study/viewer.h"

namespace verhaal {

inline constexpr int64_t kMaxRuleCodingPage = 500;

// One part of what a rule looks for, as data so a page can word it in its
// language: `key` is the rule's kind ("terms", "near", "regex") with `value`
// its terms or expression and `within` its window (0: none), or "stem" (no
// value), "not", "role", "kind", "language", "speaker" (values joined by ",
// "), or "scope" with `value` "match", "sentence", "paragraph" or "story".
struct RulePart {
  std::string key;
  std::string value;
  int64_t within = 0;
};

// Why a rule coding was made: the rule and the words it matched.
struct RuleReason {
  std::string rule;  // the rule's name (its origin without "rule:")
  // What the rule looks for, e.g. "terms: verplicht*, geen keus; scope:
  // sentence"; empty when the codebook no longer has the rule.
  std::string text;
  std::vector<RulePart> parts;  // the same as data (empty with `text`)
  bool found = false;           // the rule still finds this segment, so the match below is known
  int64_t match_start = 0;      // the matched words, code points
  int64_t match_end = 0;
  std::string before;   // up to kReasonContext code points before the match
  std::string matched;  // the matched words
  std::string after;    // up to kReasonContext code points after the match
};

inline constexpr int64_t kReasonContext = 60;

// One rule coding as the Rules view shows it.
struct RuleCodingView {
  Coding coding;     // the autocoder's coding (names filled)
  std::string text;  // the coded text, cut at 400 code points
  RuleReason reason;
  std::optional<RuleReview> review;
  bool yours = false;  // the viewer decided it (may change the decision)
};

struct RuleCodingQuery {
  std::optional<std::string> code;      // a code path: that code and its sub-codes
  std::optional<std::string> rule;      // a rule's name
  std::optional<std::string> decision;  // unreviewed, accepted or rejected
  int64_t offset = 0;
  int64_t limit = 50;  // 1..kMaxRuleCodingPage
};

struct RuleCodingList {
  int64_t total = 0;
  std::vector<RuleCodingView> codings;  // by story, start, end, code
  std::string rules_error;  // why no reason could be found (the rules do not compile), or empty
};

// The rule codings `query` selects, with their reasons and decisions.
// kForbidden under --blind unless the viewer leads; kMissing (`code`) for an
// unknown code; kUsage (`rule`) for a rule that neither the codebook nor a
// coding names, (`decision`) for another word, (`offset`, `limit`) out of
// range.
RuleCodingList ListRuleCodingsForReview(Project& project, const Viewer& viewer,
                                        const RuleCodingQuery& query);

// One rule's precision so far.
struct RulePrecision {
  std::string code;             // the code's path
  std::string rule;             // the rule's name
  std::string text;             // what it looks for (empty when no longer in the codebook)
  std::vector<RulePart> parts;  // the same as data (empty with `text`)
  int64_t codings = 0;
  int64_t accepted = 0;
  int64_t rejected = 0;
  std::optional<double> precision;  // accepted / (accepted + rejected); none until reviewed
};

// Every rule of the codebook (in codebook order) and every rule the coder
// `rules` has codings of that the codebook no longer has, with its codings and
// decisions. kForbidden as ListRuleCodingsForReview. Also for `verhaal
// autocode --review-stats`, with a Viewer that is not blind.
std::vector<RulePrecision> RulePrecisions(Project& project, const Viewer& viewer);

// What deciding did: the rule coding as it now stands, and the viewer's
// coding it added (accept) or removed (reject after accept).
struct RuleDecisionOutcome {
  RuleCodingView coding;
  std::optional<Coding> added;
  std::optional<Coding> removed;
};

// Accepts ("accept") or rejects ("reject") the rule coding `id`
// (study/coding_id.h). Accepting copies it as the viewer's coding with
// origin "manual" (CodeSegment, as `verhaal code` does; kept once when the
// viewer already has it); rejecting what the viewer accepted removes that
// copy again. kUsage (`decision`) for another word; kMissing (`id`) for no
// such coding; kData (`id`) for a coding that is not the autocoder's, (`code`)
// when its code can no longer be coded; kForbidden under --blind unless the
// viewer leads, and (`id`) when another coder decided it.
RuleDecisionOutcome DecideRuleCoding(Project& project, const Viewer& viewer, std::string_view id,
                                     std::string_view decision);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_RULE_REVIEW_H_
