#include "corpus/project.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include "base/error.h"
#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/search.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

ErrorKind KindOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  return ErrorKind::kInternal;
}

TEST(ProjectTest, CreateThenOpenKeepsNameAndSchema) {
  TempDir dir;
  { Project::Create(dir / "a.verhaal", "Statushouders"); }
  Project p = Project::Open(dir / "a.verhaal");
  EXPECT_EQ(p.name(), "Statushouders");
  EXPECT_EQ(p.schema_version(), kSchemaVersion);
  EXPECT_EQ(p.db().execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(p.db().execAndGet("PRAGMA foreign_keys").getInt(), 1);
}

TEST(ProjectTest, CreateRefusesAnExistingFile) {
  TempDir dir;
  dir.Write("a.verhaal", "x");
  EXPECT_EQ(KindOf([&] { Project::Create(dir / "a.verhaal", "x"); }), ErrorKind::kCannotCreate);
  EXPECT_EQ(testing::ReadFile(dir / "a.verhaal"), "x");
}

TEST(ProjectTest, OpenErrorsHaveTheirKinds) {
  TempDir dir;
  EXPECT_EQ(KindOf([&] { Project::Open(dir / "missing.verhaal"); }), ErrorKind::kMissing);
  dir.Write("text.verhaal", "dit is geen database, maar gewoon tekst die lang genoeg is");
  EXPECT_EQ(KindOf([&] { Project::Open(dir / "text.verhaal"); }), ErrorKind::kData);
  {
    SQLite::Database other((dir / "other.verhaal").string(),
                           SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t(x)");
  }
  EXPECT_EQ(KindOf([&] { Project::Open(dir / "other.verhaal"); }), ErrorKind::kData);
}

TEST(ProjectTest, ANegativeSchemaVersionIsADamagedFileNotAnSqlError) {
  TempDir dir;
  { Project project = Project::Create(dir / "p.verhaal", "p"); }
  {
    SQLite::Database raw((dir / "p.verhaal").string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = -1");
  }
  try {
    Project::Open(dir / "p.verhaal");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(), (dir / "p.verhaal").string() +
                               " has schema version -1, which no verhaal writes; the file is "
                               "damaged or was changed by another program (`sqlite3 " +
                               (dir / "p.verhaal").string() + " 'PRAGMA user_version'` shows it)");
  }
}

TEST(ProjectTest, NewerSchemaIsRefusedAndLeftUnchanged) {
  TempDir dir;
  {
    Project p = Project::Create(dir / "new.verhaal", "x");
    p.db().exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
  }
  try {
    Project::Open(dir / "new.verhaal");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_NE(std::string(e.what()).find("written by a newer verhaal"), std::string::npos);
  }
  SQLite::Database raw((dir / "new.verhaal").string());
  EXPECT_EQ(raw.execAndGet("PRAGMA user_version").getInt(), kSchemaVersion + 1);
}

TEST(ProjectTest, OpeningAVersionOneFileMigratesAndIndexesOldStories) {
  TempDir dir;
  {
    Project old = Project::CreateAtVersion(dir / "old.verhaal", "oud", 1);
    EXPECT_EQ(old.schema_version(), 1);
    EXPECT_FALSE(old.db().tableExists("signifier"));
    old.db().exec(
        "INSERT INTO story(key, text, hash) VALUES ('S1', 'De coördinator hielp mij.', 'h')");
  }
  Project p = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(p.schema_version(), kSchemaVersion);
  EXPECT_TRUE(p.db().tableExists("signifier"));
  // The full-text index built by the migration holds the older story,
  // found without its diacritics.
  auto hits = SearchStories(p, "coordinator", 10);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].story_key, "S1");
}

