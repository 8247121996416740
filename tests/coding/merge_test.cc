// Team merge (coding/merge.h): blind copies coded by two coders come back
// together with nothing lost or duplicated, and conflicts write nothing.
#include "coding/merge.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <map>

#include "base/error.h"
#include "corpus/backup.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "corpus/story_extras.h"
#include "corpus/variables.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

constexpr const char* kStory1 = "Ik wil werken. De klantmanager luisterde naar mij.";
constexpr const char* kStory2 = "Ik moest naar de cursus, anders geen uitkering.";

// A base project: two stories of two respondents, a dimension with two
// levels, a respondent attribute, a signifier answer and a memo.
void MakeBase(const std::filesystem::path& file) {
  Project p = Project::Create(file, "Statushouders");
  Transaction t(p);
  const int64_t sh1 = AddRespondent(p, {0, "SH-01", "statushouder"});
  AddRespondent(p, {0, "SH-02", "statushouder"});
  Variable gemeente{0, VariableSubject::kRespondent, "gemeente", "", VariableType::kText, {}};
  SetRespondentValue(p, sh1, EnsureVariable(p, gemeente), "Utrecht");
  Story s1;
  s1.key = "SH-01-E";
  s1.respondent_id = sh1;
  s1.text = kStory1;
  const int64_t story1 = AddStory(p, s1);
  Story s2;
  s2.key = "SH-02-E";
  s2.respondent_id = FindRespondent(p, "SH-02")->id;
  s2.text = kStory2;
  AddStory(p, s2);
  Code motivatie;
  motivatie.name = "motivatie";
  motivatie.dimension = true;
  const int64_t m = AddCode(p, motivatie);
  Code willen;
  willen.name = "willen";
  willen.parent_id = m;
  willen.description = "wil zelf samenwerken";
  AddCode(p, willen);
  Code moeten;
  moeten.name = "moeten";
  moeten.parent_id = m;
  moeten.description = "moet samenwerken";
  AddCode(p, moeten);
  SignifierDefinition dyad{"regie", "dyad", "Wie had de regie?", false, "ik", "de gemeente", "", "",
                           "",      {}};
  EnsureSignifierDefinition(p, dyad);
  StoryExtras extras;
  extras.answers.push_back({"regie", -1, false, 0.25, std::nullopt, std::nullopt, std::nullopt});
  WriteStoryExtras(p, story1, extras);
  Memo memo;
  memo.story_id = story1;
  memo.text = "eerste indruk";
  AddMemo(p, memo);
  t.Commit();
}

// A blind copy for `coder`, with codings added: (story key, code path, start, end).
void MakeCopy(const std::filesystem::path& base, const std::filesystem::path& file,
              const std::string& coder,
              const std::vector<std::tuple<std::string, std::string, int, int>>& codings) {
  {
    Project p = Project::Open(base);
    BackupProject(p, file);
  }
  Project copy = Project::Open(file);
  Transaction t(copy);
  KeepOnlyCoder(copy, coder);
  const int64_t coder_id = EnsureCoder(copy, coder);
  for (const auto& [story, code, start, end] : codings) {
    Coding c;
    c.story_id = FindStory(copy, story)->id;
    c.code_id = FindCodeByPath(copy, code)->id;
    c.coder_id = coder_id;
    c.start = start;
    c.end = end;
    ASSERT_TRUE(AddCoding(copy, c));
  }
  t.Commit();
}

std::map<std::string, int> CodingsPerCoder(Project& p) {
  std::map<std::string, int> out;
  for (const auto& c : ListCodings(p)) ++out[c.coder];
  return out;
}

std::string Message(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "no error";
}

class MergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MakeBase(dir_ / "base.verhaal");
    MakeCopy(dir_ / "base.verhaal", dir_ / "anna.verhaal", "anna",
             {{"SH-01-E", "motivatie/willen", 0, 14}, {"SH-02-E", "motivatie/moeten", 0, 18}});
    MakeCopy(dir_ / "base.verhaal", dir_ / "bram.verhaal", "bram",
             {{"SH-01-E", "motivatie/willen", 0, 14},
              {"SH-01-E", "motivatie/moeten", 15, 50},
              {"SH-02-E", "motivatie/willen", 0, 18}});
  }
  TempDir dir_;
};

