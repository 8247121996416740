#include "coding/rules_match.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

#include "corpus/error.h"

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

bool RuleMatcher::TokenRange(const CompiledPattern& pattern, const Event& event, uint32_t& first,
                             uint32_t& last) const {
  const std::vector<PreparedToken>& tokens = prepared_.tokens;
  if (tokens.empty()) return false;
  const bool stem = pattern.stem_half;
  if (!stem && event.from >= prepared_.folded_size) return false;  // regex in stem half
  auto end_of = [stem](const PreparedToken& t) { return stem ? t.stem_end : t.folded_end; };
  auto start_of = [stem](const PreparedToken& t) { return stem ? t.stem_start : t.folded_start; };
  if (pattern.words > 0) {
    // The match ends just after the separator that follows its last word.
    uint32_t word_end = event.to - 1;
    auto it = std::lower_bound(tokens.begin(), tokens.end(), word_end,
                               [&](const PreparedToken& t, uint32_t v) { return end_of(t) < v; });
    if (it == tokens.end() || end_of(*it) != word_end) return false;
    last = static_cast<uint32_t>(it - tokens.begin());
    if (last + 1 < static_cast<uint32_t>(pattern.words)) return false;
    first = last + 1 - static_cast<uint32_t>(pattern.words);
    return true;
  }
  // Start of match known: the tokens overlapping [from, to).
  auto lo = std::upper_bound(tokens.begin(), tokens.end(), event.from,
                             [&](uint32_t v, const PreparedToken& t) { return v < end_of(t); });
  if (lo == tokens.end() || start_of(*lo) >= event.to) return false;
  auto hi = std::lower_bound(tokens.begin(), tokens.end(), event.to,
                             [&](const PreparedToken& t, uint32_t v) { return start_of(t) < v; });
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

int RuleMatcher::StemPatternOfWord(std::string_view folded_word, StemLanguage language) {
  constexpr size_t kSlots = size_t{1} << 14;
  constexpr size_t kMaxLength = sizeof(WordSlot::word);
  auto look_up = [&] {
    return rules_.StemPattern(language, preparer_.CachedStem(folded_word, language));
  };
  if (folded_word.size() > kMaxLength) return look_up();
  if (word_patterns_.empty()) word_patterns_.resize(kSlots);
  uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a
  for (char c : folded_word) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  WordSlot& slot = word_patterns_[(hash ^ (hash >> 29)) & (kSlots - 1)];
  const auto language_byte = static_cast<uint8_t>(language);
  if (slot.length != folded_word.size() || slot.language != language_byte ||
      std::memcmp(slot.word, folded_word.data(), folded_word.size()) != 0) {
    slot.pattern = look_up();
    slot.length = static_cast<uint8_t>(folded_word.size());
    slot.language = language_byte;
    std::memcpy(slot.word, folded_word.data(), folded_word.size());
  }
  return slot.pattern;
}

const std::vector<RuleHit>& RuleMatcher::Match(const StoryContext& story) {
  hits_.clear();
  events_.clear();
  near_.clear();
  excluded_.clear();
  const std::vector<Rule>& rules = rules_.rules();
  // Stories in a row mostly share role, kind and language: reuse the rules
  // that apply.
  if (!have_context_ || story.role != last_role_ || story.kind != last_kind_ ||
      story.language != last_language_) {
    active_.assign(rules.size(), 0);
    any_active_ = false;
    for (size_t r = 0; r < rules.size(); ++r) {
      active_[r] = Applies(rules[r], story) ? 1 : 0;
      any_active_ = any_active_ || active_[r];
    }
    last_role_.assign(story.role);
    last_kind_.assign(story.kind);
    last_language_.assign(story.language);
    have_context_ = true;
  }
  if (!any_active_ || (rules_.database() == nullptr && !rules_.needs_stems())) return hits_;

  const StemLanguage language = StemLanguageFor(story.language);
  preparer_.Prepare(story.text, rules_.needs_stem_half(), language, prepared_);
  if (prepared_.tokens.empty()) return hits_;
  if (rules_.database() != nullptr && hs_scan(rules_.database(), prepared_.buffer.data(),
                                              static_cast<unsigned>(prepared_.buffer.size()), 0,
                                              scratch_, OnRuleMatch, &events_) != HS_SUCCESS) {
    throw Error(ErrorKind::kInternal, "Hyperscan failed to scan a story");
  }

  // What Hyperscan found, in the order it reports (end of match in the
  // buffer: the folded half's patterns, then the stem half's), with the
  // looked-up stems merged in by word as if scanned in the stem half.
  const std::vector<CompiledPattern>& patterns = rules_.patterns();
  found_.clear();
  for (const Event& event : events_) {
    uint32_t first = 0;
    uint32_t last = 0;
    if (TokenRange(patterns[event.pattern], event, first, last)) {
      found_.push_back(Found{static_cast<int>(event.pattern), first, last});
    }
  }
  if (rules_.needs_stems()) {
    looked_up_.clear();
    for (uint32_t t = 0; t < prepared_.tokens.size(); ++t) {
      const PreparedToken& token = prepared_.tokens[t];
      const int pattern =
          rules_.needs_stem_half()
              ? rules_.StemPattern(language,
                                   std::string_view(prepared_.buffer.data() + token.stem_start,
                                                    token.stem_end - token.stem_start))
              : StemPatternOfWord(std::string_view(prepared_.buffer.data() + token.folded_start,
                                                   token.folded_end - token.folded_start),
                                  language);
      if (pattern >= 0) looked_up_.push_back(Found{pattern, t, t});
    }
    if (!looked_up_.empty()) {
      auto stem_part = std::find_if(found_.begin(), found_.end(),
                                    [&](const Found& f) { return patterns[f.pattern].stem_half; });
      const size_t split = static_cast<size_t>(stem_part - found_.begin());
      found_.insert(found_.end(), looked_up_.begin(), looked_up_.end());
      std::inplace_merge(found_.begin() + static_cast<std::ptrdiff_t>(split),
                         found_.end() - static_cast<std::ptrdiff_t>(looked_up_.size()),
                         found_.end(),
                         [](const Found& x, const Found& y) { return x.last < y.last; });
    }
  }

  // Exclusions first, so hits can be checked against them.
  struct Pending {
    int rule;
    uint32_t first;
    uint32_t last;
  };
  std::vector<Pending> pending;
  for (const Found& f : found_) {
    const CompiledPattern& pattern = patterns[f.pattern];
    const uint32_t first = f.first;
    const uint32_t last = f.last;
    for (const PatternTarget& target : pattern.targets) {
      if (!active_[target.rule]) continue;
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
          pending.push_back(Pending{target.rule, first, last});
          break;
      }
    }
  }
  std::sort(excluded_.begin(), excluded_.end());
  for (const Pending& p : pending) AddHit(p.rule, p.first, p.last);

  // Near: every window of `within` words that holds all terms of a rule.
  std::sort(near_.begin(), near_.end(), [](const Occurrence& x, const Occurrence& y) {
    return x.rule != y.rule ? x.rule < y.rule : x.first < y.first;
  });
  std::vector<char> seen;
  for (size_t i = 0; i < near_.size(); ++i) {
    const Rule& rule = rules[near_[i].rule];
    const size_t terms = rule.terms.size();
    seen.assign(terms, 0);
    size_t found = 0;
    uint32_t last = near_[i].last;
    for (size_t j = i; j < near_.size() && near_[j].rule == near_[i].rule &&
                       near_[j].first <= near_[i].first + static_cast<uint32_t>(rule.within);
         ++j) {
      int e = near_[j].element;
      if (seen[e]) continue;
      seen[e] = 1;
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
    return x.match_start < y.match_start;
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
