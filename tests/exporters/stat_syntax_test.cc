// The syntax companions of .sav and .dta exports (WriteStatFile's `syntax`):
// the SPSS .sps and Stata .do that label the CSV export again.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "exporters/csv_export.h"
#include "exporters/spss_stata.h"
#include "exporters/stories_shape.h"
#include "tests/exporters/export_fixture.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::HaveTool;
using testing::ReadFile;
using testing::RunTool;
using testing::TempDir;

// A small table with the labels that need escaping: double quotes, the
// apostrophe of 's-Hertogenbosch, a diacritic, a line break, Stata's macro
// characters, a category, a not-applicable answer, a date and a label longer
// than SPSS's 120 bytes for a value label.
MemoryExportSource SmallTable() {
  std::vector<ExportColumn> columns;
  columns.push_back({"story", "Story key", ColumnKind::kText, Measure::kNominal, {}, false});
  columns.push_back({"gemeente",
                     "Gemeente (\"woonplaats\"), bijv. 's-Hertogenbosch of Súdwest-Fryslân",
                     ColumnKind::kCategory,
                     Measure::kNominal,
                     {{1, "'s-Hertogenbosch"}, {2, "Súdwest-Fryslân"}, {3, std::string(130, 'x')}},
                     false});
  columns.push_back({"vertrouwen",
                     "Vertrouwen\ntweede regel, kost $5 of `veel`",
                     ColumnKind::kNumber,
                     Measure::kScale,
                     {},
                     true});
  columns.push_back({"c_motivatie",
                     "motivatie \"willen\"",
                     ColumnKind::kNumber,
                     Measure::kNominal,
                     {{0, "absent"}, {1, "present"}},
                     false});
  columns.push_back({"datum", "Datum", ColumnKind::kText, Measure::kNominal, {}, false});
  columns.back().date = true;
  MemoryExportSource source("stories", columns);
  source.AddRow({Cell::Text("S1"), Cell::Category(1, "'s-Hertogenbosch"), Cell::Number(0.25),
                 Cell::Number(1), Cell::Text("2024-03-01")});
  source.AddRow({Cell::Text("S2"), Cell::Category(2, "Súdwest-Fryslân"), Cell::NotApplicable(),
                 Cell::Number(0), Cell::Text("2024-12-31")});
  return source;
}

TEST(StatSyntaxTest, SpssSyntaxLabelsTheCsvAsTheSavIs) {
  TempDir dir;
  auto source = SmallTable();
  std::ostringstream warnings;
  const auto file = dir / "verhalen.sav";
  EXPECT_EQ(StatSyntaxPath(file, StatFormat::kSav), dir / "verhalen.sps");
  WriteStatFile(source, StatFormat::kSav, file, warnings, kEarliestExportTime, {},
                StatSyntaxPath(file, StatFormat::kSav));
  // Quotes doubled, the apostrophe of 's-Hertogenbosch as is, the line break
  // as X'0A', the 130-byte value label cut to SPSS's 120 bytes as in the .sav.
  EXPECT_EQ(ReadFile(dir / "verhalen.sps"),
            R"x(* SPSS syntax written by verhaal beside verhalen.sav: reads verhalen.csv
* (the CSV export of the same data, with --not-applicable -9) and labels it as verhalen.sav is labelled.
* Run it from the folder of the CSV, or give FILE its full path.
GET DATA /TYPE=TXT /FILE="verhalen.csv" /ENCODING='UTF8'
  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2
  /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=
    verhaal_story A3
    verhaal_gemeente A130
    vertrouwen F40.0
    c_motivatie F40.0
    datum SDATE10
  .
STRING story (A2).
COMPUTE story = verhaal_story.
IF (SUBSTR(verhaal_story, 1, 1) = "'" AND INDEX("=+-@", SUBSTR(verhaal_story, 2, 1)) > 0) story = SUBSTR(verhaal_story, 2).
RECODE verhaal_gemeente
  ("'s-Hertogenbosch"=1)
  ("Súdwest-Fryslân"=2)
  ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"=3)
  INTO gemeente.
MATCH FILES /FILE=* /KEEP=
  story
  gemeente
  vertrouwen
  c_motivatie
  datum.
VARIABLE LABELS
  story "Story key"
  /gemeente "Gemeente (""woonplaats""), bijv. 's-Hertogenbosch of Súdwest-Fryslân"
  /vertrouwen "Vertrouwen" + X'0A' + "tweede regel, kost $5 of `veel`"
  /c_motivatie "motivatie ""willen"""
  /datum "Datum".
VALUE LABELS
  gemeente
    1 "'s-Hertogenbosch"
    2 "Súdwest-Fryslân"
    3 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  /vertrouwen
    -9 "not applicable"
  /c_motivatie
    0 "absent"
    1 "present".
MISSING VALUES
  vertrouwen (-9).
FORMATS
  gemeente (F8.0)
  vertrouwen (F8.2)
  c_motivatie (F8.0)
  datum (SDATE10).
VARIABLE LEVEL
  story gemeente c_motivatie datum (NOMINAL)
  /vertrouwen (SCALE).
EXECUTE.
)x");
}

