// The words of a text as the name stage sees them: byte spans of letters
// (with inner hyphens and apostrophes, "Al-Khatib", "Ma'ruf") or digits,
// each knowing whether it is capitalised and whether it starts a sentence.
// A hand-written pass over the UTF-8 bytes (no ICU per word): detection
// must run at tens of MB/s. Non-ASCII bytes count as letters, except the
// typographic quotes, dashes, ellipsis and no-break space.
#ifndef VERHAAL_PRIVACY_TOKENS_H_
#define VERHAAL_PRIVACY_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

struct Token {
  uint32_t begin = 0;  // bytes
  uint32_t end = 0;
  bool number = false;          // digits only
  bool capitalised = false;     // starts with an upper-case letter
  bool all_caps = false;        // two or more letters, all upper case ("UWV")
  bool sentence_start = false;  // first word of the text, a line or a sentence
  bool after_comma = false;     // a comma (or colon) right before it
};

// The tokens of `text`, in order.
std::vector<Token> Tokenize(std::string_view text);

// `word` lower-cased for list look-ups: ASCII and the Latin-1 letters
// (À-Þ), enough for the names and places the lists hold. Written into `out`
// (reused to avoid allocation).
void FoldInto(std::string_view word, std::string& out);
std::string Fold(std::string_view word);

// The number of code points in `text` (UTF-8 lead bytes).
size_t CodePoints(std::string_view text);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_TOKENS_H_
