// End-to-end tests of whose codings count: `verhaal coders list|analysis`,
// and --coders / --combine / --min-coders in matrix, quotes and summary,
// each stating in its output which coders it used.
#include <gtest/gtest.h>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

// Stories S1..S4 of SH-01 (statushouder), motivatie/{moeten, willen}:
//   S1: anna moeten, bram moeten, rules willen
//   S2: anna moeten
//   S3: anna moeten, bram willen
//   S4: rules willen
void MakeProject(const std::filesystem::path& file) {
  Project p = Project::Create(file, "coders");
  const int64_t sh = EnsureRespondent(p, "SH-01", "statushouder");
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
  std::vector<int64_t> ids;
  for (int i = 1; i <= 4; ++i) {
    Story story;
    story.key = "S" + std::to_string(i);
    story.respondent_id = sh;
    story.text = "Ik moet werken.";
    ids.push_back(AddStory(p, story));
  }
  struct Row {
    int story;
    int64_t code;
    const char* coder;
  };
  const Row rows[] = {{1, m, "anna"}, {1, m, "bram"}, {1, w, "rules"}, {2, m, "anna"},
                      {3, m, "anna"}, {3, w, "bram"}, {4, w, "rules"}};
  for (const Row& row : rows) {
    Coding coding;
    coding.story_id = ids[static_cast<size_t>(row.story - 1)];
    coding.code_id = row.code;
    coding.coder_id = EnsureCoder(p, row.coder);
    coding.start = 0;
    coding.end = 6;
    coding.origin = std::string(row.coder) == "rules" ? "rule:willen" : "manual";
    coding.created = "2026-12-0" + std::to_string(row.story) + "T09:00:00Z";
    AddCoding(p, coding);
  }
}

TEST(CodersCliTest, ListShowsActivityAndTheSet) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  auto r = RunVerhaal({"coders", "list", "--format", "csv"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "coder,codings,stories,first coding,last coding,by,analysis set\r\n"
            "anna,3,3,2026-12-01T09:00:00Z,2026-12-03T09:00:00Z,person,yes\r\n"
            "bram,2,2,2026-12-01T09:00:00Z,2026-12-03T09:00:00Z,person,yes\r\n"
            "rules,2,2,2026-12-01T09:00:00Z,2026-12-04T09:00:00Z,rules,no\r\n");
  r = RunVerhaal({"coders", "analysis", "bram"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "analysis set: bram\n");
  r = RunVerhaal({"coders", "list", "--format", "csv"}, dir.path());
  EXPECT_NE(r.out.find("anna,3,3,2026-12-01T09:00:00Z,2026-12-03T09:00:00Z,person,no\r\n"),
            std::string::npos)
      << r.out;
  r = RunVerhaal({"coders", "analysis"}, dir.path());
  EXPECT_EQ(r.out, "bram\n");
  EXPECT_EQ(r.err, "these are the analysis set\n");
  const std::string before = testing::ReadFile(dir / "p.verhaal");
  r = RunVerhaal({"coders", "analysis", "bram", "cees"}, dir.path());
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_EQ(r.err,
            "verhaal: error: no coder 'cees' in the project; the coders are: anna, bram, rules "
            "(`verhaal coders list`)\n");
  r = RunVerhaal({"coders", "analysis", "bran"}, dir.path());
  EXPECT_EQ(r.err,
            "verhaal: error: no coder 'bran' in the project; did you mean 'bram'? the coders "
            "are: anna, bram, rules (`verhaal coders list`)\n");
  EXPECT_EQ(testing::ReadFile(dir / "p.verhaal"), before);
}

TEST(CodersCliTest, MatrixCountsTheHumanCodersAndSaysSo) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  // Default: anna and bram, any. S1, S2 moeten; S3 mixed; S4 no coding.
  auto r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find("\n\n", r.out.find("left out"))),
            "counted: stories; codings: code:motivatie: codings of anna, bram (every human "
            "coder, the default), combined: any coder\n\n"
            "motivatie (rows) x role (columns)\n"
            "2 stories used, 2 left out: code:motivatie: mixed 1; code:motivatie: no coding 1");
  // The rule coder only when named: S4 willen, S1 now mixed.
  r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--coders",
                  "anna,bram,rules", "--format", "csv"},
                 dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",moeten,statushouder,1,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",willen,statushouder,1,"), std::string::npos) << r.out;
  // Consensus: only S1 (anna and bram both moeten).
  r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--combine", "all",
                  "--format", "csv"},
                 dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",moeten,statushouder,1,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",left out: code:motivatie: too few coders agree,2\r\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("combined: all 2 coders"), std::string::npos);
  // Each coder side by side: anna has 3 moeten; bram 1 moeten, 1 willen.
  r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--combine", "each"},
                 dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("coder anna (--combine each)\n\ncounted: stories; codings: "
                       "code:motivatie: codings of anna (every human coder, the default), "
                       "combined: each coder separately\n\nmotivatie (rows) x role (columns)\n"
                       "3 stories used, 1 left out"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("coder bram (--combine each)\n\n"), std::string::npos);
  EXPECT_NE(r.out.find("2 stories used, 2 left out: code:motivatie: no coding 2"),
            std::string::npos);
  r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--min-coders", "3"},
                 dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "verhaal: error: --min-coders must be between 1 and the number of coders (2: anna, "
            "bram)\n");
}

