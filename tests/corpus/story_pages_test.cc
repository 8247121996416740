// The workbench's story list at scale (issue 22): a filtered total stops
// counting at kStoryCountCap and says so, while the unfiltered total stays
// exact; the coded filter is answered by the database, not the page.
#include "corpus/story_pages.h"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/backup.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/rewrite.h"
#include "corpus/rule_codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"
#include "tests/support/uncoded_checks.h"

namespace verhaal {
namespace {

using testing::KeptTablesOutOfStep;
using testing::TempDir;

TEST(StoryPagesTest, AFilteredTotalStopsAtTheCapAndSaysSo) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const int64_t stories = kStoryCountCap + 5;
  int64_t first = 0;
  {
    Transaction transaction(project);
    for (int64_t i = 0; i < stories; ++i) {
      Story story;
      story.key = "S" + std::to_string(i);
      story.kind = i % 2 == 0 ? "experience" : "reflection";
      story.text = i == 7 ? "een zeldzaam woord" : "werk en taal";
      const int64_t id = AddStory(project, story);
      if (i == 0) first = id;
    }
    transaction.Commit();
  }
  StoryPageQuery all;
  StoryPage page = ListStoryPage(project, all);
  EXPECT_EQ(page.total, stories);
  EXPECT_TRUE(page.total_exact);

  StoryPageQuery search;  // every story matches: more than the cap
  search.q = "werk";
  page = ListStoryPage(project, search);
  EXPECT_EQ(page.total, kStoryCountCap);
  EXPECT_FALSE(page.total_exact);
  EXPECT_EQ(page.rows.size(), 50u);  // the page itself is whole

  StoryPageQuery rare;  // few matches: exact, and ranked
  rare.q = "zeldzaam";
  page = ListStoryPage(project, rare);
  EXPECT_EQ(page.total, 1);
  EXPECT_TRUE(page.total_exact);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0].key, "S7");

  StoryPageQuery kind;  // 5,003 experiences: under the cap, exact
  kind.kind = "experience";
  page = ListStoryPage(project, kind);
  EXPECT_EQ(page.total, (stories + 1) / 2);
  EXPECT_TRUE(page.total_exact);

  // Coded: the one coded story, counted and listed by the database.
  Code code;
  code.name = "werk";
  const int64_t code_id = AddCode(project, code);
  AddCoding(project, Coding{.story_id = first,
                            .code_id = code_id,
                            .coder_id = EnsureCoder(project, "anna"),
                            .start = 0,
                            .end = 4});
  StoryPageQuery coded;
  coded.coded = true;
  page = ListStoryPage(project, coded);
  EXPECT_EQ(page.total, 1);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0].key, "S0");
  EXPECT_EQ(page.rows[0].coded, 1);
  StoryPageQuery uncoded;
  uncoded.uncoded = true;
  page = ListStoryPage(project, uncoded);
  EXPECT_EQ(page.total, kStoryCountCap);
  EXPECT_FALSE(page.total_exact);
}

// A varied project: 40 stories of three respondents (two roles), every kind
// and wave, a word to search for in some; codings by anna and bram on some.
struct Varied {
  int64_t code_a = 0;
  int64_t code_b = 0;
  int64_t anna = 0;
  int64_t bram = 0;
  std::vector<int64_t> stories;
};

