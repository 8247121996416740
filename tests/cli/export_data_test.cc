// End-to-end tests of `verhaal export stories|codings|respondents|
// codebook-table|workbook` with the real binary.
#include <gtest/gtest.h>

#include <string>

#include "corpus/project.h"
#include "tests/exporters/export_fixture.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::ReadFile;
using testing::RunVerhaal;
using testing::TempDir;

class ExportDataCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Project project = Project::Create(dir_ / "study.verhaal", "Study");
    testing::BuildStudy(project);
  }
  TempDir dir_;
};

TEST_F(ExportDataCliTest, StoriesCsvToFileAndStdout) {
  auto result = RunVerhaal({"export", "stories", "--no-codes", "-o", "s.csv"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "wrote s.csv: 3 rows, 21 variables\n");
  const std::string csv = ReadFile(dir_ / "s.csv");
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
            "story,respondent,role,kind,wave,date,language,title,gemeente,leeftijdsgroep,bron,"
            "vertrouwen,vertrouwen_bin,houding_top,houding_left,houding_right,houding_x,"
            "houding_y,houding_zone,hulp_taalles,hulp_werkervaring");
  result = RunVerhaal({"export", "stories", "--no-codes"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, csv);
  EXPECT_EQ(result.err, "wrote 3 rows, 21 variables\n");
}

TEST_F(ExportDataCliTest, StoriesWithTextAddTheTextAndItsLength) {
  auto result =
      RunVerhaal({"export", "stories", "--no-codes", "--with-text", "-o", "s.csv"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "wrote s.csv: 3 rows, 23 variables\n");
  const std::string csv = ReadFile(dir_ / "s.csv");
  EXPECT_NE(csv.find(",language,title,text,text_length,gemeente,"), std::string::npos) << csv;
  // The length counts characters: 'é', 'è' and 'û' are one each.
  EXPECT_NE(csv.find(",\"De klantmanager moedigde mij aan. Ik wilde zelf werken, ook in de "
                     "zorg.\",71,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find(",'@SUM(A1:A9) -cmd|' /C calc'!A0 en een café met crème brûlée,59,"),
            std::string::npos)
      << csv;
  // Without the option the text is not read at all.
  result = RunVerhaal({"export", "stories", "--no-codes"}, dir_.path());
  EXPECT_EQ(result.out.find("klantmanager moedigde"), std::string::npos);
}

TEST_F(ExportDataCliTest, FormatsFromExtensionAndFlag) {
  const std::vector<std::vector<std::string>> runs = {
      {"export", "stories", "-o", "s.sav"},
      {"export", "stories", "--consensus", "--format", "dta", "-o", "s.data"},
      {"export", "codings", "-o", "c.dta"},
      {"export", "respondents", "-o", "r.sav"},
      {"export", "codebook-table", "-o", "codes.xlsx"},
      {"export", "workbook", "-o", "all.xlsx"},
  };
  for (const auto& args : runs) {
    const auto result = RunVerhaal(args, dir_.path());
    EXPECT_EQ(result.exit_code, 0) << args[1] << ": " << result.err;
    EXPECT_TRUE(std::filesystem::exists(dir_ / args.back())) << args.back();
  }
  EXPECT_EQ(ReadFile(dir_ / "s.sav").substr(0, 4), "$FL2");
  EXPECT_EQ(ReadFile(dir_ / "all.xlsx").substr(0, 2), "PK");
  EXPECT_EQ(ReadFile(dir_ / "codes.xlsx").substr(0, 2), "PK");
}

TEST_F(ExportDataCliTest, SyntaxCompanionBesideSavAndDta) {
  auto result = RunVerhaal({"export", "stories", "-o", "s.sav", "--syntax"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.substr(result.err.find('\n') + 1),
            "wrote s.sps: labels for s.csv (`verhaal export stories -o s.csv --not-applicable -9` "
            "with the same options)\n");
  const std::string sps = ReadFile(dir_ / "s.sps");
  EXPECT_NE(sps.find("GET DATA /TYPE=TXT /FILE=\"s.csv\""), std::string::npos) << sps;
  EXPECT_NE(sps.find("\n    1 \"klantmanager\"\n"), std::string::npos) << sps;
  result = RunVerhaal({"export", "codings", "-o", "c.dta", "--syntax"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(ReadFile(dir_ / "c.do").find("import delimited using `\"c.csv\"'"), std::string::npos);
  result = RunVerhaal({"export", "stories", "-o", "s.csv", "--syntax"}, dir_.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "verhaal: error: --syntax goes with --format sav or dta; e.g. `verhaal export stories "
            "-o data.sav --syntax` writes data.sav and data.sps (for data.csv)\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "s.csv"));
}

TEST_F(ExportDataCliTest, CodebookDocumentBesideTheDataFile) {
  auto result =
      RunVerhaal({"export", "stories", "-o", "s.sav", "--codebook-doc", "s.md"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("\nwrote s.md: codebook of s.sav, "), std::string::npos) << result.err;
  const std::string markdown = ReadFile(dir_ / "s.md");
  EXPECT_EQ(markdown.substr(0, markdown.find('\n')), "# Codebook: s.sav");
  EXPECT_NE(markdown.find("| Name | Label | Type | Format | Value labels | Missing |"),
            std::string::npos)
      << markdown;
  EXPECT_NE(markdown.find("0 = absent; 1 = present"), std::string::npos) << markdown;
  result = RunVerhaal(
      {"export", "codings", "-o", "c.csv", "--na", "NA", "--codebook-doc", "c.html"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::string html = ReadFile(dir_ / "c.html");
  EXPECT_NE(html.find("<title>Codebook: c.csv</title>"), std::string::npos);
  EXPECT_NE(html.find("<td>&quot;NA&quot;</td>"), std::string::npos) << html;
  result = RunVerhaal({"export", "stories", "-o", "s.dta", "--codebook-doc", "s.txt"}, dir_.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(
      result.err,
      "verhaal: error: --codebook-doc takes a .md (Markdown) or .html file, not 's.txt'; e.g. "
      "`verhaal export stories -o data.sav --codebook-doc data.md`\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "s.dta"));
}

// The codebook document is in the language most stories are in, unless
// --lang says otherwise; --lang alone, or another language, is a usage error.
TEST_F(ExportDataCliTest, CodebookDocumentInTheStoriesLanguageOrAsAsked) {
  {
    Project project = Project::Open(dir_ / "study.verhaal");
    Transaction transaction(project);
    Story story;
    story.key = "S4";
    story.language = "nl";
    story.text = "Bij het Taalhuis leer ik Nederlands.";
    AddStory(project, story);
    transaction.Commit();
  }
  auto result =
      RunVerhaal({"export", "stories", "-o", "s.sav", "--codebook-doc", "s.md"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::string markdown = ReadFile(dir_ / "s.md");
  EXPECT_EQ(markdown.substr(0, markdown.find('\n')), "# Codeboek: s.sav");
  EXPECT_NE(markdown.find("| Naam | Label | Type | Formaat | Waardelabels | Ontbrekend |"),
            std::string::npos)
      << markdown;
  result = RunVerhaal(
      {"export", "stories", "-o", "s.sav", "--codebook-doc", "s.md", "--lang", "en"}, dir_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  markdown = ReadFile(dir_ / "s.md");
  EXPECT_EQ(markdown.substr(0, markdown.find('\n')), "# Codebook: s.sav");

  result = RunVerhaal(
      {"export", "stories", "-o", "t.sav", "--codebook-doc", "t.md", "--lang", "fr"}, dir_.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "verhaal: error: --lang takes en or nl, not 'fr'\n");
  result = RunVerhaal({"export", "stories", "-o", "t.sav", "--lang", "nl"}, dir_.path());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "verhaal: error: --lang is the codebook document's language: give it with "
            "--codebook-doc; e.g. `verhaal export stories -o data.sav --codebook-doc data.md "
            "--lang nl`\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "t.sav"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "t.md"));
}

struct FailureCase {
  std::vector<std::string> args;
  int exit_code;
  std::string err;
};

TEST_F(ExportDataCliTest, FailuresWriteNothingAndLeaveTheProject) {
  const std::string before = ReadFile(dir_ / "study.verhaal");
  const std::vector<FailureCase> cases = {
      {{"export", "stories", "--format", "sav"},
       2,
       "verhaal: error: --format sav, dta and xlsx need -o FILE; e.g. `verhaal export stories "
       "-o data.sav`\n"},
      {{"export", "stories", "--format", "xls", "-o", "out.xls"},
       2,
       "verhaal: error: unknown --format 'xls'; use csv, sav (SPSS), dta (Stata) or xlsx\n"},
      {{"export", "stories", "--coder", "nobody", "-o", "out.csv"},
       66,
       "verhaal: error: no coder 'nobody' in the project; `verhaal info` lists the coders\n"},
      {{"export", "codings", "--locale", "fr", "-o", "out.csv"},
       2,
       "verhaal: error: unknown --locale 'fr'; use en or nl\n"},
      {{"export", "stories", "--coder", "anna", "--consensus", "-o", "out.csv"},
       2,
       "verhaal: error: give --coder or --consensus, not both\n"},
  };
  for (const auto& c : cases) {
    const auto result = RunVerhaal(c.args, dir_.path());
    EXPECT_EQ(result.exit_code, c.exit_code) << c.args[2];
    EXPECT_EQ(result.err, c.err);
    EXPECT_EQ(result.out, "");
  }
  for (const auto& name : {"out.csv", "out.xls", "data.sav"}) {
    EXPECT_FALSE(std::filesystem::exists(dir_ / name)) << name;
  }
  EXPECT_EQ(ReadFile(dir_ / "study.verhaal"), before);
}

TEST_F(ExportDataCliTest, HelpOfEachShapeHasAnExample) {
  for (const std::string shape :
       {"stories", "codings", "respondents", "codebook-table", "workbook"}) {
    const auto result = RunVerhaal({"export", shape, "--help"}, dir_.path());
    EXPECT_EQ(result.exit_code, 0) << shape;
    EXPECT_NE(result.out.find("example:\n  verhaal export " + shape), std::string::npos)
        << result.out;
  }
}

}  // namespace
}  // namespace verhaal
