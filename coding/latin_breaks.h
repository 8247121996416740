// The fast path of autocoding text preparation: word and sentence boundaries
// and folding for stories whose characters are all Latin (U+0000-U+024F, plus
// the curly quotes, dashes and ellipsis of General Punctuation). It implements
// the Unicode word (UAX #29 WB5-WB13) and sentence (SB3-SB11) rules for those
// characters with classes read from ICU's own character properties, so it
// gives the same boundaries as ICU's break iterators, without their cost.
// Text with any other character (combining marks, soft hyphens, other
// scripts, emoji, '_') is declined and prepared by ICU instead.
#ifndef VERHAAL_CODING_LATIN_BREAKS_H_
#define VERHAAL_CODING_LATIN_BREAKS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verhaal {

// One word of a story: code points and bytes of the stored text.
struct WordSpan {
  uint32_t start = 0;  // code points
  uint32_t end = 0;    // exclusive
  uint32_t byte_start = 0;
  uint32_t byte_end = 0;
};

// Boundaries of Latin text. Immutable after construction, so one instance can
// be shared by threads; Segment() uses the caller's scratch.
class LatinBreaks {
 public:
  // Builds the class and folding tables; `fold` gives the folded form of one
  // character (as TextPreparer folds words). Never fails.
  explicit LatinBreaks(const std::function<std::string(std::string_view)>& fold);

  // Reusable per-thread decoding space.
  struct Scratch {
    std::vector<uint32_t> code_points;
    std::vector<uint32_t> bytes;    // byte offset of each code point, plus the end
    std::vector<uint8_t> word;      // word class of each code point
    std::vector<uint8_t> sentence;  // sentence class of each code point
  };

  // Fills `sentences` (code point [start, end) of each ICU sentence, trailing
  // white space included, in order) and `words` (the word-like segments:
  // letters and numbers) when every character of `text` (valid UTF-8) is
  // handled; returns false, leaving them unspecified, otherwise.
  bool Segment(std::string_view text, Scratch& scratch,
               std::vector<std::pair<uint32_t, uint32_t>>& sentences,
               std::vector<WordSpan>& words) const;

  // Appends the folded form of code point `c` (one Segment() accepted).
  void AppendFolded(uint32_t c, std::string& out) const;

 private:
  static constexpr uint32_t kTableSize = 0x250;
  struct Extra {
    uint32_t code_point;
    uint8_t word;
    uint8_t sentence;
    std::string folded;
  };
  bool Classes(uint32_t c, uint8_t& word, uint8_t& sentence) const;

  std::array<uint8_t, kTableSize> word_{};      // WordClass, kWordRejected when not handled
  std::array<uint8_t, kTableSize> sentence_{};  // SentenceClass
  std::array<std::string, kTableSize> folded_;
  std::vector<Extra> extras_;  // the few handled characters above the table
};

}  // namespace verhaal

#endif  // VERHAAL_CODING_LATIN_BREAKS_H_
