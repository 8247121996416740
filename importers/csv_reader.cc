#include "importers/csv_reader.h"

#include <algorithm>
#include <array>

#include "base/text.h"
#include "importers/encoding.h"

namespace verhaal {
namespace {

constexpr size_t kChunk = 1 << 16;
// A field longer than this is almost always an unterminated quote that ran
// on to the end of the file; stop before memory runs out.
constexpr size_t kMaxField = size_t{64} << 20;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string DelimiterName(char c) {
  if (c == '\t') return "tab";
  return std::string("'") + c + "'";
}

}  // namespace

CsvReader::CsvReader(std::unique_ptr<ByteSource> source, std::string file_name, CsvOptions options)
    : file_name_(std::move(file_name)), options_(std::move(options)) {
  input_size_ = source->Size();
  validate_utf8_ = IsUtf8EncodingName(options_.encoding);
  source_ = DecodeToUtf8(std::move(source), options_.encoding);
  // Skip a UTF-8 byte order mark (offsets still count it).
  while (buffer_.size() < 3 && !eof_) Refill();
  if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    pos_ = 3;
    record_start_ = 3;
  }
  if (options_.delimiter != 0) {
    if (options_.delimiter != ',' && options_.delimiter != ';' && options_.delimiter != '\t') {
      throw UsageError("the delimiter must be ',', ';' or tab, not " +
                       DelimiterName(options_.delimiter));
    }
    delimiter_ = options_.delimiter;
  } else {
    delimiter_ = DetectDelimiter();
  }
}

CsvReader::~CsvReader() = default;

void CsvReader::Refill() {
  if (eof_) return;
  if (record_start_ > 0) {
    buffer_.erase(0, record_start_);
    pos_ -= record_start_;
    base_offset_ += record_start_;
    record_start_ = 0;
  }
  const size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  const size_t n = source_->Read(std::span<char>(buffer_.data() + old, kChunk));
  buffer_.resize(old + n);
  if (n == 0) eof_ = true;
}

bool CsvReader::EnsureByte() {
  while (pos_ >= buffer_.size()) {
    if (eof_) return false;
    Refill();
  }
  return true;
}

void CsvReader::Advance() {
  const char c = buffer_[pos_++];
  if (c == '\n') {
    ++line_;
    column_ = 1;
  } else if (!IsContinuation(c)) {
    ++column_;
  }
}

