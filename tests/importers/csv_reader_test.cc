// Tests of the streaming CSV reader (importers/csv_reader.h).
#include "importers/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace verhaal {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows ReadAll(const std::string& input, CsvOptions options = {}) {
  CsvReader reader(StringSource(input), "in.csv", options);
  Rows rows;
  while (const CsvRecord* record = reader.Next()) {
    std::vector<std::string> row;
    for (const auto& field : record->fields) row.push_back(field.value);
    rows.push_back(row);
  }
  return rows;
}

std::string ErrorOf(const std::string& input, CsvOptions options = {}) {
  try {
    ReadAll(input, options);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    return e.Describe();
  }
  return "no error";
}

struct Case {
  const char* name;
  std::string input;
  Rows expected;
};

TEST(CsvReaderTest, ReadsTheRecords) {
  const std::vector<Case> cases = {
      {"plain", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}},
      {"no final newline", "a,b\n1,2", {{"a", "b"}, {"1", "2"}}},
      {"crlf", "a,b\r\n1,2\r\n", {{"a", "b"}, {"1", "2"}}},
      {"bom", "\xEF\xBB\xBFkey,text\nk1,hallo\n", {{"key", "text"}, {"k1", "hallo"}}},
      {"semicolon (Dutch Excel)", "a;b\n1,5;2\n", {{"a", "b"}, {"1,5", "2"}}},
      {"tab", "a\tb\nx y\tz\n", {{"a", "b"}, {"x y", "z"}}},
      {"quoted delimiter", "a,b\n\"1,5\",2\n", {{"a", "b"}, {"1,5", "2"}}},
      {"quoted newline", "a,b\n\"regel 1\nregel 2\",2\n", {{"a", "b"}, {"regel 1\nregel 2", "2"}}},
      {"quoted crlf", "a,b\r\n\"x\r\ny\",2\r\n", {{"a", "b"}, {"x\r\ny", "2"}}},
      {"doubled quotes", "a\n\"zei \"\"ja\"\"\"\n", {{"a"}, {"zei \"ja\""}}},
      {"empty fields", "a,b,c\n,,\n", {{"a", "b", "c"}, {"", "", ""}}},
      {"blank lines skipped", "a,b\n\n1,2\n\r\n", {{"a", "b"}, {"1", "2"}}},
      {"empty quoted", "a,b\n\"\",x\n", {{"a", "b"}, {"", "x"}}},
      {"delimiter in header quotes", "\"a;b\",c\n1,2\n", {{"a;b", "c"}, {"1", "2"}}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ReadAll(c.input), c.expected) << c.name;
  }
}

TEST(CsvReaderTest, DetectsOrTakesTheDelimiter) {
  EXPECT_EQ(CsvReader(StringSource("a;b;c\n"), "x").delimiter(), ';');
  EXPECT_EQ(CsvReader(StringSource("a\tb\n"), "x").delimiter(), '\t');
  EXPECT_EQ(CsvReader(StringSource("a,b\n"), "x").delimiter(), ',');
  EXPECT_EQ(CsvReader(StringSource("tekst\n"), "x").delimiter(), ',');
  CsvOptions options;
  options.delimiter = ';';
  EXPECT_EQ(ReadAll("a,b;c\n", options), (Rows{{"a,b", "c"}}));
}

TEST(CsvReaderTest, FieldsKnowTheirLineAndColumn) {
  CsvReader reader(StringSource("key,tekst\nk1,\"één\ntwee\",x\n"), "in.csv",
                   CsvOptions{0, "utf-8", false});
  reader.Next();
  const CsvRecord* r = reader.Next();
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->line, 2);
  EXPECT_EQ(r->fields[1].line, 2);
  EXPECT_EQ(r->fields[1].column, 4);
  EXPECT_EQ(r->fields[2].line, 3);
  EXPECT_EQ(r->fields[2].column, 7);
  const Location at = reader.LocationOf(r->fields[2]);
  EXPECT_EQ(at.text, "twee\",x");
}

TEST(CsvReaderTest, ReportsErrorsWithTheirLocation) {
  EXPECT_EQ(ErrorOf("a,b\n1,\"open\n"),
            "in.csv:2:3: this quoted field is never closed; add the closing \" (a quote "
            "inside a field is written \"\")\n  1,\"open\n    ^");
  EXPECT_EQ(ErrorOf("a,b\n\"x\"y,2\n"),
            "in.csv:2:4: unexpected text after the closing quote of a field; write a quote "
            "inside a quoted field as \"\" and put the whole field in quotes\n  \"x\"y,2\n     ^");
  EXPECT_EQ(ErrorOf("a,b\n1,2,3\n"),
            "in.csv:2:4: this line has 3 fields but the header has 2 (delimiter ','); put "
            "fields that contain ',' or a line break in double quotes\n  1,2,3\n     ^");
  EXPECT_EQ(ErrorOf("a;b\n1\n"),
            "in.csv:2:2: this line has 1 fields but the header has 2 (delimiter ';'); put "
            "fields that contain ';' or a line break in double quotes\n  1\n   ^");
}

TEST(CsvReaderTest, InvalidUtf8NamesTheByteOffset) {
  EXPECT_EQ(ErrorOf("a,b\n1,caf\xE9\n"),
            "in.csv:2:6: invalid UTF-8: byte 0xE9 at byte offset 9; if the file is "
            "Windows-1252 or Latin-1, say so with --encoding windows-1252\n  1,caf\xE9\n       ^");
  // With a BOM the offset still counts from the start of the file.
  EXPECT_NE(ErrorOf("\xEF\xBB\xBF"
                    "a\n\xFF\n")
                .find("byte 0xFF at byte offset 5;"),
            std::string::npos);
}

TEST(CsvReaderTest, ConvertsWindows1252) {
  CsvOptions options;
  options.encoding = "windows-1252";
  EXPECT_EQ(ReadAll("naam;tekst\nJos\xE9;\x93"
                    "caf\xE9\x94\n",
                    options),
            (Rows{{"naam", "tekst"},
                  {"Jos\xC3\xA9",
                   "\xE2\x80\x9C"
                   "caf\xC3\xA9\xE2\x80\x9D"}}));
  options.encoding = "latin-1";
  EXPECT_EQ(ReadAll("a\n\xE9\xE8\n", options), (Rows{{"a"}, {"\xC3\xA9\xC3\xA8"}}));
}

TEST(CsvReaderTest, UnknownEncodingIsAUsageError) {
  try {
    CsvReader reader(StringSource("a\n"), "x", CsvOptions{0, "klingon-8", true});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
    EXPECT_EQ(e.message(),
              "unknown encoding 'klingon-8'; use utf-8, windows-1252, latin-1 or another name "
              "ICU knows");
  }
}

TEST(CsvReaderTest, StreamsRecordsLongerThanOneChunk) {
  std::string input = "key,text\n";
  const std::string long_text(200000, 'x');
  for (int i = 0; i < 5; ++i) input += "k" + std::to_string(i) + ",\"" + long_text + "\n\"\n";
  const Rows rows = ReadAll(input);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[5][0], "k4");
  EXPECT_EQ(rows[5][1], long_text + "\n");
}

}  // namespace
}  // namespace verhaal
