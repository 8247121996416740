// End to end: `verhaal import spryng` with `verhaal info --signifiers`.
#include <gtest/gtest.h>

#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

// Our own small Spryng.io export: a triangle, two sliders, marbles, the
// option of a multiple-choice question, quoted multi-line text.
constexpr const char* kExport =
    "ID,Respondent,Verhaal,Wat hielp? - klantmanager,Wat hielp? - taalles,Wat hielp? - netwerk,"
    "Wat hielp? - X,Wat hielp? - Y,Wat hielp? - NA,Samenwerken voelde als - X,"
    "Samenwerken voelde als - NA,Contact - X,Waar sta je? - nu - X,Waar sta je? - nu - Y,"
    "Bron - gemeente\n"
    "S-01,SH-07,\"Ik moest naar het gesprek.\nDaarna ging het beter.\",50,25,25,0.5,0.5,,0.2,,"
    "0.8,0.1,0.9,1\n"
    "S-02,SH-12,Ik mocht zelf kiezen.,20,60,20,0.3,0.2,,,1,,0.4,0.5,\n"
    "S-03,SH-07,Niemand belde terug.,,,,,,1,0.9,,0.3,,,1\n";

constexpr const char* kSignifiers =
    "signifier,type,title,answered,n/a,skipped\r\n"
    "Wat hielp?,triad,Wat hielp?,2,1,0\r\n"
    "Samenwerken voelde als,dyad,Samenwerken voelde als,2,1,0\r\n"
    "Contact,dyad,Contact,2,0,1\r\n"
    "Waar sta je?,stones,Waar sta je?,2,0,1\r\n";

TEST(SpryngCliTest, ImportThenInfoSignifiersThenImportAgain) {
  TempDir dir;
  dir.Write("spryng.csv", kExport);
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  const auto import = RunVerhaal({"import", "spryng", "spryng.csv"}, dir.path());
  EXPECT_EQ(import.exit_code, 0) << import.err;
  EXPECT_EQ(import.out, "");
  EXPECT_EQ(import.err,
            "unknown column: Bron - gemeente (kept as a story variable)\n"
            "imported spryng.csv: 3 new stories, 0 already present, 4 signifiers, 10 values set\n");
  const auto info = RunVerhaal({"info", "--signifiers", "--format", "csv"}, dir.path());
  EXPECT_EQ(info.exit_code, 0) << info.err;
  EXPECT_EQ(info.out, kSignifiers);

  const auto again = RunVerhaal({"import", "spryng", "spryng.csv"}, dir.path());
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.err,
            "unknown column: Bron - gemeente (kept as a story variable)\n"
            "nothing changed: spryng.csv is already in the project (3 stories)\n");
  EXPECT_EQ(RunVerhaal({"info", "--signifiers", "--format", "csv"}, dir.path()).out, kSignifiers);
}

// --dry-run and --update mean what they mean for every importer
// (docs/importing.md): a dry run writes nothing; a changed text is kept
// with a warning, and replaced with --update.
TEST(SpryngCliTest, DryRunWritesNothingAndUpdateReplacesAChangedText) {
  TempDir dir;
  dir.Write("spryng.csv", kExport);
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  const std::string empty = testing::ReadFile(dir / "p.verhaal");
  const auto dry = RunVerhaal({"import", "spryng", "spryng.csv", "--dry-run"}, dir.path());
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(dry.err,
            "unknown column: Bron - gemeente (kept as a story variable)\n"
            "dry run of spryng.csv: would import 3 new stories, 0 already present, 4 signifiers, "
            "10 values set; nothing was written\n");
  EXPECT_EQ(testing::ReadFile(dir / "p.verhaal"), empty);

  ASSERT_EQ(RunVerhaal({"import", "spryng", "spryng.csv"}, dir.path()).exit_code, 0);
  std::string changed = kExport;
  changed.replace(changed.find("Ik mocht zelf kiezen."), 21, "Ik mocht zelf een cursus kiezen.");
  dir.Write("spryng.csv", changed);
  const auto kept = RunVerhaal({"import", "spryng", "spryng.csv"}, dir.path());
  EXPECT_EQ(kept.exit_code, 0) << kept.err;
  EXPECT_EQ(kept.err,
            "verhaal: warning: story S-02 (spryng.csv:4) differs from the one in the project; "
            "kept the stored one (import with --update to replace it)\n"
            "unknown column: Bron - gemeente (kept as a story variable)\n"
            "nothing changed: spryng.csv is already in the project (3 stories), 1 changed but "
            "kept (use --update)\n");
  EXPECT_EQ(RunVerhaal({"show", "S-02"}, dir.path()).out.find("een cursus"), std::string::npos);

  const auto updated = RunVerhaal({"import", "spryng", "spryng.csv", "--update"}, dir.path());
  EXPECT_EQ(updated.exit_code, 0) << updated.err;
  EXPECT_EQ(updated.err,
            "unknown column: Bron - gemeente (kept as a story variable)\n"
            "imported spryng.csv: 0 new stories, 2 already present, 1 updated, 4 signifiers, 0 "
            "values set\n");
  EXPECT_NE(RunVerhaal({"show", "S-02"}, dir.path()).out.find("Ik mocht zelf een cursus kiezen."),
            std::string::npos);
}

TEST(SpryngCliTest, FailingImportIsLocatedAndChangesNothing) {
  TempDir dir;
  dir.Write("spryng.csv", kExport);
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  ASSERT_EQ(RunVerhaal({"import", "spryng", "spryng.csv"}, dir.path()).exit_code, 0);
  // A new story first (it must not stay), then a triangle that sums to 110.
  std::string bad = kExport;
  bad.insert(bad.find("S-01"), "S-04,SH-20,Een nieuw verhaal.,10,10,80,,,,0.5,,0.5,,,\n");
  bad.replace(bad.find(",20,60,20,"), 10, ",20,70,20,");
  dir.Write("bad.csv", bad);
  const auto run = RunVerhaal({"import", "spryng", "bad.csv"}, dir.path());
  EXPECT_EQ(run.exit_code, 65);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "verhaal: error: bad.csv:5:34: triangle 'Wat hielp?' has anchors 20, 70, 20 that sum "
            "to 110, not 100; give the three anchors as percentages summing to 100\n"
            "  S-02,SH-12,Ik mocht zelf kiezen.,20,70,20,0.3,0.2,,,1,,0.4,0.5,\n"
            "                                   ^\n");
  Project project = Project::Open(dir / "p.verhaal");
  EXPECT_EQ(CountStories(project), 3);
  EXPECT_FALSE(FindStory(project, "S-04"));
  EXPECT_EQ(RunVerhaal({"info", "--signifiers", "--format", "csv"}, dir.path()).out, kSignifiers);
}

TEST(SpryngCliTest, HelpHasAnExampleAndMissingFileIsAUsageError) {
  TempDir dir;
  const auto help = RunVerhaal({"import", "spryng", "--help"}, dir.path());
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("example:\n  verhaal import spryng spryng-export.csv\n"),
            std::string::npos)
      << help.out;
  EXPECT_NE(help.out.find("--respondent COLUMN"), std::string::npos);
  const auto formats = RunVerhaal({"import", "--help"}, dir.path());
  EXPECT_NE(formats.out.find("spryng"), std::string::npos) << formats.out;

  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  const auto run = RunVerhaal({"import", "spryng"}, dir.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err,
            "verhaal: error: import spryng needs FILE.csv; e.g. `verhaal import spryng "
            "spryng-export.csv`\n");
}

}  // namespace
}  // namespace verhaal