TEST_F(MergeTest, TwoBlindCopiesLoseAndDuplicateNothing) {
  std::map<std::string, int> before;
  for (const char* name : {"anna.verhaal", "bram.verhaal"}) {
    Project copy = Project::Open(dir_ / name);
    for (const auto& [coder, n] : CodingsPerCoder(copy)) before[coder] += n;
  }
  ASSERT_EQ(before, (std::map<std::string, int>{{"anna", 2}, {"bram", 3}}));
  Project team = Project::Create(dir_ / "team.verhaal", "team");
  {
    Transaction t(team);
    for (const char* name : {"anna.verhaal", "bram.verhaal"}) {
      Project copy = Project::Open(dir_ / name);
      MergeProject(team, copy, {MergeResolution::kStop, "x"});
    }
    t.Commit();
  }
  EXPECT_EQ(CodingsPerCoder(team), before);
  EXPECT_EQ(CountStories(team), 2);
  EXPECT_EQ(ListCodes(team).size(), 3u);
  EXPECT_EQ(ListRespondents(team).size(), 2u);
  EXPECT_EQ(RespondentValues(team, FindRespondent(team, "SH-01")->id).at("gemeente"), "Utrecht");
  const auto extras = ReadStoryExtras(team, FindStory(team, "SH-01-E")->id);
  ASSERT_EQ(extras.answers.size(), 1u);
  EXPECT_EQ(extras.answers[0].a, 0.25);
  EXPECT_EQ(ListMemos(team).size(), 1u);  // the same memo in both copies arrives once
  // Codes keep their GUIDs.
  Project base = Project::Open(dir_ / "base.verhaal");
  EXPECT_EQ(FindCodeByPath(team, "motivatie/willen")->guid,
            FindCodeByPath(base, "motivatie/willen")->guid);
  // Merging a copy again adds nothing.
  Transaction t(team);
  Project anna = Project::Open(dir_ / "anna.verhaal");
  const MergeReport again = MergeProject(team, anna);
  EXPECT_EQ(again.codings_added, 0);
  EXPECT_EQ(again.codings_present, 2);
  EXPECT_EQ(again.stories_matched, 2);
  EXPECT_EQ(again.memos_added, 0);
  EXPECT_EQ(CountCodings(team), 5);
}

TEST_F(MergeTest, StoryWithAnotherTextStopsTheMergeAndWritesNothing) {
  {
    Project bram = Project::Open(dir_ / "bram.verhaal");
    ReplaceStoryText(bram, FindStory(bram, "SH-01-E")->id, "",
                     "Ik wil werken. De klantmanager luisterde niet.");
  }
  Project team = Project::Open(dir_ / "anna.verhaal");
  Project bram = Project::Open(dir_ / "bram.verhaal");
  EXPECT_EQ(Message([&] {
              Transaction t(team);
              MergeProject(team, bram);
              t.Commit();
            }),
            "cannot merge " + (dir_ / "bram.verhaal").string() +
                " safely: 1 conflict\n"
                "  story SH-01-E: same key, different text (first difference at character 42)\n"
                "nothing was written; make the copies agree, or rerun with --resolve keep-first "
                "(keep the team project's version) or --resolve rename (keep both)");
  EXPECT_EQ(CodingsPerCoder(team), (std::map<std::string, int>{{"anna", 2}}));
  EXPECT_EQ(ListCoders(team).size(), 1u);
}

TEST_F(MergeTest, KeepFirstDropsOnlyCodingsWhoseTextChanged) {
  {
    Project bram = Project::Open(dir_ / "bram.verhaal");
    ReplaceStoryText(bram, FindStory(bram, "SH-01-E")->id, "",
                     "Ik wil werken. De klantmanager luisterde niet naar mij.");
  }
  Project team = Project::Open(dir_ / "anna.verhaal");
  Project bram = Project::Open(dir_ / "bram.verhaal");
  Transaction t(team);
  const MergeReport report = MergeProject(team, bram, {MergeResolution::kKeepFirst, "bram"});
  t.Commit();
  EXPECT_EQ(report.codings_added, 2);  // [0,14) on SH-01-E and SH-02-E
  EXPECT_EQ(report.codings_dropped, 1);
  ASSERT_EQ(report.conflicts.size(), 1u);
  EXPECT_EQ(report.conflicts[0].key, "SH-01-E");
  EXPECT_EQ(FindStory(team, "SH-01-E")->text, kStory1);
}

