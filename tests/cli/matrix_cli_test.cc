// End-to-end tests of `verhaal matrix`: the real binary on a small project
// with known counts.
#include <gtest/gtest.h>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

// Six statushouder and four klantmanager stories, coded motivatie/{moeten,
// willen} by anna, with a dyad stijl (dwingend .. aanmoedigend).
void MakeProject(const std::filesystem::path& file) {
  Project p = Project::Create(file, "matrix");
  const int64_t sh = EnsureRespondent(p, "SH-01", "statushouder");
  const int64_t km = EnsureRespondent(p, "KM-1", "klantmanager");
  Code group;
  group.name = "motivatie";
  group.dimension = true;
  const int64_t g = AddCode(p, group);
  Code moeten;
  moeten.name = "moeten";
  moeten.parent_id = g;
  const int64_t m = AddCode(p, moeten);
  Code willen;
  willen.name = "willen";
  willen.parent_id = g;
  willen.position = 1;
  const int64_t w = AddCode(p, willen);
  Signifier stijl;
  stijl.key = "stijl";
  stijl.type = SignifierType::kDyad;
  stijl.x_low = "dwingend";
  stijl.x_high = "aanmoedigend";
  stijl.id = EnsureSignifier(p, stijl);
  const int64_t anna = EnsureCoder(p, "anna");
  // story: respondent, code (0 none), stijl (-1 none, 2 N/A)
  struct Row {
    int64_t respondent, code;
    double x;
  };
  const Row rows[] = {{sh, m, 0.1}, {sh, m, 0.2}, {sh, m, 0.7}, {sh, w, 0.9}, {sh, w, 0.8},
                      {sh, 0, 0.5}, {km, m, 0.1}, {km, w, 0.6}, {km, w, 2},   {km, w, -1}};
  int n = 0;
  for (const auto& row : rows) {
    Story story;
    story.key = "S" + std::to_string(++n);
    story.respondent_id = row.respondent;
    story.text = "Een kort verhaal.";
    const int64_t id = AddStory(p, story);
    if (row.code != 0) {
      Coding coding;
      coding.story_id = id;
      coding.code_id = row.code;
      coding.coder_id = anna;
      coding.start = 0;
      coding.end = 3;
      AddCoding(p, coding);
    }
    if (row.x >= 0) {
      SignifierValue value;
      value.not_applicable = row.x > 1;
      value.x = row.x > 1 ? 0 : row.x;
      SetSignifierValue(p, stijl, id, value);
    }
  }
}

TEST(MatrixCliTest, CsvCellsAndTests) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  auto r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "dyad:stijl", "--role",
                       "statushouder", "--format", "csv"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string cells =
      "group,row,col,count,row_percent,col_percent,total_percent,expected,residual,flagged\r\n"
      ",moeten,dwingend,2,66.67,100.00,40.00,1.2000,1.4907,no\r\n"
      ",moeten,aanmoedigend,1,33.33,33.33,20.00,1.8000,-1.4907,no\r\n"
      ",willen,dwingend,0,0.00,0.00,0.00,0.8000,-1.4907,no\r\n"
      ",willen,aanmoedigend,2,100.00,66.67,40.00,1.2000,1.4907,no\r\n"
      "\r\n"
      "group,statistic,value\r\n"
      ",unit,stories\r\n"
      ",codings,\"code:motivatie: codings of anna (every human coder, the default), combined: "
      "one coder\"\r\n"
      ",stories used,5\r\n"
      ",left out: code:motivatie: no coding,1\r\n";
  EXPECT_EQ(r.out.substr(0, cells.size()), cells);
  EXPECT_NE(r.out.find(",chi-square,\"X2 = 2.222, df = 1, p = 0.136 (unreliable: expected counts "
                       "too small; read Fisher's exact test)\"\r\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(",Fisher's exact test,p = 0.4 (exact)\r\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.err,
            "verhaal: warning: 4 of 4 cells have an expected count below 5 and 1 below 1 "
            "(smallest 0.80); the chi-square approximation may be poor: use Fisher's exact test "
            "or merge categories\n");
}

