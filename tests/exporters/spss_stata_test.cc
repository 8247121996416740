#include "exporters/spss_stata.h"

#include <gtest/gtest.h>
#include <readstat.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/error.h"
#include "exporters/codings_shape.h"
#include "exporters/stories_shape.h"
#include "tests/exporters/export_fixture.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::HaveTool;
using testing::RunTool;
using testing::TempDir;

// What ReadStat's own parser reads back from a .sav or .dta file.
struct ReadBack {
  std::vector<std::string> names;
  std::map<std::string, std::string> labels;             // variable label by name
  std::map<std::string, std::string> formats;            // display format by name
  std::map<std::string, std::string> types;              // "string" or "number" by name
  std::vector<std::map<std::string, std::string>> rows;  // text or number as text
  std::map<std::string, std::string> value_labels;       // "SET=VALUE" -> label
  std::vector<std::string> notes;
};

int OnVariable(int, readstat_variable_t* variable, const char*, void* context) {
  auto* back = static_cast<ReadBack*>(context);
  const std::string name = readstat_variable_get_name(variable);
  back->names.push_back(name);
  const char* label = readstat_variable_get_label(variable);
  back->labels[name] = label == nullptr ? "" : label;
  const char* format = readstat_variable_get_format(variable);
  back->formats[name] = format == nullptr ? "" : format;
  back->types[name] = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING
                          ? "string"
                          : "number";
  return READSTAT_HANDLER_OK;
}

int OnValue(int row, readstat_variable_t* variable, readstat_value_t value, void* context) {
  auto* back = static_cast<ReadBack*>(context);
  if (back->rows.size() <= static_cast<size_t>(row)) back->rows.resize(row + 1);
  std::string text;
  if (readstat_value_is_system_missing(value)) {
    text = ".";
  } else if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
    const char* string = readstat_string_value(value);
    text = string == nullptr ? "" : string;
  } else {
    text = FormatNumber(readstat_double_value(value));
  }
  back->rows[row][readstat_variable_get_name(variable)] = text;
  return READSTAT_HANDLER_OK;
}

int OnValueLabel(const char* set, readstat_value_t value, const char* label, void* context) {
  auto* back = static_cast<ReadBack*>(context);
  const std::string key = std::string(set) + "=" +
                          (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING
                               ? readstat_string_value(value)
                               : FormatNumber(readstat_double_value(value)));
  back->value_labels[key] = label;
  return READSTAT_HANDLER_OK;
}

int OnNote(int, const char* note, void* context) {
  static_cast<ReadBack*>(context)->notes.push_back(note);
  return READSTAT_HANDLER_OK;
}

ReadBack ReadWithReadstat(const std::filesystem::path& file, StatFormat format) {
  ReadBack back;
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_variable_handler(parser, OnVariable);
  readstat_set_value_handler(parser, OnValue);
  readstat_set_value_label_handler(parser, OnValueLabel);
  readstat_set_note_handler(parser, OnNote);
  const readstat_error_t error = format == StatFormat::kSav
                                     ? readstat_parse_sav(parser, file.c_str(), &back)
                                     : readstat_parse_dta(parser, file.c_str(), &back);
  readstat_parser_free(parser);
  EXPECT_EQ(error, READSTAT_OK) << readstat_error_message(error);
  return back;
}

// A Dutch text, without a trailing space, of at least `bytes` bytes, with diacritics (two-byte
// characters) at odd offsets so that a cut by bytes would split one.
std::string LongDutchText(size_t bytes) {
  const std::string sentence =
      "Één keer per week ging ik naar de klantmanager; het gesprek was geëmotioneerd, "
      "maar we begrepen elkaar. Ze zei: ‘Súdwest-Fryslân is ver, ĳ ben er niet geweest.’ ";
  std::string text;
  while (text.size() < bytes) text += sentence;
  text.back() = '.';  // SPSS pads strings with spaces: a trailing one does not come back
  return text;
}

