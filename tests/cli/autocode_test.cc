// End-to-end tests of `verhaal autocode`: the real binary on a project built
// inline, checking exit codes, output and the codings stored afterwards.
#include "coding/autocode.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/respondents.h"
#include "corpus/rule_reviews.h"
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

// MakeProject's, plus 150 stories, some deleted (so the ids have gaps).
void AddManyStories(const std::filesystem::path& file) {
  {
    Project project = Project::Open(file);
    Transaction transaction(project);
    const char* sentences[] = {"Ik wil graag meedoen.", "Het is verplicht van de gemeente.",
                               "We gaan samenwerken.", "Niemand zegt iets.",
                               "Hij moet dat echt van haar."};
    for (int i = 0; i < 150; ++i) {
      Story story;
      story.key = "S-" + std::to_string(i);
      story.language = i % 10 == 3 ? "en" : "nl";
      for (int j = 0; j <= i % 4; ++j) story.text += std::string(sentences[(i + j) % 5]) + " ";
      AddStory(project, story);
    }
    project.db().exec("DELETE FROM story WHERE id % 7 = 0 OR id BETWEEN 40 AND 60");
    transaction.Commit();
  }
}

// "story code start:end" of every coding by `coder`, sorted.
std::vector<std::string> CodingsOf(const std::filesystem::path& file, const std::string& coder) {
  Project project = Project::Open(file);
  std::vector<std::string> out;
  for (const Coding& c : ListCodings(project)) {
    if (c.coder != coder) continue;
    out.push_back(c.story_key + " " + c.code_path + " " + std::to_string(c.start) + ":" +
                  std::to_string(c.end));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Many stories matched in small batches on several threads: a dry run finds,
// in story order, exactly what a run writes, whatever the number of threads.
TEST(AutocodeCliTest, DryRunInBatchesOnThreadsFindsWhatARunWrites) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  AddManyStories(dir / "s.verhaal");
  auto dry_run = [&](int threads, int batch_stories) {
    Project project = Project::Open(dir / "s.verhaal");
    AutocodeOptions options;
    options.dry_run = true;
    options.threads = threads;
    options.batch_stories = batch_stories;
    std::vector<std::string> hits;
    options.on_hit = [&](const AutocodeHit& h) {
      hits.push_back(h.story->key + " " + std::string(h.code_path) + " " + std::to_string(h.start) +
                     ":" + std::to_string(h.end));
    };
    const AutocodeReport report = Autocode(project, options);
    EXPECT_EQ(report.stories, CountStories(project));
    return hits;
  };
  const std::vector<std::string> one = dry_run(1, 0);
  EXPECT_EQ(dry_run(3, 4), one);
  EXPECT_EQ(dry_run(2, 1), one);
  EXPECT_EQ(dry_run(2, 0), one);
  ASSERT_GT(one.size(), 100u);

  ASSERT_EQ(RunVerhaal({"autocode"}, dir.path()).exit_code, 0);
  std::vector<std::string> found = one;
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, CodingsOf(dir / "s.verhaal", "rules"));
}

// A re-run reads the coder's earlier codings batch by batch: with changed
// rules, in batches of a few stories, it leaves what a first run with the new
// rules writes, and reports what it added and removed.
TEST(AutocodeCliTest, AReRunInBatchesLeavesWhatAFirstRunWrites) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  AddManyStories(dir / "s.verhaal");
  auto run = [](const std::filesystem::path& file, int batch_stories) {
    Project project = Project::Open(file);
    AutocodeOptions options;
    options.batch_stories = batch_stories;
    return Autocode(project, options);
  };
  const AutocodeReport first = run(dir / "s.verhaal", 4);
  const std::vector<std::string> before = CodingsOf(dir / "s.verhaal", "rules");
  {
    Project project = Project::Open(dir / "s.verhaal");
    Transaction transaction(project);
    Code moeten = *FindCodeByPath(project, "motivatie/moeten");
    moeten.rules = "- {name: moeten, terms: [gemeente, verplicht], scope: match}\n";
    UpdateCode(project, moeten);
    transaction.Commit();
  }
  std::filesystem::copy_file(dir / "s.verhaal", dir / "fresh.verhaal");
  {
    Project fresh = Project::Open(dir / "fresh.verhaal");
    fresh.db().exec("DELETE FROM coding");
  }
  const AutocodeReport again = run(dir / "s.verhaal", 3);
  run(dir / "fresh.verhaal", 0);
  const std::vector<std::string> after = CodingsOf(dir / "s.verhaal", "rules");
  EXPECT_EQ(after, CodingsOf(dir / "fresh.verhaal", "rules"));
  EXPECT_NE(after, before);
  // Added and removed account for the difference, code by code.
  int64_t added = 0;
  int64_t removed = 0;
  for (const AutocodeCount& count : again.codes) {
    added += count.added;
    removed += count.removed;
  }
  std::vector<std::string> gone;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                      std::back_inserter(gone));
  std::vector<std::string> come;
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                      std::back_inserter(come));
  EXPECT_EQ(removed, static_cast<int64_t>(gone.size()));
  EXPECT_EQ(added, static_cast<int64_t>(come.size()));
  EXPECT_GT(removed, 10);
  EXPECT_GT(added, 10);
  EXPECT_EQ(first.codes.size(), again.codes.size());
}