Varied MakeVaried(Project& project) {
  Varied v;
  Transaction transaction(project);
  const int64_t r1 = AddRespondent(project, {0, "R1", "statushouder"});
  const int64_t r2 = AddRespondent(project, {0, "R2", "klantmanager"});
  const int64_t r3 = AddRespondent(project, {0, "R3", "statushouder"});
  const char* kinds[] = {"experience", "reflection", "interview", "other"};
  for (int i = 0; i < 40; ++i) {
    Story story;
    story.key = "S" + std::to_string(100 + i);
    story.respondent_id = i % 3 == 0 ? r1 : i % 3 == 1 ? r2 : r3;
    story.kind = kinds[i % 4];
    if (i % 5 != 0) story.wave = 1 + i % 2;
    story.text = i % 4 == 1 ? "Ik zoek werk in de gemeente." : "Taal leren kost tijd.";
    v.stories.push_back(AddStory(project, story));
  }
  Code a;
  a.name = "werk";
  v.code_a = AddCode(project, a);
  Code b;
  b.name = "taal";
  v.code_b = AddCode(project, b);
  v.anna = EnsureCoder(project, "anna");
  v.bram = EnsureCoder(project, "bram");
  for (int i = 0; i < 40; ++i) {
    // Stories 0, 7, 14, ... by anna; 3, 6, 9, ... by bram (some by both).
    if (i % 7 == 0) {
      AddCoding(project, Coding{.story_id = v.stories[i],
                                .code_id = v.code_a,
                                .coder_id = v.anna,
                                .start = 0,
                                .end = 2});
    }
    if (i % 3 == 0 && i > 0) {
      AddCoding(project, Coding{.story_id = v.stories[i],
                                .code_id = v.code_b,
                                .coder_id = v.bram,
                                .start = 0,
                                .end = 4});
    }
  }
  transaction.Commit();
  return v;
}

std::string Keys(const StoryPage& page) {
  std::string keys;
  for (const StoryPageRow& row : page.rows) keys += (keys.empty() ? "" : " ") + row.key;
  return keys;
}

// The page as the story list answered it before story_uncoded: stories
// without a coding (of those codes, by those coders) found by probing each.
std::string ProbedKeys(Project& project, const StoryPageQuery& query) {
  std::string sql =
      "SELECT s.key FROM story s LEFT JOIN respondent r ON r.id = s.respondent_id WHERE "
      "NOT EXISTS (SELECT 1 FROM coding g WHERE g.story_id = s.id";
  for (size_t i = 0; i < query.code_ids.size(); ++i) {
    sql += (i ? ", " : " AND g.code_id IN (") + std::to_string(query.code_ids[i]) +
           (i + 1 == query.code_ids.size() ? ")" : "");
  }
  if (query.coder_id) sql += " AND g.coder_id = " + std::to_string(*query.coder_id);
  if (query.visible_coder_id) sql += " AND g.coder_id = " + std::to_string(*query.visible_coder_id);
  sql += ")";
  if (query.role) sql += " AND r.role = '" + *query.role + "'";
  if (query.kind) sql += " AND s.kind = '" + *query.kind + "'";
  if (query.wave) sql += " AND s.wave = " + std::to_string(*query.wave);
  if (!query.q.empty()) {
    sql += " AND s.id IN (SELECT rowid FROM story_fts WHERE story_fts MATCH '" + query.q + "')";
  }
  sql += " ORDER BY s.id LIMIT " + std::to_string(query.limit) + " OFFSET " +
         std::to_string(query.offset);
  SQLite::Statement rows(project.db(), sql);
  std::string keys;
  while (rows.executeStep()) keys += (keys.empty() ? "" : " ") + rows.getColumn(0).getString();
  return keys;
}

