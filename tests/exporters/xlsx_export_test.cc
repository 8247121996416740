#include "exporters/xlsx_export.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>
#include <string>

#include "corpus/error.h"
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
