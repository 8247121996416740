#include "coding/rules_match.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <string>

#include "base/error.h"

namespace verhaal {

int OnRuleMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/,
                void* context) {
  auto* events = static_cast<std::vector<RuleMatcher::Event>*>(context);
  events->push_back(RuleMatcher::Event{id, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
  return 0;
}

namespace {

bool Allowed(const std::vector<std::string>& allowed, std::string_view value) {
  if (allowed.empty()) return true;
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Index of the span containing code point `at` (spans are ordered and
// disjoint); the nearest following span when `at` lies between spans.
size_t SpanAt(const std::vector<Span>& spans, uint32_t at) {
  auto it = std::upper_bound(spans.begin(), spans.end(), at,
                             [](uint32_t value, const Span& s) { return value < s.end; });
  if (it == spans.end()) return spans.empty() ? 0 : spans.size() - 1;
  return static_cast<size_t>(it - spans.begin());
}

}  // namespace

RuleMatcher::RuleMatcher(const CompiledRules& rules) : rules_(rules) {
  std::map<std::string, int> codes;
  for (const Rule& rule : rules_.rules()) {
    code_of_rule_.push_back(
        codes.emplace(rule.code_path, static_cast<int>(codes.size())).first->second);
  }
  if (rules_.database() != nullptr &&
      hs_alloc_scratch(rules_.database(), &scratch_) != HS_SUCCESS) {
    throw Error(ErrorKind::kInternal, "Hyperscan could not allocate scratch space");
  }
}

RuleMatcher::~RuleMatcher() {
  if (scratch_ != nullptr) hs_free_scratch(scratch_);
}

bool RuleMatcher::Applies(const Rule& rule, const StoryContext& story) const {
  return Allowed(rule.roles, story.role) && Allowed(rule.kinds, story.kind) &&
         Allowed(rule.languages, story.language);
}

bool RuleMatcher::TokenRange(const Event& event, uint32_t& first, uint32_t& last) const {
  const std::vector<PreparedToken>& tokens = prepared_.tokens;
  if (tokens.empty() || event.from >= prepared_.folded_size) return false;
  // Start of match known: the tokens overlapping [from, to).
  auto lo = std::upper_bound(tokens.begin(), tokens.end(), event.from,
                             [&](uint32_t v, const PreparedToken& t) { return v < t.folded_end; });
  if (lo == tokens.end() || lo->folded_start >= event.to) return false;
  auto hi =
      std::lower_bound(tokens.begin(), tokens.end(), event.to,
                       [&](const PreparedToken& t, uint32_t v) { return t.folded_start < v; });
  first = static_cast<uint32_t>(lo - tokens.begin());
  last = static_cast<uint32_t>(hi - tokens.begin()) - 1;
  return true;
}

void RuleMatcher::AddHit(int rule_index, uint32_t first, uint32_t last) {
  const Rule& rule = rules_.rules()[rule_index];
  const PreparedToken& a = prepared_.tokens[first];
  const PreparedToken& b = prepared_.tokens[last];
  for (uint32_t s = a.sentence; s <= b.sentence; ++s) {
    if (std::binary_search(excluded_.begin(), excluded_.end(), std::make_pair(rule_index, s))) {
      return;
    }
  }
  RuleHit hit{rule_index, a.start, b.end, a.start, b.end};
  switch (rule.scope) {
    case RuleScope::kMatch:
      break;
    case RuleScope::kSentence:
      hit.start = std::min(hit.start, prepared_.sentences[a.sentence].start);
      hit.end = std::max(hit.end, prepared_.sentences[b.sentence].end);
      break;
    case RuleScope::kParagraph:
      if (!prepared_.paragraphs.empty()) {
        hit.start =
            std::min(hit.start, prepared_.paragraphs[SpanAt(prepared_.paragraphs, a.start)].start);
        hit.end =
            std::max(hit.end, prepared_.paragraphs[SpanAt(prepared_.paragraphs, b.end - 1)].end);
      }
      break;
    case RuleScope::kStory:
      hit.start = 0;
      hit.end = prepared_.code_points;
      break;
  }
  hits_.push_back(hit);
}

namespace {

constexpr size_t kWordSlots = size_t{1} << 14;
constexpr size_t kMaxKeyLength = 24;  // bytes of a word WordKey() holds

uint64_t Load8(const char* p) {
  uint64_t value = 0;
  std::memcpy(&value, p, 8);
  return value;
}

uint64_t Load4(const char* p) {
  uint32_t value = 0;
  std::memcpy(&value, p, 4);
  return value;
}

// A word of at most kMaxKeyLength bytes as three numbers that, with its
// length, determine it: overlapping loads of its first and last bytes, so
// there is no loop over the bytes.
void WordKey(std::string_view word, uint64_t key[3]) {
  const char* p = word.data();
  const size_t n = word.size();
  if (n >= 8) {
    key[0] = Load8(p);
    key[1] = Load8(p + n - 8);
    key[2] = n > 16 ? Load8(p + 8) : 0;
  } else if (n >= 4) {
    key[0] = Load4(p);
    key[1] = Load4(p + n - 4);
    key[2] = 0;
  } else {
    key[0] = n == 0 ? 0
                    : static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
                          static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
                          static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    key[1] = 0;
    key[2] = 0;
  }
}

}  // namespace

RuleMatcher::WordSlot& RuleMatcher::SlotOfWord(std::string_view folded_word) {
  auto fill = [&](WordSlot& slot) -> WordSlot& {
    slot.length = static_cast<uint32_t>(folded_word.size());
    for (HalfAtoms& half : slot.halves) half.count = kAtomsUnknown;
    return slot;
  };
  if (folded_word.size() > kMaxKeyLength || folded_word.empty()) return fill(uncached_word_);
  uint64_t key[3];
  WordKey(folded_word, key);
  if (word_slots_.empty()) word_slots_.resize(kWordSlots);
  uint64_t hash = (key[0] * 0x9E3779B97F4A7C15ULL) ^ (key[1] * 0xC2B2AE3D27D4EB4FULL) ^
                  (key[2] * 0x165667B19E3779F9ULL) ^ folded_word.size();
  hash ^= hash >> 29;
  hash *= 0xBF58476D1CE4E5B9ULL;
  WordSlot& slot = word_slots_[(hash >> 40) & (kWordSlots - 1)];
  if (slot.length == folded_word.size() && slot.key[0] == key[0] && slot.key[1] == key[1] &&
      slot.key[2] == key[2]) {
    return slot;
  }
  slot.key[0] = key[0];
  slot.key[1] = key[1];
  slot.key[2] = key[2];
  return fill(slot);
}

void RuleMatcher::AppendAtoms(HalfAtoms& cached, int half, std::string_view text) {
  if (cached.count == kAtomsUnknown) {
    atom_scratch_.clear();
    rules_.AtomsOf(half, text, atom_scratch_);
    if (atom_scratch_.size() > kInlineAtoms) {
      cached.count = kAtomsTooMany;
    } else {
      cached.count = static_cast<uint8_t>(atom_scratch_.size());
      std::copy(atom_scratch_.begin(), atom_scratch_.end(), cached.atoms);
    }
  }
  if (cached.count == kAtomsTooMany) {
    rules_.AtomsOf(half, text, token_atoms_);
  } else {
    token_atoms_.insert(token_atoms_.end(), cached.atoms, cached.atoms + cached.count);
  }
}

bool RuleMatcher::HasAtom(uint32_t token, uint32_t atom) const {
  const uint32_t* begin = token_atoms_.data() + atoms_start_[token];
  const uint32_t* end = token_atoms_.data() + atoms_start_[token + 1];
  return std::find(begin, end, atom) != end;
}

// The first token of the leftmost match of term `pattern` that ends at token
// `last` (whose atoms include the last step's), or false: each earlier step
// on a token before the next step's, at most its gap words earlier, all in
// one sentence.
bool RuleMatcher::StartOfTerm(const CompiledPattern& pattern, uint32_t last, uint32_t& first) {
  const std::vector<WordStep>& steps = pattern.steps;
  const std::vector<PreparedToken>& tokens = prepared_.tokens;
  const uint32_t sentence = tokens[last].sentence;
  if (steps.size() == 1) {
    first = last;
    return true;
  }
  reach_.assign(1, last);  // tokens where steps[i..] can start, ascending
  for (size_t i = steps.size() - 1; i > 0; --i) {
    const uint32_t gap = static_cast<uint32_t>(steps[i].gap);
    const uint32_t atom = static_cast<uint32_t>(steps[i - 1].atom);
    next_reach_.clear();
    for (const uint32_t at : reach_) {
      // Tokens at - 1 - gap ... at - 1; ascending overall.
      const uint32_t lowest = at > gap + 1 ? at - 1 - gap : 0;
      for (uint32_t t = lowest; t < at; ++t) {
        if (!next_reach_.empty() && next_reach_.back() >= t) continue;  // windows overlap
        if (tokens[t].sentence == sentence && HasAtom(t, atom)) next_reach_.push_back(t);
      }
    }
    if (next_reach_.empty()) return false;
    reach_.swap(next_reach_);
  }
  first = reach_.front();
  return true;
}

// Stories mostly come in a few contexts: the rules that apply are worked out
// once per context (the most recent is checked first).
const RuleMatcher::Context& RuleMatcher::ContextOf(const StoryContext& story) {
  constexpr size_t kMaxContexts = 64;
  for (auto it = contexts_.rbegin(); it != contexts_.rend(); ++it) {
    if (it->role == story.role && it->kind == story.kind && it->language == story.language) {
      return *it;
    }
  }
  if (contexts_.size() >= kMaxContexts) contexts_.erase(contexts_.begin());
  Context& context = contexts_.emplace_back();
  context.role.assign(story.role);
  context.kind.assign(story.kind);
  context.language.assign(story.language);
  const std::vector<Rule>& rules = rules_.rules();
  context.active.assign(rules.size(), 0);
  for (size_t r = 0; r < rules.size(); ++r) {
    context.active[r] = Applies(rules[r], story) ? 1 : 0;
    context.any_active = context.any_active || context.active[r];
  }
  return context;
}

const std::vector<RuleHit>& RuleMatcher::Match(const StoryContext& story) {
  hits_.clear();
  events_.clear();
  near_.clear();
  excluded_.clear();
  const std::vector<Rule>& rules = rules_.rules();
  const Context& context = ContextOf(story);
  const std::vector<char>& active = context.active;
  if (!context.any_active || (rules_.database() == nullptr && !rules_.has_terms())) return hits_;

  const StemLanguage language = StemLanguageFor(story.language);
  preparer_.Prepare(story.text, false, language, prepared_);
  const std::vector<PreparedToken>& tokens = prepared_.tokens;
  if (tokens.empty()) return hits_;
  const std::vector<CompiledPattern>& patterns = rules_.patterns();

  // Terms, word by word: each word's atoms (folded, and stemmed in the
  // story's language), then every term that ends on one of them.
  term_found_[0].clear();
  term_found_[1].clear();
  if (rules_.has_terms()) {
    token_atoms_.clear();
    atoms_start_.clear();
    const bool stems = rules_.needs_stems();
    const int stem_half = 1 + static_cast<int>(language);
    with_atoms_.clear();
    for (uint32_t t = 0; t < tokens.size(); ++t) {
      const PreparedToken& token = tokens[t];
      const uint32_t start = static_cast<uint32_t>(token_atoms_.size());
      atoms_start_.push_back(start);
      const std::string_view word(prepared_.buffer.data() + token.folded_start,
                                  token.folded_end - token.folded_start);
      WordSlot& slot = SlotOfWord(word);
      if (slot.halves[0].count != 0) AppendAtoms(slot.halves[0], 0, word);
      if (stems && slot.halves[stem_half].count != 0) {
        HalfAtoms& cached = slot.halves[stem_half];
        AppendAtoms(cached, stem_half,
                    cached.count == kAtomsUnknown || cached.count == kAtomsTooMany
                        ? preparer_.CachedStem(word, language)
                        : std::string_view());
      }
      if (token_atoms_.size() > start) with_atoms_.push_back(t);
    }
    atoms_start_.push_back(static_cast<uint32_t>(token_atoms_.size()));
    const std::vector<WordAtom>& atoms = rules_.atoms();
    for (const uint32_t t : with_atoms_) {
      for (uint32_t i = atoms_start_[t]; i < atoms_start_[t + 1]; ++i) {
        const uint32_t atom = token_atoms_[i];
        for (const int p : rules_.PatternsEndingWith(static_cast<int>(atom))) {
          uint32_t first = 0;
          if (StartOfTerm(patterns[p], t, first)) {
            term_found_[atoms[atom].half > 0 ? 1 : 0].push_back(Found{p, first, t});
          }
        }
      }
    }
  }

  // Regular expressions: Hyperscan over the folded text.
  found_.clear();
  if (rules_.database() != nullptr) {
    events_.clear();
    if (hs_scan(rules_.database(), prepared_.buffer.data(),
                static_cast<unsigned>(prepared_.buffer.size()), 0, scratch_, OnRuleMatch,
                &events_) != HS_SUCCESS) {
      throw Error(ErrorKind::kInternal, "Hyperscan failed to scan a story");
    }
    for (const Event& event : events_) {
      uint32_t first = 0;
      uint32_t last = 0;
      if (TokenRange(event, first, last)) {
        found_.push_back(Found{static_cast<int>(event.pattern), first, last});
      }
    }
  }
  // Everything found, by last word: the folded words' (regular expressions
  // first), then the stems'.
  auto by_last = [](const Found& x, const Found& y) { return x.last < y.last; };
  merged_.clear();
  std::merge(found_.begin(), found_.end(), term_found_[0].begin(), term_found_[0].end(),
             std::back_inserter(merged_), by_last);
  merged_.insert(merged_.end(), term_found_[1].begin(), term_found_[1].end());
  found_.swap(merged_);

  // Exclusions first, so hits can be checked against them.
  pending_.clear();
  for (const Found& f : found_) {
    const CompiledPattern& pattern = patterns[f.pattern];
    const uint32_t first = f.first;
    const uint32_t last = f.last;
    for (const PatternTarget& target : pattern.targets) {
      if (!active[target.rule]) continue;
      switch (target.role) {
        case PatternRole::kExclusion:
          for (uint32_t s = prepared_.tokens[first].sentence; s <= prepared_.tokens[last].sentence;
               ++s) {
            excluded_.emplace_back(target.rule, s);
          }
          break;
        case PatternRole::kNearTerm:
          near_.push_back(Occurrence{target.rule, target.element, first, last});
          break;
        case PatternRole::kHit:
          pending_.push_back(Pending{target.rule, first, last});
          break;
      }
    }
  }
  std::sort(excluded_.begin(), excluded_.end());
  for (const Pending& p : pending_) AddHit(p.rule, p.first, p.last);

  // Near: every window of `within` words that holds all terms of a rule.
  std::sort(near_.begin(), near_.end(), [](const Occurrence& x, const Occurrence& y) {
    if (x.rule != y.rule) return x.rule < y.rule;
    if (x.first != y.first) return x.first < y.first;
    if (x.last != y.last) return x.last < y.last;  // a total order: the same
    return x.element < y.element;                  // windows in any order
  });
  for (size_t i = 0; i < near_.size(); ++i) {
    const Rule& rule = rules[near_[i].rule];
    const size_t terms = rule.terms.size();
    seen_.assign(terms, 0);
    size_t found = 0;
    uint32_t last = near_[i].last;
    for (size_t j = i; j < near_.size() && near_[j].rule == near_[i].rule &&
                       near_[j].first <= near_[i].first + static_cast<uint32_t>(rule.within);
         ++j) {
      int e = near_[j].element;
      if (seen_[e]) continue;
      seen_[e] = 1;
      ++found;
      last = std::max(last, near_[j].last);
      if (found == terms) break;
    }
    if (found == terms) AddHit(near_[i].rule, near_[i].first, last);
  }

  // One hit per code and segment, the first rule (in codebook order) wins.
  std::sort(hits_.begin(), hits_.end(), [this](const RuleHit& x, const RuleHit& y) {
    if (x.start != y.start) return x.start < y.start;
    if (x.end != y.end) return x.end < y.end;
    if (code_of_rule_[x.rule] != code_of_rule_[y.rule]) {
      return code_of_rule_[x.rule] < code_of_rule_[y.rule];
    }
    if (x.rule != y.rule) return x.rule < y.rule;
    if (x.match_start != y.match_start) return x.match_start < y.match_start;
    return x.match_end < y.match_end;  // a total order: the same hits in any order
  });
  hits_.erase(std::unique(hits_.begin(), hits_.end(),
                          [this](const RuleHit& x, const RuleHit& y) {
                            return x.start == y.start && x.end == y.end &&
                                   code_of_rule_[x.rule] == code_of_rule_[y.rule];
                          }),
              hits_.end());
  return hits_;
}

}  // namespace verhaal
