#include "coding/rules_compile.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <tuple>
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

// A term: its expression over the prepared text, and its words with the
// gaps before them.
struct TermExpression {
  std::string expression;
  struct Word {
    std::string text;  // folded (and stemmed) word, or a wildcard's prefix
    bool prefix = false;
    int gap = 0;
  };
  std::vector<Word> words;
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
    result.needs_stems_ = needs_stems_;
    result.atoms_ = std::move(atoms_);
    result.ending_with_.resize(result.atoms_.size());
    for (size_t a = 0; a < result.atoms_.size(); ++a) {
      const WordAtom& atom = result.atoms_[a];
      (atom.prefix ? result.prefixes_ : result.exact_)[atom.half].emplace(atom.text,
                                                                          static_cast<int>(a));
      std::vector<size_t>& lengths = result.prefix_lengths_[atom.half];
      if (atom.prefix &&
          std::find(lengths.begin(), lengths.end(), atom.text.size()) == lengths.end()) {
        lengths.push_back(atom.text.size());
      }
    }
    for (std::vector<size_t>& lengths : result.prefix_lengths_) {
      std::sort(lengths.begin(), lengths.end());
    }
    std::vector<const char*> expressions;
    std::vector<unsigned> flags;
    std::vector<unsigned> ids;
    for (size_t i = 0; i < patterns_.size(); ++i) {
      const CompiledPattern& pattern = patterns_[i];
      if (!pattern.steps.empty()) {
        result.ending_with_[pattern.steps.back().atom].push_back(static_cast<int>(i));
        continue;
      }
      expressions.push_back(pattern.expression.c_str());
      flags.push_back(pattern.flags);
      ids.push_back(static_cast<unsigned>(i));
    }
    result.patterns_ = std::move(patterns_);
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
      if (index >= 0 && static_cast<size_t>(index) < expressions.size()) {
        const Rule& rule = result.rules_[result.patterns_[ids[index]].targets[0].rule];
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
    bool first = true;
    int gap = 0;
    std::istringstream pieces(term);
    for (std::string piece; pieces >> piece;) {
      if (piece == "...") {
        out.expression += "(?:" + separator + std::string(kWordByte) + "+){0," +
                          std::to_string(rule.within) + "}";
        gap += rule.within;
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
        if (last_wildcard) out.expression += std::string(kWordByte) + "*";
        out.words.push_back(TermExpression::Word{word, last_wildcard, gap});
        gap = 0;
      }
    }
    out.expression += boundary;
    return out;
  }

  // The atom of a word in a half, added when new.
  int Atom(const std::string& text, bool prefix, int half) {
    auto key = std::make_tuple(text, prefix, half);
    auto found = atom_index_.find(key);
    if (found != atom_index_.end()) return found->second;
    atoms_.push_back(WordAtom{text, prefix, half});
    return atom_index_.emplace(std::move(key), static_cast<int>(atoms_.size() - 1)).first->second;
  }

  void AddTerm(const Rule& rule, const std::string& term, const Half& half, PatternTarget target) {
    TermExpression expression = Expression(rule, term, half);
    const int word_half = half.stem ? 1 + static_cast<int>(half.language) : 0;
    std::vector<WordStep> steps;
    for (const TermExpression::Word& word : expression.words) {
      steps.push_back(WordStep{Atom(word.text, word.prefix, word_half), word.gap});
    }
    Add(CompiledPattern{expression.expression, 0, half.stem, {}, std::move(steps), half.language},
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
  std::vector<WordAtom> atoms_;
  std::map<std::tuple<std::string, bool, int>, int> atom_index_;
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
      atoms_(std::move(other.atoms_)),
      ending_with_(std::move(other.ending_with_)),
      exact_(std::move(other.exact_)),
      prefixes_(std::move(other.prefixes_)),
      prefix_lengths_(std::move(other.prefix_lengths_)) {}

CompiledRules& CompiledRules::operator=(CompiledRules&& other) noexcept {
  if (this != &other) {
    if (database_ != nullptr) hs_free_database(database_);
    rules_ = std::move(other.rules_);
    patterns_ = std::move(other.patterns_);
    database_ = std::exchange(other.database_, nullptr);
    needs_stems_ = other.needs_stems_;
    atoms_ = std::move(other.atoms_);
    ending_with_ = std::move(other.ending_with_);
    exact_ = std::move(other.exact_);
    prefixes_ = std::move(other.prefixes_);
    prefix_lengths_ = std::move(other.prefix_lengths_);
  }
  return *this;
}

CompiledRules::~CompiledRules() {
  if (database_ != nullptr) hs_free_database(database_);
}

void CompiledRules::AtomsOf(int half, std::string_view text, std::vector<uint32_t>& out) const {
  const auto& exact = exact_[half];
  if (!exact.empty()) {
    auto found = exact.find(text);
    if (found != exact.end()) out.push_back(static_cast<uint32_t>(found->second));
  }
  for (size_t length : prefix_lengths_[half]) {
    if (length > text.size()) break;
    auto found = prefixes_[half].find(text.substr(0, length));
    if (found != prefixes_[half].end()) out.push_back(static_cast<uint32_t>(found->second));
  }
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
        if (patterns_[p].steps.empty()) out << "  (scanned)";
        out << "\n";
      }
    }
  }
  return out.str();
}

}  // namespace verhaal
