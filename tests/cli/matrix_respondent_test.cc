// `verhaal matrix --unit respondent` (issue 21): each respondent counts once,
// with the levels of their stories; two levels make the respondent mixed,
// handled by --mixed as a story would be. Figures worked out by hand from the
// codings below.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

class MatrixRespondentTest : public ::testing::Test {
 protected:
  MatrixRespondentTest() {
    Run({"init", "t.verhaal"});
    // R1 tells two stories, both moeten; R2 one moeten and one willen; R3
    // one willen; R4 one story nobody coded.
    dir_.Write("v.csv",
               "story,respondent,role,tekst\n"
               "a,R1,statushouder,Ik moest.\n"
               "b,R1,statushouder,Ik moest weer.\n"
               "c,R2,statushouder,Ik wilde.\n"
               "d,R2,statushouder,Ik moest.\n"
               "e,R3,klantmanager,Zij wilde.\n"
               "f,R4,klantmanager,Niets.\n");
    Run({"import", "csv", "v.csv", "--text", "tekst"});
    dir_.Write("c.yaml",
               "codes:\n  - name: motivatie\n    children:\n      - name: moeten\n"
               "      - name: willen\n");
    Run({"codebook", "load", "c.yaml"});
    for (const auto& [story, level] : std::vector<std::pair<std::string, std::string>>{
             {"a", "moeten"}, {"b", "moeten"}, {"c", "willen"}, {"d", "moeten"}, {"e", "willen"}}) {
      Run({"code", story, "motivatie/" + level, "--whole", "--coder", "anna"});
    }
  }
  testing::RunResult Run(const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  std::string Csv(std::vector<std::string> extra) {
    std::vector<std::string> args{"matrix",   "--rows", "code:motivatie", "--cols", "role",
                                  "--format", "csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args).out;
  }
  TempDir dir_;
};

TEST_F(MatrixRespondentTest, StoriesAgainstRespondents) {
  // Stories: moeten x statushouder a, b, d; willen x statushouder c;
  // willen x klantmanager e; f has no coding.
  const std::string stories = Csv({});
  EXPECT_NE(stories.find(",moeten,statushouder,3,"), std::string::npos) << stories;
  EXPECT_NE(stories.find(",willen,statushouder,1,"), std::string::npos) << stories;
  // Respondents: R1 moeten, R3 willen; R2 mixed and R4 without coding left out.
  const std::string people = Csv({"--unit", "respondent"});
  EXPECT_NE(people.find("respondents (each once, with the levels of their stories)"),
            std::string::npos)
      << people;
  EXPECT_NE(people.find(",moeten,statushouder,1,"), std::string::npos) << people;
  EXPECT_NE(people.find(",willen,statushouder,0,"), std::string::npos) << people;
  EXPECT_NE(people.find(",willen,klantmanager,1,"), std::string::npos) << people;
  EXPECT_NE(people.find(",respondents used,2"), std::string::npos) << people;
  EXPECT_NE(people.find(",left out: code:motivatie: mixed,1"), std::string::npos) << people;
  EXPECT_NE(people.find(",left out: code:motivatie: no coding,1"), std::string::npos) << people;
}

TEST_F(MatrixRespondentTest, MixedRespondentsAsALevelOrInEachCell) {
  const std::string level = Csv({"--unit", "respondent", "--mixed", "level"});
  EXPECT_NE(level.find(",mixed,statushouder,1,"), std::string::npos) << level;
  EXPECT_NE(level.find(",moeten,statushouder,1,"), std::string::npos) << level;
  // each: R2 counts under moeten and willen: 4 responses from 3 respondents,
  // and no test.
  const std::string each = Csv({"--unit", "respondent", "--mixed", "each"});
  EXPECT_NE(each.find(",moeten,statushouder,2,"), std::string::npos) << each;
  EXPECT_NE(each.find(",willen,statushouder,1,"), std::string::npos) << each;
  EXPECT_NE(each.find(",willen,klantmanager,1,"), std::string::npos) << each;
  EXPECT_NE(each.find(",respondents used,3"), std::string::npos) << each;
  EXPECT_NE(each.find(",tests,\"not computed: with --mixed each"), std::string::npos) << each;
  const std::string text = Run({"matrix", "--rows", "code:motivatie", "--cols", "role", "--unit",
                                "respondent", "--mixed", "each"})
                               .out;
  EXPECT_NE(text.find("4 responses from 3 respondents used, 1 left out"), std::string::npos)
      << text;
}

TEST_F(MatrixRespondentTest, QuotesAndUnknownUnitsAreRefused) {
  const auto quotes = RunVerhaal({"matrix", "--rows", "code:motivatie", "--cols", "role", "--unit",
                                  "respondent", "--quotes", "2"},
                                 dir_.path());
  EXPECT_EQ(quotes.exit_code, 2) << quotes.err;
  EXPECT_NE(quotes.err.find("--quotes is not yet given for --unit respondent"), std::string::npos)
      << quotes.err;
  const auto unknown = RunVerhaal(
      {"matrix", "--rows", "code:motivatie", "--cols", "role", "--unit", "person"}, dir_.path());
  EXPECT_EQ(unknown.exit_code, 2) << unknown.err;
  EXPECT_NE(unknown.err.find("respondent (each respondent once)"), std::string::npos)
      << unknown.err;
}

}  // namespace
}  // namespace verhaal
