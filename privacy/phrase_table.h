// A table of phrases of one or more words ("Den Haag", "Bergen op Zoom",
// "Albert Heijn") looked up by the tokens of a text, longest first, with
// case folded. The lexicon and the word list hold their phrases in one.
#ifndef VERHAAL_PRIVACY_PHRASE_TABLE_H_
#define VERHAAL_PRIVACY_PHRASE_TABLE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "privacy/tokens.h"

namespace verhaal {

// Heterogeneous lookup by string_view in the std containers.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

template <typename V>
class PhraseTable {
 public:
  // Adds `phrase` (words separated by spaces) with `value`; the first value
  // added for a phrase stays.
  void Add(std::string_view phrase, V value) {
    std::string key;
    std::string first;
    int words = 0;
    size_t i = 0;
    while (i < phrase.size()) {
      while (i < phrase.size() && phrase[i] == ' ') ++i;
      size_t j = i;
      while (j < phrase.size() && phrase[j] != ' ') ++j;
      if (j == i) break;
      std::string word = Fold(phrase.substr(i, j - i));
      if (words == 0) first = word;
      if (!key.empty()) key += ' ';
      key += word;
      ++words;
      i = j;
    }
    if (words == 0) return;
    entries_.emplace(std::move(key), std::move(value));
    auto [it, added] = starts_.emplace(std::move(first), words);
    if (!added && it->second < words) it->second = words;
  }

  // The longest phrase starting at tokens[index]: how many tokens it spans
  // (0 for none) and its value. Tokens must follow each other with at most
  // one space or hyphen between them.
  std::pair<size_t, const V*> Match(std::string_view text, const std::vector<Token>& tokens,
                                    size_t index, std::string& scratch) const {
    FoldInto(TokenText(text, tokens[index]), scratch);
    const auto start = starts_.find(std::string_view(scratch));
    if (start == starts_.end()) return {0, nullptr};
    std::string key = scratch;
    std::vector<std::pair<size_t, const V*>> found;
    if (auto it = entries_.find(std::string_view(key)); it != entries_.end()) {
      found.push_back({1, &it->second});
    }
    for (int n = 2; n <= start->second && index + static_cast<size_t>(n) - 1 < tokens.size(); ++n) {
      const Token& prev = tokens[index + static_cast<size_t>(n) - 2];
      const Token& next = tokens[index + static_cast<size_t>(n) - 1];
      if (next.begin != prev.end + 1) break;
      FoldInto(TokenText(text, next), scratch);
      key += ' ';
      key += scratch;
      if (auto it = entries_.find(std::string_view(key)); it != entries_.end()) {
        found.push_back({static_cast<size_t>(n), &it->second});
      }
    }
    if (found.empty()) return {0, nullptr};
    return found.back();
  }

  // The value of exactly this (folded) phrase, if any.
  const V* Find(std::string_view folded) const {
    auto it = entries_.find(folded);
    return it == entries_.end() ? nullptr : &it->second;
  }

  size_t size() const { return entries_.size(); }

  // Calls visit(first word) for every first word of a phrase (folded).
  template <typename F>
  void ForEachFirstWord(F visit) const {
    for (const auto& [word, count] : starts_) visit(word);
  }

  static std::string_view TokenText(std::string_view text, const Token& t) {
    return text.substr(t.begin, t.end - t.begin);
  }

 private:
  StringMap<V> entries_;
  StringMap<int> starts_;  // first word -> most words of a phrase starting with it
};

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_PHRASE_TABLE_H_