TEST(MatrixCliTest, ByRoleGivesOneMatrixPerGroupAndAComparison) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  auto r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "dyad:stijl", "--by", "role",
                       "--svg", "m.svg"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("role = klantmanager: motivatie (rows) x stijl (dwingend / aanmoedigend) "
                       "(columns)\n2 stories used, 2 left out: dyad:stijl: N/A 1; dyad:stijl: no "
                       "answer 1\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("role = statushouder: "), std::string::npos);
  EXPECT_NE(r.out.find("comparison of the groups of role over the matrix cells\n7 stories used"),
            std::string::npos);
  EXPECT_NE(r.err.find("wrote m.svg\n"), std::string::npos);
  const std::string svg = testing::ReadFile(dir / "m.svg");
  EXPECT_NE(svg.find(">role = statushouder (n = 5)</text>"), std::string::npos);
}

TEST(MatrixCliTest, MixedAsALevel) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  {
    Project p = Project::Open(dir / "p.verhaal");
    Coding coding;
    coding.story_id = FindStory(p, "S1")->id;
    coding.code_id = FindCodeByPath(p, "motivatie/willen")->id;
    coding.coder_id = EnsureCoder(p, "anna");
    coding.start = 4;
    coding.end = 8;
    AddCoding(p, coding);
  }
  auto r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--mixed", "level",
                       "--format", "json"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"row_levels\": [\n        \"moeten\",\n        \"willen\",\n        "
                       "\"mixed\"\n      ]"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"row\": \"mixed\",\n          \"col\": \"statushouder\",\n"
                       "          \"count\": 1,"),
            std::string::npos);
}

TEST(MatrixCliTest, ErrorsSayWhatToDoAndWriteNothing) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  const std::string before = testing::ReadFile(dir / "p.verhaal");
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string err;
  };
  const std::vector<Case> cases = {
      {{"matrix", "--rows", "role"},
       2,
       "verhaal: error: matrix needs --rows and --cols; e.g. `verhaal matrix --rows "
       "dyad:motivatie --cols dyad:stijl`\n"},
      {{"matrix", "--rows", "gemeente", "--cols", "role"},
       2,
       "verhaal: error: unknown dimension 'gemeente'; use code:PATH[@CODER[+CODER]], "
       "dyad:KEY[@CUT[,CUT]], stone-x:KEY/STONE[@CUT], stone-y:KEY/STONE[@CUT], triad-zone:KEY, "
       "var:NAME, role, kind, wave or respondent (see docs/matrix.md)\n"},
      {{"matrix", "--rows", "code:stijl", "--cols", "role"},
       66,
       "verhaal: error: dimension 'code:stijl': no code 'stijl' in the project; name a code "
       "group by its path, e.g. code:motivatie\n"},
      {{"matrix", "--rows", "role", "--cols", "role", "--mixed", "both"},
       2,
       "verhaal: error: unknown --mixed 'both'; use exclude, level or each\n"},
      {{"matrix", "--rows", "role", "--cols", "role", "--role", "gemeente"},
       65,
       "verhaal: error: no stories match; import stories first or loosen --role, --kind, "
       "--wave, --set\n"},
      {{"matrix", "--rows", "role", "--cols", "code:motivatie", "--svg", "geen/map/m.svg"},
       73,
       "verhaal: error: cannot create geen/map/m.svg: No such file or directory; check that the "
       "folder exists and is writable\n"},
  };
  for (const auto& c : cases) {
    auto r = RunVerhaal(c.args, dir.path());
    EXPECT_EQ(r.exit_code, c.exit_code) << c.args[2];
    if (c.exit_code == 73) {
      EXPECT_NE(r.err.find(c.err), std::string::npos) << r.err;
    } else {
      EXPECT_EQ(r.err, c.err);
    }
  }
  EXPECT_EQ(testing::ReadFile(dir / "p.verhaal"), before);
}

}  // namespace
}  // namespace verhaal
