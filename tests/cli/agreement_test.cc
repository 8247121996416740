// End-to-end tests of `verhaal export-for-coder`, `verhaal merge` and
// `verhaal agreement`: blind copies, merged codings counted per coder, a
// conflicting merge that writes nothing, coefficients and their edge cases.
#include <gtest/gtest.h>

#include <map>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

// A project with four stories and a dimension motivatie (moeten, willen).
void MakeStudy(const std::filesystem::path& file) {
  Project p = Project::Create(file, "studie");
  Transaction t(p);
  for (const char* key : {"S1", "S2", "S3", "S4"}) {
    Story s;
    s.key = key;
    s.text = "Ik wil werken. Ik moet wel.";
    AddStory(p, s);
  }
  Code dim;
  dim.name = "motivatie";
  dim.dimension = true;
  const int64_t m = AddCode(p, dim);
  for (const char* level : {"moeten", "willen"}) {
    Code c;
    c.name = level;
    c.parent_id = m;
    AddCode(p, c);
  }
  t.Commit();
}

// Codes (story, level) as `coder` in `file`.
void CodeAs(const std::filesystem::path& file, const std::string& coder,
            const std::vector<std::pair<std::string, std::string>>& codings) {
  Project p = Project::Open(file);
  Transaction t(p);
  for (const auto& [story, level] : codings) {
    Coding c;
    c.story_id = FindStory(p, story)->id;
    c.code_id = FindCodeByPath(p, "motivatie/" + level)->id;
    c.coder_id = EnsureCoder(p, coder);
    c.start = level == "willen" ? 0 : 15;
    c.end = level == "willen" ? 14 : 27;
    AddCoding(p, c);
  }
  t.Commit();
}

std::map<std::string, int> PerCoder(const std::filesystem::path& file) {
  Project p = Project::Open(file);
  std::map<std::string, int> out;
  for (const auto& c : ListCodings(p)) ++out[c.coder];
  return out;
}

class TeamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MakeStudy(dir_ / "studie.verhaal");
    CodeAs(dir_ / "studie.verhaal", "anna", {{"S1", "willen"}});
    for (const char* coder : {"anna", "bram"}) {
      auto r = RunVerhaal({"-p", "studie.verhaal", "export-for-coder", "--coder", coder, "-o",
                           std::string(coder) + ".verhaal"},
                          dir_.path());
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    CodeAs(dir_ / "anna.verhaal", "anna", {{"S2", "willen"}, {"S3", "moeten"}, {"S4", "moeten"}});
    CodeAs(dir_ / "bram.verhaal", "bram",
           {{"S1", "willen"}, {"S2", "willen"}, {"S3", "moeten"}, {"S4", "willen"}});
  }
  TempDir dir_;
};

TEST_F(TeamTest, ExportForCoderLeavesOutOtherCoders) {
  auto r = RunVerhaal(
      {"-p", "studie.verhaal", "export-for-coder", "--coder", "carla", "-o", "carla.verhaal"},
      dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "created carla.verhaal for carla: 4 stories, 3 codes; left out 1 codings by 1 other "
            "coders and 0 of their memos\n");
  EXPECT_TRUE(PerCoder(dir_ / "carla.verhaal").empty());
  {
    // Nor when the others coded or with which rules: no origins are left.
    Project carla = Project::Open(dir_ / "carla.verhaal");
    EXPECT_EQ(carla.db().execAndGet("SELECT count(*) FROM coding_origin").getInt(), 0);
  }
  EXPECT_EQ(PerCoder(dir_ / "anna.verhaal"), (std::map<std::string, int>{{"anna", 4}}));
  // An existing output is refused and left alone.
  auto again = RunVerhaal(
      {"-p", "studie.verhaal", "export-for-coder", "--coder", "carla", "-o", "carla.verhaal"},
      dir_.path());
  EXPECT_EQ(again.exit_code, 73);
  EXPECT_EQ(again.err,
            "verhaal: error: carla.verhaal already exists; choose another name or remove it "
            "first\n");
}

