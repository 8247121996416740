// End to end: `verhaal import sensemaker` and `verhaal info --signifiers`.
#include <gtest/gtest.h>

#include "corpus/project.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

constexpr const char* kDefinition = R"json({"fragment_signifier_id": ["verhaal"],
  "signifiers": [
    {"id": "verhaal", "type": "freetext", "title": "Wat gebeurde er?", "content": {}},
    {"id": "d", "type": "dyad", "title": "Samenwerken voelde als", "content": {
      "labels": [{"id": "m", "text": "moeten"}, {"id": "w", "text": "willen"}]}},
    {"id": "g", "type": "list", "title": "Gemeente", "content": {
      "items": [{"id": "g1", "title": "Noord"}, {"id": "g2", "title": "Zuid"}]}}]})json";

constexpr const char* kData =
    "\"id\",\"verhaal\",\"d_percentX\",\"d_NA\",\"g\"\n"
    "\"V1\",\"Ik moest naar de taalles.\",\"0.2\",\"\",\"g1\"\n"
    "\"V2\",\"Ik wilde werken.\",\"\",\"1\",\"\"\n"
    "\"V3\",\"Niemand vroeg iets.\",\"\",\"\",\"g2\"\n";

TEST(SignifiersCliTest, ImportSenseMakerThenInfoSignifiers) {
  TempDir dir;
  dir.Write("def.json", kDefinition);
  dir.Write("data.csv", kData);
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  const std::string empty = testing::ReadFile(dir / "p.verhaal");
  const auto dry = RunVerhaal(
      {"import", "sensemaker", "data.csv", "--definition", "def.json", "--dry-run"}, dir.path());
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(dry.err,
            "dry run of data.csv: would import 3 new stories, 0 already present, 2 signifiers, "
            "4 values set; nothing was written\n");
  EXPECT_EQ(testing::ReadFile(dir / "p.verhaal"), empty);
  const auto import =
      RunVerhaal({"import", "sensemaker", "data.csv", "--definition", "def.json"}, dir.path());
  EXPECT_EQ(import.exit_code, 0) << import.err;
  EXPECT_EQ(import.out, "");
  EXPECT_EQ(import.err,
            "imported data.csv: 3 new stories, 0 already present, 2 signifiers, "
            "4 values set\n");
  const auto again =
      RunVerhaal({"import", "sensemaker", "data.csv", "--definition", "def.json"}, dir.path());
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.err, "nothing changed: data.csv is already in the project (3 stories)\n");
  const auto info = RunVerhaal({"info", "--signifiers", "--format", "csv"}, dir.path());
  EXPECT_EQ(info.exit_code, 0);
  EXPECT_EQ(info.out,
            "signifier,type,title,answered,n/a,skipped\r\n"
            "d,dyad,Samenwerken voelde als,1,1,1\r\n"
            "g,list,Gemeente,2,0,1\r\n");
}

TEST(SignifiersCliTest, BadCellFailsLocatedAndWritesNothing) {
  TempDir dir;
  dir.Write("def.json", kDefinition);
  std::string data = kData;
  data.replace(data.find("\"0.2\""), 5, "\"2.5\"");
  dir.Write("data.csv", data);
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  const auto run =
      RunVerhaal({"import", "sensemaker", "data.csv", "--definition", "def.json"}, dir.path());
  EXPECT_EQ(run.exit_code, 65);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "verhaal: error: data.csv:2:34: dyad d has x = 2.5, outside [0, 1]; write positions "
            "and proportions as numbers from 0 to 1\n"
            "  \"V1\",\"Ik moest naar de taalles.\",\"2.5\",\"\",\"g1\"\n"
            "                                   ^\n");
  Project project = Project::Open(dir / "p.verhaal");
  EXPECT_EQ(CountStories(project), 0);
}

TEST(SignifiersCliTest, ImportWithoutDefinitionIsAUsageError) {
  TempDir dir;
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  const auto run = RunVerhaal({"import", "sensemaker", "data.csv"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "verhaal: error: import sensemaker needs DATA.csv and --definition DEF.json; e.g. "
            "`verhaal import sensemaker ADemo_Data.csv --definition ADemo_Definition.json`\n");
}

}  // namespace
}  // namespace verhaal