// Multiple response: S3 (anna moeten, bram willen) counts in both rows.
// moeten: S1, S2, S3 = 3; willen: S3 = 1; 4 responses from 3 stories.
TEST(CodersCliTest, MixedEachCountsResponsesWithoutTests) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  auto r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--mixed", "each"},
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("counted: responses (--mixed each: a story coded with several levels "
                        "counts in each of their cells); codings: ",
                        0),
            0u)
      << r.out;
  EXPECT_NE(r.out.find("4 responses from 3 stories used, 1 left out: code:motivatie: no coding 1"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("not computed: with --mixed each a story counts in more than one cell"),
            std::string::npos);
  r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--mixed", "each",
                  "--format", "csv"},
                 dir.path());
  EXPECT_NE(r.out.find(",moeten,statushouder,3,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",willen,statushouder,1,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",stories used,3\r\n,responses,4\r\n"), std::string::npos) << r.out;
}

// --quotes 2: per cell the first two stories with a coding of the set under
// the dimension's code. moeten x statushouder holds S1 and S2; anna's coding
// comes before bram's.
TEST(CodersCliTest, MatrixQuotesPerCell) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  auto r = RunVerhaal(
      {"matrix", "--rows", "code:motivatie", "--cols", "role", "--quotes", "2", "--format", "csv"},
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\r\n\r\ngroup,row,col,story,respondent,coder,code,start,end,quote\r\n"
                       ",moeten,statushouder,S1,SH-01,anna,motivatie/moeten,0,6,Ik moe\r\n"
                       ",moeten,statushouder,S2,SH-01,anna,motivatie/moeten,0,6,Ik moe\r\n"),
            std::string::npos)
      << r.out;
  r = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--quotes", "1",
                  "--coders", "rules", "--format", "json"},
                 dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"quotes\": [\n    {\n      \"group\": \"\",\n      \"row\": \"willen\","),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"coder\": \"rules\""), std::string::npos);
  r = RunVerhaal({"matrix", "--rows", "role", "--cols", "role", "--quotes", "0"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CodersCliTest, QuotesAndSummaryHonourTheSet) {
  TempDir dir;
  MakeProject(dir / "p.verhaal");
  auto r = RunVerhaal({"quotes", "--code", "motivatie/willen", "--format", "csv"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Only bram's willen in S3; the rule codings stay out.
  EXPECT_EQ(r.out.find("rules"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("S3,SH-01,statushouder,experience,,motivatie/willen,bram,0,6,,Ik moe,"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(r.err,
            "codings: codings of anna, bram (every human coder, the default), combined: any "
            "coder\n");
  r = RunVerhaal({"quotes", "--code", "motivatie/willen", "--coders", "rules", "--format", "csv"},
                 dir.path());
  EXPECT_NE(r.out.find("S4,SH-01,statushouder,experience,,motivatie/willen,rules,"),
            std::string::npos);
  r = RunVerhaal({"summary", "--only", "codes", "--format", "csv"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find("\r\n\r\n")),
            "setting,value\r\ncodings,\"codings of anna, bram (every human coder, the default), "
            "combined: any coder\"");
  // willen: one story (S3, bram); with rules it would be three.
  EXPECT_NE(r.out.find("motivatie/willen,1,"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace verhaal