TEST_F(TeamTest, MergeBringsEveryCodingOnceAndAgreementReadsIt) {
  auto r =
      RunVerhaal({"merge", "anna.verhaal", "bram.verhaal", "-o", "team.verhaal", "--format", "csv"},
                 dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "source,coder,codings added,already present,dropped,stories added,stories "
            "matched,codes added,codes matched\r\n"
            "anna.verhaal,(all),4,0,0,4,0,3,0\r\n"
            "anna.verhaal,anna,4,,,,,,\r\n"
            "bram.verhaal,(all),4,0,0,0,4,0,3\r\n"
            "bram.verhaal,bram,4,,,,,,\r\n");
  EXPECT_EQ(PerCoder(dir_ / "team.verhaal"),
            (std::map<std::string, int>{{"anna", 4}, {"bram", 4}}));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "team.verhaal.partial"));

  // Dimension: anna willen, willen, moeten, moeten; bram willen, willen, moeten, willen.
  // p_o = 3/4, p_e = (2/4)(3/4) + (2/4)(1/4) = 1/2, kappa = 0.5.
  auto a = RunVerhaal({"-p", "team.verhaal", "agreement", "--unit", "dimension"}, dir_.path());
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out,
            "unit       code       coders     n  agreement   kappa  fleiss     ac1   alpha  note\n"
            "---------  ---------  ---------  -  ---------  ------  ------  ------  ------  ----\n"
            "dimension  motivatie  anna+bram  4     0.7500  0.5000  0.4667  0.5294  0.5333  \n");
  auto json = RunVerhaal(
      {"-p", "team.verhaal", "agreement", "--unit", "dimension", "--format", "json"}, dir_.path());
  EXPECT_NE(json.out.find("\"fleiss\": 0.4666666666666667"), std::string::npos) << json.out;

  auto d = RunVerhaal({"-p", "team.verhaal", "agreement", "--unit", "dimension", "--disagreements",
                       "--format", "csv"},
                      dir_.path());
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_EQ(d.out,
            "story,code,where,anna,bram,text\r\n"
            "S4,motivatie,story,moeten,willen,bram: Ik wil werken. | anna: Ik moet wel.\r\n");
}

