// `verhaal matrix --unit segment` (issue 21): cells count coded segments
// that meet (overlap, or lie within --within characters of) a segment of the
// column, or that lie in a story of the column level. Figures worked out by
// hand from the spans below.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

class MatrixSegmentTest : public ::testing::Test {
 protected:
  MatrixSegmentTest() {
    Run({"init", "t.verhaal"});
    // S1: "Ik moest wel." 0:13, "Ik moest wel. Zij dwong mij." 0:28,
    // "Later wilde ik zelf." 29:49, "Zij moedigde aan." 50:67.
    // S2: "Ik wilde." 0:9, "Zij dwong." 10:20.
    dir_.Write("v.csv",
               "story,respondent,role,tekst\n"
               "S1,R1,statushouder,Ik moest wel. Zij dwong mij. Later wilde ik zelf. Zij "
               "moedigde aan.\n"
               "S2,R2,klantmanager,Ik wilde. Zij dwong.\n");
    Run({"import", "csv", "v.csv", "--text", "tekst"});
    dir_.Write("c.yaml",
               "codes:\n  - name: motivatie\n    children:\n      - name: moeten\n      - name: "
               "willen\n  - name: stijl\n    children:\n      - name: dwingend\n      - name: "
               "aanmoedigend\n");
    Run({"codebook", "load", "c.yaml"});
    Code("S1", "motivatie/moeten", "0:13", "anna");
    Code("S1", "motivatie/moeten", "3:13", "bram");  // overlaps anna's: one segment
    Code("S1", "stijl/dwingend", "0:28", "anna");
    Code("S1", "motivatie/willen", "29:49", "anna");
    Code("S1", "stijl/aanmoedigend", "50:67", "anna");
    Code("S2", "motivatie/willen", "0:9", "anna");
    Code("S2", "stijl/dwingend", "10:20", "anna");
    Code("S2", "motivatie/moeten", "10:20", "rules");  // not in the default set
  }
  void Code(const std::string& story, const std::string& code, const std::string& span,
            const std::string& coder) {
    Run({"code", story, code, "--span", span, "--coder", coder});
  }
  testing::RunResult Run(const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  // The cells as "row col count" lines, from the CSV layout.
  std::string Cells(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "csv"});
    const std::string out = Run(args).out;
    std::string cells;
    size_t at = out.find("\r\n") + 2;
    while (at < out.size()) {
      const size_t end = out.find("\r\n", at);
      const std::string line = out.substr(at, end - at);
      if (line.empty()) break;
      // ,row,col,count,...
      std::vector<std::string> f;
      size_t s = 0;
      for (size_t c = line.find(','); c != std::string::npos; c = line.find(',', s)) {
        f.push_back(line.substr(s, c - s));
        s = c + 1;
      }
      cells += f[1] + " " + f[2] + " " + f[3] + "\n";
      at = end + 2;
    }
    return cells;
  }
  TempDir dir_;
};