TEST(StoryPagesTest, TheUncodedListEqualsProbingEveryStory) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Varied v = MakeVaried(project);
  ASSERT_EQ(KeptTablesOutOfStep(project), "");
  std::vector<StoryPageQuery> queries;
  for (int64_t offset : {0, 3, 20, 40}) {
    for (int64_t limit : {1, 5, 50}) {
      StoryPageQuery q;
      q.uncoded = true;
      q.offset = offset;
      q.limit = limit;
      queries.push_back(q);
    }
  }
  StoryPageQuery base;
  base.uncoded = true;
  base.limit = 50;
  auto with = [&](auto change) {
    StoryPageQuery q = base;
    change(q);
    queries.push_back(q);
  };
  with([](StoryPageQuery& q) { q.role = "statushouder"; });
  with([](StoryPageQuery& q) { q.role = "klantmanager"; });
  with([](StoryPageQuery& q) { q.kind = "reflection"; });
  with([](StoryPageQuery& q) { q.wave = 2; });
  with([](StoryPageQuery& q) {
    q.role = "statushouder";
    q.kind = "experience";
    q.wave = 1;
  });
  with([](StoryPageQuery& q) { q.q = "werk"; });
  with([](StoryPageQuery& q) {
    q.q = "taal";
    q.offset = 4;
    q.limit = 6;
  });
  // The slow path, unchanged: a code, a coder, --blind.
  with([&](StoryPageQuery& q) { q.code_ids = {v.code_a}; });
  with([&](StoryPageQuery& q) { q.coder_id = v.bram; });
  with([&](StoryPageQuery& q) { q.visible_coder_id = v.anna; });
  with([&](StoryPageQuery& q) {
    q.visible_coder_id = v.anna;
    q.q = "werk";
  });
  for (const StoryPageQuery& q : queries) {
    const StoryPage page = ListStoryPage(project, q);
    SCOPED_TRACE("q=" + q.q + " offset=" + std::to_string(q.offset) +
                 " limit=" + std::to_string(q.limit));
    EXPECT_EQ(Keys(page), ProbedKeys(project, q));
    StoryPageQuery all = q;
    all.offset = 0;
    all.limit = 1000;
    std::string every = ProbedKeys(project, all);
    const int64_t total = every.empty() ? 0 : std::count(every.begin(), every.end(), ' ') + 1;
    EXPECT_EQ(page.total, total);
    EXPECT_TRUE(page.total_exact);
    for (const StoryPageRow& row : page.rows) {
      if (!q.code_ids.empty() || q.coder_id || q.visible_coder_id) continue;
      EXPECT_EQ(row.coded, 0) << row.key;
    }
  }
  // 22 stories have no coding at all: the first page of five, by story.
  StoryPageQuery first;
  first.uncoded = true;
  first.limit = 5;
  const StoryPage page = ListStoryPage(project, first);
  EXPECT_EQ(Keys(page), "S101 S102 S104 S105 S108");
  EXPECT_EQ(page.total, 22);
}

// With a code, a coder or coded=1 alone the total is counted from the
// coding table; it equals counting the stories that have such a coding.
TEST(StoryPagesTest, CodedTotalsEqualCountingTheStories) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Varied v = MakeVaried(project);
  auto probed = [&](const std::string& condition) {
    SQLite::Statement count(project.db(),
                            "SELECT count(*) FROM story s WHERE EXISTS (SELECT 1 FROM coding g "
                            "WHERE g.story_id = s.id" +
                                condition + ")");
    count.executeStep();
    return count.getColumn(0).getInt64();
  };
  const std::string a = " AND g.code_id = " + std::to_string(v.code_a);
  const std::string anna = " AND g.coder_id = " + std::to_string(v.anna);
  const std::string bram = " AND g.coder_id = " + std::to_string(v.bram);
  StoryPageQuery query;
  query.code_ids = {v.code_a};
  EXPECT_EQ(ListStoryPage(project, query).total, probed(a));
  query.code_ids = {v.code_a, v.code_b};
  EXPECT_EQ(ListStoryPage(project, query).total, probed(""));
  query.coder_id = v.bram;
  EXPECT_EQ(ListStoryPage(project, query).total, probed(bram));
  query.code_ids = {v.code_a};
  EXPECT_EQ(ListStoryPage(project, query).total, 0);  // bram gave code a to none
  EXPECT_EQ(probed(a + bram), 0);
  query = {};
  query.coded = true;
  EXPECT_EQ(ListStoryPage(project, query).total, 18);
  query.visible_coder_id = v.anna;
  EXPECT_EQ(ListStoryPage(project, query).total, probed(anna));
  query.role = "klantmanager";  // a story field: counted by looking up each story
  EXPECT_EQ(ListStoryPage(project, query).total, probed(anna + " AND s.respondent_id = 2"));
  EXPECT_GT(probed(anna + " AND s.respondent_id = 2"), 0);
}