TEST(ProjectTest, OpeningAVersionThreeFileKeepsEveryCodingWithItsOriginMemoAndTime) {
  TempDir dir;
  {
    Project old = Project::CreateAtVersion(dir / "old.verhaal", "oud", 3);
    old.db().exec(
        "INSERT INTO story(id, key, text, hash) VALUES (1, 'S1', 'Ik moest wel.', 'h');"
        "INSERT INTO code(id, guid, name, path) VALUES (1, 'g1', 'moeten', 'moeten');"
        "INSERT INTO coder(id, name) VALUES (1, 'anna'), (2, 'rules');"
        "INSERT INTO coding(story_id, code_id, coder_id, start, end, origin, memo, created) "
        "VALUES (1, 1, 1, 0, 8, 'manual', 'duidelijk', '2026-01-02T10:00:00Z'),"
        "       (1, 1, 2, 3, 8, 'rule:moeten', '', '2026-01-03T11:00:00Z'),"
        "       (1, 1, 2, 0, 2, 'rule:moeten', '', '2026-01-03T11:00:00Z');");
  }
  Project p = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(p.schema_version(), kSchemaVersion);
  const std::vector<Coding> codings = ListCodings(p);
  ASSERT_EQ(codings.size(), 3u);
  EXPECT_EQ(codings[0].coder, "rules");
  EXPECT_EQ(codings[0].start, 0);
  EXPECT_EQ(codings[0].origin, "rule:moeten");
  EXPECT_EQ(codings[0].created, "2026-01-03T11:00:00Z");
  EXPECT_EQ(codings[1].coder, "anna");
  EXPECT_EQ(codings[1].origin, "manual");
  EXPECT_EQ(codings[1].memo, "duidelijk");
  EXPECT_EQ(codings[1].created, "2026-01-02T10:00:00Z");
  // Two origins for three codings; the view shows the rows as version 3 did.
  EXPECT_EQ(p.db().execAndGet("SELECT count(*) FROM coding_origin").getInt(), 2);
  EXPECT_EQ(p.db()
                .execAndGet("SELECT group_concat(origin || ' ' || created || ' ' || memo, '; ') "
                            "FROM (SELECT * FROM coding_detail ORDER BY coder_id, start)")
                .getString(),
            "manual 2026-01-02T10:00:00Z duidelijk; rule:moeten 2026-01-03T11:00:00Z ; "
            "rule:moeten 2026-01-03T11:00:00Z ");
  // A repeat of a migrated coding is still refused.
  Coding again = codings[1];
  again.created.clear();
  EXPECT_FALSE(AddCoding(p, again));
}

TEST(TransactionTest, RollsBackWhenNotCommitted) {
  TempDir dir;
  Project p = Project::Create(dir / "t.verhaal", "t");
  {
    Transaction t(p);
    AddRespondent(p, {0, "SH-01", "statushouder"});
  }
  EXPECT_TRUE(ListRespondents(p).empty());
  {
    Transaction t(p);
    AddRespondent(p, {0, "SH-01", "statushouder"});
    t.Commit();
  }
  EXPECT_EQ(ListRespondents(p).size(), 1u);
}

TEST(StoriesTest, AddNormalisesHashesAndFinds) {
  TempDir dir;
  Project p = Project::Create(dir / "s.verhaal", "s");
  const int64_t r = EnsureRespondent(p, "SH-07", "statushouder");
  Story s;
  s.key = "SH-07-E";
  s.respondent_id = r;
  s.text = "Ik wil werken.\r\nMaar eerst de taal.";
  s.wave = 1;
  AddStory(p, s);
  auto found = FindStory(p, "SH-07-E");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->text, "Ik wil werken.\nMaar eerst de taal.");
  EXPECT_EQ(found->hash, ContentHash(found->text));
  EXPECT_EQ(found->respondent_key, "SH-07");
  EXPECT_EQ(found->role, "statushouder");
  EXPECT_EQ(found->wave, 1);
  EXPECT_EQ(KindOf([&] { AddStory(p, s); }), ErrorKind::kData);  // duplicate key
  s.key = "leeg";
  s.text = " \n ";
  EXPECT_EQ(KindOf([&] { AddStory(p, s); }), ErrorKind::kData);
  s.key = "soort";
  s.text = "tekst";
  s.kind = "roman";
  EXPECT_EQ(KindOf([&] { AddStory(p, s); }), ErrorKind::kData);
}

TEST(StoriesTest, FilterByRoleAndWave) {
  TempDir dir;
  Project p = Project::Create(dir / "f.verhaal", "f");
  const int64_t sh = EnsureRespondent(p, "SH-01", "statushouder");
  const int64_t km = EnsureRespondent(p, "KM-1", "klantmanager");
  for (int w = 1; w <= 3; ++w) {
    Story s;
    s.key = "KM-1-W" + std::to_string(w);
    s.respondent_id = km;
    s.kind = "reflection";
    s.wave = w;
    s.text = "Reflectie " + std::to_string(w);
    AddStory(p, s);
  }
  Story e;
  e.key = "SH-01-E";
  e.respondent_id = sh;
  e.text = "Mijn verhaal";
  AddStory(p, e);
  EXPECT_EQ(ListStories(p, {.role = "klantmanager"}).size(), 3u);
  EXPECT_EQ(ListStories(p, {.role = "klantmanager", .wave = 2}).front().key, "KM-1-W2");
  EXPECT_EQ(ListStories(p, {.kind = "experience"}).front().key, "SH-01-E");
  EXPECT_EQ(ListStories(p, {.keys = {"KM-1-W3", "SH-01-E"}}).size(), 2u);
}

