#include "exporters/csv_export.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "exporters/codings_shape.h"
#include "exporters/stories_shape.h"
#include "tests/exporters/export_fixture.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::HaveTool;
using testing::RunTool;
using testing::TempDir;

std::string ToCsv(ExportSource& source, const CsvExportOptions& options = {}) {
  std::string out;
  WriteCsvExport(source, options, [&](std::string_view bytes) { out += bytes; });
  return out;
}

// Parses `csv` with Python's csv module in strict mode (an independent RFC
// 4180 reader) and returns the rows as lines of cells joined by "|", with
// newlines in cells shown as "\n".
std::string ParseStrictly(const TempDir& dir, const std::string& csv, char delimiter) {
  const auto file = dir.Write("data.csv", csv);
  const auto script =
      dir.Write("read.py",
                "import csv, sys\n"
                "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
                "    for row in csv.reader(f, strict=True, delimiter=sys.argv[2]):\n"
                "        print('|'.join(c.replace('\\n', '\\\\n') for c in row))\n");
  const auto result = RunTool("python3 " + script.string() + " " + file.string() + " '" +
                              std::string(1, delimiter) + "'");
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return result.output;
}

class CsvExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    project_.emplace(Project::Create(dir_ / "study.verhaal", "Study"));
    testing::BuildStudy(*project_);
  }
  TempDir dir_;
  std::optional<Project> project_;
};

constexpr const char* kHeader =
    "story|respondent|role|kind|wave|date|language|title|gemeente|leeftijdsgroep|bron|"
    "vertrouwen|vertrouwen_bin|houding_top|houding_left|houding_right|houding_x|houding_y|"
    "houding_zone|hulp_taalles|hulp_werkervaring|c_motivatie|c_motivatie_willen|"
    "c_motivatie_moeten|n_motivatie|n_motivatie_willen|n_motivatie_moeten\n";

TEST_F(CsvExportTest, StoriesReadBackStrictlyWithDiacriticsAndNeutralisedFormulas) {
  if (!HaveTool("python3")) GTEST_SKIP() << "python3 is not installed";
  auto source = MakeStoriesShape(*project_, {});
  const std::string csv = ToCsv(*source);
  EXPECT_EQ(csv.find("\r\n") + 2, csv.find("S1,"));  // CRLF after the header
  EXPECT_EQ(ParseStrictly(dir_, csv, ','),
            std::string(kHeader) +
                "S1|SH-07|statushouder|experience|1|2025-03-01||Eén gesprek|Súdwest-Fryslân|1|"
                "interview ij|0.25|centre-left|0.5|0.25|0.25|0.5|0.5|centre|1|1|1|1|0|3|3|0\n"
                "S2|KM-3|klantmanager|reflection|2|||'=1+2|'=HYPERLINK(\"http://evil\")||'-2+3|"
                "||||||||||1|0|1|1|0|1\n"
                "S3|||interview||||'+31 6 1234||||||||||||||0|0|0|0|0|0\n");
}

TEST_F(CsvExportTest, DutchExcelHasBomSemicolonsDecimalCommaAndNaTexts) {
  if (!HaveTool("python3")) GTEST_SKIP() << "python3 is not installed";
  StoriesShapeOptions shape;
  shape.codes = false;
  auto source = MakeStoriesShape(*project_, shape);
  const std::string csv = ToCsv(*source, {true, true, "NA", "n/a"});
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  const std::string rows = ParseStrictly(dir_, csv, ';');
  EXPECT_NE(rows.find("S1|SH-07|statushouder|experience|1|2025-03-01|NA|Eén gesprek|"
                      "Súdwest-Fryslân|1|interview ij|0,25|centre-left|0,5|0,25|0,25|0,5|0,5|"
                      "centre|1|1\n"),
            std::string::npos)
      << rows;
  EXPECT_NE(rows.find("|'-2+3|n/a|n/a|NA|NA|NA|NA|NA|NA|NA|NA\n"), std::string::npos) << rows;
}

TEST_F(CsvExportTest, CodingsQuoteHostileTextSafely) {
  if (!HaveTool("python3")) GTEST_SKIP() << "python3 is not installed";
  auto source = MakeCodingsShape(*project_, std::nullopt);
  const std::string rows = ParseStrictly(dir_, ToCsv(*source), ',');
  std::istringstream lines(rows);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "story|respondent|role|code|coder|start|end|speaker|quote|memo|origin|created");
  std::vector<std::string> got;
  while (std::getline(lines, line)) got.push_back(line.substr(0, line.rfind('|')));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "S1|SH-07|statushouder|motivatie/willen|anna|0|10||De klantma||manual",
                     "S1|SH-07|statushouder|motivatie/willen|anna|34|54||Ik wilde zelf werken|"
                     "zélf|manual",
                     "S1|SH-07|statushouder|motivatie/willen|bram|34|54||Ik wilde zelf werken||"
                     "manual",
                     "S2|KM-3|klantmanager|motivatie/moeten|anna|0|11||'@SUM(A1:A9)||rule:sum"}));
}

struct InjectionCase {
  std::string cell;
  std::string written;
};

TEST(CsvInjectionTest, RiskyTextCellsGetAnApostropheNumbersStay) {
  const std::vector<InjectionCase> cases = {
      {"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
      {"+1+1", "'+1+1"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\t=1", "'\t=1"},
      {"\r=1", "\"'\r=1\""},
      {"-0.5", "-0.5"},
      {"gewoon tekst", "gewoon tekst"},
      {"a=b", "a=b"},
  };
  for (const auto& c : cases) {
    MemoryExportSource source("t", {{"x", "x", ColumnKind::kText, Measure::kNominal, {}, false},
                                    {"n", "n", ColumnKind::kNumber, Measure::kScale, {}, false}});
    source.AddRow({Cell::Text(c.cell), Cell::Number(-0.5)});
    EXPECT_EQ(ToCsv(source), "x,n\r\n" + c.written + ",-0.5\r\n") << c.cell;
  }
}

TEST(CsvExportStreamTest, LargeOutputArrivesInBoundedChunks) {
  MemoryExportSource source("t", {{"x", "x", ColumnKind::kText, Measure::kNominal, {}, false}});
  for (int i = 0; i < 20000; ++i)
    source.AddRow({Cell::Text("verhaal nummer " + std::to_string(i))});
  size_t chunks = 0;
  size_t largest = 0;
  size_t total = 0;
  const int64_t rows = WriteCsvExport(source, {}, [&](std::string_view bytes) {
    ++chunks;
    largest = std::max(largest, bytes.size());
    total += bytes.size();
  });
  EXPECT_EQ(rows, 20000);
  EXPECT_GT(chunks, 3u);
  EXPECT_LT(largest, 70u * 1024);
  EXPECT_GT(total, 20000u * 20);
}

}  // namespace
}  // namespace verhaal
