// Autocoding rules, stage 2 of 3: compilation. All rules of a codebook become
// one Hyperscan database over the prepared text (rules_text.h), so a story is
// scanned once for every rule. Explain() dumps what each rule compiled to.
#ifndef VERHAAL_CODING_RULES_COMPILE_H_
#define VERHAAL_CODING_RULES_COMPILE_H_

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
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
// several rules share one pattern with several targets. A single word (no
// wildcard), folded or stemmed, is not given to Hyperscan: the matcher looks
// each word up instead (CompiledRules::WordPattern, StemPattern), which needs
// no scan and no stem half.
struct CompiledPattern {
  std::string expression;
  unsigned flags = 0;
  int words = 0;           // fixed number of words matched; 0: variable (uses SOM)
  bool stem_half = false;  // matches in the stem half of the buffer
  std::vector<PatternTarget> targets;
  // Non-empty: the folded word (or, in the stem half, the stem) looked up;
  // the pattern is then not in the database.
  std::string lookup_word;
  StemLanguage language = StemLanguage::kDutch;  // of a stem pattern
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
  // The database, or nullptr when no pattern needs Hyperscan.
  const hs_database* database() const { return database_; }
  // Whether any rule is stemmed (the matcher then needs each word's stem).
  bool needs_stems() const { return needs_stems_; }
  // Whether a pattern in the database needs the stem half of the prepared text.
  bool needs_stem_half() const { return needs_stem_half_; }
  // The pattern that looks up `stem` in `language`, or -1.
  int StemPattern(StemLanguage language, std::string_view stem) const {
    const auto& lookup = stem_lookup_[static_cast<int>(language)];
    auto found = lookup.find(stem);
    return found == lookup.end() ? -1 : found->second;
  }
  // The pattern that looks up the folded word `word`, or -1.
  int WordPattern(std::string_view word) const {
    auto found = word_lookup_.find(word);
    return found == word_lookup_.end() ? -1 : found->second;
  }
  // Whether any pattern is looked up per word (folded or stemmed).
  bool has_word_lookups() const { return !word_lookup_.empty() || needs_stems_; }

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
  bool needs_stem_half_ = false;
  std::array<std::map<std::string, int, std::less<>>, kStemLanguages> stem_lookup_;
  std::map<std::string, int, std::less<>> word_lookup_;
};

// Compiles rules into one database. Throws a kData Error at the rule's
// location when a term has no words once folded (e.g. only punctuation) or
// Hyperscan rejects a pattern.
CompiledRules CompileRules(std::vector<Rule> rules);

}  // namespace verhaal

#endif  // VERHAAL_CODING_RULES_COMPILE_H_
