// Autocoding rules, stage 2 of 3: compilation. The terms of all rules of a
// codebook become patterns matched word by word (each step a word, a
// wildcard's prefix or a stem), and the regular expressions one Hyperscan
// database over the prepared text (rules_text.h), so a story is looked at
// once for every rule. Explain() dumps what each rule compiled to.
#ifndef VERHAAL_CODING_RULES_COMPILE_H_
#define VERHAAL_CODING_RULES_COMPILE_H_

#include <array>
#include <cstdint>
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

// A word a term's step looks for, in one half: the folded word, or (stem
// halves) its Snowball stem; a wildcard's word is a prefix (never stemmed).
struct WordAtom {
  std::string text;
  bool prefix = false;
  int half = 0;  // 0: folded words; 1 + StemLanguage: stems in that language
};
inline constexpr int kWordHalves = 1 + kStemLanguages;

// One step of a term matched word by word: the word `atom` after at most
// `gap` other words of the same sentence (0: the very next word).
struct WordStep {
  int atom = 0;  // index into CompiledRules::atoms()
  int gap = 0;
};

// One pattern (its id is its index): a term matched word by word (`steps`)
// or a regular expression, which goes into the Hyperscan database. The
// expression is what the pattern means over the prepared text (for
// --explain; rules_text.h). Identical expressions of several rules share one
// pattern with several targets.
struct CompiledPattern {
  std::string expression;
  unsigned flags = 0;      // Hyperscan flags of a regular expression
  bool stem_half = false;  // a term on stems
  std::vector<PatternTarget> targets;
  std::vector<WordStep> steps;                   // empty for a regular expression
  StemLanguage language = StemLanguage::kDutch;  // of a term on stems
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
  const std::vector<WordAtom>& atoms() const { return atoms_; }
  // The database of the regular expressions, or nullptr when there are none.
  const hs_database* database() const { return database_; }
  // Whether any term is stemmed (the matcher then needs each word's stem).
  bool needs_stems() const { return needs_stems_; }
  // Whether any pattern is a term (matched word by word).
  bool has_terms() const { return !atoms_.empty(); }
  // Appends to `out` the atoms of `half` that `text` (a folded word, or in a
  // stem half the word's stem) satisfies.
  void AtomsOf(int half, std::string_view text, std::vector<uint32_t>& out) const;
  // The terms whose last step looks for `atom`.
  const std::vector<int>& PatternsEndingWith(int atom) const { return ending_with_[atom]; }

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
  std::vector<WordAtom> atoms_;
  std::vector<std::vector<int>> ending_with_;  // per atom
  std::array<std::map<std::string, int, std::less<>>, kWordHalves> exact_;
  std::array<std::map<std::string, int, std::less<>>, kWordHalves> prefixes_;
  std::array<std::vector<size_t>, kWordHalves> prefix_lengths_;  // distinct, ascending
};

// Compiles rules into one database. Throws a kData Error at the rule's
// location when a term has no words once folded (e.g. only punctuation) or
// Hyperscan rejects a pattern.
CompiledRules CompileRules(std::vector<Rule> rules);

}  // namespace verhaal

#endif  // VERHAAL_CODING_RULES_COMPILE_H_
