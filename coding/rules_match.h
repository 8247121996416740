// Autocoding rules, stage 3 of 3: matching. Finds the terms in one prepared
// story word by word (each distinct word's atoms, folded and stemmed, are
// cached) and the regular expressions with the compiled database, and turns
// what it found into hits: applies each rule's required context (role, kind,
// language), near windows, `not:` vetoes in the same sentence, and scope
// (match, sentence, paragraph, story).
#ifndef VERHAAL_CODING_RULES_MATCH_H_
#define VERHAAL_CODING_RULES_MATCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "coding/rules_compile.h"
#include "coding/rules_text.h"

struct hs_scratch;

namespace verhaal {

// What the matcher needs to know about a story. Views; the caller keeps the
// strings alive during Match().
struct StoryContext {
  std::string_view text;  // stored text (NFC, "\n" line ends)
  std::string_view role;  // the respondent's role, or empty
  std::string_view kind;
  std::string_view language;
};

// One hit: the words that matched and the segment the rule codes, both in
// code points of the stored text.
struct RuleHit {
  int rule = 0;  // index into CompiledRules::rules()
  uint32_t match_start = 0;
  uint32_t match_end = 0;
  uint32_t start = 0;  // the coded segment
  uint32_t end = 0;
};

// Matches stories against compiled rules. Holds Hyperscan scratch space, a
// TextPreparer and the word cache, so it is not thread-safe: use one per thread. The rules must
// outlive it. Fails with kInternal when Hyperscan cannot allocate scratch.
class RuleMatcher {
 public:
  explicit RuleMatcher(const CompiledRules& rules);
  ~RuleMatcher();
  RuleMatcher(const RuleMatcher&) = delete;  // owns scratch space
  RuleMatcher& operator=(const RuleMatcher&) = delete;

  // The hits in one story, ordered by segment then rule, with at most one
  // hit per code and segment (the first rule wins). The returned vector is
  // reused by the next call. Throws kInternal when the scan fails.
  const std::vector<RuleHit>& Match(const StoryContext& story);

  // The prepared form of the last story matched (for --explain and tests).
  const PreparedText& prepared() const { return prepared_; }

 private:
  struct Event {
    unsigned pattern;
    uint32_t from;
    uint32_t to;
  };
  struct Found {  // a pattern found on tokens [first, last]
    int pattern;
    uint32_t first;
    uint32_t last;
  };
  struct Occurrence {
    int rule;
    int element;
    uint32_t first;  // token indexes
    uint32_t last;
  };
  friend int OnRuleMatch(unsigned id, unsigned long long from, unsigned long long to,
                         unsigned flags, void* context);
  bool Applies(const Rule& rule, const StoryContext& story) const;
  bool TokenRange(const Event& event, uint32_t& first, uint32_t& last) const;
  void AddHit(int rule, uint32_t first, uint32_t last);

  const CompiledRules& rules_;
  std::vector<int> code_of_rule_;  // a small number per code path, for dedup
  hs_scratch* scratch_ = nullptr;
  TextPreparer preparer_;
  PreparedText prepared_;
  std::vector<Event> events_;
  std::vector<Found> found_;
  // The atoms (rules_compile.h) each folded word seen satisfies, folded and
  // per stem language, direct-mapped by a hash of the word's bytes, so most
  // words cost one hash and one compare.
  static constexpr size_t kInlineAtoms = 3;
  static constexpr uint8_t kAtomsUnknown = 0xFF;  // not looked up yet
  static constexpr uint8_t kAtomsTooMany = 0xFE;  // more than kInlineAtoms: looked up each time
  struct HalfAtoms {
    uint8_t count = kAtomsUnknown;
    uint32_t atoms[kInlineAtoms] = {};
  };
  struct WordSlot {
    uint64_t key[3] = {};  // the word's bytes (WordKey)
    uint32_t length = 0;   // 0: empty
    HalfAtoms halves[kWordHalves];
  };
  WordSlot& SlotOfWord(std::string_view folded_word);
  // Appends the atoms of `text` in `half` to token_atoms_, through `cached`.
  void AppendAtoms(HalfAtoms& cached, int half, std::string_view text);
  bool HasAtom(uint32_t token, uint32_t atom) const;
  bool StartOfTerm(const CompiledPattern& pattern, uint32_t last, uint32_t& first);
  std::vector<WordSlot> word_slots_;  // allocated on first use
  WordSlot uncached_word_;            // for words too long for a slot
  std::vector<uint32_t> atom_scratch_;
  std::vector<uint32_t> with_atoms_;   // the tokens of the story with atoms
  std::vector<uint32_t> token_atoms_;  // the atoms of each token of the story, in order
  std::vector<uint32_t> atoms_start_;  // per token (and one past the last) into token_atoms_
  std::vector<uint32_t> reach_;
  std::vector<uint32_t> next_reach_;
  std::vector<Found> term_found_[2];  // terms on folded words, on stems
  std::vector<Found> merged_;
  // The rules that apply in each story context (role, kind, language) seen.
  struct Context {
    std::string role;
    std::string kind;
    std::string language;
    std::vector<char> active;  // per rule
    bool any_active = false;
  };
  const Context& ContextOf(const StoryContext& story);
  std::vector<Context> contexts_;  // the most recent last
  struct Pending {                 // a hit before `not:` and scope
    int rule;
    uint32_t first;
    uint32_t last;
  };
  std::vector<Pending> pending_;
  std::vector<char> seen_;
  std::vector<Occurrence> near_;
  std::vector<std::pair<int, uint32_t>> excluded_;  // (rule, sentence)
  std::vector<RuleHit> hits_;
};

}  // namespace verhaal

#endif  // VERHAAL_CODING_RULES_MATCH_H_
