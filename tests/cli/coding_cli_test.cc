// End-to-end tests of the codebook and coding commands: codebook
// load/diff/show/export, code/uncode (also --from CSV), quotes, show, memo.
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

constexpr const char* kCodebook = R"(codes:
  - name: motivatie
    dimension: true
    children:
      - name: moeten
      - name: willen
  - name: taal
)";

class CodingCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir_.path()).exit_code, 0);
    dir_.Write("stories.csv",
               "story,respondent,role,text\n"
               "S1,R1,statushouder,\"Één café: ik wil werken. Ik wil werken, zei ze.\"\n"
               "S2,R2,klantmanager,Taal blijft lastig.\n");
    dir_.Write("map.yaml", "story: story\nrespondent: respondent\nrole: role\ntext: text\n");
    auto imported = Run({"import", "csv", "stories.csv", "--mapping", "map.yaml"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    dir_.Write("cb.yaml", kCodebook);
    auto loaded = Run({"codebook", "load", "cb.yaml"});
    ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  }

  testing::RunResult Run(const std::vector<std::string>& args) {
    return RunVerhaal(args, dir_.path());
  }

  TempDir dir_;
};

TEST_F(CodingCliTest, CodeUncodeAndDuplicates) {
  auto r = Run({"code", "S1", "motivatie/willen", "--quote", "wil werken", "--occurrence", "2",
                "--coder", "anna", "--memo", "tweede keer"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "coded S1 28:38 motivatie/willen (anna): \"wil werken\"\n");
  r = Run({"code", "S1", "motivatie/willen", "--span", "28:38", "--coder", "anna"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "already coded, not stored twice: S1 28:38 motivatie/willen (anna): \"wil "
            "werken\"\n");
  r = Run({"code", "S2", "taal", "--whole", "--coder", "bram"});
  EXPECT_EQ(r.out, "coded S2 0:19 taal (bram): \"Taal blijft lastig.\"\n");
  r = Run({"code", "S1", "taal", "--quote", "wil werken", "--coder", "anna"});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: the quote \"wil werken\" occurs 2 times in story S1 (1: line 1 "
            "column 14 (13:23), 2: line 1 column 29 (28:38)); pick one with --occurrence N or "
            "use --span\n");
  r = Run({"code", "S1", "taal", "--whole", "--span", "1:2"});
  EXPECT_EQ(r.exit_code, 2);
  r = Run({"uncode", "S2", "taal", "--whole", "--coder", "bram"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "removed S2 0:19 taal (bram): \"Taal blijft lastig.\"\n");
  auto show = Run({"show", "S1", "--color", "never"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Één café: ik wil werken. Ik [1>wil werken<1], zei ze."),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("  1  motivatie/willen  anna  28:38  memo: tweede keer\n"),
            std::string::npos);
  auto quotes = Run({"quotes", "--code", "motivatie", "--format", "csv", "--context", "4"});
  EXPECT_EQ(quotes.out,
            "story,respondent,role,kind,wave,code,coder,start,end,before,quote,after,memo\r\n"
            "S1,R1,statushouder,experience,,motivatie/willen,anna,28,38, Ik ,wil werken,\", ze\","
            "tweede keer\r\n");
  EXPECT_EQ(Run({"quotes", "--code", "motivatie", "--exact", "--format", "csv"}).out,
            "story,respondent,role,kind,wave,code,coder,start,end,before,quote,after,memo\r\n");
}

TEST_F(CodingCliTest, CodeFromCsvIsAtomic) {
  dir_.Write("codings.csv",
             "story,code,coder,quote,memo\n"
             "S1,motivatie/willen,anna,café,\n"
             "S2,taal,bram,blijft,let op\n"
             "S2,taal,bram,ontbreekt,\n");
  auto r = Run({"code", "--from", "codings.csv"});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: codings.csv:4:14: the quote \"ontbreekt\" does not occur in story "
            "S2; copy it exactly (spaces, punctuation and case count) from `verhaal show S2`\n"
            "  S2,taal,bram,ontbreekt,\n"
            "               ^\n");
  EXPECT_EQ(Run({"quotes", "--code", "taal", "--format", "csv"}).out.find("S2"),
            std::string::npos);  // nothing was written
  dir_.Write("codings.csv",
             "story,code,coder,start,end,memo\n"
             "S1,motivatie/willen,anna,4,8,\n"
             "S2,taal,,5,11,let op\n");
  r = Run({"code", "--from", "codings.csv", "--coder", "carla"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "applied codings.csv: 2 codings added\n");
  EXPECT_EQ(Run({"quotes", "--code", "taal", "--format", "csv"}).out,
            "story,respondent,role,kind,wave,code,coder,start,end,before,quote,after,memo\r\n"
            "S2,R2,klantmanager,experience,,taal,carla,5,11,Taal ,blijft, lastig.,let op\r\n");
  r = Run({"code", "--from", "codings.csv", "--coder", "carla"});
  EXPECT_EQ(r.out, "applied codings.csv: 0 codings added, 2 already there\n");
}

TEST_F(CodingCliTest, DroppingAUsedCodeIsRefusedAndChangesNothing) {
  ASSERT_EQ(Run({"code", "S2", "taal", "--whole", "--coder", "bram"}).exit_code, 0);
  const std::string before = Run({"codebook", "show", "--format", "csv"}).out;
  dir_.Write("cb2.yaml",
             "codes:\n  - name: motivatie\n    dimension: true\n    children:\n"
             "      - name: moeten\n      - name: willen\n  - name: nieuw\n");
  auto r = Run({"codebook", "load", "cb2.yaml"});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: cb2.yaml: the codebook drops code 'taal' (1 coding) that still has "
            "codings; put it back, merge it into another code with merge_into:, or keep it as "
            "retired with --retire\n");
  EXPECT_EQ(Run({"codebook", "show", "--format", "csv"}).out, before);
  auto diff = Run({"codebook", "diff", "cb2.yaml", "--format", "csv"});
  EXPECT_EQ(diff.out,
            "change,code,codings,detail\r\n"
            "refuse,taal,1,not in the codebook but still used; load needs --retire\r\n"
            "add,nieuw,0,\r\n");
  EXPECT_EQ(Run({"codebook", "show", "--format", "csv"}).out, before);
  // Merging instead keeps the coding.
  dir_.Write("cb3.yaml",
             "codes:\n  - name: motivatie\n    dimension: true\n    children:\n"
             "      - name: moeten\n      - name: willen\n  - name: nieuw\n"
             "  - name: taal\n    merge_into: nieuw\n");
  r = Run({"codebook", "load", "cb3.yaml", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // CSV output has RFC 4180 record ends.
  EXPECT_EQ(r.out,
            "change,code,codings,detail\r\nadd,nieuw,0,\r\nmerge,taal,1,codings now in nieuw\r\n");
  EXPECT_NE(Run({"quotes", "--code", "nieuw", "--format", "csv"}).out.find("S2,R2"),
            std::string::npos);
}

TEST_F(CodingCliTest, CodebookErrorsAreLocated) {
  dir_.Write("bad.yaml", "codes:\n  - name: a\n    colour: \"#123456\"\n    inclusio: x\n");
  auto r = Run({"codebook", "load", "bad.yaml"});
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: bad.yaml:4:5: unknown key 'inclusio'; did you mean 'inclusion'? a "
            "code may have name, guid, description, inclusion, exclusion, examples, colour, "
            "codable, dimension, retired, was, merge_into, rules and children\n"
            "      inclusio: x\n      ^\n");
}

TEST(CodingCliExampleTest, TheExampleCodebookLoadsAndShows) {
  TempDir dir;
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  const std::string file = (testing::SourceDir() / "examples/statushouders/codebook.yaml").string();
  auto load = RunVerhaal({"codebook", "load", file}, dir.path());
  ASSERT_EQ(load.exit_code, 0) << load.err;
  auto show = RunVerhaal({"codebook", "show"}, dir.path());
  ASSERT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("\nmotivatie "), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("\n  willen "), std::string::npos);
  EXPECT_NE(show.out.find("\ntaalbarrière "), std::string::npos);
  // export, then load the export elsewhere: the same tree.
  auto exported = RunVerhaal({"codebook", "export", "-o", "export.yaml"}, dir.path());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  ASSERT_EQ(RunVerhaal({"init", "q.verhaal"}, dir.path()).exit_code, 0);
  ASSERT_EQ(
      RunVerhaal({"-p", "q.verhaal", "codebook", "load", "export.yaml"}, dir.path()).exit_code, 0);
  EXPECT_EQ(RunVerhaal({"-p", "q.verhaal", "codebook", "show", "--format", "csv"}, dir.path()).out,
            RunVerhaal({"-p", "p.verhaal", "codebook", "show", "--format", "csv"}, dir.path()).out);
}

TEST(CodingCliExampleTest, TheExampleCodingsApply) {
  TempDir dir;
  const auto example = testing::SourceDir() / "examples/statushouders";
  ASSERT_EQ(RunVerhaal({"init", "p.verhaal"}, dir.path()).exit_code, 0);
  auto imported = RunVerhaal({"import", "csv", (example / "statushouders.csv").string(),
                              "--mapping", (example / "statushouders.mapping.yaml").string()},
                             dir.path());
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  ASSERT_EQ(
      RunVerhaal({"codebook", "load", (example / "codebook.yaml").string()}, dir.path()).exit_code,
      0);
  auto r = RunVerhaal({"code", "--from", (example / "codings.csv").string()}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(r.out.find(": ")), ": 136 codings added\n");
}

}  // namespace
}  // namespace verhaal
