// The decisions researchers make on the codings of the autocoder (origin
// "rule:<name>", coding/autocode.h): accepted or rejected, by whom and
// when, kept in the table rule_review (schema 6, docs/project-file.md) under
// the rule coding's key, so a decision survives a reload, a restart and a
// re-run of `verhaal autocode` that finds the same segment. A decision whose
// coding is gone (the rules no longer find it) stays in the table and counts
// again should the coding come back; lists and counts read only the
// decisions of codings that exist.
#ifndef VERHAAL_CORPUS_RULE_REVIEWS_H_
#define VERHAAL_CORPUS_RULE_REVIEWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/codings.h"
#include "corpus/project.h"

namespace verhaal {

// A decision on one rule coding.
struct RuleReview {
  std::string decision;  // "accepted" or "rejected"
  std::string reviewer;  // the coder who decided
  std::string decided;   // ISO 8601 UTC
};

// A rule coding with its decision, if any.
struct ReviewedRuleCoding {
  Coding coding;  // names, origin and created filled
  std::optional<RuleReview> review;
};

// Which rule codings to list. Empty fields do not filter.
struct RuleCodingFilter {
  int64_t coder_id = 0;                 // whose rule codings (the autocoder's)
  std::vector<int64_t> code_ids;        // only these codes
  std::optional<std::string> origin;    // only this rule, "rule:<name>"
  std::optional<std::string> decision;  // "unreviewed", "accepted" or "rejected"
  int64_t offset = 0;
  int64_t limit = 50;
};

struct RuleCodingPage {
  int64_t total = 0;                        // rule codings passing the filter
  std::vector<ReviewedRuleCoding> codings;  // [offset, offset + limit), by story, start, end, code
};

// The coder's codings of origin "rule:..." passing `filter`, with their
// decisions: one pass over the coding table for the page and one for the
// total.
RuleCodingPage ListRuleCodings(Project& project, const RuleCodingFilter& filter);

// How one rule's codings of one code were reviewed.
struct RuleReviewCount {
  std::string origin;  // "rule:<name>"
  int64_t code_id = 0;
  std::string code_path;
  int64_t codings = 0;
  int64_t accepted = 0;
  int64_t rejected = 0;
};

// Per rule (origin) and code, the coder's rule codings and the decisions on
// them, by code path and origin: one pass over the coding table.
std::vector<RuleReviewCount> CountRuleReviews(Project& project, int64_t coder_id);

// The decision on the rule coding `key` names (story, code, coder, start,
// end), if one was made.
std::optional<RuleReview> FindRuleReview(Project& project, const Coding& key);

// Records `decision` ("accepted" or "rejected"; kData otherwise) on the rule
// coding `key` by `reviewer_id`, now, replacing an earlier one. The caller
// owns the Transaction.
void SetRuleReview(Project& project, const Coding& key, std::string_view decision,
                   int64_t reviewer_id);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_RULE_REVIEWS_H_