TEST_F(MergeTest, RenameKeepsBothTexts) {
  {
    Project bram = Project::Open(dir_ / "bram.verhaal");
    ReplaceStoryText(bram, FindStory(bram, "SH-01-E")->id, "",
                     "Ik wil werken. De klantmanager luisterde niet naar mij.");
  }
  Project team = Project::Open(dir_ / "anna.verhaal");
  Project bram = Project::Open(dir_ / "bram.verhaal");
  Transaction t(team);
  const MergeReport report = MergeProject(team, bram, {MergeResolution::kRename, "bram"});
  t.Commit();
  EXPECT_EQ(report.codings_added, 3);
  ASSERT_TRUE(FindStory(team, "SH-01-E@bram"));
  EXPECT_EQ(FindStory(team, "SH-01-E@bram")->respondent_key, "SH-01");
  EXPECT_EQ(CountStories(team), 3);
}

TEST_F(MergeTest, CodesMatchByGuidThenByPathWhenTheMeaningAgrees) {
  // Bram renamed a code (same GUID) and added one his own way.
  {
    Project bram = Project::Open(dir_ / "bram.verhaal");
    Transaction t(bram);
    const auto willen = FindCodeByPath(bram, "motivatie/willen");
    MoveCode(bram, willen->id, willen->parent_id, "willen samenwerken");
    t.Commit();
  }
  Project team = Project::Open(dir_ / "anna.verhaal");
  Project bram = Project::Open(dir_ / "bram.verhaal");
  Transaction t(team);
  const MergeReport report = MergeProject(team, bram);
  t.Commit();
  EXPECT_EQ(report.codes_added, 0);
  EXPECT_EQ(report.codes_matched, 3);
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_EQ(report.notes[0],
            "code motivatie/willen samenwerken is motivatie/willen in the team project (same "
            "GUID); merged there");
  EXPECT_EQ(ListCodings(team, {{FindCodeByPath(team, "motivatie/willen")->id}}).size(), 3u);
}

TEST_F(MergeTest, SamePathWithAnotherMeaningIsAConflict) {
  Project team = Project::Create(dir_ / "team.verhaal", "team");
  {
    Transaction t(team);
    Code motivatie;
    motivatie.name = "motivatie";
    const int64_t m = AddCode(team, motivatie);
    Code willen;
    willen.name = "willen";
    willen.parent_id = m;
    willen.description = "iets anders";
    AddCode(team, willen);
    t.Commit();
  }
  Project anna = Project::Open(dir_ / "anna.verhaal");
  const std::string message = Message([&] {
    Transaction t(team);
    MergeProject(team, anna);
  });
  EXPECT_NE(message.find("  code motivatie/willen: same path, another GUID and another "
                         "description ('wil zelf samenwerken' here, 'iets anders' in the team "
                         "project)"),
            std::string::npos)
      << message;
  EXPECT_EQ(CountStories(team), 0);
  Transaction t(team);
  const MergeReport renamed = MergeProject(team, anna, {MergeResolution::kRename, "anna"});
  t.Commit();
  EXPECT_TRUE(FindCodeByPath(team, "motivatie/willen (anna)"));
  EXPECT_EQ(renamed.codings_added, 2);
}

TEST(MergeResolutionTest, ParsesTheThreeNames) {
  EXPECT_EQ(ParseMergeResolution("stop"), MergeResolution::kStop);
  EXPECT_EQ(ParseMergeResolution("keep-first"), MergeResolution::kKeepFirst);
  EXPECT_EQ(ParseMergeResolution("rename"), MergeResolution::kRename);
  EXPECT_EQ(Message([] { ParseMergeResolution("both"); }),
            "unknown resolution 'both'; use stop, keep-first or rename");
}

}  // namespace
}  // namespace verhaal
