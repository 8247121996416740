// End-to-end tests of `verhaal autocode`: the real binary on a project built
// inline, checking exit codes, output and the codings stored afterwards.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

constexpr const char* kWillenRules =
    "- {name: willen, terms: [graag, zelf kiezen], not: [niet]}\n"
    "- {name: samenwerken, terms: [samenwerken], stem: true, scope: match}\n";
constexpr const char* kMoetenRules = "- {name: moeten, terms: [verplicht*, moet ... van]}\n";

// A project with two stories and two codes with rules.
void MakeProject(const std::filesystem::path& file) {
  Project project = Project::Create(file, "autocode");
  Transaction transaction(project);
  Story sh;
  sh.key = "SH-01";
  sh.respondent_id = AddRespondent(project, {0, "SH-01", "statushouder"});
  sh.language = "nl";
  sh.text =
      "Ik wil graag werken. Ik wil niet graag wachten.\n"
      "Het was verplicht, zei ze. Samenwerking met Marloes ging goed.";
  AddStory(project, sh);
  Story km;
  km.key = "KM-1";
  km.kind = "reflection";
  km.respondent_id = AddRespondent(project, {0, "KM-1", "klantmanager"});
  km.text = "Hij moet dat van de gemeente. We gaan samenwerken en hij mag zelf kiezen.";
  AddStory(project, km);
  Code motivatie;
  motivatie.name = "motivatie";
  const int64_t parent = AddCode(project, motivatie);
  Code willen;
  willen.name = "willen";
  willen.parent_id = parent;
  willen.rules = kWillenRules;
  AddCode(project, willen);
  Code moeten;
  moeten.name = "moeten";
  moeten.parent_id = parent;
  moeten.rules = kMoetenRules;
  AddCode(project, moeten);
  transaction.Commit();
}

// "story code coder origin start:end" of every coding.
std::vector<std::string> Codings(const std::filesystem::path& file) {
  Project project = Project::Open(file);
  std::vector<std::string> out;
  for (const Coding& c : ListCodings(project)) {
    out.push_back(c.story_key + " " + c.code_path + " " + c.coder + " " + c.origin + " " +
                  std::to_string(c.start) + ":" + std::to_string(c.end));
  }
  return out;
}

const std::vector<std::string> kExpectedCodings = {
    "SH-01 motivatie/willen rules rule:willen 0:20",
    "SH-01 motivatie/moeten rules rule:moeten 48:74",
    "SH-01 motivatie/willen rules rule:samenwerken 75:87",
    "KM-1 motivatie/moeten rules rule:moeten 0:29",
    "KM-1 motivatie/willen rules rule:samenwerken 38:49",
    "KM-1 motivatie/willen rules rule:willen 30:73",
};

TEST(AutocodeCliTest, WritesRuleCodingsAndIsIdempotent) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  auto first = RunVerhaal({"autocode", "--format", "csv"}, dir.path());
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out,
            "code,hits,stories,added,removed\r\n"
            "motivatie/willen,4,2,4,0\r\n"
            "motivatie/moeten,2,2,2,0\r\n");
  EXPECT_EQ(first.err, "coded 6 segments in 2 stories\n");
  auto codings = Codings(dir / "s.verhaal");
  std::sort(codings.begin(), codings.end());
  auto expected = kExpectedCodings;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(codings, expected);

  auto again = RunVerhaal({"autocode", "--format", "csv"}, dir.path());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out,
            "code,hits,stories,added,removed\r\n"
            "motivatie/willen,4,2,0,0\r\n"
            "motivatie/moeten,2,2,0,0\r\n");
  auto after = Codings(dir / "s.verhaal");
  std::sort(after.begin(), after.end());
  EXPECT_EQ(after, expected);
  // Written without foreign key checks and with the rollback journal
  // (BulkWrite): every reference holds, and both settings are back.
  Project project = Project::Open(dir / "s.verhaal");
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
  EXPECT_EQ(project.db().execAndGet("PRAGMA journal_mode").getString(), "wal");
}

TEST(AutocodeCliTest, ShowsAProgressBarOnlyOnATerminal) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  const std::string file = (dir / "s.verhaal").string();
  std::ostringstream out;
  std::ostringstream terminal;
  ASSERT_EQ(RunCli({"verhaal", "autocode", "-p", file, "--dry-run", "--count"}, out, terminal,
                   /*progress=*/true),
            0);
  const std::string err = terminal.str();
  EXPECT_NE(err.find("\r[####################] 100%"), std::string::npos) << err;
  // The bar is wiped before the summary line.
  EXPECT_NE(err.find("\r" + std::string(28, ' ') + "\rfound 6 segments in 2 stories"),
            std::string::npos)
      << err;

  std::ostringstream piped;
  ASSERT_EQ(RunCli({"verhaal", "autocode", "-p", file}, out, piped, /*progress=*/false), 0);
  EXPECT_EQ(piped.str(), "coded 6 segments in 2 stories\n");
}

