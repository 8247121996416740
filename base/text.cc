#include "base/text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "base/sha256.h"

namespace verhaal {

namespace {

// Checks that `bytes` is UTF-8 (kData Error as ValidateUtf8 documents) and
// returns its largest code point (0 when empty).
UChar32 ScanUtf8(std::string_view bytes, const Location& where, size_t base_offset) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  UChar32 largest = 0;
  int32_t i = 0;
  while (i < length) {
    // ASCII fast path, eight bytes at a time.
    if (i + 8 <= length) {
      uint64_t block;
      std::memcpy(&block, s + i, sizeof block);
      if ((block & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      largest = std::max<UChar32>(largest, s[i]);
      ++i;
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      const LineColumn lc = LineColumnOf(bytes, static_cast<size_t>(start));
      Location at = where;
      at.line = where.line > 0 ? where.line + lc.line - 1 : lc.line;
      at.column = lc.line == 1 && where.column > 0 ? where.column + lc.column - 1 : lc.column;
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", s[start]);
      // A UTF-16 byte order mark at the start says which encoding it is.
      const bool utf16 = base_offset == 0 && length >= 2 &&
                         ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF));
      throw DataError("invalid UTF-8: byte " + std::string(hex) + " at byte offset " +
                          std::to_string(base_offset + static_cast<size_t>(start)) +
                          (utf16 ? "; the file is UTF-16 (it starts with a UTF-16 byte order "
                                   "mark): save it as UTF-8, or say --encoding utf-16"
                                 : "; if the file is Windows-1252 or Latin-1, say so with "
                                   "--encoding windows-1252"),
                      at);
    }
    largest = std::max(largest, c);
  }
  return largest;
}

// Every character below U+0300 (where the combining marks begin) has
// NFC_Quick_Check = Yes and canonical combining class 0, so text made of
// them only is NFC as it stands (tests/corpus/text_test.cc checks this
// against ICU for each of them).
constexpr UChar32 kFirstCombiningMark = 0x300;

}  // namespace

void ValidateUtf8(std::string_view bytes, const Location& where, size_t base_offset) {
  ScanUtf8(bytes, where, base_offset);
}

std::string NormalizeText(std::string_view bytes, const Location& where) {
  const UChar32 largest = ScanUtf8(bytes, where, 0);
  if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    // Valid UTF-8, but it cuts texts short in C strings, XLSX and XML.
    const LineColumn lc = LineColumnOf(bytes, nul);
    Location at = where;
    at.line = where.line > 0 ? where.line + lc.line - 1 : lc.line;
    at.column = lc.line == 1 && where.column > 0 ? where.column + lc.column - 1 : lc.column;
    throw DataError("a NUL byte (0x00) at byte offset " + std::to_string(nul) +
                        "; text may not contain NUL bytes (is the file UTF-16? save it as "
                        "UTF-8)",
                    at);
  }
  std::string unified;
  if (bytes.find('\r') == std::string_view::npos) {
    unified.assign(bytes);
  } else {
    unified.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\r') {
        unified += '\n';
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      } else {
        unified += bytes[i];
      }
    }
  }
  if (largest < kFirstCombiningMark) return unified;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error(ErrorKind::kInternal, "ICU NFC normaliser unavailable");
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(unified);
  if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return unified;
  status = U_ZERO_ERROR;
  const icu::UnicodeString normal = nfc->normalize(source, status);
  if (U_FAILURE(status)) {
    throw Error(ErrorKind::kInternal,
                std::string("ICU normalisation failed: ") + u_errorName(status));
  }
  std::string out;
  normal.toUTF8String(out);
  return out;
}

std::string ContentHash(std::string_view text) { return Sha256Hex(text); }

std::u32string DecodeUtf8Lenient(std::string_view text) {
  std::u32string out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

namespace {
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

size_t CodePointCount(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += IsContinuation(c) ? 0 : 1;
  return n;
}

size_t ByteOffsetOf(std::string_view text, size_t index) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsContinuation(text[i])) continue;
    if (seen == index) return i;
    ++seen;
  }
  if (seen == index) return text.size();
  throw DataError("offset " + std::to_string(index) + " lies beyond the end of the text (" +
                  std::to_string(seen) + " characters)");
}

size_t CodePointIndexOf(std::string_view text, size_t byte) {
  if (byte > text.size()) {
    throw DataError("byte offset " + std::to_string(byte) + " lies beyond the end of the text (" +
                    std::to_string(text.size()) + " bytes)");
  }
  if (byte < text.size() && IsContinuation(text[byte])) {
    throw DataError("byte offset " + std::to_string(byte) + " falls inside a character");
  }
  return CodePointCount(text.substr(0, byte));
}

std::string_view SliceCodePoints(std::string_view text, size_t start, size_t end) {
  const size_t from = ByteOffsetOf(text, start);
  const size_t to = ByteOffsetOf(text, end);
  return text.substr(from, to - from);
}

OffsetIndex::OffsetIndex(std::string_view text) : text_(text) {
  starts_.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsContinuation(text[i])) starts_.push_back(i);
  }
  starts_.push_back(text.size());
}

size_t OffsetIndex::ByteOf(size_t code_point) const {
  if (code_point >= starts_.size()) {
    throw DataError("offset " + std::to_string(code_point) + " lies beyond the end of the text (" +
                    std::to_string(code_points()) + " characters)");
  }
  return starts_[code_point];
}

size_t OffsetIndex::CodePointOf(size_t byte) const {
  auto it = std::lower_bound(starts_.begin(), starts_.end(), byte);
  if (it == starts_.end() || *it != byte) {
    throw DataError("byte offset " + std::to_string(byte) + " is not at a character boundary");
  }
  return static_cast<size_t>(it - starts_.begin());
}

LineColumn LineColumnOf(std::string_view text, size_t byte) {
  LineColumn lc;
  byte = std::min(byte, text.size());
  for (size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if (!IsContinuation(text[i])) {
      ++lc.column;
    }
  }
  return lc;
}

std::string_view LineAt(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  size_t begin = 0;
  if (byte > 0) {
    const size_t newline = text.rfind('\n', byte - 1);
    if (newline != std::string_view::npos) begin = newline + 1;
  }
  size_t end = text.find('\n', byte);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string_view NthLine(std::string_view text, int index) {
  if (index < 0) return {};
  size_t begin = 0;
  for (int i = 0; i < index; ++i) {
    const size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos) return {};
    begin = newline + 1;
  }
  return LineAt(text, begin);
}

}  // namespace verhaal