TEST(StoryPagesTest, StoryUncodedFollowsEveryWayCodingsChange) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  Varied v = MakeVaried(project);
  ASSERT_EQ(KeptTablesOutOfStep(project), "");
  const Coding one{
      .story_id = v.stories[1], .code_id = v.code_a, .coder_id = v.anna, .start = 3, .end = 7};
  ASSERT_TRUE(AddCoding(project, one));
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  Coding two = one;
  two.code_id = v.code_b;
  ASSERT_TRUE(AddCoding(project, two));
  ASSERT_TRUE(RemoveCoding(project, one));
  EXPECT_EQ(KeptTablesOutOfStep(project), "");  // still coded: two
  ASSERT_TRUE(SetCodingMemo(project, two, "een memo"));
  ASSERT_TRUE(RemoveCoding(project, two));
  EXPECT_EQ(KeptTablesOutOfStep(project), "");  // uncoded again
  // A merge moves codings between codes, not stories.
  EXPECT_GT(ReassignCodings(project, v.code_b, v.code_a), 0);
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  // A new story is uncoded; a deleted one leaves the table.
  Story late;
  late.key = "S999";
  late.text = "Later verteld.";
  const int64_t late_id = AddStory(project, late);
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  EXPECT_EQ(DeleteStories(project, {late_id, v.stories[0], v.stories[2]}).stories, 3);
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  // The clean copy's rewrite of a story's codings, to some and to none.
  EXPECT_EQ(ReplaceStoryCodings(project, v.stories[4],
                                {Coding{.story_id = v.stories[4],
                                        .code_id = v.code_a,
                                        .coder_id = v.bram,
                                        .start = 0,
                                        .end = 3}}),
            1);
  EXPECT_EQ(ReplaceStoryCodings(project, v.stories[3], {}), 0);
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  // autocode's bulk writer: inserts, with the codings set aside, and deletes.
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, EnsureCoder(project, "rules"));
    const int64_t origin = writer.Origin("rule:werk");
    writer.SetAside();
    writer.Insert(SegmentKey{v.stories[5], v.code_a, 0, 2}, origin);
    writer.Insert(SegmentKey{v.stories[8], v.code_a, 0, 2}, origin);
    writer.Insert(SegmentKey{v.stories[8], v.code_b, 3, 5}, origin);
    writer.Flush();
    transaction.Commit();
  }
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, EnsureCoder(project, "rules"));
    const int64_t origin = writer.Origin("rule:werk");
    writer.Delete(SegmentKey{v.stories[5], v.code_a, 0, 2});
    writer.Insert(SegmentKey{v.stories[10], v.code_b, 0, 2}, origin);
    writer.Flush();
    transaction.Commit();
  }
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  {  // rolled back: nothing changed, the trigger is back
    Transaction transaction(project);
    CodingBulkWriter writer(project, EnsureCoder(project, "rules"));
    writer.Insert(SegmentKey{v.stories[11], v.code_b, 0, 2}, writer.Origin("rule:taal"));
    writer.Flush();
  }
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  {  // no Flush() but committed: the trigger is restored all the same
    Transaction transaction(project);
    { CodingBulkWriter writer(project, EnsureCoder(project, "rules")); }
    transaction.Commit();
  }
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  // Outside a transaction the writer leaves the trigger alone.
  {
    CodingBulkWriter writer(project, EnsureCoder(project, "rules"));
    writer.Insert(SegmentKey{v.stories[12], v.code_b, 0, 2}, writer.Origin("rule:taal"));
    writer.Flush();
  }
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  // export-for-coder's copy keeps one coder's codings.
  EXPECT_GT(KeepOnlyCoder(project, "anna").codings, 0);
  EXPECT_EQ(KeptTablesOutOfStep(project), "");
  StoryPageQuery uncoded;
  uncoded.uncoded = true;
  uncoded.limit = 100;
  EXPECT_EQ(Keys(ListStoryPage(project, uncoded)), testing::UncodedByProbing(project));
}

