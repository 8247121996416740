// Text as verhaal stores it: valid UTF-8, NFC-normalised, "\n" line ends.
// Offsets into stored text count Unicode code points from 0 (what REFI-QDA,
// NVivo and the coding commands use); these helpers convert to and from
// UTF-8 byte offsets.
#ifndef VERHAAL_BASE_TEXT_H_
#define VERHAAL_BASE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace verhaal {

// Checks that `bytes` is valid UTF-8. On failure throws a kData Error that
// names `where.file`, the line and column of the bad byte, and its byte
// offset from the start of `bytes` plus `base_offset`.
void ValidateUtf8(std::string_view bytes, const Location& where, size_t base_offset = 0);

// The one way text enters the project: validates UTF-8 (see ValidateUtf8),
// refuses NUL bytes (kData, located), turns "\r\n" and lone "\r" into "\n",
// and normalises to NFC (ICU).
std::string NormalizeText(std::string_view bytes, const Location& where = {});

// Hex SHA-256 of the bytes; the content hash of a stored text.
std::string ContentHash(std::string_view text);

// Decodes UTF-8, replacing invalid sequences with U+FFFD. For display only.
std::u32string DecodeUtf8Lenient(std::string_view text);

// Appends the UTF-8 encoding of one code point.
void AppendUtf8(std::string& out, char32_t c);

// Number of code points in valid UTF-8 text.
size_t CodePointCount(std::string_view text);

// Byte offset of code point `index` (index == CodePointCount gives size()).
// Throws a kData Error when the index lies beyond the text.
size_t ByteOffsetOf(std::string_view text, size_t index);

// Code point index of byte offset `byte`, which must be at a character
// boundary (a kData Error otherwise) and at most text.size().
size_t CodePointIndexOf(std::string_view text, size_t byte);

// The substring of code points [start, end).
std::string_view SliceCodePoints(std::string_view text, size_t start, size_t end);

// Converts many offsets into one text in O(1) each after an O(n) scan: keeps
// the byte offset of every code point. Holds a view; the text must outlive it.
class OffsetIndex {
 public:
  explicit OffsetIndex(std::string_view text);
  size_t code_points() const { return starts_.size() - 1; }
  size_t ByteOf(size_t code_point) const;
  size_t CodePointOf(size_t byte) const;

 private:
  std::string_view text_;
  std::vector<size_t> starts_;  // byte start of each code point, plus size()
};

// 1-based line and column (in code points) of a byte offset, for messages.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn LineColumnOf(std::string_view text, size_t byte);

// `text` with the ASCII letters A-Z lower-cased and every other byte as it
// is (for file extensions, column names and other names compared ASCII-wise).
std::string AsciiLower(std::string_view text);

// The line (without its "\n") that contains byte offset `byte`.
std::string_view LineAt(std::string_view text, size_t byte);

// The line (without its "\n") with 0-based index `index`; "" when there is
// no such line.
std::string_view NthLine(std::string_view text, int index);

}  // namespace verhaal

#endif  // VERHAAL_BASE_TEXT_H_