TEST(AutocodeCliTest, ChangedRulesReplaceOnlyRuleCodings) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  ASSERT_EQ(RunVerhaal({"autocode"}, dir.path()).exit_code, 0);
  {
    Project project = Project::Open(dir / "s.verhaal");
    Transaction transaction(project);
    Coding manual;
    manual.story_id = FindStory(project, "SH-01")->id;
    manual.code_id = FindCodeByPath(project, "motivatie/willen")->id;
    manual.coder_id = EnsureCoder(project, "rules");
    manual.start = 21;
    manual.end = 47;
    AddCoding(project, manual);
    Code moeten = *FindCodeByPath(project, "motivatie/moeten");
    moeten.rules = "- {name: moeten, terms: [verplicht], scope: match}\n";
    UpdateCode(project, moeten);
    transaction.Commit();
  }
  auto r = RunVerhaal({"autocode", "--codes", "motivatie/moeten", "--format", "csv"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "code,hits,stories,added,removed\r\n"
            "motivatie/moeten,1,1,1,2\r\n");
  auto codings = Codings(dir / "s.verhaal");
  EXPECT_EQ(codings, (std::vector<std::string>{
                         "SH-01 motivatie/willen rules rule:willen 0:20",
                         "SH-01 motivatie/willen rules manual 21:47",
                         "SH-01 motivatie/moeten rules rule:moeten 56:65",
                         "SH-01 motivatie/willen rules rule:samenwerken 75:87",
                         "KM-1 motivatie/willen rules rule:willen 30:73",
                         "KM-1 motivatie/willen rules rule:samenwerken 38:49",
                     }));
}

TEST(AutocodeCliTest, DryRunShowsHitsInContextAndWritesNothing) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  auto r = RunVerhaal({"autocode", "--dry-run", "--codes", "motivatie/moeten", "--format", "csv"},
                      dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "code,story,rule,start,end,context\r\n"
            "motivatie/moeten,SH-01,moeten,48,74,"
            "\"...ken. Ik wil niet graag wachten. Het was [verplicht], zei ze. "
            "Samenwerking met Marloes ging ...\"\r\n"
            "motivatie/moeten,KM-1,moeten,0,29,"
            "Hij [moet dat van] de gemeente. We gaan samenwerken en hij...\r\n");
  EXPECT_EQ(r.err, "found 2 segments in 2 stories; nothing written\n");
  EXPECT_TRUE(Codings(dir / "s.verhaal").empty());

  auto count = RunVerhaal({"autocode", "--dry-run", "--count", "--format", "csv"}, dir.path());
  EXPECT_EQ(count.out,
            "code,hits,stories\r\n"
            "motivatie/willen,4,2\r\n"
            "motivatie/moeten,2,2\r\n");
  EXPECT_TRUE(Codings(dir / "s.verhaal").empty());
}

TEST(AutocodeCliTest, ExplainShowsTheCompiledPatterns) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  auto r = RunVerhaal({"autocode", "--explain", "--codes", "motivatie/moeten"}, dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "rule moeten -> motivatie/moeten (terms, scope sentence, within 3)\n"
            "  #0 hit words [\\x20\\x0a]verplicht[^\\x00-\\x20]*[\\x20\\x0a]\n"
            "  #1 hit words [\\x20\\x0a]moet(?:\\x20[^\\x00-\\x20]+){0,3}\\x20van[\\x20\\x0a]\n");
}

TEST(AutocodeCliTest, BadRuleFailsLocatedAndChangesNothing) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  ASSERT_EQ(RunVerhaal({"autocode"}, dir.path()).exit_code, 0);
  const auto before = Codings(dir / "s.verhaal");
  {
    Project project = Project::Open(dir / "s.verhaal");
    Code moeten = *FindCodeByPath(project, "motivatie/moeten");
    moeten.rules = "- {terms: [verplicht], scope: zin}\n";
    UpdateCode(project, moeten);
  }
  auto r = RunVerhaal({"autocode"}, dir.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "verhaal: error: rules of code motivatie/moeten:1:31: unknown scope 'zin'; use "
            "match, sentence, paragraph or story\n"
            "  - {terms: [verplicht], scope: zin}\n"
            "                                ^\n");
  EXPECT_EQ(Codings(dir / "s.verhaal"), before);

  auto unknown = RunVerhaal({"autocode", "--codes", "motivatie/kunnen"}, dir.path());
  EXPECT_EQ(unknown.exit_code, 65);
  EXPECT_EQ(unknown.err,
            "verhaal: error: unknown code 'motivatie/kunnen'; give a code path from the "
            "codebook, e.g. motivatie/willen\n");
  EXPECT_EQ(Codings(dir / "s.verhaal"), before);
}

}  // namespace
}  // namespace verhaal