TEST(StatSyntaxTest, StataDoFileLabelsTheCsvAsTheDtaIs) {
  TempDir dir;
  auto source = SmallTable();
  std::ostringstream warnings;
  const auto file = dir / "verhalen.dta";
  EXPECT_EQ(StatSyntaxPath(file, StatFormat::kDta), dir / "verhalen.do");
  WriteStatFile(source, StatFormat::kDta, file, warnings, kEarliestExportTime, {},
                StatSyntaxPath(file, StatFormat::kDta));
  // Compound quotes, ` and $ escaped, the line break through a local; the
  // 130-byte value label whole (Stata allows 32,000).
  EXPECT_EQ(ReadFile(dir / "verhalen.do"),
            R"x(* Stata do-file written by verhaal beside verhalen.dta: reads verhalen.csv
* (the CSV export of the same data, with --not-applicable -9) and labels it as verhalen.dta is labelled.
* Run it from the folder of the CSV (cd), or give the full path.
import delimited using `"verhalen.csv"', varnames(1) case(preserve) encoding("utf-8") bindquote(strict) asdouble stringcols(1 2 5) clear
tempvar verhaal_value
replace story = substr(story, 2, .) if inlist(substr(story, 1, 2), "'=", "'+", "'-", "'@")
label variable story `"Story key"'
generate double `verhaal_value' = .
replace `verhaal_value' = 1 if gemeente == `"'s-Hertogenbosch"'
replace `verhaal_value' = 2 if gemeente == `"Súdwest-Fryslân"'
replace `verhaal_value' = 3 if gemeente == `"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'
drop gemeente
rename `verhaal_value' gemeente
label variable gemeente `"Gemeente ("woonplaats"), bijv. 's-Hertogenbosch of Súdwest-Fryslân"'
format gemeente %8.0g
label define gemeente 1 `"'s-Hertogenbosch"' 2 `"Súdwest-Fryslân"' 3 `"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', modify
label values gemeente gemeente
replace vertrouwen = .a if vertrouwen == -9
local verhaal_text = `"Vertrouwen"' + char(10) + `"tweede regel, kost \$5 of \`veel\`"'
label variable vertrouwen `"`verhaal_text'"'
format vertrouwen %9.0g
label define vertrouwen .a `"not applicable"', modify
label values vertrouwen vertrouwen
label variable c_motivatie `"motivatie "willen""'
format c_motivatie %8.0g
label define c_motivatie 0 `"absent"' 1 `"present"', modify
label values c_motivatie c_motivatie
generate double `verhaal_value' = date(datum, "YMD")
drop datum
rename `verhaal_value' datum
label variable datum `"Datum"'
format datum %tdCCYY-NN-DD
order story gemeente vertrouwen c_motivatie datum
)x");
}

// What PSPP shows of a dictionary: the .sav's, and the CSV's after the .sps.
std::string PsppDictionary(const TempDir& dir, const std::string& name, const std::string& load) {
  const auto syntax = dir.Write(name, load + "DISPLAY DICTIONARY.\nDISPLAY DOCUMENTS.\n");
  const auto result =
      RunTool("cd " + dir.path().string() + " && pspp -O format=txt -o - " + syntax.string());
  EXPECT_EQ(result.exit_code, 0) << result.output;
  // The display width of strings (the Width column) is ReadStat's choice in
  // the .sav and the string's width in the CSV read: not a label.
  std::string output = result.output;
  for (size_t at = 0; (at = output.find("|Input|", at)) != std::string::npos; at += 7) {
    output.replace(at + 7, 5, "     ");
  }
  return output;
}

void ExpectSameDictionaryInPspp(ExportSource& source, const TempDir& dir) {
  std::ostringstream warnings;
  const auto file = dir / "verhalen.sav";
  WriteStatFile(source, StatFormat::kSav, file, warnings, kEarliestExportTime, {},
                StatSyntaxPath(file, StatFormat::kSav));
  std::string csv;
  CsvExportOptions options;
  options.not_applicable = "-9";
  WriteCsvExport(source, options, [&](std::string_view bytes) { csv.append(bytes); });
  dir.Write("verhalen.csv", csv);
  const std::string from_sav =
      PsppDictionary(dir, "sav.sps", "GET FILE='" + file.string() + "'.\n");
  const std::string from_csv = PsppDictionary(dir, "csv.sps", ReadFile(dir / "verhalen.sps"));
  EXPECT_EQ(from_csv, from_sav);
  // And the same data.
  const auto list = [&](const std::string& name, const std::string& load) {
    const auto syntax = dir.Write(name, load + "LIST.\n");
    return RunTool("cd " + dir.path().string() + " && pspp -O format=txt -o - " + syntax.string())
        .output;
  };
  EXPECT_EQ(list("csv_list.sps", ReadFile(dir / "verhalen.sps")),
            list("sav_list.sps", "GET FILE='" + file.string() + "'.\n"));
}

TEST(StatSyntaxTest, PsppReadsTheCsvWithTheSpsAsItReadsTheSav) {
  if (!HaveTool("pspp")) GTEST_SKIP() << "pspp is not installed";
  TempDir dir;
  auto source = SmallTable();
  ExpectSameDictionaryInPspp(source, dir);
}

TEST(StatSyntaxTest, PsppReadsTheStoriesCsvWithTheSpsAsItReadsTheSav) {
  if (!HaveTool("pspp")) GTEST_SKIP() << "pspp is not installed";
  TempDir dir;
  Project project = Project::Create(dir / "study.verhaal", "Study");
  testing::BuildStudy(project);
  auto source = MakeStoriesShape(project, {});
  ExpectSameDictionaryInPspp(*source, dir);
}

}  // namespace
}  // namespace verhaal
