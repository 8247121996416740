// study.yaml takes every story importer as a source (issue 21): a folder of
// stories, an interview transcript and a Spryng.io export beside a CSV, each
// imported as `verhaal import TYPE` imports it; a second run changes nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::RunVerhaal;
using testing::TempDir;

TEST(RunSourcesTest, FolderTranscriptAndSpryngSourcesAreImportedOnceEach) {
  TempDir dir;
  fs::create_directory(dir / "verhalen");
  dir.Write("verhalen/sh-01.txt", "---\nrespondent: SH-01\n---\nIk moest naar de taalles.\n");
  dir.Write("verhalen/sh-02.md", "Ik wilde zelf werk vinden.\n");
  dir.Write("gesprek-07.txt", "Interviewer: Hoe ging het?\nAmina: Goed, ik werk nu.\n");
  dir.Write("spryng.csv",
            "ID,Respondent,Verhaal,Samenwerken voelde als - X\n"
            "S-01,SH-09,Mijn klantmanager vroeg wat ik wilde.,0.8\n"
            "S-02,SH-10,Ik moest elke week komen.,0.2\n");
  dir.Write("study.yaml",
            "project: s.verhaal\n"
            "sources:\n"
            "  - folder: verhalen\n"
            "    role: statushouder\n"
            "  - type: transcript\n"
            "    file: gesprek-07.txt\n"
            "    respondent: SH-07\n"
            "    role: statushouder\n"
            "  - type: spryng\n"
            "    file: spryng.csv\n"
            "    language: nl\n");
  const auto first = RunVerhaal({"run", "study.yaml"}, dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("import verhalen: added 2 stories"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("import gesprek-07.txt: added 1 story"), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("import spryng.csv: 2 new stories, 0 already present, 1 signifiers"),
            std::string::npos)
      << first.err;
  {
    Project project = Project::Open(dir / "s.verhaal");
    EXPECT_EQ(CountStories(project), 5);
    const auto folder_story = FindStory(project, "sh-01");
    ASSERT_TRUE(folder_story);
    EXPECT_EQ(folder_story->respondent_key, "SH-01");
    EXPECT_EQ(folder_story->role, "statushouder");
    const auto interview = FindStory(project, "gesprek-07");
    ASSERT_TRUE(interview);
    EXPECT_EQ(interview->kind, "interview");
    EXPECT_EQ(ListSpeakerTurns(project, interview->id).size(), 2u);
    const auto spryng = FindStory(project, "S-01");
    ASSERT_TRUE(spryng);
    EXPECT_EQ(spryng->respondent_key, "SH-09");
    EXPECT_EQ(spryng->language, "nl");
  }
  const auto second = RunVerhaal({"run", "study.yaml"}, dir.path());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("project: s.verhaal (unchanged)"), std::string::npos) << second.out;
  EXPECT_NE(second.err.find("import verhalen: nothing to change; all 2 stories are already in "
                            "the project"),
            std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("import spryng.csv: 0 new stories, 2 already present"),
            std::string::npos)
      << second.err;
  // The source files are the truth: an edited Spryng.io story is replaced,
  // as the CSV, folder and transcript sources replace theirs (--update).
  dir.Write("spryng.csv",
            "ID,Respondent,Verhaal,Samenwerken voelde als - X\n"
            "S-01,SH-09,Mijn klantmanager vroeg wat ik echt wilde.,0.8\n"
            "S-02,SH-10,Ik moest elke week komen.,0.2\n");
  const auto third = RunVerhaal({"run", "study.yaml"}, dir.path());
  ASSERT_EQ(third.exit_code, 0) << third.err;
  EXPECT_NE(third.err.find("import spryng.csv: 0 new stories, 1 already present, 1 updated"),
            std::string::npos)
      << third.err;
  Project project = Project::Open(dir / "s.verhaal");
  EXPECT_EQ(CountStories(project), 5);
  EXPECT_EQ(FindStory(project, "S-01")->text, "Mijn klantmanager vroeg wat ik echt wilde.");
}

}  // namespace
}  // namespace verhaal

namespace verhaal {
namespace {

// A REFI-QDA project as a source: imported with its codebook and codings; a
// second run skips the unchanged file; after the tool's project changed, the
// run merges it as every source is merged: the new coding comes in, nothing
// twice (issue 20: one importer path).
TEST(RunSourcesTest, RefiSourceIsImportedAndAChangedFileIsMerged) {
  testing::TempDir dir;
  auto run = [&](const std::vector<std::string>& args) {
    auto r = testing::RunVerhaal(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  };
  run({"init", "bron.verhaal"});
  dir.Write("v.csv", "story,respondent,tekst\nA,R1,Ik moest komen.\nB,R2,Ik wilde werken.\n");
  run({"-p", "bron.verhaal", "import", "csv", "v.csv", "--text", "tekst"});
  dir.Write("c.yaml", "codes:\n  - name: moeten\n  - name: willen\n");
  run({"-p", "bron.verhaal", "codebook", "load", "c.yaml"});
  run({"-p", "bron.verhaal", "code", "A", "moeten", "--quote", "moest", "--coder", "anna"});
  run({"-p", "bron.verhaal", "export", "refi", "-o", "bron.qdpx"});
  dir.Write("study.yaml",
            "project: s.verhaal\n"
            "sources:\n"
            "  - {type: refi, file: bron.qdpx, kind: experience}\n");
  const auto first = run({"run", "study.yaml"});
  EXPECT_NE(first.err.find("import bron.qdpx: added 2 stories, updated 0, 0 unchanged; 2 new "
                           "respondents, 0 new variables, 0 new signifiers; also added 2 codes, "
                           "1 coder, 1 coding, 0 memos"),
            std::string::npos)
      << first.err;
  {
    Project project = Project::Open(dir / "s.verhaal");
    EXPECT_EQ(CountStories(project), 2);
    EXPECT_EQ(FindStory(project, "A")->kind, "experience");
  }
  const auto second = run({"run", "study.yaml"});
  EXPECT_NE(second.err.find("import bron.qdpx: already imported, unchanged"), std::string::npos)
      << second.err;
  // Another coding changes the export: the run adds it, and only it.
  run({"-p", "bron.verhaal", "code", "B", "willen", "--quote", "wilde", "--coder", "anna"});
  fs::remove(dir / "bron.qdpx");
  run({"-p", "bron.verhaal", "export", "refi", "-o", "bron.qdpx"});
  const auto changed = run({"run", "study.yaml"});
  EXPECT_NE(changed.err.find("import bron.qdpx: added 0 stories, updated 0, 2 unchanged; 0 new "
                             "respondents, 0 new variables, 0 new signifiers; also added 0 codes, "
                             "0 coders, 1 coding, 0 memos"),
            std::string::npos)
      << changed.err;
  Project project = Project::Open(dir / "s.verhaal");
  EXPECT_EQ(CountStories(project), 2);
  EXPECT_EQ(ListCodings(project).size(), 2u);
}

}  // namespace
}  // namespace verhaal
