// The fast path of autocoding text preparation: word and sentence boundaries
// and folding for stories whose characters are all Latin (U+0000-U+024F, plus
// the curly quotes, dashes and ellipsis of General Punctuation). It implements
// the Unicode word (UAX #29 WB5-WB13) and sentence (SB3-SB11) rules for those
// characters with classes read from ICU's own character properties, so it
// gives the same boundaries as ICU's break iterators, without their cost: one
// pass over the text segments, folds and records the words, sentences and
// paragraphs together. Text with any other character (combining marks, soft
// hyphens, other scripts, emoji, '_') is declined and prepared by ICU instead.
// Private to coding/.
#ifndef VERHAAL_CODING_LATIN_BREAKS_H_
#define VERHAAL_CODING_LATIN_BREAKS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "coding/rules_text.h"

namespace verhaal {

// Boundaries of Latin text. Immutable after construction, so one instance can
// be shared by threads.
class LatinBreaks {
 public:
  // Builds the class and folding tables; `fold` gives the folded form of one
  // character (as TextPreparer folds words). Never fails.
  explicit LatinBreaks(const std::function<std::string(std::string_view)>& fold);

  // Fills the folded half of `out` (buffer and folded_size, tokens without
  // stems, sentences, paragraphs, code_points) exactly as TextPreparer's ICU
  // path does, when every character of `text` (valid UTF-8) is handled;
  // returns false, leaving `out` unspecified, otherwise. `out` starts empty.
  bool Prepare(std::string_view text, PreparedText& out) const;

 private:
  static constexpr uint32_t kTableSize = 0x250;
  struct Extra {
    uint32_t code_point;
    uint8_t word;
    uint8_t sentence;
    std::string folded;
  };
  // One decoded character of the text.
  struct Char {
    uint32_t code_point = 0;
    uint32_t length = 0;  // bytes
    uint8_t word = 0;
    uint8_t sentence = 0;
  };
  class Pass;
  bool Classes(uint32_t c, uint8_t& word, uint8_t& sentence) const;
  // Decodes the character at byte `at` (< text size); false when not handled.
  bool Decode(std::string_view text, size_t at, Char& out) const;
  // The folded form of a handled code point.
  std::string_view Folded(uint32_t c) const;

  std::array<uint8_t, kTableSize> word_{};      // WordClass, kWordRejected when not handled
  std::array<uint8_t, kTableSize> sentence_{};  // SentenceClass
  std::array<std::string, kTableSize> folded_;
  std::array<char, 128> ascii_folded_{};   // the folded byte of each ASCII character
  std::array<uint8_t, 128> ascii_kind_{};  // AsciiKind: how the pass treats it
  std::vector<Extra> extras_;              // the few handled characters above the table
  size_t max_folded_per_byte_ = 1;         // most folded bytes per byte of a character
  bool ascii_blocks_ = false;              // words may be read 16 bytes at a time (SSE2)
};

}  // namespace verhaal

#endif  // VERHAAL_CODING_LATIN_BREAKS_H_
