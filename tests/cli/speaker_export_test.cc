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
  // show lists the turns with their spans, as --speaker reads them.
  const std::string shown = run({"show", "gesprek", "--color", "never"}).out;
  EXPECT_NE(shown.find("turns:\n  1  Interviewer  interviewer  13:27\n  2  Amina  respondent  "
                       "35:"),
            std::string::npos)
      << shown;
  // A label no turn has is an error with the labels there are, not an
  // empty list that looks like "no passages".
  const auto nobody = RunVerhaal({"quotes", "--code", "moeten", "--speaker", "Amna"}, dir.path());
  EXPECT_EQ(nobody.exit_code, 66) << nobody.err;
  EXPECT_NE(nobody.err.find("no speaker 'Amna'"), std::string::npos) << nobody.err;
  EXPECT_NE(nobody.err.find("did you mean 'Amina'?"), std::string::npos) << nobody.err;
  const auto empty = RunVerhaal({"quotes", "--code", "moeten", "--speaker", ""}, dir.path());
  EXPECT_EQ(empty.exit_code, 2) << empty.err;
}

// --speaker is a filter on whose codings count, so the matrix and the summary
// honour it as quotes do, and say so in their header.
TEST(SpeakerExportTest, MatrixAndSummaryCountOnlyASpeakersCodings) {
  TempDir dir;
  auto run = [&](const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  run({"init", "t.verhaal"});
  dir.Write("a.txt", "Interviewer: Moest u komen?\nAmina: Ik wilde het zelf.\n");
  dir.Write("b.txt", "Interviewer: Hoe was het?\nYonas: Ik moest wel.\n");
  run({"import", "transcript", "a.txt", "--respondent", "SH-01"});
  run({"import", "transcript", "b.txt", "--respondent", "SH-02"});
  dir.Write("c.yaml",
            "codes:\n  - name: motivatie\n    dimension: true\n    children:\n"
            "      - name: moeten\n      - name: willen\n");
  run({"codebook", "load", "c.yaml"});
  // Story a: the interviewer's question coded moeten, Amina's answer willen;
  // story b: Yonas's answer moeten.
  run({"code", "a", "motivatie/moeten", "--quote", "Moest u komen?", "--coder", "anna"});
  run({"code", "a", "motivatie/willen", "--quote", "Ik wilde", "--coder", "anna"});
  run({"code", "b", "motivatie/moeten", "--quote", "Ik moest", "--coder", "anna"});
  auto codes = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{"summary", "--only", "codes", "--format", "csv"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  };
  const std::string all = codes({});
  EXPECT_NE(all.find("motivatie/moeten,2,2,100.0"), std::string::npos) << all;
  const std::string respondents = codes({"--speaker", "respondent"});
  EXPECT_NE(respondents.find("only in respondents' turns"), std::string::npos) << respondents;
  EXPECT_NE(respondents.find("motivatie/moeten,1,1,50.0"), std::string::npos) << respondents;
  EXPECT_NE(respondents.find("motivatie/willen,1,1,50.0"), std::string::npos) << respondents;
  const std::string interviewer = codes({"--speaker", "interviewer"});
  EXPECT_NE(interviewer.find("motivatie/moeten,1,1,50.0"), std::string::npos) << interviewer;
  EXPECT_NE(interviewer.find("motivatie/willen,0,0,0.0"), std::string::npos) << interviewer;
  EXPECT_EQ(codes({"--speaker", "yonas"}), codes({"--speaker", "Yonas"}));

  // Without a speaker story a holds both levels and is left out as mixed;
  // with the respondents' turns only, it is willen.
  const std::string plain =
      run({"matrix", "--rows", "code:motivatie", "--cols", "respondent", "--format", "csv"});
  EXPECT_NE(plain.find("left out: code:motivatie: mixed,1"), std::string::npos) << plain;
  const std::string spoken = run({"matrix", "--rows", "code:motivatie", "--cols", "respondent",
                                  "--speaker", "respondent", "--format", "csv"});
  EXPECT_NE(spoken.find(",willen,SH-01,1,"), std::string::npos) << spoken;
  EXPECT_NE(spoken.find(",moeten,SH-02,1,"), std::string::npos) << spoken;
  EXPECT_NE(spoken.find("stories used,2"), std::string::npos) << spoken;
}

}  // namespace
}  // namespace verhaal
