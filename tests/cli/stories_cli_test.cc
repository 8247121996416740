// `verhaal stories list|delete|rename` (issue 21): the list with its counts,
// deleting with everything that belongs to a story (all or nothing, dry
// run), renaming with everything kept.
#include <gtest/gtest.h>

#include <string>

#include "corpus/project.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::ReadFile;
using testing::RunVerhaal;
using testing::TempDir;

class StoriesCliTest : public ::testing::Test {
 protected:
  StoriesCliTest() {
    Run({"init", "t.verhaal"});
    dir_.Write("v.csv",
               "story,respondent,role,tekst\nS1,R1,statushouder,Ik moest wel.\n"
               "S2,R1,statushouder,Later wilde ik zelf.\nS3,R2,klantmanager,Hij wilde.\n");
    Run({"import", "csv", "v.csv", "--text", "tekst"});
    dir_.Write("c.yaml", "codes:\n  - name: moeten\n  - name: willen\n");
    Run({"codebook", "load", "c.yaml"});
    Run({"code", "S1", "moeten", "--whole", "--coder", "anna"});
    Run({"code", "S1", "moeten", "--whole", "--coder", "bram"});
    Run({"code", "S2", "willen", "--whole", "--coder", "anna"});
    Run({"memo", "add", "Let op", "--story", "S1", "--author", "anna"});
  }
  testing::RunResult Run(const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  TempDir dir_;
};

TEST_F(StoriesCliTest, ListShowsEachStoryWithItsCountsAndFilters) {
  const auto csv = Run({"stories", "list", "--format", "csv"});
  EXPECT_EQ(csv.out,
            "story,respondent,role,kind,wave,date,language,title,characters,codings,memos\r\n"
            "S1,R1,statushouder,experience,,,,,13,2,1\r\n"
            "S2,R1,statushouder,experience,,,,,20,1,0\r\n"
            "S3,R2,klantmanager,experience,,,,,10,0,0\r\n");
  const auto role = Run({"stories", "list", "--role", "klantmanager", "--format", "csv"});
  EXPECT_EQ(role.out,
            "story,respondent,role,kind,wave,date,language,title,characters,codings,memos\r\n"
            "S3,R2,klantmanager,experience,,,,,10,0,0\r\n");
}

TEST_F(StoriesCliTest, DeleteTakesEverythingOfTheStoriesOrNothing) {
  const std::string before = ReadFile(dir_ / "t.verhaal");
  const auto dry = Run({"stories", "delete", "S1", "S2", "--dry-run"});
  EXPECT_EQ(dry.out,
            "would delete 2 stories with 3 codings, 1 memo, 0 signifier answers, 0 variable "
            "values and 0 speaker turns; nothing changed (--dry-run)\n");
  EXPECT_EQ(ReadFile(dir_ / "t.verhaal"), before);
  const auto unknown = RunVerhaal({"stories", "delete", "S1", "S9"}, dir_.path());
  EXPECT_EQ(unknown.exit_code, 66);
  EXPECT_NE(unknown.err.find("story 'S9' does not exist"), std::string::npos) << unknown.err;
  EXPECT_EQ(ReadFile(dir_ / "t.verhaal"), before);
  const auto done = Run({"stories", "delete", "S1"});
  EXPECT_EQ(done.out,
            "deleted 1 story with 2 codings, 1 memo, 0 signifier answers, 0 variable values and "
            "0 speaker turns\n");
  EXPECT_EQ(RunVerhaal({"show", "S1"}, dir_.path()).exit_code, 66);
  EXPECT_EQ(Run({"search", "moest"}).err, "0 stories match\n");
  EXPECT_EQ(Run({"memo", "list", "--format", "csv"}).out,
            "id,on,span,author,created,title,text\r\n");
  const auto left = Run({"stories", "list", "--format", "csv"});
  EXPECT_EQ(left.out.find("S1,"), std::string::npos);
  EXPECT_NE(left.out.find("S2,R1,statushouder,experience,,,,,20,1,0\r\n"), std::string::npos);
  // The respondent stays for the other story.
  Project project = Project::Open(dir_ / "t.verhaal");
  EXPECT_EQ(FindStory(project, "S2")->respondent_key, "R1");
}

TEST_F(StoriesCliTest, RenameKeepsCodingsAndRefusesATakenKey) {
  const auto taken = RunVerhaal({"stories", "rename", "S1", "S2"}, dir_.path());
  EXPECT_EQ(taken.exit_code, 65);
  EXPECT_EQ(taken.err,
            "verhaal: error: there is already a story S2; choose another key, or delete that "
            "story first\n");
  EXPECT_EQ(Run({"stories", "rename", "S1", "SH-01"}).out, "renamed story S1 to SH-01\n");
  const auto show = Run({"show", "SH-01"});
  EXPECT_NE(show.out.find("  1  moeten  anna  0:13\n  2  moeten  bram  0:13\n"), std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("Let op"), std::string::npos);
  const auto usage = RunVerhaal({"stories", "rename", "S2"}, dir_.path());
  EXPECT_EQ(usage.exit_code, 2);
  const auto typo = RunVerhaal({"stories", "lijst"}, dir_.path());
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(typo.err,
            "verhaal: error: unknown stories subcommand 'lijst'; did you mean 'list'? Use list, "
            "delete or rename (see `verhaal stories --help`).\n");
  const auto none = RunVerhaal({"stories"}, dir_.path());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err,
            "verhaal: error: stories needs a subcommand: list, delete or rename; see `verhaal "
            "stories --help`\n");
}

}  // namespace
}  // namespace verhaal