TEST_F(MatrixSegmentTest, OverlappingSegmentsOnly) {
  // S1 moeten 0:13 (anna and bram merged) meets dwingend 0:28; S1 willen
  // 29:49 and S2 willen 0:9 meet nothing.
  const std::vector<std::string> args = {"matrix",     "--rows", "code:motivatie", "--cols",
                                         "code:stijl", "--unit", "segment"};
  EXPECT_EQ(Cells(args),
            "moeten dwingend 1\nmoeten aanmoedigend 0\nwillen dwingend 0\nwillen aanmoedigend 0\n");
  const auto text = Run(args);
  EXPECT_NE(text.out.find("counted: coded segments of the rows that meet a segment of the column "
                          "(overlapping)"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("1 segment"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("from 1 stories used (1 in the cells), 2 left out: code:stijl: no "
                          "segment it meets 2"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("tests      not computed: the segments of one story are not "
                          "independent"),
            std::string::npos)
      << text.out;
}

TEST_F(MatrixSegmentTest, WithinCharactersAndAcrossTwoColumns) {
  // Within 2 characters: S1 willen 29:49 meets dwingend 0:28 (gap 1) and
  // aanmoedigend 50:67 (gap 1); S2 willen 0:9 meets dwingend 10:20 (gap 1).
  EXPECT_EQ(Cells({"matrix", "--rows", "code:motivatie", "--cols", "code:stijl", "--unit",
                   "segment", "--within", "2"}),
            "moeten dwingend 1\nmoeten aanmoedigend 0\nwillen dwingend 2\nwillen aanmoedigend 1\n");
  const auto csv = Run({"matrix", "--rows", "code:motivatie", "--cols", "code:stijl", "--unit",
                        "segment", "--within", "2", "--format", "csv"});
  EXPECT_NE(csv.out.find(",segments used,3\r\n,in the cells,4\r\n"), std::string::npos) << csv.out;
  // The rule coder's moeten in S2 counts only when asked for.
  EXPECT_EQ(Cells({"matrix", "--rows", "code:motivatie", "--cols", "role", "--unit", "segment"}),
            "moeten klantmanager 0\nmoeten statushouder 1\nwillen klantmanager 1\n"
            "willen statushouder 1\n");
  EXPECT_EQ(Cells({"matrix", "--rows", "code:motivatie", "--cols", "role", "--unit", "segment",
                   "--coders", "anna,rules"}),
            "moeten klantmanager 1\nmoeten statushouder 1\nwillen klantmanager 1\n"
            "willen statushouder 1\n");
}

TEST_F(MatrixSegmentTest, WhatTheSegmentUnitDoesNotTake) {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  } cases[] = {
      {{"--rows", "role", "--cols", "code:stijl", "--unit", "segment"},
       "the rows must be a code dimension (code:GROUP)"},
      {{"--rows", "code:motivatie", "--cols", "code:stijl", "--unit", "segment", "--by", "role"},
       "unit segment gives one matrix; leave out by"},
      {{"--rows", "code:motivatie", "--cols", "code:stijl", "--unit", "segment", "--quotes", "2"},
       "--quotes is not yet given for --unit segment"},
      {{"--rows", "code:motivatie", "--cols", "code:stijl", "--within", "5"},
       "within goes with unit segment"},
      {{"--rows", "code:motivatie", "--cols", "code:stijl", "--unit", "zin"},
       "unknown unit 'zin'; use story"},
      {{"--rows", "code:motivatie", "--cols", "code:stijl", "--unit", "segment", "--within",
        "alinea"},
       "--within takes a number of characters of 0 or more, sentence or turn, not 'alinea'"},
      {{"--rows", "code:motivatie", "--cols", "code:stijl", "--within", "sentence"},
       "within goes with unit segment"},
  };
  for (auto& c : cases) {
    c.args.insert(c.args.begin(), "matrix");
    const auto r = RunVerhaal(c.args, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << c.error << "\n" << r.err;
    EXPECT_NE(r.err.find(c.error), std::string::npos) << r.err;
  }
}

// Segments that do not overlap but share a sentence, or a speaker turn.
TEST_F(MatrixSegmentTest, SameSentenceAndSameTurn) {
  // S3: sentence 1 "Ik wilde het zelf, maar zij dwong mij. " is 0:39, sentence
  // 2 "Daarna ging het goed." 39:60. willen 0:17, dwingend 24:37: apart, one
  // sentence.
  dir_.Write("s3.csv",
             "story,respondent,role,tekst\n"
             "S3,R3,statushouder,\"Ik wilde het zelf, maar zij dwong mij. Daarna ging het "
             "goed.\"\n");
  Run({"import", "csv", "s3.csv", "--text", "tekst"});
  Code("S3", "motivatie/willen", "0:17", "anna");
  Code("S3", "stijl/dwingend", "24:37", "anna");
  const std::vector<std::string> base{"matrix",  "--rows",     "code:motivatie",
                                      "--cols",  "code:stijl", "--unit",
                                      "segment", "--role",     "statushouder"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return Cells(args);
  };
  // Overlap only: S1 moeten meets dwingend; S3 willen meets nothing.
  EXPECT_EQ(with({}),
            "moeten dwingend 1\nmoeten aanmoedigend 0\nwillen dwingend 0\nwillen aanmoedigend "
            "0\n");
  // Same sentence: S1's willen (29:49, sentence 3) still meets nothing (the
  // aanmoedigend sentence is the next one); S3's willen meets dwingend.
  EXPECT_EQ(with({"--within", "sentence"}),
            "moeten dwingend 1\nmoeten aanmoedigend 0\nwillen dwingend 1\nwillen aanmoedigend "
            "0\n");
  const std::string text = Run({"matrix", "--rows", "code:motivatie", "--cols", "code:stijl",
                                "--unit", "segment", "--within", "sentence"})
                               .out;
  EXPECT_NE(text.find("meet a segment of the column (in the same sentence)"), std::string::npos)
      << text;

  // Turns: in an interview, Amina's two sentences are one turn.
  dir_.Write("gesprek.txt", "Interviewer: Hoe ging het?\nAmina: Ik wilde. Zij dwong mij niet.\n");
  Run({"import", "transcript", "gesprek.txt", "--respondent", "R5"});
  // Turns: Interviewer 13:26, Amina 34:63; "Ik wilde." 34:43, "Zij dwong mij
  // niet." 44:63.
  Code("gesprek", "motivatie/willen", "34:42", "anna");
  Code("gesprek", "stijl/dwingend", "44:62", "anna");
  auto interview = [&](const std::string& within) {
    return Cells({"matrix", "--rows", "code:motivatie", "--cols", "code:stijl", "--unit", "segment",
                  "--kind", "interview", "--within", within});
  };
  EXPECT_EQ(interview("0"),
            "moeten dwingend 0\nmoeten aanmoedigend 0\nwillen dwingend 0\nwillen aanmoedigend "
            "0\n");
  EXPECT_EQ(interview("sentence"), interview("0"));
  EXPECT_EQ(interview("turn"),
            "moeten dwingend 0\nmoeten aanmoedigend 0\nwillen dwingend 1\nwillen aanmoedigend "
            "0\n");
}

}  // namespace
}  // namespace verhaal
