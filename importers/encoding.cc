#include "importers/encoding.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <vector>

#include "base/error.h"

namespace verhaal {
namespace {

// Converts chunk by chunk with ucnv_convertEx, which keeps the state of a
// multi-byte sequence that straddles two chunks.
class DecodingSource : public ByteSource {
 public:
  DecodingSource(std::unique_ptr<ByteSource> source, UConverter* from, UConverter* to)
      : source_(std::move(source)), from_(from), to_(to), input_(1 << 16) {}
  ~DecodingSource() override {
    ucnv_close(from_);
    ucnv_close(to_);
  }

  size_t Read(std::span<char> buffer) override {
    char* target = buffer.data();
    char* const target_limit = buffer.data() + buffer.size();
    while (target == buffer.data() && !(done_ && input_at_ == input_end_)) {
      if (input_at_ == input_end_ && !eof_) {
        input_end_ = source_->Read(input_);
        input_at_ = 0;
        eof_ = input_end_ == 0;
      }
      const char* source = input_.data() + input_at_;
      const char* const source_limit = input_.data() + input_end_;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(to_, from_, &target, target_limit, &source, source_limit, pivot_,
                     &pivot_source_, &pivot_target_, pivot_ + kPivot, false, eof_, &status);
      input_at_ = static_cast<size_t>(source - input_.data());
      if (status == U_BUFFER_OVERFLOW_ERROR) break;  // the caller's buffer is full
      if (U_FAILURE(status)) {
        throw DataError(std::string("cannot convert the input to UTF-8: ") + u_errorName(status));
      }
      if (eof_ && input_at_ == input_end_) done_ = true;
    }
    return static_cast<size_t>(target - buffer.data());
  }
  uint64_t Size() const override { return source_->Size(); }

 private:
  static constexpr int kPivot = 1024;
  std::unique_ptr<ByteSource> source_;
  UConverter* from_;
  UConverter* to_;
  std::vector<char> input_;
  size_t input_at_ = 0;
  size_t input_end_ = 0;
  bool eof_ = false;
  bool done_ = false;
  UChar pivot_[kPivot];
  UChar* pivot_source_ = pivot_;
  UChar* pivot_target_ = pivot_;
};

}  // namespace

bool IsUtf8EncodingName(std::string_view encoding) {
  std::string plain;
  for (char c : encoding) {
    if (c != '-' && c != '_')
      plain += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return plain == "utf8" || plain.empty();
}

std::unique_ptr<ByteSource> DecodeToUtf8(std::unique_ptr<ByteSource> source,
                                         std::string_view encoding) {
  if (IsUtf8EncodingName(encoding)) return source;
  const std::string name(encoding);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) {
    throw UsageError("unknown encoding '" + name +
                     "'; use utf-8, windows-1252, latin-1 or another name ICU knows");
  }
  UConverter* to = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) {
    ucnv_close(from);
    throw Error(ErrorKind::kInternal, "ICU has no UTF-8 converter");
  }
  return std::make_unique<DecodingSource>(std::move(source), from, to);
}

namespace {

// Streams bytes through a UTF-8 validator, remembering where the first
// invalid byte was (line and column count bytes of the line, from 1).
class Utf8Scan {
 public:
  // False once a byte was found that cannot be UTF-8.
  bool Feed(const unsigned char* p, size_t n) {
    size_t i = 0;
    while (i < n) {
      if (pending_ == 0) {
        // Eight ASCII bytes at a time.
        while (i + 8 <= n) {
          uint64_t word;
          std::memcpy(&word, p + i, 8);
          if (word & 0x8080808080808080ULL) break;
          for (size_t k = 0; k < 8; ++k) Count(p[i + k]);
          i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i];
        if (c < 0x80) {
          Count(c);
          ++i;
          continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
          pending_ = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
          pending_ = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
          pending_ = 3;
        } else {
          return Bad(c);
        }
        lead_ = c;
        first_continuation_ = true;
        Count(c);
        lead_line_ = line_;
        lead_column_ = column_;
        ++i;
        continue;
      }
      const unsigned char c = p[i];
      bool ok = c >= 0x80 && c <= 0xBF;
      if (ok && first_continuation_) {
        // Overlong forms, surrogates and code points past U+10FFFF.
        if (lead_ == 0xE0) ok = c >= 0xA0;
        if (lead_ == 0xED) ok = c <= 0x9F;
        if (lead_ == 0xF0) ok = c >= 0x90;
        if (lead_ == 0xF4) ok = c <= 0x8F;
      }
      if (!ok) return BadSequence();
      first_continuation_ = false;
      --pending_;
      ++i;
    }
    return true;
  }
  // At the end of the file: a sequence cut off is not UTF-8 either.
  bool Finish() { return pending_ == 0 || BadSequence(); }

