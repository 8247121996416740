// Autocoding rules, stage 2 of 3: compilation. All rules of a codebook become
// one Hyperscan database over the prepared text (rules_text.h), so a story is
// scanned once for every rule. Explain() dumps what each rule compiled to.
#ifndef VERHAAL_CODING_RULES_COMPILE_H_
#define VERHAAL_CODING_RULES_COMPILE_H_

#include <memory>
#include <string>
#include <vector>

#include "coding/rules_parse.h"
#include "coding/rules_text.h"

struct hs_database;

namespace verhaal {

// What a pattern's match means for a rule.
enum class PatternRole {
  kHit,        // a hit of the rule (terms, regex)
  kNearTerm,   // one term of a near rule (`element` says which)
  kExclusion,  // a `not:` term: vetoes the rule's hits in its sentence
};

struct PatternTarget {
  int rule = 0;  // index into CompiledRules::rules()
  PatternRole role = PatternRole::kHit;
  int element = 0;  // near: index of the term
};

// One Hyperscan expression (its id is its index). Identical expressions of
// several rules share one pattern with several targets.
struct CompiledPattern {
  std::string expression;
  unsigned flags = 0;
  int words = 0;             // fixed number of words matched; 0: variable (uses SOM)
  bool stem_half = false;    // matches in the stem half of the buffer
  std::vector<PatternTarget> targets;
};

// The compiled rules of a codebook. Owns the Hyperscan database; move-only
// (the database has one owner).
class CompiledRules {
 public:
  CompiledRules(CompiledRules&&) noexcept;
  CompiledRules& operator=(CompiledRules&&) noexcept;
  ~CompiledRules();

  const std::vector<Rule>& rules() const { return rules_; }
  const std::vector<CompiledPattern>& patterns() const { return patterns_; }
  // The database, or nullptr when there are no rules.
  const hs_database* database() const { return database_; }
  // Whether any pattern needs the stem half of the prepared text.
  bool needs_stems() const { return needs_stems_; }

  // A readable dump: each rule with its options and the expressions it
  // compiled to (separators shown as \x.. escapes).
  std::string Explain() const;

 private:
  friend class RulesCompiler;
  friend CompiledRules CompileRules(std::vector<Rule> rules);
  CompiledRules() = default;
  std::vector<Rule> rules_;
  std::vector<CompiledPattern> patterns_;
  hs_database* database_ = nullptr;
  bool needs_stems_ = false;
};

// Compiles rules into one database. Throws a kData Error at the rule's
// location when a term has no words once folded (e.g. only punctuation) or
// Hyperscan rejects a pattern.
CompiledRules CompileRules(std::vector<Rule> rules);

}  // namespace verhaal

#endif  // VERHAAL_CODING_RULES_COMPILE_H_