char CsvReader::DetectDelimiter() {
  // Look at the header line only: read until its end (outside quotes).
  std::array<size_t, 3> counts = {0, 0, 0};
  bool quoted = false;
  for (size_t i = pos_;; ++i) {
    while (i >= buffer_.size() && !eof_) Refill();
    if (i >= buffer_.size()) break;
    const char c = buffer_[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  if (counts[2] > counts[0] && counts[2] >= counts[1]) return '\t';
  if (counts[1] > counts[0]) return ';';
  return ',';
}

std::string CsvReader::LineText(int line) const {
  // Up to the end of what is buffered: the line may go on past pos_.
  std::string_view raw(buffer_.data() + record_start_, buffer_.size() - record_start_);
  for (int at = record_.line; at < line; ++at) {
    const size_t newline = raw.find('\n');
    if (newline == std::string_view::npos) return "";
    raw.remove_prefix(newline + 1);
  }
  // A plain loop: find_first_of calls memchr once per byte, and this runs
  // for every located cell.
  size_t end = 0;
  while (end < raw.size() && raw[end] != '\r' && raw[end] != '\n') ++end;
  return std::string(raw.substr(0, end));
}

void CsvReader::Fail(const std::string& message, int line, int column) const {
  throw DataError(message, Location{file_name_, line, column, LineText(line)});
}

Location CsvReader::LocationOf(const CsvField& field) const {
  return Location{file_name_, field.line, field.column, LineText(field.line)};
}

Location CsvReader::LocationOfRecord() const {
  return Location{file_name_, record_.line, 0, LineText(record_.line)};
}

void CsvReader::ReadQuoted(CsvField& field) {
  Advance();  // the opening quote
  for (;;) {
    if (!EnsureByte()) {
      Fail(
          "this quoted field is never closed; add the closing \" (a quote inside a field "
          "is written \"\")",
          field.line, field.column);
    }
    const size_t at = pos_;
    const char c = buffer_[at];
    if (c == '"') {
      Advance();
      if (EnsureByte() && buffer_[pos_] == '"') {
        field.value += '"';
        Advance();
        continue;
      }
      break;
    }
    // Copy a run of ordinary bytes at once.
    size_t end = buffer_.find('"', at);
    if (end == std::string::npos) end = buffer_.size();
    field.value.append(buffer_, at, end - at);
    while (pos_ < end) Advance();
    if (field.value.size() > kMaxField) {
      Fail("a quoted field runs on for more than 64 MB; is its closing \" missing?", field.line,
           field.column);
    }
  }
  if (EnsureByte()) {
    const char c = buffer_[pos_];
    if (c != delimiter_ && c != '\n' && c != '\r') {
      Fail(
          "unexpected text after the closing quote of a field; write a quote inside a "
          "quoted field as \"\" and put the whole field in quotes",
          line_, column_);
    }
  }
}

void CsvReader::ReadUnquoted(CsvField& field) {
  for (;;) {
    if (!EnsureByte()) return;
    const size_t at = pos_;
    size_t end = at;
    const size_t size = buffer_.size();
    while (end < size) {
      const char c = buffer_[end];
      if (c == delimiter_ || c == '\n' || c == '\r') break;
      ++end;
    }
    field.value.append(buffer_, at, end - at);
    for (size_t i = at; i < end; ++i) {
      if (!IsContinuation(buffer_[i])) ++column_;
    }
    pos_ = end;
    if (end < size) return;
  }
}

const CsvRecord* CsvReader::Next() {
  // Skip blank lines.
  for (;;) {
    record_start_ = pos_;
    if (!EnsureByte()) return nullptr;
    const char c = buffer_[pos_];
    if (c == '\n') {
      Advance();
    } else if (c == '\r') {
      ++pos_;
      if (EnsureByte() && buffer_[pos_] == '\n') {
        Advance();
      } else {
        ++line_;
        column_ = 1;
      }
    } else {
      break;
    }
  }
  record_start_ = pos_;
  record_.line = line_;
  record_.byte_offset = base_offset_ + pos_;
  size_t count = 0;
  for (;;) {
    if (record_.fields.size() <= count) record_.fields.emplace_back();
    CsvField& field = record_.fields[count++];
    field.value.clear();
    field.line = line_;
    field.column = column_;
    if (EnsureByte() && buffer_[pos_] == '"') {
      ReadQuoted(field);
    } else {
      ReadUnquoted(field);
    }
    if (!EnsureByte()) break;
    const char c = buffer_[pos_];
    if (c == delimiter_) {
      Advance();
      if (!EnsureByte()) {  // a delimiter at the very end: one more empty field
        if (record_.fields.size() <= count) record_.fields.emplace_back();
        CsvField& last = record_.fields[count++];
        last.value.clear();
        last.line = line_;
        last.column = column_;
        break;
      }
      continue;
    }
    break;  // a line end; consumed below
  }
  record_.fields.resize(count);
  const size_t end = pos_;  // the record's bytes, without its line end
  if (validate_utf8_) {
    const std::string_view raw(buffer_.data() + record_start_, end - record_start_);
    try {
      ValidateUtf8(raw, Location{file_name_, record_.line, 0, ""}, record_.byte_offset);
    } catch (const Error& e) {
      Location at = e.location();
      at.text = LineText(at.line);
      throw DataError(e.message(), at);
    }
  }
  if (options_.same_field_count) {
    if (expected_fields_ == 0) {
      expected_fields_ = count;
    } else if (count != expected_fields_) {
      const CsvField& where =
          count > expected_fields_ ? record_.fields[expected_fields_] : record_.fields[count - 1];
      const int column = count > expected_fields_ ? where.column - 1 : column_;
      Fail("this line has " + std::to_string(count) + " fields but the header has " +
               std::to_string(expected_fields_) + " (delimiter " + DelimiterName(delimiter_) +
               "); put fields that contain " + DelimiterName(delimiter_) +
               " or a line break in double quotes",
           count > expected_fields_ ? where.line : line_, column);
    }
  }
  // Consume the line end.
  if (EnsureByte()) {
    if (buffer_[pos_] == '\r') {
      ++pos_;
      ++column_;
      if (EnsureByte() && buffer_[pos_] == '\n') {
        Advance();
      } else {
        ++line_;
        column_ = 1;
      }
    } else if (buffer_[pos_] == '\n') {
      Advance();
    }
  }
  // Keep the record's bytes at buffer_[record_start_, end) for LineText:
  // pos_ moved past the line end only, which LineText ignores.
  return &record_;
}

}  // namespace verhaal
