// Autocoding rules, stage 1 of 3: parsing. A code's `rules:` block in the
// codebook (YAML, see docs/autocoding.md) becomes a list of Rule values,
// checked for unknown options, empty term lists, bad scopes and bad regular
// expressions. Compilation (rules_compile.h) and matching (rules_match.h)
// work on these values only.
#ifndef VERHAAL_CODING_RULES_PARSE_H_
#define VERHAAL_CODING_RULES_PARSE_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace verhaal {

// What a rule looks for.
enum class RuleKind {
  kTerms,  // any of `terms` (words or phrases; `*` suffix, `...` gaps)
  kNear,   // all of `terms`, within `within` words of each other
  kRegex,  // a regular expression over the prepared (folded) text
};

// Which segment a hit codes.
enum class RuleScope {
  kMatch,      // the matched words
  kSentence,   // the sentence around the match (ICU sentence breaks)
  kParagraph,  // the line (text between "\n") around the match
  kStory,      // the whole story
};

// One parsed rule. Owns its strings; plain value.
struct Rule {
  std::string name;       // "rule:<name>" is the origin of its codings
  std::string code_path;  // the code it codes, e.g. "motivatie/willen"
  RuleKind kind = RuleKind::kTerms;
  std::vector<std::string> terms;       // as written (kTerms, kNear)
  std::string regex;                    // kRegex
  bool stem = false;                    // match terms by their Snowball stem
  int within = 0;                       // near: window in words; terms: max words per "..."
  std::vector<std::string> exclusions;  // `not:` terms that veto a hit in its sentence
  std::vector<std::string> roles;       // required respondent roles (empty: any)
  std::vector<std::string> kinds;       // required story kinds (empty: any)
  std::vector<std::string> languages;   // required story languages (empty: any)
  // Required speaker of the matched words in an interview: "interviewer",
  // "respondent" (anyone else) or a turn's label, ASCII-lowercased (empty:
  // any; when set, stories without speaker turns give no hit).
  std::vector<std::string> speakers;
  RuleScope scope = RuleScope::kSentence;
  Location location;  // where the rule starts, for compile-time errors
};

// Defaults shown in code, as documented in docs/autocoding.md.
inline constexpr int kDefaultNearWithin = 10;
inline constexpr int kDefaultGapWithin = 3;

// Parses the `rules:` node of the code `code_path`. `file` names the
// codebook for messages and `source` (optional) is its text, used to show
// the offending line under the error. The node is a sequence of rule maps
// (an empty or null node gives no rules). Rules without a `name` are called
// "<code_path>:<n>" (n counts from 1). Throws a kData Error located at the
// offending node (file:line:col, 1-based) for unknown options, a missing or
// duplicated rule kind, empty term lists, bad values and regular
// expressions Hyperscan cannot compile.
std::vector<Rule> ParseRules(const YAML::Node& node, std::string_view code_path,
                             std::string_view file, std::string_view source = {});

// Parses rules kept as YAML text (Code::rules): either the sequence itself or
// a map with a `rules` key. Errors as ParseRules, located in `text`; YAML
// syntax errors are translated to kData Errors too.
std::vector<Rule> ParseRulesText(std::string_view text, std::string_view code_path,
                                 std::string_view file);

// "terms", "near" or "regex"; "match", "sentence", "paragraph" or "story".
std::string_view RuleKindName(RuleKind kind);
std::string_view RuleScopeName(RuleScope scope);

}  // namespace verhaal

#endif  // VERHAAL_CODING_RULES_PARSE_H_
