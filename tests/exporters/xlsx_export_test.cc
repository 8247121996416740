#include "exporters/xlsx_export.h"

#include <gtest/gtest.h>
#include <unistd.h>

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

TEST(XlsxExportTest, SheetsFrozenHeaderVariablesAndDiacritics) {
  if (!HaveTool("unzip")) GTEST_SKIP() << "unzip is not installed";
  TempDir dir;
  Project project = Project::Create(dir / "study.verhaal", "Study");
  testing::BuildStudy(project);
  auto stories = MakeStoriesShape(project, {});
  auto codings = MakeCodingsShape(project, std::nullopt);
  const auto file = dir / "study.xlsx";
  std::ostringstream warnings;
  WriteXlsx({stories.get(), codings.get()}, file, warnings);
  EXPECT_EQ(warnings.str(), "");
  auto part = [&](const std::string& name) {
    const auto result = RunTool("unzip -p " + file.string() + " " + name);
    EXPECT_EQ(result.exit_code, 0) << name << ": " << result.output;
    return result.output;
  };
  const std::string workbook = part("xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"stories\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"codings\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"variables\""), std::string::npos);
  const std::string sheet1 = part("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet1.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/>"),
            std::string::npos)
      << sheet1;
  // Constant-memory mode writes strings inline; none becomes a formula.
  EXPECT_EQ(sheet1.find("<f>"), std::string::npos);
  EXPECT_NE(sheet1.find("Súdwest-Fryslân"), std::string::npos);
  EXPECT_NE(sheet1.find("<t>=HYPERLINK(\"http://evil\")</t>"), std::string::npos) << sheet1;
  EXPECT_NE(sheet1.find("<v>0.25</v>"), std::string::npos);
  const std::string sheet3 = part("xl/worksheets/sheet3.xml");
  EXPECT_NE(sheet3.find("motivatie/willen"), std::string::npos);
  EXPECT_NE(sheet3.find("0 = absent; 1 = present"), std::string::npos);
  EXPECT_NE(sheet3.find("Houding: proportion moeten"), std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

// The text of every inline string cell of `sheet_xml`, in order.
std::vector<std::string> CellTexts(const std::string& sheet_xml) {
  std::vector<std::string> texts;
  for (size_t at = sheet_xml.find("<t>"); at != std::string::npos; at = sheet_xml.find("<t>", at)) {
    const size_t end = sheet_xml.find("</t>", at);
    texts.push_back(sheet_xml.substr(at + 3, end - at - 3));
    at = end;
  }
  return texts;
}

std::string Repeat(const std::string& piece, size_t times) {
  std::string text;
  for (size_t i = 0; i < times; ++i) text += piece;
  return text;
}

TEST(XlsxExportTest, CellsAreCutOnCharactersNotBytesAndMarked) {
  if (!HaveTool("unzip")) GTEST_SKIP() << "unzip is not installed";
  TempDir dir;
  MemoryExportSource source("verhalen",
                            {{"tekst", "tekst", ColumnKind::kText, Measure::kNominal, {}, false}});
  // 20,000 characters in 40,000 bytes: fits, though it is over 32,767 bytes.
  const std::string fits = Repeat("é", 20000);
  // 40,000 characters: cut to 32,761 and the mark.
  const std::string long_text = Repeat("ë", 40000);
  // An emoji counts two in Excel: 20,000 of them are 40,000 characters.
  const std::string emoji = Repeat("😀", 20000);
  source.AddRow({Cell::Text(fits)});
  source.AddRow({Cell::Text(long_text)});
  source.AddRow({Cell::Text("kort")});
  source.AddRow({Cell::Text(emoji)});
  const auto file = dir / "long.xlsx";
  std::ostringstream warnings;
  WriteXlsx({&source}, file, warnings);
  EXPECT_EQ(warnings.str(), "verhaal: warning: " + file.string() +
                                ": sheet verhalen, column tekst: text longer than Excel's 32767 "
                                "characters was cut and ends in \"…[cut]\" in rows 3, 5; export "
                                "--format csv for the full text\n");
  const auto result = RunTool("unzip -p " + file.string() + " xl/worksheets/sheet1.xml");
  ASSERT_EQ(result.exit_code, 0) << result.output.substr(0, 200);
  const std::vector<std::string> texts = CellTexts(result.output);
  ASSERT_EQ(texts.size(), 5u);  // the header and four cells
  EXPECT_EQ(texts[0], "tekst");
  EXPECT_TRUE(texts[1] == fits) << texts[1].size() << " bytes";
  EXPECT_TRUE(texts[2] == Repeat("ë", 32761) + "…[cut]") << texts[2].size() << " bytes";
  EXPECT_EQ(texts[3], "kort");
  EXPECT_TRUE(texts[4] == Repeat("😀", 16380) + "…[cut]") << texts[4].size() << " bytes";
}

// A source that says it has more rows than a sheet holds, and must not be
// read: the workbook fails before writing anything.
class TooLongSource : public MemoryExportSource {
 public:
  TooLongSource() : MemoryExportSource("codings", {{"story", "story key"}}) {}
  std::optional<int64_t> RowsUpTo(int64_t limit) override { return limit; }
  void ForEachRow(const std::function<void(const ExportRow&)>&) override { ++reads; }
  int reads = 0;
};

TEST(XlsxExportTest, ASheetTooLongForExcelFailsBeforeAnyWriting) {
  TempDir dir;
  Project project = Project::Create(dir / "study.verhaal", "Study");
  testing::BuildStudy(project);
  auto stories = MakeStoriesShape(project, {});
  TooLongSource codings;
  std::ostringstream warnings;
  try {
    WriteXlsx({stories.get(), &codings}, dir / "big.xlsx", warnings);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(std::string(e.what()),
              "sheet 'codings' has more rows than Excel allows (1048575); export --format csv "
              "instead");
  }
  EXPECT_EQ(codings.reads, 0);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().filename().string().rfind("study.verhaal", 0), 0u) << entry.path();
  }
  // The codings shape counts its rows up to the limit without reading them.
  auto real = MakeCodingsShape(project, std::nullopt);
  const auto counted = real->RowsUpTo(1000000);
  ASSERT_TRUE(counted.has_value());
  int64_t rows = 0;
  real->ForEachRow([&](const ExportRow&) { ++rows; });
  EXPECT_EQ(*counted, rows);
  EXPECT_EQ(real->RowsUpTo(1), std::min<int64_t>(rows, 1));
}

TEST(XlsxExportTest, UnwritableFolderFailsCleanly) {
  TempDir dir;
  MemoryExportSource source("t", {{"x", "x", ColumnKind::kText, Measure::kNominal, {}, false}});
  std::ostringstream warnings;
  try {
    WriteXlsx({&source}, dir / "no" / "t.xlsx", warnings);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kCannotCreate);
    EXPECT_EQ(e.message(), "cannot create " + (dir / "no" / "t.xlsx").string() +
                               "; check that the folder exists and is writable");
  }
}

}  // namespace
}  // namespace verhaal
