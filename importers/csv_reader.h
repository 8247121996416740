// A streaming reader of CSV and TSV files (RFC 4180 as Excel and survey tools
// write it): quoted fields may hold delimiters, newlines and doubled quotes
// (""); lines end in "\n" or "\r\n"; a UTF-8 byte order mark is skipped. The
// delimiter (',' ';' or tab) is detected from the header line unless given.
// Input is read in 64 KiB chunks, so memory stays small whatever the file
// size. Every field carries the 1-based line and column (in code points) where
// it starts, so callers can report errors as FILE:LINE:COL.
//
// Usage:
//   CsvReader reader(OpenFileSource(path), path.string());
//   const CsvRecord* header = reader.Next();
//   while (const CsvRecord* record = reader.Next()) { ... (*record)[0] ... }
//
// Errors (verhaal::Error, kind kData, located with the offending line):
// an unterminated quoted field, text after a closing quote, a record with
// another number of fields than the header, invalid UTF-8 (with its byte
// offset; see CsvOptions::encoding for Windows-1252 / Latin-1 input).
#ifndef VERHAAL_IMPORTERS_CSV_READER_H_
#define VERHAAL_IMPORTERS_CSV_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "importers/byte_source.h"

namespace verhaal {

struct CsvOptions {
  // ',' ';' or '\t'; 0 detects it from the header line (the most frequent of
  // the three outside quotes; ',' when none occurs).
  char delimiter = 0;
  // The input's character encoding; anything but UTF-8 is converted with ICU
  // (see importers/encoding.h). UTF-8 input is validated.
  // Empty: UTF-8 (guess one first with GuessEncoding when nobody named it).
  std::string encoding;
  // Every record must have as many fields as the first one (the header).
  bool same_field_count = true;
};

struct CsvField {
  std::string value;  // unquoted, "" turned into ", line ends kept as written
  int line = 0;       // where the field starts, 1-based
  int column = 0;     // in code points, 1-based; a quoted field starts at its quote
};

// One record: the fields of one line (or of several physical lines when a
// quoted field holds newlines).
struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 0;              // the first physical line
  uint64_t byte_offset = 0;  // of its first byte in the (decoded) input

  size_t size() const { return fields.size(); }
  const std::string& operator[](size_t i) const { return fields[i].value; }
};

// Reads records one at a time. Not copyable: it owns the source and buffer.
class CsvReader {
 public:
  // Reads the first line to find the delimiter; may throw the errors above
  // and those of the source (kIo). `file_name` is used in messages.
  CsvReader(std::unique_ptr<ByteSource> source, std::string file_name, CsvOptions options = {});
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;
  ~CsvReader();

  // The next record, or nullptr at the end of the input. The first record is
  // the header line. Blank lines are skipped. The record is owned by the
  // reader and valid until the next call.
  const CsvRecord* Next();

  // The delimiter in use (detected or given).
  char delimiter() const { return delimiter_; }
  const std::string& file_name() const { return file_name_; }

  // Where `field` of the current record is, with the text of its line, for
  // an Error about its value.
  Location LocationOf(const CsvField& field) const;
  // Where the current record starts (column 0: the whole line).
  Location LocationOfRecord() const;

  // Bytes of input consumed so far, and the input size when known (0
  // otherwise), for a progress bar.
  uint64_t bytes_read() const { return base_offset_ + pos_; }
  uint64_t input_size() const { return input_size_; }

 private:
  bool EnsureByte();
  void Refill();
  void Advance();
  void ReadQuoted(CsvField& field);
  void ReadUnquoted(CsvField& field);
  char DetectDelimiter();
  std::string LineText(int line) const;
  [[noreturn]] void Fail(const std::string& message, int line, int column) const;

  std::unique_ptr<ByteSource> source_;
  std::string file_name_;
  CsvOptions options_;
  bool validate_utf8_ = true;
  char delimiter_ = ',';
  std::string buffer_;        // decoded bytes from record_start_ on
  size_t pos_ = 0;            // next byte in buffer_
  size_t record_start_ = 0;   // first byte of the current record in buffer_
  uint64_t base_offset_ = 0;  // input offset of buffer_[0]
  uint64_t input_size_ = 0;
  bool eof_ = false;
  int line_ = 1;
  int column_ = 1;
  size_t expected_fields_ = 0;
  CsvRecord record_;
};

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_CSV_READER_H_
