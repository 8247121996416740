#include "exporters/spss_stata.h"

#include <gtest/gtest.h>

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
    ExpectContains(testing::ReadFile(csv),
                   {"\"S1\",\"SH-07\",2.000000,1.000000,1.000000,\"2025-03-01\",\"\",\"Eén "
                    "gesprek\",\"Súdwest-Fryslân\",1.000000,\"interview ij\",0.250000,2.000000,"
                    "0.500000,0.250000,0.250000,0.500000,0.500000,7.000000,",
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

TEST_F(SpssStataTest, StataCutsTextLongerThanItsLimitWithAWarning) {
  MemoryExportSource source("t",
                            {{"quote", "quote", ColumnKind::kText, Measure::kNominal, {}, false}});
  std::string text;
  while (text.size() < kStataMaxString + 10) text += "é";
  source.AddRow({Cell::Text(text)});
  std::ostringstream warnings;
  const auto file = dir_ / "long.dta";
  WriteStatFile(source, StatFormat::kDta, file, warnings);
  EXPECT_EQ(warnings.str(), "verhaal: warning: " + file.string() +
                                ": text in variable quote is longer than 2045 bytes and was cut; "
                                "export --format csv for the full text\n");
  if (!HaveTool("readstat")) GTEST_SKIP() << "readstat is not installed";
  const auto csv = dir_ / "back.csv";
  ASSERT_EQ(RunTool("readstat " + file.string() + " " + csv.string()).exit_code, 0);
  EXPECT_NE(testing::ReadFile(csv).find("\"" + text.substr(0, 2044) + "\""), std::string::npos);
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
