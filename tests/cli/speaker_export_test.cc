// The codings export names the speaker of an interview segment (issue 21):
// the turn a coding lies in, or the turns it crosses.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

TEST(SpeakerExportTest, CodingsCarryTheSpeakerOfTheirTurns) {
  TempDir dir;
  auto run = [&](const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  };
  run({"init", "t.verhaal"});
  // Turns: Interviewer 13:26 ("Hoe ging het?"), R 30:46 ("Goed. Heel goed.").
  dir.Write("gesprek.txt", "Interviewer: Hoe ging het?\nR: Goed. Heel goed.\n");
  run({"import", "transcript", "gesprek.txt", "--respondent", "SH-01"});
  dir.Write("c.yaml", "codes:\n  - name: vraag\n  - name: antwoord\n");
  run({"codebook", "load", "c.yaml"});
  run({"code", "gesprek", "antwoord", "--quote", "Goed.", "--coder", "anna"});
  run({"code", "gesprek", "vraag", "--span", "13:35", "--coder", "anna"});
  run({"code", "gesprek", "vraag", "--span", "0:12", "--coder", "anna"});  // the label only
  const auto csv = run({"export", "codings", "--format", "csv"});
  EXPECT_NE(csv.out.find("story,respondent,role,code,coder,start,end,speaker,quote,"),
            std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find("gesprek,SH-01,,vraag,anna,0,12,,Interviewer:,"), std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find("gesprek,SH-01,,vraag,anna,13,35,Interviewer + R,"), std::string::npos)
      << csv.out;
  EXPECT_NE(csv.out.find("gesprek,SH-01,,antwoord,anna,30,35,R,Goed.,"), std::string::npos)
      << csv.out;
}

TEST(SpeakerExportTest, QuotesKeepOnlyASpeakersPassages) {
  TempDir dir;
  auto run = [&](const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  };
  run({"init", "t.verhaal"});
  dir.Write("gesprek.txt", "Interviewer: Moest u komen?\nAmina: Ik moest, maar ik wilde ook.\n");
  run({"import", "transcript", "gesprek.txt", "--respondent", "SH-01"});
  dir.Write("c.yaml", "codes:\n  - name: moeten\n");
  run({"codebook", "load", "c.yaml"});
  run({"code", "gesprek", "moeten", "--quote", "Moest u komen?", "--coder", "anna"});
  run({"code", "gesprek", "moeten", "--quote", "Ik moest", "--coder", "anna"});
  auto quotes = [&](const std::string& speaker) {
    return run({"quotes", "--code", "moeten", "--speaker", speaker, "--format", "csv"}).out;
  };
  const std::string respondent = quotes("respondent");
  // Amina's "Ik moest" is 35:43, the interviewer's question 13:27.
  EXPECT_NE(respondent.find(",anna,35,43,"), std::string::npos) << respondent;
  EXPECT_EQ(respondent.find(",anna,13,27,"), std::string::npos) << respondent;
  const std::string interviewer = quotes("interviewer");
  EXPECT_NE(interviewer.find(",anna,13,27,"), std::string::npos) << interviewer;
  EXPECT_EQ(interviewer.find(",anna,35,43,"), std::string::npos) << interviewer;
  EXPECT_EQ(quotes("amina"), respondent);
  const std::string nobody = quotes("Bram");
  EXPECT_EQ(nobody.find(",anna,"), std::string::npos) << nobody;
}

}  // namespace
}  // namespace verhaal
