// Byte classes shared by the pattern scanners (private to privacy/).
#ifndef VERHAAL_PRIVACY_CHAR_CLASS_H_
#define VERHAAL_PRIVACY_CHAR_CLASS_H_

#include <string_view>

namespace verhaal::privacy_internal {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAlnum(char c) { return IsDigit(c) || IsAsciiLetter(c); }
// A byte that continues a word: ASCII letters and digits and every
// non-ASCII byte (letters with diacritics).
inline bool IsWordByte(char c) { return IsAlnum(c) || static_cast<unsigned char>(c) >= 0x80; }

// Whether text[i] starts a word: the text starts there or the byte before
// is no word byte.
inline bool WordStartsAt(std::string_view text, size_t i) {
  return i == 0 || !IsWordByte(text[i - 1]);
}
inline bool WordEndsAt(std::string_view text, size_t i) {
  return i >= text.size() || !IsWordByte(text[i]);
}

// Case-insensitive ASCII comparison of text at i with `word` (lower case).
inline bool MatchesAt(std::string_view text, size_t i, std::string_view word) {
  if (i + word.size() > text.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    char c = text[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != word[k]) return false;
  }
  return true;
}

}  // namespace verhaal::privacy_internal

#endif  // VERHAAL_PRIVACY_CHAR_CLASS_H_
