// story_code_set (schema 10), the codes each coder used in each story, kept
// in step by triggers and by autocode's bulk writer: after a long random mix
// of every way codings change (added, removed, moved to another story, code
// or coder, bulk-written with and without setting aside, rolled back, codes
// merged, stories deleted and rewritten, all but one coder dropped) it holds
// exactly the codes recomputed from the coding table.
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "corpus/backup.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/rewrite.h"
#include "corpus/rule_codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"
#include "tests/support/uncoded_checks.h"

namespace verhaal {
namespace {

using testing::KeptTablesOutOfStep;
using testing::StoryCodeSetsOutOfStep;
using testing::TempDir;

class StoryCodeSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Transaction transaction(project_);
    for (int i = 0; i < 30; ++i) {
      Story story;
      story.key = "S" + std::to_string(i);
      story.text = "Ik wil werken, maar de taal is nog lastig voor mij.";
      stories_.push_back(AddStory(project_, story));
    }
    // Ids 1..12 and then 100..102: the kept text must tell 1 from 10 and 100.
    for (int i = 0; i < 12; ++i) {
      Code code;
      code.name = "c" + std::to_string(i);
      codes_.push_back(AddCode(project_, code));
    }
    project_.db().exec(
        "INSERT INTO code(id, guid, name, path) VALUES (100, 'g100', 'c100', 'c100'), "
        "(101, 'g101', 'c101', 'c101'), (102, 'g102', 'c102', 'c102')");
    codes_.insert(codes_.end(), {100, 101, 102});
    for (const char* name : {"anna", "bram", "rules"})
      coders_.push_back(EnsureCoder(project_, name));
    transaction.Commit();
  }

  int64_t Pick(const std::vector<int64_t>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(random_)];
  }
  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
  Coding RandomCoding() {
    // Few segments, so that a story often has a code twice (by one coder).
    const int64_t start = Below(4) * 5;
    return Coding{.story_id = Pick(stories_),
                  .code_id = Pick(codes_),
                  .coder_id = Pick(coders_),
                  .start = start,
                  .end = start + 1 + Below(2)};
  }
  // One coding that exists, at random, if any.
  std::optional<Coding> SomeCoding() {
    SQLite::Statement any(project_.db(),
                          "SELECT story_id, code_id, coder_id, start, end FROM coding "
                          "ORDER BY random() LIMIT 1");
    if (!any.executeStep()) return std::nullopt;
    return Coding{.story_id = any.getColumn(0).getInt64(),
                  .code_id = any.getColumn(1).getInt64(),
                  .coder_id = any.getColumn(2).getInt64(),
                  .start = any.getColumn(3).getInt64(),
                  .end = any.getColumn(4).getInt64()};
  }
  // A key condition for raw SQL.
  static std::string Where(const Coding& c) {
    return " WHERE story_id = " + std::to_string(c.story_id) +
           " AND code_id = " + std::to_string(c.code_id) +
           " AND coder_id = " + std::to_string(c.coder_id) +
           " AND start = " + std::to_string(c.start) + " AND end = " + std::to_string(c.end);
  }

  // autocode's writer: `inserts` new codings of "rules" and `deletes` of its
  // codings, committed or rolled back.
  void BulkWrite(int inserts, int deletes, bool set_aside, bool index, bool commit) {
    const int64_t rules = coders_[2];
    std::vector<SegmentKey> gone;
    if (!set_aside) {
      SQLite::Statement some(project_.db(),
                             "SELECT story_id, code_id, start, end FROM coding WHERE coder_id = " +
                                 std::to_string(rules) + " ORDER BY random() LIMIT " +
                                 std::to_string(deletes));
      while (some.executeStep()) {
        gone.push_back(SegmentKey{some.getColumn(0).getInt64(), some.getColumn(1).getInt64(),
                                  some.getColumn(2).getInt64(), some.getColumn(3).getInt64()});
      }
    }
    std::vector<SegmentKey> added;
    for (int i = 0; i < inserts; ++i) {
      const Coding c = RandomCoding();
      const SegmentKey key{c.story_id, c.code_id, c.start, c.end};
      if (FindCoding(project_, Coding{.story_id = c.story_id,
                                      .code_id = c.code_id,
                                      .coder_id = rules,
                                      .start = c.start,
                                      .end = c.end}) ||
          std::find(added.begin(), added.end(), key) != added.end() ||
          std::find(gone.begin(), gone.end(), key) != gone.end()) {
        continue;
      }
      added.push_back(key);
    }
    std::sort(added.begin(), added.end());
    Transaction transaction(project_);
    {
      CodingBulkWriter writer(project_, rules);
      const int64_t origin = writer.Origin("rule:r");
      if (set_aside) {
        writer.SetAside();
      } else if (index) {
        writer.SuspendCodeIndex();
      }
      for (const SegmentKey& key : added) writer.Insert(key, origin);
      for (const SegmentKey& key : gone) writer.Delete(key);
      writer.Flush();
    }
    if (commit) transaction.Commit();
  }

  TempDir dir_;
  Project project_ = Project::Create(dir_ / "p.verhaal", "p");
  std::vector<int64_t> stories_, codes_, coders_;
  std::mt19937 random_{20261207};
};

