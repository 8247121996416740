#include "coding/rules_compile.h"

#include <hs/hs.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <utility>

namespace verhaal {
namespace {

// Any byte of a word (separators are all <= 0x20).
constexpr std::string_view kWordByte = "[^\\x00-\\x20]";

void AppendEscaped(std::string& out, std::string_view bytes) {
  for (unsigned char c : bytes) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    }
  }
}

// The buffer half a pattern is written for.
struct Half {
  char word_separator = ' ';
  char sentence_separator = '\n';
  bool stem = false;
  StemLanguage language = StemLanguage::kDutch;
};

struct TermExpression {
  std::string expression;
  int words = 0;            // 0 when the term has gaps
  std::string single_word;  // the (stemmed) word of a one-word term without wildcard
};

}  // namespace

// Builds the patterns of all rules, then the database (a friend of
// CompiledRules).
class RulesCompiler {
 public:
  explicit RulesCompiler(std::vector<Rule> rules) : rules_(std::move(rules)) {}

  CompiledRules Run(CompiledRules result) {
    for (size_t r = 0; r < rules_.size(); ++r) AddRule(static_cast<int>(r));
    result.rules_ = std::move(rules_);
    result.patterns_ = std::move(patterns_);
    result.needs_stems_ = needs_stems_;
    std::vector<const char*> expressions;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (size_t i = 0; i < result.patterns_.size(); ++i) {
      const CompiledPattern& pattern = result.patterns_[i];
      if (!pattern.lookup_word.empty()) {
        auto& lookup = pattern.stem_half ? result.stem_lookup_[static_cast<int>(pattern.language)]
                                         : result.word_lookup_;
        lookup.emplace(pattern.lookup_word, static_cast<int>(i));
        continue;
      }
      result.needs_stem_half_ = result.needs_stem_half_ || pattern.stem_half;
      expressions.push_back(result.patterns_[i].expression.c_str());
      flags.push_back(result.patterns_[i].flags);
      ids.push_back(static_cast<unsigned>(i));
    }
    if (expressions.empty()) return result;
    hs_compile_error_t* error = nullptr;
    const unsigned mode = HS_MODE_BLOCK;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(expressions.size()), mode, nullptr,
                         &result.database_, &error) != HS_SUCCESS) {
      std::string message = error != nullptr ? error->message : "unknown error";
      int index = error != nullptr ? error->expression : -1;
      hs_free_compile_error(error);
      Location at;
      std::string name = "?";
      if (index >= 0 && static_cast<size_t>(index) < result.patterns_.size()) {
        const Rule& rule = result.rules_[result.patterns_[index].targets[0].rule];
        at = rule.location;
        name = rule.name;
      }
      throw DataError("rule '" + name + "' cannot be compiled: " + message +
                          "; simplify the rule (see docs/autocoding.md)",
                      at);
    }
    return result;
  }

 private:
  void AddRule(int r) {
    const Rule& rule = rules_[r];
    std::vector<Half> halves;
    if (rule.stem) {
      needs_stems_ = true;
      for (int l = 0; l < kStemLanguages; ++l) {
        halves.push_back(Half{kStemWordSeparator[l], kStemSentenceSeparator[l], true,
                              static_cast<StemLanguage>(l)});
      }
    } else {
      halves.push_back(Half{});
    }
    switch (rule.kind) {
      case RuleKind::kTerms:
        for (const Half& half : halves) {
          for (const std::string& term : rule.terms) {
            AddTerm(rule, term, half, PatternTarget{r, PatternRole::kHit, 0});
          }
        }
        break;
      case RuleKind::kNear:
        for (const Half& half : halves) {
          for (size_t e = 0; e < rule.terms.size(); ++e) {
            AddTerm(rule, rule.terms[e], half,
                    PatternTarget{r, PatternRole::kNearTerm, static_cast<int>(e)});
          }
        }
        break;
      case RuleKind::kRegex:
        Add(CompiledPattern{rule.regex,
                            HS_FLAG_UTF8 | HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST,
                            0,
                            false,
                            {},
                            {},
                            StemLanguage::kDutch},
            PatternTarget{r, PatternRole::kHit, 0});
        break;
    }
    for (const std::string& term : rule.exclusions) {
      AddTerm(rule, term, Half{}, PatternTarget{r, PatternRole::kExclusion, 0});
    }
  }

  TermExpression Expression(const Rule& rule, const std::string& term, const Half& half) {
    std::string separator;
    AppendEscaped(separator, std::string_view(&half.word_separator, 1));
    std::string boundary = "[";
    AppendEscaped(boundary, std::string_view(&half.word_separator, 1));
    AppendEscaped(boundary, std::string_view(&half.sentence_separator, 1));
    boundary += "]";

    TermExpression out;
    out.expression = boundary;
    bool gaps = false;
    bool first = true;
    std::istringstream pieces(term);
    for (std::string piece; pieces >> piece;) {
      if (piece == "...") {
        out.expression += "(?:" + separator + std::string(kWordByte) + "+){0," +
                          std::to_string(rule.within) + "}";
        gaps = true;
        continue;
      }
      bool wildcard = piece.back() == '*';
      if (wildcard) piece.pop_back();
      std::vector<std::string> words = preparer_.FoldWords(piece);
      if (words.empty()) {
        throw DataError("rule '" + rule.name + "': '" + piece + "' in '" + term +
                            "' has no letters or digits; remove it or write a word",
                        rule.location);
      }
      for (size_t w = 0; w < words.size(); ++w) {
        if (!first) out.expression += separator;
        first = false;
        bool last_wildcard = wildcard && w + 1 == words.size();
        std::string word = words[w];
        if (half.stem && !last_wildcard) word = preparer_.Stem(word, half.language);
        AppendEscaped(out.expression, word);
        if (!last_wildcard) out.single_word = word;
        if (last_wildcard) out.expression += std::string(kWordByte) + "*";
        ++out.words;
      }
    }
    out.expression += boundary;
    if (gaps) out.words = 0;
    if (out.words != 1) out.single_word.clear();
    return out;
  }

  void AddTerm(const Rule& rule, const std::string& term, const Half& half, PatternTarget target) {
    TermExpression expression = Expression(rule, term, half);
    unsigned flags = expression.words == 0 ? HS_FLAG_SOM_LEFTMOST : 0u;
    // A single word, folded or stemmed, is looked up, not scanned (an empty
    // stem cannot be).
    Add(CompiledPattern{expression.expression,
                        flags,
                        expression.words,
                        half.stem,
                        {},
                        expression.single_word,
                        half.language},
        target);
  }

  void Add(CompiledPattern pattern, PatternTarget target) {
    auto key = std::make_pair(pattern.expression, pattern.flags);
    auto found = index_.find(key);
    if (found == index_.end()) {
      found = index_.emplace(key, patterns_.size()).first;
      patterns_.push_back(std::move(pattern));
    }
    std::vector<PatternTarget>& targets = patterns_[found->second].targets;
    for (const PatternTarget& t : targets) {
      if (t.rule == target.rule && t.role == target.role && t.element == target.element) {
        return;
      }
    }
    targets.push_back(target);
  }

  std::vector<Rule> rules_;
  std::vector<CompiledPattern> patterns_;
  std::map<std::pair<std::string, unsigned>, size_t> index_;
  bool needs_stems_ = false;
  TextPreparer preparer_;
};