TEST_F(TeamTest, AConflictingMergeWritesNothing) {
  {
    Project bram = Project::Open(dir_ / "bram.verhaal");
    ReplaceStoryText(bram, FindStory(bram, "S2")->id, "", "Ik wil niet werken.");
  }
  auto r = RunVerhaal({"merge", "anna.verhaal", "bram.verhaal", "-o", "team.verhaal"}, dir_.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "verhaal: error: cannot merge bram.verhaal safely: 1 conflict\n"
            "  story S2: same key, different text (first difference at character 7)\n"
            "nothing was written; make the copies agree, or rerun with --resolve keep-first "
            "(keep the team project's version) or --resolve rename (keep both)\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "team.verhaal"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "team.verhaal.partial"));
  // Into an existing project: unchanged after the failure.
  auto into = RunVerhaal({"-p", "anna.verhaal", "merge", "bram.verhaal"}, dir_.path());
  EXPECT_EQ(into.exit_code, 65);
  EXPECT_EQ(PerCoder(dir_ / "anna.verhaal"), (std::map<std::string, int>{{"anna", 4}}));
  auto renamed = RunVerhaal({"-p", "anna.verhaal", "merge", "bram.verhaal", "--resolve", "rename"},
                            dir_.path());
  ASSERT_EQ(renamed.exit_code, 0) << renamed.err;
  EXPECT_NE(renamed.err.find("verhaal: warning: bram.verhaal: story S2: same key, different "
                             "text (first difference at character 7); added as S2@bram\n"),
            std::string::npos)
      << renamed.err;
  EXPECT_EQ(PerCoder(dir_ / "anna.verhaal"),
            (std::map<std::string, int>{{"anna", 4}, {"bram", 4}}));
}

TEST_F(TeamTest, EdgeCasesGiveADefinedValueOrAClearError) {
  // One coder only.
  auto one = RunVerhaal({"-p", "anna.verhaal", "agreement"}, dir_.path());
  EXPECT_EQ(one.exit_code, 65);
  EXPECT_EQ(one.err,
            "verhaal: error: agreement needs two or more coders; the selected stories have "
            "codings by anna only; merge the other coders' copies first (`verhaal merge`)\n");
  // Perfect agreement on one category: kappa undefined, with the reason.
  ASSERT_EQ(RunVerhaal({"merge", "anna.verhaal", "bram.verhaal", "-o", "team.verhaal"}, dir_.path())
                .exit_code,
            0);
  auto same = RunVerhaal({"-p", "team.verhaal", "agreement", "--codes", "motivatie/willen",
                          "--coders", "anna,bram", "--format", "csv"},
                         dir_.path());
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_EQ(same.out,
            "unit,code,coders,n,agreement,kappa,fleiss,ac1,alpha,note\r\n"
            "presence,motivatie/willen,anna+bram,4,0.75,0.5,0.4666666666666667,"
            "0.5294117647058824,0.5333333333333333,\r\n");
  auto s1 = RunVerhaal(
      {"-p", "team.verhaal", "agreement", "--codes", "motivatie/willen", "--role", "nobody"},
      dir_.path());
  EXPECT_EQ(s1.exit_code, 65);
}

TEST(AgreementFromTableTest, PublishedValuesAndEdgeCases) {
  TempDir dir;
  dir.Write("k.csv",
            "observer,1,2,3,4,5,6,7,8,9,10,11,12\n"
            "A,1,2,3,3,2,1,4,1,2,*,*,*\n"
            "B,1,2,3,3,2,2,4,1,2,5,*,*\n"
            "C,*,3,3,3,2,3,4,2,2,5,1,3\n"
            "D,1,2,3,3,2,4,4,1,2,5,1,*\n");
  auto alpha = RunVerhaal({"agreement", "--from-table", "k.csv", "--layout", "coders-by-units",
                           "--level", "interval", "--format", "csv"},
                          dir.path());
  ASSERT_EQ(alpha.exit_code, 0) << alpha.err;
  EXPECT_EQ(
      alpha.out.rfind("coefficient,level,units,coders,value,note\r\nalpha,interval,12,4,0.849", 0),
      0u)
      << alpha.out;
  auto text =
      RunVerhaal({"agreement", "--from-table", "k.csv", "--layout", "coders-by-units"}, dir.path());
  EXPECT_NE(text.out.find("alpha        nominal     12       4  0.7434"), std::string::npos)
      << text.out;
  dir.Write("same.csv", "unit,a,b\n1,ja,ja\n2,ja,ja\n");
  auto same = RunVerhaal(
      {"agreement", "--from-table", "same.csv", "--coefficient", "cohen", "--format", "csv"},
      dir.path());
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("cohen,nominal,2,2,,"), std::string::npos) << same.out;
  dir.Write("empty.csv", "unit,a,b\n1,,\n2,NA,\n");
  auto missing = RunVerhaal({"agreement", "--from-table", "empty.csv"}, dir.path());
  EXPECT_EQ(missing.exit_code, 0) << missing.err;
  EXPECT_NE(missing.out.find("undefined"), std::string::npos) << missing.out;
  dir.Write("one.csv", "unit,a\n1,1\n");
  auto one = RunVerhaal({"agreement", "--from-table", "one.csv"}, dir.path());
  EXPECT_EQ(one.exit_code, 65);
  EXPECT_EQ(one.err,
            "verhaal: error: one.csv has 1 coder; agreement needs two or more columns after the "
            "unit column\n");
  dir.Write("f.csv",
            "subject,1,2,3,4,5\n1,0,0,0,0,14\n2,0,2,6,4,2\n3,0,0,3,5,6\n4,0,3,9,2,0\n"
            "5,2,2,8,1,1\n6,7,7,0,0,0\n7,3,2,6,3,0\n8,2,5,3,2,2\n9,6,5,2,1,0\n"
            "10,0,2,2,3,7\n");
  auto fleiss = RunVerhaal(
      {"agreement", "--from-table", "f.csv", "--coefficient", "fleiss", "--counts"}, dir.path());
  ASSERT_EQ(fleiss.exit_code, 0) << fleiss.err;
  EXPECT_NE(fleiss.out.find("0.2099"), std::string::npos) << fleiss.out;
  auto wrong = RunVerhaal({"agreement", "--from-table", "f.csv", "--counts"}, dir.path());
  EXPECT_EQ(wrong.exit_code, 2);
}

}  // namespace
}  // namespace verhaal