TEST_F(StoryCodeSetTest, KeptRightThroughEveryWayCodingsChange) {
  int checked = 0;
  for (int step = 0; step < 1500; ++step) {
    const int what = Below(100);
    std::string did;
    if (what < 40) {
      AddCoding(project_, RandomCoding());
      did = "add";
    } else if (what < 58) {
      if (auto c = SomeCoding()) RemoveCoding(project_, *c);
      did = "remove";
    } else if (what < 70) {
      // The key columns changed in place, one at a time or together, and
      // sometimes onto a key that exists (OR IGNORE leaves that row alone).
      if (auto c = SomeCoding()) {
        const std::string column[] = {"code_id = " + std::to_string(Pick(codes_)),
                                      "coder_id = " + std::to_string(Pick(coders_)),
                                      "story_id = " + std::to_string(Pick(stories_)),
                                      "start = start"};
        std::string set = column[Below(4)];
        if (Below(3) == 0) set += ", " + column[Below(3)];
        project_.db().exec("UPDATE OR IGNORE coding SET " + set + Where(*c));
        did = "update " + set;
      }
    } else if (what < 73) {
      // Many rows at once: a coder's codings of a code to another code.
      project_.db().exec("UPDATE OR IGNORE coding SET code_id = " + std::to_string(Pick(codes_)) +
                         " WHERE coder_id = " + std::to_string(Pick(coders_)) +
                         " AND code_id = " + std::to_string(Pick(codes_)));
      did = "update many";
    } else if (what < 76) {
      const int64_t from = Pick(codes_), to = Pick(codes_);
      if (from != to) ReassignCodings(project_, from, to);
      did = "merge codes";
    } else if (what < 86) {
      BulkWrite(Below(40), Below(10), false, Below(2) == 0, Below(4) != 0);
      did = "bulk";
    } else if (what < 88) {
      BulkWrite(Below(60), 0, true, false, Below(4) != 0);
      did = "bulk set aside";
    } else if (what < 91) {
      // A story's codings rewritten (the clean copy), to some or none.
      const int64_t story = Pick(stories_);
      std::vector<Coding> codings;
      for (int i = Below(4); i > 0; --i) {
        Coding c = RandomCoding();
        c.story_id = story;
        codings.push_back(c);
      }
      ReplaceStoryCodings(project_, story, codings);
      did = "rewrite story";
    } else if (what < 93) {
      // A rolled back transaction of adds and removes.
      Transaction transaction(project_);
      for (int i = 0; i < 5; ++i) AddCoding(project_, RandomCoding());
      if (auto c = SomeCoding()) RemoveCoding(project_, *c);
      did = "rolled back";
    } else if (what < 95 && stories_.size() > 10) {
      const int64_t story = Pick(stories_);
      DeleteStories(project_, {story});
      stories_.erase(std::find(stories_.begin(), stories_.end(), story));
      did = "delete story";
    } else if (what < 97) {
      // Codings deleted in bulk by plain SQL: a coder's in a few stories.
      project_.db().exec("DELETE FROM coding WHERE coder_id = " + std::to_string(Pick(coders_)) +
                         " AND story_id % 5 = " + std::to_string(Below(5)));
      did = "delete many";
    } else {
      did = "nothing";
    }
    if (step % 10 == 0) {
      ASSERT_EQ(StoryCodeSetsOutOfStep(project_), "") << "after step " << step << ": " << did;
      ++checked;
    }
  }
  // export-for-coder's copy keeps one coder's codings.
  KeepOnlyCoder(project_, "anna");
  EXPECT_EQ(KeptTablesOutOfStep(project_), "");
  EXPECT_EQ(checked, 150);
  // The mix reached sets with several codes, and the codes above 99.
  EXPECT_GT(project_.db()
                .execAndGet("SELECT count(*) FROM story_code_set WHERE length(codes) > 8 AND "
                            "codes LIKE '%,10_,%'")
                .getInt(),
            0);
}

