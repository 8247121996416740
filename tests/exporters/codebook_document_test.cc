// The codebook document of a data file export (--codebook-doc): Markdown
// and HTML from the columns the data file is written from.
#include "exporters/codebook_document.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "exporters/spss_stata.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::ReadFile;
using testing::TempDir;

// A small table: a label with | and * (Markdown's table and emphasis), a
// Dutch diacritic, a < (HTML), a category, a not-applicable answer, a date.
MemoryExportSource SmallTable() {
  std::vector<ExportColumn> columns;
  columns.push_back({"story", "Story key", ColumnKind::kText, Measure::kNominal, {}, false});
  columns.push_back({"gemeente",
                     "Gemeente | woonplaats *Súdwest-Fryslân*",
                     ColumnKind::kCategory,
                     Measure::kNominal,
                     {{1, "'s-Hertogenbosch"}, {2, "Súdwest-Fryslân"}},
                     false});
  columns.push_back(
      {"vertrouwen", "Vertrouwen < 50%", ColumnKind::kNumber, Measure::kScale, {}, true});
  columns.push_back({"c_motivatie",
                     "motivatie/willen (codings of anna)",
                     ColumnKind::kNumber,
                     Measure::kNominal,
                     {{0, "absent"}, {1, "present"}},
                     false});
  columns.push_back({"datum", "Datum", ColumnKind::kText, Measure::kNominal, {}, false});
  columns.back().date = true;
  MemoryExportSource source("stories", columns);
  source.AddRow({Cell::Text("S1"), Cell::Category(1, "'s-Hertogenbosch"), Cell::Number(0.25),
                 Cell::Number(1), Cell::Text("2024-03-01")});
  source.AddRow({Cell::Text("S22"), Cell::Category(2, "Súdwest-Fryslân"), Cell::NotApplicable(),
                 Cell::Number(0), Cell::Text("2024-12-31")});
  return source;
}

TEST(CodebookDocumentTest, MarkdownOfASavExport) {
  TempDir dir;
  auto source = SmallTable();
  CodebookDocumentInfo info;
  info.file = "verhalen.sav";
  info.shape = "stories";
  info.format = DataFileFormat::kSav;
  info.notes = {"Pseudonymised copy_of study"};
  std::ostringstream warnings;
  WriteStatFile(source, StatFormat::kSav, dir / "verhalen.sav", warnings, kEarliestExportTime, {},
                {}, {}, &info.formats);
  EXPECT_EQ(info.formats, (std::vector<std::string>{"A3", "F8.0", "F8.2", "F8.0", "SDATE10"}));
  EXPECT_EQ(CodebookMarkdown(source.columns(), info),
            R"(# Codebook: verhalen.sav

Table stories in verhalen.sav (SPSS system file), 5 variables, written by verhaal export. Labels are given whole; the data file may cut long ones at its format's limits.

## Notes

- Pseudonymised copy\_of study

## Variables

| # | Name | Label | Type | Format | Value labels | Missing |
| ---: | --- | --- | --- | --- | --- | --- |
| 1 | `story` | Story key | text | `A3` |  | empty |
| 2 | `gemeente` | Gemeente \| woonplaats \*Súdwest-Fryslân\* | category, nominal; codes, labelled | `F8.0` | 1 = 's-Hertogenbosch; 2 = Súdwest-Fryslân | system-missing |
| 3 | `vertrouwen` | Vertrouwen \< 50% | number, scale | `F8.2` |  | system-missing; not applicable: -9 (user-missing, labelled "not applicable") |
| 4 | `c_motivatie` | motivatie/willen (codings of anna) | number, nominal | `F8.0` | 0 = absent; 1 = present | system-missing |
| 5 | `datum` | Datum | date (YYYY-MM-DD) | `SDATE10` |  | system-missing |
)");
}