  int64_t line() const { return line_; }
  int64_t column() const { return column_; }
  unsigned char byte() const { return bad_; }

 private:
  void Count(unsigned char c) {
    if (c == '\n') {
      ++line_;
      column_ = 0;
    } else {
      ++column_;
    }
  }
  // A byte that cannot start a character.
  bool Bad(unsigned char c) {
    bad_ = c;
    ++column_;
    return false;
  }
  // A lead byte without the continuation bytes it needs: report the lead.
  bool BadSequence() {
    bad_ = lead_;
    line_ = lead_line_;
    column_ = lead_column_;
    return false;
  }

  int pending_ = 0;
  unsigned char lead_ = 0;
  int64_t lead_line_ = 0;
  int64_t lead_column_ = 0;
  bool first_continuation_ = false;
  int64_t line_ = 1;
  int64_t column_ = 0;
  unsigned char bad_ = 0;
};

std::string Hex(unsigned char c) {
  static const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[c >> 4] + digits[c & 15];
}

}  // namespace

GuessedEncoding GuessEncoding(const std::filesystem::path& file) {
  auto source = OpenFileSource(file);
  std::vector<char> chunk(1 << 20);
  Utf8Scan scan;
  bool first = true;
  while (const size_t n = source->Read(chunk)) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(chunk.data());
    if (first) {
      first = false;
      if (n >= 2 &&
          ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        return {"utf-16", "it starts with a UTF-16 byte order mark"};
      }
    }
    if (!scan.Feed(bytes, n)) {
      return {"windows-1252", "byte " + Hex(scan.byte()) + " at line " +
                                  std::to_string(scan.line()) + ", column " +
                                  std::to_string(scan.column()) + " is not UTF-8"};
    }
  }
  if (!scan.Finish()) {
    return {"windows-1252", "byte " + Hex(scan.byte()) + " at line " + std::to_string(scan.line()) +
                                ", column " + std::to_string(scan.column()) +
                                " starts a character the file ends before"};
  }
  return {"utf-8", ""};
}

std::string EncodingFor(const std::filesystem::path& file, std::string_view named,
                        std::vector<std::string>& warnings) {
  if (!named.empty()) return std::string(named);
  GuessedEncoding guess = GuessEncoding(file);
  if (guess.name == "utf-16") {
    warnings.push_back(file.string() + " is read as UTF-16: " + guess.evidence +
                       "; to read it otherwise, name the encoding with --encoding");
  } else if (guess.name != "utf-8") {
    warnings.push_back(file.string() + " is not UTF-8 (" + guess.evidence +
                       "), so it is read as Windows-1252, the encoding of Excel on Windows; "
                       "check a few accented words (é, ë, ö) and, if they are wrong, name the "
                       "encoding with --encoding (e.g. latin-1, iso-8859-15, macintosh) or "
                       "save the file as UTF-8");
  }
  return guess.name;
}

std::string ReadTextFile(const std::filesystem::path& file, std::string_view encoding) {
  auto source = DecodeToUtf8(OpenFileSource(file), encoding);
  std::string out;
  std::vector<char> chunk(1 << 16);
  while (const size_t n = source->Read(chunk)) out.append(chunk.data(), n);
  if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
  return out;
}

}  // namespace verhaal
