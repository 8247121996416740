#include "privacy/dutch_words.h"

#include <fstream>
#include <string>

#include "base/error.h"

namespace verhaal {

DutchWords DutchWords::Load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw MissingError("cannot read the Dutch word list " + file.string() +
                       ": install Debian's wdutch (scripts/bootstrap) or name another list "
                       "with word_list: in the policy file");
  }
  DutchWords words;
  words.ordinary_.reserve(400000);
  std::string line;
  std::string folded;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    FoldInto(line, folded);
    const auto first = static_cast<unsigned char>(line[0]);
    const bool lower =
        (first >= 'a' && first <= 'z') || first == '\'' ||
        (first == 0xC3 && line.size() > 1 && static_cast<unsigned char>(line[1]) >= 0x9F);
    if (lower) {
      // At the start of a sentence "één" is written "Eén": its first
      // letter loses the accent with the capital.
      if (folded.size() > 2 && static_cast<unsigned char>(folded[0]) == 0xC3 &&
          (static_cast<unsigned char>(folded[1]) & 0xF8) == 0xA8) {
        words.ordinary_.insert("e" + folded.substr(2));
      }
      words.ordinary_.insert(folded);
    } else {
      words.proper_.insert(folded);
    }
  }
  return words;
}

}  // namespace verhaal