// Compares long texts without printing 20 KB when they differ.
void ExpectSameText(const std::string& actual, const std::string& expected) {
  EXPECT_EQ(actual.size(), expected.size());
  const auto [a, e] = std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end());
  EXPECT_TRUE(a == actual.end() && e == expected.end())
      << "first difference at byte " << (a - actual.begin()) << ": "
      << std::string(a, std::min(a + 40, actual.end()));
}

size_t Utf8Length(const std::string& text) {
  size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

class SpssStataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project_.emplace(Project::Create(dir_ / "study.verhaal", "Study"));
    testing::BuildStudy(*project_);
  }
  TempDir dir_;
  std::optional<Project> project_;
};

void ExpectContains(const std::string& text, const std::vector<std::string>& parts) {
  for (const auto& part : parts) {
    EXPECT_NE(text.find(part), std::string::npos) << "missing: " << part << "\nin:\n" << text;
  }
}

TEST_F(SpssStataTest, PsppReadsLabelsValueLabelsAndDiacritics) {
  if (!HaveTool("pspp")) GTEST_SKIP() << "pspp is not installed";
  auto source = MakeStoriesShape(*project_, {});
  std::ostringstream warnings;
  const auto file = dir_ / "stories.sav";
  EXPECT_EQ(WriteStatFile(*source, StatFormat::kSav, file, warnings), 3);
  EXPECT_EQ(warnings.str(), "");
  const auto syntax = dir_.Write("read.sps", "GET FILE='" + file.string() +
                                                 "'.\nDISPLAY DICTIONARY.\n"
                                                 "LIST story title gemeente vertrouwen.\n"
                                                 "FREQUENCIES role c_motivatie_willen.\n");
  const auto result = RunTool("pspp -O format=txt -o - " + syntax.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  ExpectContains(result.output,
                 {"motivatie/willen", "present", "absent", "klantmanager", "statushouder",
                  "Vertrouwen (0 = weinig, 1 = veel)", "not applicable", "Súdwest-Fryslân",
                  "Eén gesprek", "Houding: proportion willen", "Scale", "Nominal",
                  "Leeftijdsgroep (respondent)", "jonger dan 30"});
}

TEST_F(SpssStataTest, ReadstatAndPandasReadTheStataFile) {
  auto source = MakeStoriesShape(*project_, {});
  std::ostringstream warnings;
  const auto file = dir_ / "stories.dta";
  EXPECT_EQ(WriteStatFile(*source, StatFormat::kDta, file, warnings), 3);
  if (HaveTool("readstat")) {
    const auto csv = dir_ / "back.csv";
    const auto result = RunTool("readstat " + file.string() + " " + csv.string());
    ASSERT_EQ(result.exit_code, 0) << result.output;
    // The date is a Stata date: days since 1960-01-01. Whole-number columns
    // are bytes (the readstat tool prints them without decimals).
    ExpectContains(testing::ReadFile(csv),
                   {"\"S1\",\"SH-07\",2,1,1,23801.000000,\"\",\"Eén "
                    "gesprek\",\"Súdwest-Fryslân\",1,\"interview ij\",0.250000,2,"
                    "0.500000,0.250000,0.250000,0.500000,0.500000,7,",
                    "\"=HYPERLINK(\"\"http://evil\"\")\""});
  }
  // pandas may live in the system Python only.
  std::string python;
  for (const std::string candidate : {"python3", "/usr/bin/python3"}) {
    if (RunTool(candidate + " -c 'import pandas'").exit_code == 0) {
      python = candidate;
      break;
    }
  }
  if (python.empty()) GTEST_SKIP() << "python3 with pandas is not installed";
  const auto script = dir_.Write("read.py",
                                 "import sys, pandas\n"
                                 "frame = pandas.read_stata(sys.argv[1])\n"
                                 "reader = pandas.io.stata.StataReader(sys.argv[1])\n"
                                 "labels = reader.variable_labels()\n"
                                 "print(labels['c_motivatie_willen'])\n"
                                 "print(labels['vertrouwen'])\n"
                                 "print(list(frame['role']))\n"
                                 "print(list(frame['c_motivatie_willen']))\n"
                                 "print(list(frame['gemeente']))\n"
                                 "print(list(frame['houding_top']))\n");
  const auto result = RunTool(python + " " + script.string() + " " + file.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output,
            "motivatie/willen (codings of anna, bram, any coder)\n"
            "Vertrouwen (0 = weinig, 1 = veel)\n"
            "['statushouder', 'klantmanager', nan]\n"
            "['present', 'absent', 'absent']\n"
            "['Súdwest-Fryslân', '=HYPERLINK(\"http://evil\")', '']\n"
            "[0.5, nan, nan]\n");
}

ExportColumn TextColumn(std::string name, std::string label = "") {
  if (label.empty()) label = name;
  return {std::move(name), std::move(label), ColumnKind::kText, Measure::kNominal, {}, false};
}

TEST_F(SpssStataTest, SpssVeryLongStringsReadBackWholeWithUniqueSegmentNames) {
  // A text of 20,000 bytes takes 80 segments, more than ReadStat's 36
  // segment names; a second long column and a short one beside it.
  const std::string text = LongDutchText(20000);
  const std::string other = LongDutchText(600);
  MemoryExportSource source("t", {TextColumn("quote"), TextColumn("quote1"), TextColumn("kort")});
  source.AddRow({Cell::Text(text), Cell::Text(other), Cell::Text("één")});
  source.AddRow({Cell::Text("kort"), Cell::Missing(), Cell::Text("twee")});
  std::ostringstream warnings;
  const auto file = dir_ / "long.sav";
  EXPECT_EQ(WriteStatFile(source, StatFormat::kSav, file, warnings), 2);
  EXPECT_EQ(warnings.str(), "");
  const ReadBack back = ReadWithReadstat(file, StatFormat::kSav);
  EXPECT_EQ(back.names, (std::vector<std::string>{"quote", "quote1", "kort"}));
  ASSERT_EQ(back.rows.size(), 2u);
  ExpectSameText(back.rows[0].at("quote"), text);
  ExpectSameText(back.rows[0].at("quote1"), other);
  EXPECT_EQ(back.rows[0].at("kort"), "één");
  EXPECT_EQ(back.rows[1].at("quote"), "kort");

  if (!HaveTool("pspp")) GTEST_SKIP() << "pspp is not installed";
  const auto syntax = dir_.Write(
      "read.sps", "GET FILE='" + file.string() +
                      "'.\nDISPLAY VARIABLES.\nSAVE TRANSLATE /OUTFILE='" +
                      (dir_ / "back.csv").string() + "' /TYPE=CSV /FIELDNAMES /REPLACE.\n");
  const auto result = RunTool("pspp -O format=txt -o - " + syntax.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output.find("warning"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("Renaming"), std::string::npos) << result.output;
  const std::string csv = testing::ReadFile(dir_ / "back.csv");
  EXPECT_NE(csv.find("\"" + text + "\""), std::string::npos) << csv.size() << " bytes";
}

int OnMetadata(readstat_metadata_t* metadata, void* context) {
  *static_cast<readstat_compress_t*>(context) = readstat_get_compression(metadata);
  return READSTAT_HANDLER_OK;
}

TEST_F(SpssStataTest, SpssRowsAreBytecodeCompressedAsSpssWritesThem) {
  // 40 code columns of 0/1, a count and a slider with decimals over 2,000
  // stories: uncompressed, each number takes 8 bytes (over 670 KB of rows).
  std::vector<ExportColumn> columns = {
      {"n_codes", "codings", ColumnKind::kNumber, Measure::kScale, {}, false},
      {"slider", "slider", ColumnKind::kNumber, Measure::kScale, {}, false}};
  for (int c = 0; c < 40; ++c) {
    columns.push_back({"c_" + std::to_string(c),
                       "code " + std::to_string(c),
                       ColumnKind::kNumber,
                       Measure::kNominal,
                       {{0, "absent"}, {1, "present"}},
                       false});
  }
  MemoryExportSource source("t", columns);
  for (int row = 0; row < 2000; ++row) {
    std::vector<Cell> cells = {Cell::Number(row % 7), Cell::Number(row / 1999.0)};
    for (int c = 0; c < 40; ++c) cells.push_back(Cell::Number((row + c) % 3 == 0 ? 1 : 0));
    source.AddRow(std::move(cells));
  }
  std::ostringstream warnings;
  const auto file = dir_ / "compressed.sav";
  EXPECT_EQ(WriteStatFile(source, StatFormat::kSav, file, warnings), 2000);
  readstat_compress_t compression = READSTAT_COMPRESS_NONE;
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_metadata_handler(parser, OnMetadata);
  EXPECT_EQ(readstat_parse_sav(parser, file.c_str(), &compression), READSTAT_OK);
  readstat_parser_free(parser);
  EXPECT_EQ(compression, READSTAT_COMPRESS_ROWS);
  // A byte for each whole number, eight for each slider value but the
  // first (0) and the last (1), and the dictionary.
  EXPECT_LT(std::filesystem::file_size(file), 2000u * (41 + 8) + 20000u);
  const ReadBack back = ReadWithReadstat(file, StatFormat::kSav);
  ASSERT_EQ(back.rows.size(), 2000u);
  EXPECT_EQ(back.rows[5].at("n_codes"), "5");
  EXPECT_EQ(back.rows[1000].at("slider"), FormatNumber(1000 / 1999.0));
  EXPECT_EQ(back.rows[3].at("c_0"), "1");
  EXPECT_EQ(back.rows[3].at("c_1"), "0");
}

TEST_F(SpssStataTest, SpssCutsLongLabelsOnACharacterBoundaryAndNamesTheVariables) {
  // 'é' is two bytes: 200 of them are 400 bytes, 255 bytes would split one.
  std::string long_label;
  for (int i = 0; i < 200; ++i) long_label += "é";
  ExportColumn coded = {"c_lang",
                        long_label,
                        ColumnKind::kNumber,
                        Measure::kNominal,
                        {{0, "absent"}, {1, long_label}},
                        false};
  MemoryExportSource source("t", {coded, TextColumn("kort", "kort")});
  source.AddRow({Cell::Number(1), Cell::Text("x")});
  std::ostringstream warnings;
  const auto file = dir_ / "labels.sav";
  WriteStatFile(source, StatFormat::kSav, file, warnings);
  EXPECT_EQ(warnings.str(),
            "verhaal: warning: " + file.string() +
                ": variable labels longer than SPSS's 255 bytes were cut at a character boundary: "
                "c_lang; the full labels are on the variables sheet of --format xlsx\n"
                "verhaal: warning: " +
                file.string() +
                ": value labels longer than SPSS's 120 bytes were cut at a character boundary, in "
                "c_lang; the full labels are on the variables sheet of --format xlsx\n");
  const ReadBack back = ReadWithReadstat(file, StatFormat::kSav);
  EXPECT_EQ(back.labels.at("c_lang"), long_label.substr(0, 254));
  std::string value_label;
  for (const auto& [key, label] : back.value_labels) {
    if (key.ends_with("=1")) value_label = label;
  }
  EXPECT_EQ(value_label, long_label.substr(0, 120));
}

TEST_F(SpssStataTest, StataWritesLongTextAsStrL) {
  const std::string text = LongDutchText(20000);
  MemoryExportSource source("t", {TextColumn("quote"), TextColumn("kort")});
  source.AddRow({Cell::Text(text), Cell::Text("één")});
  source.AddRow({Cell::Text("kort"), Cell::Text("")});
  std::ostringstream warnings;
  const auto file = dir_ / "long.dta";
  EXPECT_EQ(WriteStatFile(source, StatFormat::kDta, file, warnings), 2);
  EXPECT_EQ(warnings.str(), "");
  const ReadBack back = ReadWithReadstat(file, StatFormat::kDta);
  ASSERT_EQ(back.rows.size(), 2u);
  ExpectSameText(back.rows[0].at("quote"), text);
  EXPECT_EQ(back.rows[1].at("quote"), "kort");
  EXPECT_EQ(back.rows[0].at("kort"), "één");
}

TEST_F(SpssStataTest, StataCutsLabelsOver80CharactersAndKeepsThemInNotes) {
  // 100 characters of which many are two bytes: Stata counts characters.
  std::string long_label;
  for (int i = 0; i < 50; ++i) long_label += "ëa";
  ExportColumn coded = {
      "c_lang", long_label, ColumnKind::kNumber, Measure::kNominal, {{0, "absent"}, {1, "present"}},
      false};
  MemoryExportSource source("t", {coded, TextColumn("kort", "kort")});
  source.AddRow({Cell::Number(1), Cell::Text("x")});
  std::ostringstream warnings;
  const auto file = dir_ / "labels.dta";
  WriteStatFile(source, StatFormat::kDta, file, warnings);
  EXPECT_EQ(warnings.str(),
            "verhaal: warning: " + file.string() +
                ": variable labels longer than Stata's 80 characters were cut at a "
                "character boundary: c_lang; the full labels are in the file's "
                "notes (Stata: notes) and on the variables sheet of --format xlsx\n");
  const ReadBack back = ReadWithReadstat(file, StatFormat::kDta);
  std::string first80;
  for (int i = 0; i < 40; ++i) first80 += "ëa";
  EXPECT_EQ(back.labels.at("c_lang"), first80);
  EXPECT_EQ(back.labels.at("kort"), "kort");
  EXPECT_EQ(back.notes, (std::vector<std::string>{"c_lang: " + long_label}));
}

// Notes (the pseudonymisation note of a clean copy) are SPSS document
// records and Stata notes, read back line by line.
TEST_F(SpssStataTest, NotesAreDocumentRecordsAndStataNotes) {
  const std::vector<std::string> notes = {"Pseudonymised copy, made on 2026-12-07 from:",
                                          "studie.verhaal (één bron)"};
  for (const StatFormat format : {StatFormat::kSav, StatFormat::kDta}) {
    MemoryExportSource source("t", {TextColumn("kort", "kort")});
    source.AddRow({Cell::Text("x")});
    std::ostringstream warnings;
    const auto file = dir_ / (format == StatFormat::kSav ? "notes.sav" : "notes.dta");
    WriteStatFile(source, format, file, warnings, kEarliestExportTime, notes);
    EXPECT_EQ(warnings.str(), "");
    const ReadBack back = ReadWithReadstat(file, format);
    ASSERT_EQ(back.notes.size(), 2u) << file;
    // SPSS pads each 80-byte document line with spaces.
    for (size_t i = 0; i < notes.size(); ++i) {
      std::string line = back.notes[i];
      while (!line.empty() && line.back() == ' ') line.pop_back();
      EXPECT_EQ(line, notes[i]) << file;
    }
  }
}

// Counts, 0/1 and codes without decimals, sliders with, dates as dates.
MemoryExportSource NumbersAndDates() {
  ExportColumn date = TextColumn("datum", "story date");
  date.date = true;
  MemoryExportSource source(
      "t", {{"n_codes", "codings", ColumnKind::kNumber, Measure::kScale, {}, false},
            {"c_x", "x", ColumnKind::kNumber, Measure::kNominal, {{0, "absent"}, {1, "present"}}},
            {"slider", "slider", ColumnKind::kNumber, Measure::kScale, {}, true},
            {"role", "role", ColumnKind::kCategory, Measure::kNominal, {{1, "a"}, {2, "b"}}},
            {"big", "big count", ColumnKind::kNumber, Measure::kScale, {}, false},
            date});
  source.AddRow({Cell::Number(12), Cell::Number(1), Cell::Number(0.25), Cell::Category(2, "b"),
                 Cell::Number(1234567890), Cell::Text("2025-03-01")});
  source.AddRow({Cell::Number(0), Cell::Number(0), Cell::NotApplicable(), Cell::Missing(),
                 Cell::Number(3), Cell::Text("2025-02-30")});
  return source;
}

TEST_F(SpssStataTest, SpssShowsCountsAsIntegersSlidersWithDecimalsAndDatesAsDates) {
  MemoryExportSource source = NumbersAndDates();
  std::ostringstream warnings;
  const auto file = dir_ / "numbers.sav";
  WriteStatFile(source, StatFormat::kSav, file, warnings);
  EXPECT_EQ(warnings.str(), "verhaal: warning: " + file.string() +
                                ": 1 value of date variable datum is not a date (YYYY-MM-DD) and "
                                "left missing; export --format csv for the text\n");
  const ReadBack back = ReadWithReadstat(file, StatFormat::kSav);
  EXPECT_EQ(back.formats.at("n_codes"), "F8.0");
  EXPECT_EQ(back.formats.at("c_x"), "F8.0");
  EXPECT_EQ(back.formats.at("slider"), "F8.2");
  EXPECT_EQ(back.formats.at("role"), "F8.0");
  EXPECT_EQ(back.formats.at("big"), "F11.0");
  EXPECT_EQ(back.formats.at("datum"), "SDATE10");
  EXPECT_EQ(back.types.at("datum"), "number");
  ASSERT_EQ(back.rows.size(), 2u);
  // Seconds from 1582-10-14 to 2025-03-01.
  EXPECT_EQ(back.rows[0].at("datum"), "13960166400");
  EXPECT_EQ(back.rows[1].at("datum"), ".");
  EXPECT_EQ(back.rows[0].at("slider"), "0.25");

  if (!HaveTool("pspp")) GTEST_SKIP() << "pspp is not installed";
  const auto syntax =
      dir_.Write("read.sps", "GET FILE='" + file.string() + "'.\nLIST n_codes slider datum.\n");
  const auto result = RunTool("pspp -O format=txt -o - " + syntax.string());
  ASSERT_EQ(result.exit_code, 0) << result.output;
  ExpectContains(result.output, {"2025/03/01", "     12", ".25"});
}

TEST_F(SpssStataTest, StataShowsCountsAsIntegersAndDatesAsDates) {
  MemoryExportSource source = NumbersAndDates();
  std::ostringstream warnings;
  const auto file = dir_ / "numbers.dta";
  WriteStatFile(source, StatFormat::kDta, file, warnings);
  const ReadBack back = ReadWithReadstat(file, StatFormat::kDta);
  EXPECT_EQ(back.formats.at("n_codes"), "%8.0g");
  EXPECT_EQ(back.formats.at("c_x"), "%8.0g");
  EXPECT_EQ(back.formats.at("slider"), "%9.0g");
  EXPECT_EQ(back.formats.at("big"), "%11.0g");
  EXPECT_EQ(back.formats.at("datum"), "%tdCCYY-NN-DD");
  ASSERT_EQ(back.rows.size(), 2u);
  // Days from 1960-01-01 to 2025-03-01.
  EXPECT_EQ(back.rows[0].at("datum"), "23801");
  EXPECT_EQ(back.rows[1].at("datum"), ".");
}

// Each variable's storage type and each value as text ("a" for the tagged
// missing value .a), as ReadStat reads a .dta.
struct StoredTypes {
  std::map<std::string, readstat_type_t> types;
  std::vector<std::map<std::string, std::string>> rows;
};

TEST_F(SpssStataTest, StataStoresWholeNumbersInTheSmallestTypeAsCompressWould) {
  ExportColumn code = {
      "c_x", "x", ColumnKind::kNumber, Measure::kNominal, {{0, "absent"}, {1, "present"}}};
  code.may_be_not_applicable = true;
  MemoryExportSource source(
      "t", {code,
            {"n_codes", "codings", ColumnKind::kNumber, Measure::kScale, {}, false},
            {"big", "big count", ColumnKind::kNumber, Measure::kScale, {}, false},
            {"slider", "slider", ColumnKind::kNumber, Measure::kScale, {}, false},
            {"huge", "huge count", ColumnKind::kNumber, Measure::kScale, {}, false},
            {"role", "role", ColumnKind::kCategory, Measure::kNominal, {{1, "a"}, {2, "b"}}}});
  source.AddRow({Cell::Number(1), Cell::Number(500), Cell::Number(1234567890), Cell::Number(0.25),
                 Cell::Number(3e9), Cell::Category(2, "b")});
  source.AddRow({Cell::NotApplicable(), Cell::Missing(), Cell::Number(-7), Cell::Number(1),
                 Cell::Number(-1), Cell::Missing()});
  source.AddRow({Cell::Number(0), Cell::Number(-100), Cell::Number(0), Cell::Missing(),
                 Cell::Number(2), Cell::Category(1, "a")});
  std::ostringstream warnings;
  const auto file = dir_ / "types.dta";
  EXPECT_EQ(WriteStatFile(source, StatFormat::kDta, file, warnings), 3);
  EXPECT_EQ(warnings.str(), "");

  StoredTypes stored;
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_variable_handler(
      parser, [](int, readstat_variable_t* variable, const char*, void* context) {
        static_cast<StoredTypes*>(context)->types[readstat_variable_get_name(variable)] =
            readstat_variable_get_type(variable);
        return static_cast<int>(READSTAT_HANDLER_OK);
      });
  readstat_set_value_handler(
      parser, [](int row, readstat_variable_t* variable, readstat_value_t value, void* context) {
        auto& rows = static_cast<StoredTypes*>(context)->rows;
        if (rows.size() <= static_cast<size_t>(row)) rows.resize(row + 1);
        rows[row][readstat_variable_get_name(variable)] =
            readstat_value_is_tagged_missing(value)   ? std::string(1, readstat_value_tag(value))
            : readstat_value_is_system_missing(value) ? "."
                                                      : FormatNumber(readstat_double_value(value));
        return static_cast<int>(READSTAT_HANDLER_OK);
      });
  EXPECT_EQ(readstat_parse_dta(parser, file.c_str(), &stored), READSTAT_OK);
  readstat_parser_free(parser);
  EXPECT_EQ(stored.types.at("c_x"), READSTAT_TYPE_INT8);
  EXPECT_EQ(stored.types.at("n_codes"), READSTAT_TYPE_INT16);
  EXPECT_EQ(stored.types.at("big"), READSTAT_TYPE_INT32);
  EXPECT_EQ(stored.types.at("slider"), READSTAT_TYPE_DOUBLE);
  EXPECT_EQ(stored.types.at("huge"), READSTAT_TYPE_DOUBLE);
  EXPECT_EQ(stored.types.at("role"), READSTAT_TYPE_INT8);
  ASSERT_EQ(stored.rows.size(), 3u);
  const std::vector<std::string> names = {"c_x", "n_codes", "big", "slider", "huge", "role"};
  const std::vector<std::vector<std::string>> expected = {
      {"1", "500", "1234567890", "0.25", FormatNumber(3e9), "2"},
      {"a", ".", "-7", "1", "-1", "."},
      {"0", "-100", "0", ".", "2", "1"}};
  for (size_t r = 0; r < 3; ++r) {
    for (size_t c = 0; c < names.size(); ++c) {
      EXPECT_EQ(stored.rows[r].at(names[c]), expected[r][c]) << names[c] << " row " << r;
    }
  }
  // The value labels still apply to the byte column, .a included.
  const ReadBack back = ReadWithReadstat(file, StatFormat::kDta);
  EXPECT_EQ(back.value_labels.at("c_x=1"), "present");
}

TEST_F(SpssStataTest, StoriesWithTextCarryA100KbStoryWholeIntoStata) {
  Story story;
  story.key = "S4";
  story.title = "Lang verhaal";
  story.text = LongDutchText(100000) + " 😀";
  AddStory(*project_, story);
  StoriesShapeOptions options;
  options.text = true;
  options.codes = false;
  auto source = MakeStoriesShape(*project_, options);
  std::ostringstream warnings;
  const auto dta = dir_ / "stories.dta";
  EXPECT_EQ(WriteStatFile(*source, StatFormat::kDta, dta, warnings), 4);
  EXPECT_EQ(warnings.str(), "");
  const ReadBack back = ReadWithReadstat(dta, StatFormat::kDta);
  ASSERT_EQ(back.rows.size(), 4u);
  EXPECT_EQ(back.types.at("text"), "string");
  ExpectSameText(back.rows[3].at("text"), story.text);
  EXPECT_EQ(back.rows[3].at("text_length"), std::to_string(Utf8Length(story.text)));
  EXPECT_EQ(back.rows[1].at("text"), "@SUM(A1:A9) -cmd|' /C calc'!A0 en een café met crème brûlée");
  EXPECT_EQ(back.rows[1].at("text_length"), "59");

  // SPSS holds 32,767 bytes: cut at a character boundary, with a warning.
  const auto sav = dir_ / "stories.sav";
  WriteStatFile(*source, StatFormat::kSav, sav, warnings);
  EXPECT_NE(warnings.str().find("text in variable text is longer than SPSS's 32767 bytes"),
            std::string::npos)
      << warnings.str();
  const ReadBack sav_back = ReadWithReadstat(sav, StatFormat::kSav);
  const std::string& cut = sav_back.rows[3].at("text");
  EXPECT_LE(cut.size(), 32767u);
  EXPECT_GE(cut.size(), 32764u);
  EXPECT_TRUE(story.text.starts_with(cut));
  EXPECT_EQ(sav_back.rows[3].at("text_length"), std::to_string(Utf8Length(story.text)));
}

// A source that a coder changes while it is exported: each read of its rows
// adds one more afterwards, as a story imported meanwhile would.
class GrowingSource : public MemoryExportSource {
 public:
  using MemoryExportSource::MemoryExportSource;
  void ForEachRow(const std::function<void(const ExportRow&)>& visit) override {
    MemoryExportSource::ForEachRow(visit);
    ++reads;
    AddRow({Cell::Text("later " + std::to_string(reads)), Cell::Number(reads)});
  }
  int reads = 0;
};

// The project is read once (issue 25: a second pass cost as much as the CSV
// export): the file holds the rows as they were when the export began, and
// a change meanwhile no longer fails it ("the project changed while
// exporting" before, with two reads for .sav and three for a .dta with strL).
TEST_F(SpssStataTest, ReadsTheProjectOnceAndWritesWhatItRead) {
  for (const StatFormat format : {StatFormat::kSav, StatFormat::kDta}) {
    const ExportColumn number{"n", "n", ColumnKind::kNumber, Measure::kScale, {}, false};
    GrowingSource source("t", {TextColumn("tekst"), number});
    source.AddRow({Cell::Text(LongDutchText(3000)), Cell::Number(0)});
    source.AddRow({Cell::Text("één"), Cell::Number(2.5)});
    std::ostringstream warnings;
    const auto file = dir_ / (format == StatFormat::kSav ? "once.sav" : "once.dta");
    EXPECT_EQ(WriteStatFile(source, format, file, warnings), 2);
    EXPECT_EQ(source.reads, 1);
    const ReadBack back = ReadWithReadstat(file, format);
    ASSERT_EQ(back.rows.size(), 2u);
    ExpectSameText(back.rows[0].at("tekst"), LongDutchText(3000));
    EXPECT_EQ(back.rows[0].at("n"), "0");
    EXPECT_EQ(back.rows[1].at("tekst"), "één");
    EXPECT_EQ(back.rows[1].at("n"), "2.5");
  }
}

TEST_F(SpssStataTest, UnwritableFolderFailsWithoutAHalfFile) {
  auto source = MakeCodingsShape(*project_, std::nullopt);
  std::ostringstream warnings;
  const auto file = dir_ / "missing-folder" / "codings.sav";
  try {
    WriteStatFile(*source, StatFormat::kSav, file, warnings);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kCannotCreate);
    EXPECT_EQ(e.message().substr(0, e.message().find(':')), "cannot create " + file.string());
  }
  EXPECT_FALSE(std::filesystem::exists(file));
}

}  // namespace
}  // namespace verhaal
