// End-to-end tests of `verhaal scatter` and `verhaal summary`, and of the
// matrix on the example study (examples/statushouders).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

// Imports the example study into a new project in `dir`.
void ImportExample(const TempDir& dir) {
  const auto examples = testing::SourceDir() / "examples" / "statushouders";
  ASSERT_EQ(RunVerhaal({"init", "s.verhaal"}, dir.path()).exit_code, 0);
  for (const std::string name : {"statushouders", "klantmanagers"}) {
    auto r = RunVerhaal({"import", "csv", (examples / (name + ".csv")).string(), "--mapping",
                         (examples / (name + ".mapping.yaml")).string()},
                        dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
}

TEST(ExampleStudyTest, MatrixOfMotivationAndStyleByRole) {
  TempDir dir;
  ImportExample(dir);
  auto r = RunVerhaal({"matrix", "--rows", "dyad:motivatie", "--cols", "dyad:stijl", "--by", "role",
                       "--format", "csv"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // As the example data were designed: willen goes with aanmoedigend.
  for (const std::string line :
       {"statushouder,moeten samenwerken,dwingend,13,",
        "statushouder,moeten samenwerken,aanmoedigend,5,",
        "statushouder,willen samenwerken,dwingend,4,",
        "statushouder,willen samenwerken,aanmoedigend,14,",
        "klantmanager,moeten samenwerken,dwingend,19,", "statushouder,stories used,36\r\n",
        "statushouder,left out: dyad:motivatie: N/A,1\r\n",
        "statushouder,Fisher's exact test,p = 0.00671 (exact)\r\n"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  }
}

TEST(ExampleStudyTest, ScatterQuadrantsAndPoints) {
  TempDir dir;
  ImportExample(dir);
  auto r = RunVerhaal({"scatter", "--x", "dyad:motivatie", "--y", "dyad:stijl", "--colour", "role",
                       "--format", "csv", "--csv", "punten.csv", "--svg", "s.svg"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "quadrant,motivatie,stijl,stories,percent\r\n"
            "bottom-left,moeten samenwerken,dwingend,32,42.7\r\n"
            "bottom-right,willen samenwerken,dwingend,7,9.3\r\n"
            "top-left,moeten samenwerken,aanmoedigend,5,6.7\r\n"
            "top-right,willen samenwerken,aanmoedigend,31,41.3\r\n");
  EXPECT_EQ(r.err,
            "75 stories plotted, 3 left out: dyad:motivatie: N/A 2; dyad:stijl: no answer 1\n"
            "wrote punten.csv\nwrote s.svg\n");
  const std::string points = testing::ReadFile(dir / "punten.csv");
  EXPECT_EQ(points.rfind("story,x,y,group\r\nSH-01-E,0.8200,0.8800,statushouder\r\n", 0), 0u);
  auto bad = RunVerhaal({"scatter", "--x", "role", "--y", "dyad:stijl"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "verhaal: error: scatter axis 'role' is not a slider; use dyad:KEY[@CUT], "
            "stone-x:KEY/STONE or stone-y:KEY/STONE\n");
}

TEST(ExampleStudyTest, SummaryOfDyadsByRole) {
  TempDir dir;
  ImportExample(dir);
  auto r =
      RunVerhaal({"summary", "--only", "dyads", "--by", "role", "--format", "csv"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("motivatie,statushouder,37,1,0,0.506,0.600,0.299,0.200,0.780,7,10,1,10,9\r\n"),
      std::string::npos)
      << r.out;
  auto bad = RunVerhaal({"summary", "--only", "codes,grafiek"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err,
            "verhaal: error: unknown section 'grafiek'; use codes, dyads, triads, lists or "
            "cooccurrence (comma-separated)\n");
}

TEST(ExampleStudyTest, SummaryChartsPerRole) {
  TempDir dir;
  ImportExample(dir);
  auto r = RunVerhaal({"summary", "--by", "role", "--only", "codes,dyads,triads,lists", "--svg",
                       "grafieken/per-rol"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string files[] = {"dyad-motivatie.svg", "dyad-stijl.svg", "triad-belang.svg"};
  for (const auto& file : files) {
    EXPECT_NE(r.err.find("wrote grafieken/per-rol/" + file + "\n"), std::string::npos) << r.err;
  }
  const auto charts = dir / "grafieken" / "per-rol";
  const std::string motivatie = testing::ReadFile(charts / "dyad-motivatie.svg");
  // The five bins per role, as the dyads table has them (7, 10, 1, 10, 9 for
  // the statushouders), the poles and a legend.
  for (const std::string text :
       {">7</text>", ">10</text>", ">9</text>", ">moeten samenwerken</text>",
        ">willen samenwerken</text>", ">statushouder</text>", ">klantmanager</text>",
        ">stories</text>", "statushouder: n 37, mean 0.51"}) {
    EXPECT_NE(motivatie.find(text), std::string::npos) << text;
  }
  const std::string belang = testing::ReadFile(charts / "triad-belang.svg");
  EXPECT_NE(belang.find(">closed geometric mean</text>"), std::string::npos);
  if (std::system("xmllint --version > /dev/null 2>&1") == 0) {
    for (const auto& entry : std::filesystem::directory_iterator(charts)) {
      const std::string command = "xmllint --noout '" + entry.path().string() + "' 2>&1";
      EXPECT_EQ(std::system(command.c_str()), 0) << entry.path();
    }
  }
  // The same bytes again.
  auto again = RunVerhaal(
      {"summary", "--by", "role", "--only", "codes,dyads,triads,lists", "--svg", "nog-eens"},
      dir.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  for (const auto& entry : std::filesystem::directory_iterator(charts)) {
    EXPECT_EQ(testing::ReadFile(entry.path()),
              testing::ReadFile(dir / "nog-eens" / entry.path().filename()))
        << entry.path();
  }
}

TEST(ExampleStudyTest, SummaryPerKlantmanagerOverWaves) {
  TempDir dir;
  ImportExample(dir);
  auto r = RunVerhaal({"summary", "--role", "klantmanager", "--by", "respondent", "--by", "wave",
                       "--only", "dyads", "--format", "csv"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "40 stories; 0 without a level of respondent, wave\n");
  // KM-1's motivatie in waves 1 and 2; one story each, so no sd (empty).
  for (const std::string line :
       {"motivatie,KM-1 / 1,1,0,0,0.350,0.350,,0.350,0.350,0,1,0,0,0\r\n",
        "motivatie,KM-1 / 2,1,0,0,0.400,0.400,,0.400,0.400,0,0,1,0,0\r\n"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << r.out;
  }
  auto thrice = RunVerhaal({"summary", "--by", "role", "--by", "wave", "--by", "kind"}, dir.path());
  EXPECT_EQ(thrice.exit_code, 2);
  EXPECT_EQ(thrice.err, "verhaal: error: --by at most twice (e.g. --by respondent --by wave)\n");
}

TEST(ExampleStudyTest, SummaryChartFolderThatCannotBeMade) {
  TempDir dir;
  ImportExample(dir);
  dir.Write("bestand.txt", "x");
  auto file = RunVerhaal({"summary", "--svg", "bestand.txt"}, dir.path());
  EXPECT_EQ(file.exit_code, 73);
  EXPECT_EQ(file.err,
            "verhaal: error: 'bestand.txt' is a file, not a folder; give --svg a folder for the "
            "charts\n");
  EXPECT_EQ(file.out, "");
  auto under = RunVerhaal({"summary", "--svg", "bestand.txt/grafieken"}, dir.path());
  EXPECT_EQ(under.exit_code, 73);
  EXPECT_EQ(
      under.err.rfind("verhaal: error: cannot create the folder 'bestand.txt/grafieken': ", 0), 0u)
      << under.err;
  auto unit = RunVerhaal({"summary", "--cooccurrence", "zinnen"}, dir.path());
  EXPECT_EQ(unit.exit_code, 2);
  EXPECT_EQ(unit.err,
            "verhaal: error: --cooccurrence takes 'stories' or 'segments', not 'zinnen'\n");
}

}  // namespace
}  // namespace verhaal