TEST(StoryPagesTest, AVersionSevenProjectGetsStoryUncodedWhenOpened) {
  TempDir dir;
  {
    Project old = Project::CreateAtVersion(dir / "old.verhaal", "oud", 7);
    old.db().exec(
        "INSERT INTO story(id, key, text, hash) VALUES (1, 'S1', 'Ik moest wel.', 'h'), "
        "(2, 'S2', 'Geen code.', 'h'), (3, 'S3', 'Twee codes.', 'h'), (4, 'S4', 'Niets.', 'h');"
        "INSERT INTO code(id, guid, name, path) VALUES (1, 'g1', 'moeten', 'moeten');"
        "INSERT INTO coder(id, name) VALUES (1, 'anna');"
        "INSERT INTO coding_origin(id, origin, created) VALUES (1, 'manual', "
        "'2026-01-02T10:00:00Z');"
        "INSERT INTO coding(story_id, code_id, coder_id, start, end, origin_id) "
        "VALUES (1, 1, 1, 0, 2, 1), (3, 1, 1, 0, 4, 1), (3, 1, 1, 5, 9, 1);");
    EXPECT_FALSE(old.db().tableExists("story_uncoded"));
  }
  Project p = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(p.schema_version(), kSchemaVersion);
  EXPECT_EQ(testing::UncodedByTable(p), "S2 S4");
  EXPECT_EQ(KeptTablesOutOfStep(p), "");
  // Kept in step from then on.
  ASSERT_TRUE(
      AddCoding(p, Coding{.story_id = 2, .code_id = 1, .coder_id = 1, .start = 0, .end = 4}));
  ASSERT_TRUE(
      RemoveCoding(p, Coding{.story_id = 1, .code_id = 1, .coder_id = 1, .start = 0, .end = 2}));
  EXPECT_EQ(testing::UncodedByTable(p), "S1 S4");
  EXPECT_EQ(KeptTablesOutOfStep(p), "");
}

TEST(StoryPagesTest, AVersionEightProjectGetsCodingCountsWhenOpened) {
  TempDir dir;
  {
    Project old = Project::CreateAtVersion(dir / "old.verhaal", "oud", 8);
    old.db().exec(
        "INSERT INTO story(id, key, text, hash) VALUES (1, 'S1', 'Ik moest wel.', 'h'), "
        "(2, 'S2', 'Geen code.', 'h'), (3, 'S3', 'Twee codes.', 'h');"
        "INSERT INTO code(id, guid, name, path) VALUES (1, 'g1', 'moeten', 'moeten'), "
        "(2, 'g2', 'willen', 'willen');"
        "INSERT INTO coder(id, name) VALUES (1, 'anna'), (2, 'bram');"
        "INSERT INTO coding_origin(id, origin, created) VALUES (1, 'manual', "
        "'2026-01-02T10:00:00Z');"
        "INSERT INTO coding(story_id, code_id, coder_id, start, end, origin_id) "
        "VALUES (1, 1, 1, 0, 2, 1), (3, 1, 1, 0, 4, 1), (3, 1, 2, 5, 9, 1), (3, 2, 2, 0, 3, 1);");
    EXPECT_FALSE(old.db().tableExists("coding_count"));
  }
  Project p = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(p.schema_version(), kSchemaVersion);
  EXPECT_EQ(KeptTablesOutOfStep(p), "");
  using Counts = std::vector<std::pair<int64_t, int64_t>>;
  EXPECT_EQ(CountCodingsByCode(p, std::nullopt), (Counts{{1, 3}, {2, 1}}));
  EXPECT_EQ(CountCodingsByCode(p, 2), (Counts{{1, 1}, {2, 1}}));
  EXPECT_EQ(CountProjectTotals(p, std::nullopt).codings, 4);
  EXPECT_EQ(CountProjectTotals(p, 1).codings, 2);
  // Kept in step from then on: a coding made, one removed, one moved to
  // another code (as a merge of codes does).
  ASSERT_TRUE(
      AddCoding(p, Coding{.story_id = 2, .code_id = 2, .coder_id = 1, .start = 0, .end = 4}));
  ASSERT_TRUE(
      RemoveCoding(p, Coding{.story_id = 1, .code_id = 1, .coder_id = 1, .start = 0, .end = 2}));
  p.db().exec("UPDATE coding SET code_id = 2 WHERE story_id = 3 AND coder_id = 1");
  EXPECT_EQ(KeptTablesOutOfStep(p), "");
  EXPECT_EQ(CountCodingsByCode(p, std::nullopt), (Counts{{1, 1}, {2, 3}}));
  EXPECT_EQ(CountCodingsByCode(p, 1), (Counts{{2, 2}}));
  EXPECT_EQ(CountProjectTotals(p, 2).codings, 2);
}

}  // namespace
}  // namespace verhaal