// A version 9 file gets the table filled from its codings when opened.
TEST(StoryCodeSetMigrationTest, AVersionNineProjectGetsItsStoryCodeSetsWhenOpened) {
  TempDir dir;
  {
    Project old = Project::CreateAtVersion(dir / "old.verhaal", "oud", 9);
    old.db().exec(
        "INSERT INTO story(id, key, text, hash) VALUES (1, 'S1', 'Ik moest wel.', 'h'), "
        "(2, 'S2', 'Geen code.', 'h'), (3, 'S3', 'Twee codes.', 'h');"
        "INSERT INTO code(id, guid, name, path) VALUES (1, 'g1', 'moeten', 'moeten'), "
        "(10, 'g10', 'willen', 'willen');"
        "INSERT INTO coder(id, name) VALUES (1, 'anna'), (2, 'bram');"
        "INSERT INTO coding_origin(id, origin, created) VALUES (1, 'manual', "
        "'2026-01-02T10:00:00Z');"
        "INSERT INTO coding(story_id, code_id, coder_id, start, end, origin_id) "
        "VALUES (1, 1, 1, 0, 2, 1), (1, 1, 1, 3, 4, 1), (3, 10, 1, 0, 4, 1), (3, 1, 1, 5, 9, 1), "
        "(3, 10, 2, 0, 3, 1);");
    EXPECT_FALSE(old.db().tableExists("story_code_set"));
  }
  Project p = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(p.schema_version(), kSchemaVersion);
  EXPECT_EQ(KeptTablesOutOfStep(p), "");
  EXPECT_EQ(p.db().execAndGet("SELECT count(*) FROM story_code_set").getInt(), 3);
  // Kept in step from then on.
  ASSERT_TRUE(
      RemoveCoding(p, Coding{.story_id = 1, .code_id = 1, .coder_id = 1, .start = 0, .end = 2}));
  EXPECT_EQ(p.db().execAndGet("SELECT codes FROM story_code_set WHERE story_id = 1").getString(),
            ",1,");
  ASSERT_TRUE(
      RemoveCoding(p, Coding{.story_id = 1, .code_id = 1, .coder_id = 1, .start = 3, .end = 4}));
  EXPECT_EQ(p.db().execAndGet("SELECT count(*) FROM story_code_set WHERE story_id = 1").getInt(),
            0);
  EXPECT_EQ(KeptTablesOutOfStep(p), "");
}

}  // namespace
}  // namespace verhaal
