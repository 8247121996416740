// story_uncoded (schema 7) after every command that adds or removes codings
// or stories: import, autocode (first run and re-run), code and uncode (also
// from a CSV), a codebook merge, stories delete, export-for-coder, merge and
// a REFI-QDA round trip. Each time it holds exactly the stories without a
// coding, and the workbench's uncoded list (corpus/story_pages) equals them.
#include <gtest/gtest.h>

#include "corpus/story_pages.h"
#include "tests/support/test_support.h"
#include "tests/support/uncoded_checks.h"

namespace verhaal {
namespace {

using testing::KeptTablesOutOfStep;
using testing::RunVerhaal;
using testing::TempDir;

class UncodedCliTest : public ::testing::Test {
 protected:
  // Runs a command on p.verhaal unless `args` names a project.
  void Run(std::vector<std::string> args) {
    if (args[0] != "-p" && args[0] != "init" && args[0] != "merge") {
      args.insert(args.begin(), {"-p", "p.verhaal"});
    }
    const auto r = RunVerhaal(args, dir_.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  // The uncoded stories of `file`, after checking story_uncoded against them.
  std::string Uncoded(const std::string& file = "p.verhaal") {
    Project project = Project::Open(dir_ / file);
    EXPECT_EQ(KeptTablesOutOfStep(project), "") << file;
    StoryPageQuery query;
    query.uncoded = true;
    query.limit = 100;
    std::string keys;
    for (const StoryPageRow& row : ListStoryPage(project, query).rows) {
      keys += (keys.empty() ? "" : " ") + row.key;
    }
    EXPECT_EQ(keys, testing::UncodedByProbing(project)) << file;
    return keys;
  }

  TempDir dir_;
};

TEST_F(UncodedCliTest, EveryCommandKeepsTheUncodedStoriesRight) {
  Run({"init", "p.verhaal"});
  dir_.Write("stories.csv",
             "story,respondent,role,text\n"
             "S1,R1,statushouder,Ik wil werken.\n"
             "S2,R2,klantmanager,Taal blijft lastig.\n"
             "S3,R3,statushouder,Werken en taal.\n"
             "S4,R1,statushouder,Een cursus.\n"
             "S5,R2,klantmanager,Niets bijzonders.\n");
  dir_.Write("map.yaml", "story: story\nrespondent: respondent\nrole: role\ntext: text\n");
  Run({"import", "csv", "stories.csv", "--mapping", "map.yaml"});
  EXPECT_EQ(Uncoded(), "S1 S2 S3 S4 S5");
  dir_.Write("cb.yaml",
             "codes:\n"
             "  - name: werk\n    rules:\n      - {terms: [werken]}\n"
             "  - name: taal\n    rules:\n      - {terms: [taal]}\n"
             "  - name: cursus\n");
  Run({"codebook", "load", "cb.yaml"});
  Run({"autocode"});
  EXPECT_EQ(Uncoded(), "S4 S5");
  // A re-run after a rule changed: S2's coding goes, S4 gets one.
  dir_.Write("cb.yaml",
             "codes:\n"
             "  - name: werk\n    rules:\n      - {terms: [werken]}\n"
             "  - name: taal\n    rules:\n      - {terms: [cursus]}\n"
             "  - name: cursus\n");
  Run({"codebook", "load", "cb.yaml"});
  Run({"autocode"});
  EXPECT_EQ(Uncoded(), "S2 S5");
  Run({"code", "S5", "cursus", "--whole", "--coder", "anna"});
  EXPECT_EQ(Uncoded(), "S2");
  Run({"uncode", "S5", "cursus", "--whole", "--coder", "anna"});
  EXPECT_EQ(Uncoded(), "S2 S5");
  dir_.Write("codings.csv",
             "story,code,coder,quote,memo\n"
             "S2,cursus,anna,lastig,\n"
             "S5,cursus,bram,Niets,\n");
  Run({"code", "--from", "codings.csv"});
  EXPECT_EQ(Uncoded(), "");
  // A merge of codes moves codings, no story changes.
  dir_.Write("cb2.yaml",
             "codes:\n"
             "  - name: werk\n    rules:\n      - {terms: [werken]}\n"
             "  - name: taal\n    rules:\n      - {terms: [cursus]}\n"
             "  - name: cursus\n    merge_into: taal\n");
  Run({"codebook", "load", "cb2.yaml"});
  EXPECT_EQ(Uncoded(), "");
  Run({"stories", "delete", "S3"});
  EXPECT_EQ(Uncoded(), "");
  // anna's copy keeps her codings only (S2); bram's his (S5).
  Run({"export-for-coder", "--coder", "anna", "-o", "anna.verhaal"});
  EXPECT_EQ(Uncoded("anna.verhaal"), "S1 S4 S5");
  Run({"export-for-coder", "--coder", "bram", "-o", "bram.verhaal"});
  EXPECT_EQ(Uncoded("bram.verhaal"), "S1 S2 S4");
  Run({"merge", "anna.verhaal", "bram.verhaal", "-o", "team.verhaal"});
  EXPECT_EQ(Uncoded("team.verhaal"), "S1 S4");
  // A REFI-QDA round trip into a new project.
  Run({"-p", "team.verhaal", "export", "refi", "-o", "team.qdpx"});
  Run({"init", "refi.verhaal"});
  Run({"-p", "refi.verhaal", "import", "refi", "team.qdpx"});
  EXPECT_EQ(Uncoded("refi.verhaal"), "S1 S4");
}

}  // namespace
}  // namespace verhaal