// Another coder's codings stay as they were, memo and time included, whether
// autocode sets them aside to write them back in order (at most one coding
// per story) or writes the new codings among them (more).
TEST(AutocodeCliTest, KeepsOtherCodersCodingsEitherWayOfWriting) {
  for (const int hand_codings : {1, 2, 5}) {
    SCOPED_TRACE(std::to_string(hand_codings) + " hand codings");
    TempDir dir;
    MakeProject(dir / "s.verhaal");
    std::vector<std::string> hand;
    {
      Project project = Project::Open(dir / "s.verhaal");
      Transaction transaction(project);
      const int64_t anna = EnsureCoder(project, "anna");
      for (int i = 0; i < hand_codings; ++i) {
        Coding c;
        c.story_id = FindStory(project, i % 2 ? "KM-1" : "SH-01")->id;
        c.code_id = FindCodeByPath(project, "motivatie/willen")->id;
        c.coder_id = anna;
        c.start = i;  // 0:20 is also a rule's segment in SH-01
        c.end = 20;
        c.memo = "memo " + std::to_string(i);
        c.created = "2026-0" + std::to_string(i + 1) + "-01T10:00:00Z";
        ASSERT_TRUE(AddCoding(project, c));
      }
      transaction.Commit();
      for (const Coding& c : ListCodings(project)) {
        hand.push_back(c.story_key + " " + std::to_string(c.start) + " " + c.memo + " " +
                       c.created + " " + c.origin);
      }
    }
    ASSERT_EQ(RunVerhaal({"autocode"}, dir.path()).exit_code, 0);
    Project project = Project::Open(dir / "s.verhaal");
    std::vector<std::string> kept;
    for (const Coding& c : ListCodings(project)) {
      if (c.coder == "anna") {
        kept.push_back(c.story_key + " " + std::to_string(c.start) + " " + c.memo + " " +
                       c.created + " " + c.origin);
      }
    }
    EXPECT_EQ(kept, hand);
    auto codings = Codings(dir / "s.verhaal");
    codings.erase(std::remove_if(codings.begin(), codings.end(),
                                 [](const std::string& c) { return c.find(" anna ") != c.npos; }),
                  codings.end());
    std::sort(codings.begin(), codings.end());
    auto expected = kExpectedCodings;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(codings, expected);
    EXPECT_EQ(project.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
  }
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

TEST(AutocodeCliTest, ReviewStatsShowEachRulesPrecision) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  ASSERT_EQ(RunVerhaal({"autocode"}, dir.path()).exit_code, 0);
  {
    // As the workbench's Rules view decides: anna accepts one coding of the
    // rule willen and rejects the other.
    Project project = Project::Open(dir / "s.verhaal");
    const int64_t anna = EnsureCoder(project, "anna");
    CodingFilter filter;
    filter.origin_prefix = "rule:willen";
    const std::vector<Coding> willen = ListCodings(project, filter);
    ASSERT_EQ(willen.size(), 2u);
    SetRuleReview(project, willen[0], "accepted", anna);
    SetRuleReview(project, willen[1], "rejected", anna);
  }
  auto stats = RunVerhaal({"autocode", "--review-stats", "--format", "csv"}, dir.path());
  EXPECT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_EQ(stats.out,
            "code,rule,codings,accepted,rejected,precision\r\n"
            "motivatie/willen,willen,2,1,1,0.500\r\n"
            "motivatie/willen,samenwerken,2,0,0,\r\n"
            "motivatie/moeten,moeten,2,0,0,\r\n");
  EXPECT_EQ(stats.err, "");
  // Nothing was coded again.
  EXPECT_EQ(Codings(dir / "s.verhaal").size(), kExpectedCodings.size());
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

// When the project file cannot grow (as on a full disk), autocode says which
// file and what to do, exits 74, and the project keeps what it had.
TEST(AutocodeCliTest, AFileThatCannotGrowFailsNamedAndChangesNothing) {
  TempDir dir;
  MakeProject(dir / "s.verhaal");
  {
    Project project = Project::Open(dir / "s.verhaal");
    Transaction transaction(project);
    for (int i = 0; i < 3000; ++i) {
      Story story;
      story.key = "V-" + std::to_string(i);
      story.text = "Het is verplicht van de gemeente. Ik wil graag meedoen. Hij moet dat van haar.";
      AddStory(project, story);
    }
    transaction.Commit();
  }
  {
    Project project = Project::Open(dir / "s.verhaal");
    project.db().exec("PRAGMA journal_mode = DELETE; VACUUM; PRAGMA journal_mode = WAL");
  }
  const auto before = Codings(dir / "s.verhaal");
  const uint64_t size = std::filesystem::file_size(dir / "s.verhaal");
  auto r = RunVerhaal({"autocode"}, dir.path(), "", size);
  EXPECT_EQ(r.exit_code, 74) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("verhaal: error: cannot read or write s.verhaal (", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("; check the disk and the permissions of the file and its folder; the "
                       "command changed nothing\n"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(Codings(dir / "s.verhaal"), before);
  EXPECT_EQ(std::filesystem::file_size(dir / "s.verhaal"), size);
  {
    Project project = Project::Open(dir / "s.verhaal");
    EXPECT_EQ(project.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
  }
  // With room to grow, the same run goes through.
  EXPECT_EQ(RunVerhaal({"autocode"}, dir.path()).exit_code, 0);
  EXPECT_GT(Codings(dir / "s.verhaal").size(), 9000u);
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

namespace verhaal {
namespace {

// `speaker:` in a rule (issue 21): in an interview only the words of that
// speaker count, so an interviewer's "moest u?" is not coded as moeten; the
// condition is checked on the words matched, in dry runs and real runs alike.
TEST(AutocodeCliTest, ARuleWithASpeakerCodesOnlyThatSpeakersTurns) {
  testing::TempDir dir;
  auto run = [&](const std::vector<std::string>& args) {
    auto r = testing::RunVerhaal(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  run({"init", "t.verhaal"});
  // Turns: Interviewer 13:34 "Moest u komen, Amina?", Amina 42:61 "Ja, ik moest
  // komen."
  dir.Write("gesprek.txt", "Interviewer: Moest u komen, Amina?\nAmina: Ja, ik moest komen.\n");
  run({"import", "transcript", "gesprek.txt", "--respondent", "SH-01"});
  dir.Write("c.yaml",
            "codes:\n"
            "  - name: moeten\n"
            "    rules:\n"
            "      - {name: gezegd, terms: [moest], scope: match, speaker: respondent}\n"
            "  - name: gevraagd\n"
            "    rules:\n"
            "      - {terms: [moest], scope: match, speaker: [Interviewer]}\n");
  run({"codebook", "load", "c.yaml"});
  run({"autocode"});
  const std::string codings = run({"export", "codings", "--format", "csv"});
  EXPECT_NE(codings.find("gesprek,SH-01,,moeten,rules,49,54,Amina,moest,"), std::string::npos)
      << codings;
  EXPECT_NE(codings.find("gesprek,SH-01,,gevraagd,rules,13,18,Interviewer,Moest,"),
            std::string::npos)
      << codings;
  EXPECT_EQ(codings.find("moeten,rules,13,"), std::string::npos) << codings;
  EXPECT_EQ(codings.find("gevraagd,rules,49,"), std::string::npos) << codings;

  dir.Write("bad.yaml",
            "codes:\n  - name: leeg\n    rules:\n      - {terms: [x], speaker: \"\"}\n");
  const auto bad = testing::RunVerhaal({"codebook", "load", "bad.yaml"}, dir.path());
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("bad.yaml:4:"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("'speaker' is empty"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace verhaal
