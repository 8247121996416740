// The ordinary Dutch words, from Debian's word list (package wdutch,
// /usr/share/dict/nederlands, from OpenTaal, BSD/CC-BY): a capitalised word
// that is no Dutch word at all is likely a name ("Tesfay"), and a name
// that is also a word ("Roos", "Bakker") needs more evidence. Read once
// per run.
#ifndef VERHAAL_PRIVACY_DUTCH_WORDS_H_
#define VERHAAL_PRIVACY_DUTCH_WORDS_H_

#include <filesystem>
#include <string_view>

#include "privacy/phrase_table.h"

namespace verhaal {

inline constexpr std::string_view kDebianDutchWordList = "/usr/share/dict/nederlands";

class DutchWords {
 public:
  // An empty list: every word is unknown.
  DutchWords() = default;
  // Reads `file` (one word a line, UTF-8). kMissing Error naming the file
  // and the Debian package when it cannot be read.
  static DutchWords Load(const std::filesystem::path& file);

  // Whether `folded` is written in lower case somewhere in the list (an
  // ordinary word: "roos", "bakker", "werk").
  bool IsOrdinary(std::string_view folded) const { return ordinary_.contains(folded); }
  // Whether `folded` is in the list at all, also as a proper noun
  // ("Syrische", "Utrecht").
  bool IsKnown(std::string_view folded) const {
    return ordinary_.contains(folded) || proper_.contains(folded);
  }
  size_t size() const { return ordinary_.size() + proper_.size(); }

 private:
  StringSet ordinary_;
  StringSet proper_;
};

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_DUTCH_WORDS_H_