// The Dutch document: every word of the document's own in Dutch (the labels
// are the project's, as the data file has them).
TEST(CodebookDocumentTest, InDutch) {
  TempDir dir;
  auto source = SmallTable();
  CodebookDocumentInfo info;
  info.file = "verhalen.sav";
  info.shape = "stories";
  info.format = DataFileFormat::kSav;
  info.language = Language::kDutch;
  std::ostringstream warnings;
  WriteStatFile(source, StatFormat::kSav, dir / "verhalen.sav", warnings, kEarliestExportTime, {},
                {}, {}, &info.formats);
  EXPECT_EQ(CodebookMarkdown(source.columns(), info),
            R"(# Codeboek: verhalen.sav

Tabel stories in verhalen.sav (SPSS-databestand), 5 variabelen, geschreven door verhaal export. De labels staan hier volledig; het databestand kan lange labels inkorten tot wat het formaat toestaat.

## Variabelen

| # | Naam | Label | Type | Formaat | Waardelabels | Ontbrekend |
| ---: | --- | --- | --- | --- | --- | --- |
| 1 | `story` | Story key | tekst | `A3` |  | leeg |
| 2 | `gemeente` | Gemeente \| woonplaats \*Súdwest-Fryslân\* | categorie, nominaal; codes met waardelabels | `F8.0` | 1 = 's-Hertogenbosch; 2 = Súdwest-Fryslân | system-missing |
| 3 | `vertrouwen` | Vertrouwen \< 50% | getal, schaal | `F8.2` |  | system-missing; niet van toepassing: -9 (user-missing, met label "not applicable") |
| 4 | `c_motivatie` | motivatie/willen (codings of anna) | getal, nominaal | `F8.0` | 0 = absent; 1 = present | system-missing |
| 5 | `datum` | Datum | datum (JJJJ-MM-DD) | `SDATE10` |  | system-missing |
)");
  info.format = DataFileFormat::kXlsx;
  const std::string html = CodebookHtml(source.columns(), info);
  const std::string head =
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>Codeboek: "
      "verhalen.sav</title>";
  EXPECT_EQ(html.substr(0, head.size()), head);
  EXPECT_NE(html.find("<thead><tr><th>#</th><th>Naam</th><th>Label</th><th>Type</th>"
                      "<th>Waardelabels</th><th>Ontbrekend</th></tr></thead>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>getal, schaal</td><td></td><td>lege cel; niet van toepassing: lege "
                      "cel</td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("categorie, nominaal; de cel bevat het label van de waarde"),
            std::string::npos);
}

TEST(CodebookDocumentTest, StataFormatsAndCsvMissingTexts) {
  TempDir dir;
  auto source = SmallTable();
  std::vector<std::string> formats;
  std::ostringstream warnings;
  WriteStatFile(source, StatFormat::kDta, dir / "verhalen.dta", warnings, kEarliestExportTime, {},
                {}, {}, &formats);
  EXPECT_EQ(formats,
            (std::vector<std::string>{"str3", "%8.0g", "%9.0g", "%8.0g", "%tdCCYY-NN-DD"}));
  CodebookDocumentInfo info;
  info.file = "verhalen.csv";
  info.shape = "stories";
  info.format = DataFileFormat::kCsv;
  info.csv_missing = "NA";
  info.csv_not_applicable = "-9";
  const std::string markdown = CodebookMarkdown(source.columns(), info);
  EXPECT_NE(markdown.find("| # | Name | Label | Type | Value labels | Missing |\n"),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("| 2 | `gemeente` | Gemeente \\| woonplaats \\*Súdwest-Fryslân\\* | "
                          "category, nominal; the cell holds the value's label | 1 = "
                          "'s-Hertogenbosch; 2 = Súdwest-Fryslân | \"NA\" |\n"),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("| \"NA\"; not applicable: \"-9\" |\n"), std::string::npos) << markdown;
}

TEST(CodebookDocumentTest, HtmlEscapesEverything) {
  auto source = SmallTable();
  CodebookDocumentInfo info;
  info.file = "a<b>.xlsx";
  info.shape = "stories";
  info.format = DataFileFormat::kXlsx;
  const std::string html = CodebookHtml(source.columns(), info);
  const std::string head =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Codebook: "
      "a&lt;b&gt;.xlsx</title>";
  EXPECT_EQ(html.substr(0, head.size()), head);
  EXPECT_NE(html.find("<tr><td>3</td><td><code>vertrouwen</code></td><td>Vertrouwen &lt; 50%</td>"
                      "<td>number, scale</td><td></td><td>blank cell; not applicable: blank cell"
                      "</td></tr>\n"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>1 = &#39;s-Hertogenbosch; 2 = Súdwest-Fryslân</td>"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  const std::string tail = "</tbody>\n</table>\n</body>\n</html>\n";
  EXPECT_EQ(html.substr(html.size() - tail.size()), tail);
}

TEST(CodebookDocumentTest, WrittenByExtension) {
  TempDir dir;
  auto source = SmallTable();
  CodebookDocumentInfo info;
  info.file = "verhalen.csv";
  info.shape = "stories";
  WriteCodebookDocument(dir / "c.md", source.columns(), info);
  WriteCodebookDocument(dir / "c.html", source.columns(), info);
  EXPECT_EQ(ReadFile(dir / "c.md"), CodebookMarkdown(source.columns(), info));
  EXPECT_EQ(ReadFile(dir / "c.html"), CodebookHtml(source.columns(), info));
  EXPECT_TRUE(IsCodebookDocumentPath("x.md"));
  EXPECT_TRUE(IsCodebookDocumentPath("x.htm"));
  EXPECT_FALSE(IsCodebookDocumentPath("x.txt"));
}

}  // namespace
}  // namespace verhaal