TEST(CodesTest, TreePathsRenameAndSubtree) {
  TempDir dir;
  Project p = Project::Create(dir / "c.verhaal", "c");
  Code group;
  group.name = "motivatie";
  group.dimension = true;
  const int64_t g = AddCode(p, group);
  Code moeten;
  moeten.name = "moeten";
  moeten.parent_id = g;
  const int64_t m = AddCode(p, moeten);
  Code willen = moeten;
  willen.name = "willen";
  willen.position = 1;
  AddCode(p, willen);
  EXPECT_EQ(FindCodeById(p, m)->path, "motivatie/moeten");
  EXPECT_EQ(FindCodeById(p, m)->guid.size(), 36u);
  EXPECT_EQ(KindOf([&] { AddCode(p, moeten); }), ErrorKind::kData);  // sibling name taken
  MoveCode(p, g, std::nullopt, "motivation");
  EXPECT_EQ(FindCodeById(p, m)->path, "motivation/moeten");
  EXPECT_EQ(CodeSubtree(p, g).size(), 3u);
  std::vector<std::string> paths;
  for (const auto& c : ListCodes(p)) paths.push_back(c.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{"motivation", "motivation/moeten", "motivation/willen"}));
}

TEST(CodingsTest, SegmentsAreCheckedAndDuplicatesReported) {
  TempDir dir;
  Project p = Project::Create(dir / "g.verhaal", "g");
  Story s;
  s.key = "S";
  s.text = "één coöperatie";  // 14 code points
  const int64_t story = AddStory(p, s);
  Code c;
  c.name = "vertrouwen";
  const int64_t code = AddCode(p, c);
  const int64_t coder = EnsureCoder(p, "anna");
  Coding coding{story, code, coder, 4, 14};
  EXPECT_TRUE(AddCoding(p, coding));
  EXPECT_FALSE(AddCoding(p, coding));  // exact duplicate
  coding.end = 15;
  EXPECT_EQ(KindOf([&] { AddCoding(p, coding); }), ErrorKind::kData);
  auto listed = ListCodings(p, {.coder = "anna"});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].code_path, "vertrouwen");
  EXPECT_EQ(listed[0].story_key, "S");
  EXPECT_EQ(CountProject(p).codings_by_coder.at("anna"), 1);
}

std::string JournalMode(Project& p) { return p.db().execAndGet("PRAGMA journal_mode").getString(); }

Story AStory(const std::string& key) {
  Story story;
  story.key = key;
  story.text = "Een verhaal over werk.";
  return story;
}

TEST(BulkWriteTest, WritesWithTheRollbackJournalThenReturnsToWal) {
  TempDir dir;
  Project p = Project::Create(dir / "a.verhaal", "a");
  {
    BulkWrite bulk(p);
    EXPECT_TRUE(bulk.active());
    EXPECT_EQ(JournalMode(p), "delete");
    EXPECT_EQ(p.db().execAndGet("PRAGMA foreign_keys").getInt(), 0);
    Transaction transaction(p);
    AddStory(p, AStory("S1"));
    transaction.Commit();
  }
  EXPECT_EQ(JournalMode(p), "wal");
  EXPECT_EQ(p.db().execAndGet("PRAGMA foreign_keys").getInt(), 1);
  Project again = Project::Open(dir / "a.verhaal");
  EXPECT_EQ(CountStories(again), 1);
  EXPECT_EQ(SearchStories(again, "werk", 10).size(), 1u);
}

TEST(BulkWriteTest, ARolledBackBulkWriteLeavesTheProjectAsItWas) {
  TempDir dir;
  Project p = Project::Create(dir / "a.verhaal", "a");
  {
    Transaction transaction(p);
    AddStory(p, AStory("S1"));
    transaction.Commit();
  }
  {
    BulkWrite bulk(p);
    Transaction transaction(p);
    AddStory(p, AStory("S2"));
    // no Commit: an error ended the command
  }
  EXPECT_EQ(JournalMode(p), "wal");
  Project again = Project::Open(dir / "a.verhaal");
  EXPECT_EQ(CountStories(again), 1);
}

TEST(BulkWriteTest, StaysInWalModeWhileAnotherConnectionReads) {
  TempDir dir;
  Project p = Project::Create(dir / "a.verhaal", "a");
  Project reader = Project::Open(dir / "a.verhaal");
  EXPECT_EQ(CountStories(reader), 0);
  {
    BulkWrite bulk(p);
    EXPECT_FALSE(bulk.active());
    EXPECT_EQ(JournalMode(p), "wal");
    Transaction transaction(p);
    AddStory(p, AStory("S1"));
    transaction.Commit();
  }
  EXPECT_EQ(CountStories(reader), 1);
}

}  // namespace
}  // namespace verhaal