namespace {

std::string Printable(std::string_view expression) {
  std::string out;
  for (unsigned char c : expression) {
    if (c < 0x20) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

CompiledRules::CompiledRules(CompiledRules&& other) noexcept
    : rules_(std::move(other.rules_)),
      patterns_(std::move(other.patterns_)),
      database_(std::exchange(other.database_, nullptr)),
      needs_stems_(other.needs_stems_),
      needs_stem_half_(other.needs_stem_half_),
      stem_lookup_(std::move(other.stem_lookup_)),
      word_lookup_(std::move(other.word_lookup_)) {}

CompiledRules& CompiledRules::operator=(CompiledRules&& other) noexcept {
  if (this != &other) {
    if (database_ != nullptr) hs_free_database(database_);
    rules_ = std::move(other.rules_);
    patterns_ = std::move(other.patterns_);
    database_ = std::exchange(other.database_, nullptr);
    needs_stems_ = other.needs_stems_;
    needs_stem_half_ = other.needs_stem_half_;
    stem_lookup_ = std::move(other.stem_lookup_);
    word_lookup_ = std::move(other.word_lookup_);
  }
  return *this;
}

CompiledRules::~CompiledRules() {
  if (database_ != nullptr) hs_free_database(database_);
}

CompiledRules CompileRules(std::vector<Rule> rules) {
  return RulesCompiler(std::move(rules)).Run(CompiledRules());
}

std::string CompiledRules::Explain() const {
  std::ostringstream out;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    out << "rule " << rule.name << " -> " << rule.code_path << " (" << RuleKindName(rule.kind)
        << ", scope " << RuleScopeName(rule.scope);
    if (rule.stem) out << ", stemmed";
    if (rule.kind != RuleKind::kRegex) out << ", within " << rule.within;
    auto list = [&out](std::string_view what, const std::vector<std::string>& values) {
      if (values.empty()) return;
      out << ", " << what << " ";
      for (size_t i = 0; i < values.size(); ++i) out << (i ? "|" : "") << values[i];
    };
    list("role", rule.roles);
    list("kind", rule.kinds);
    list("language", rule.languages);
    out << ")\n";
    for (size_t p = 0; p < patterns_.size(); ++p) {
      for (const PatternTarget& target : patterns_[p].targets) {
        if (target.rule != static_cast<int>(r)) continue;
        const char* role = target.role == PatternRole::kHit        ? "hit"
                           : target.role == PatternRole::kNearTerm ? "near"
                                                                   : "not";
        out << "  #" << p << " " << role;
        if (target.role == PatternRole::kNearTerm) out << "[" << target.element << "]";
        out << (patterns_[p].stem_half ? " stems " : " words ")
            << Printable(patterns_[p].expression);
        if (patterns_[p].flags & HS_FLAG_SOM_LEFTMOST) out << "  (start of match)";
        if (!patterns_[p].lookup_word.empty()) {
          out << (patterns_[p].stem_half ? "  (stem looked up)" : "  (word looked up)");
        }
        out << "\n";
      }
    }
  }
  return out.str();
}

}  // namespace verhaal
