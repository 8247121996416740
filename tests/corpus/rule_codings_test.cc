#include "corpus/rule_codings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

struct Ids {
  int64_t story = 0;
  int64_t code = 0;
  int64_t coder = 0;
};

Ids MakeProject(Project& project) {
  Transaction transaction(project);
  Story story;
  story.key = "SH-01";
  story.respondent_id = AddRespondent(project, {0, "SH-01", "statushouder"});
  story.text = "Ik moest samenwerken.";
  Ids ids;
  ids.story = AddStory(project, story);
  Code code;
  code.name = "moeten";
  ids.code = AddCode(project, code);
  ids.coder = EnsureCoder(project, "rules");
  transaction.Commit();
  return ids;
}

// Adds a coding by hand (origin "manual") of `ids`' story and code.
void AddHandCoding(Project& project, const Ids& ids, int64_t coder, int64_t start, int64_t end,
                   const std::string& memo = "", const std::string& created = "") {
  Coding c;
  c.story_id = ids.story;
  c.code_id = ids.code;
  c.coder_id = coder;
  c.start = start;
  c.end = end;
  c.memo = memo;
  c.created = created;
  ASSERT_TRUE(AddCoding(project, c));
}

TEST(CodingBulkWriterTest, WritesCodingsWithOneOriginAndTimeAndListsThem) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    const int64_t origin = writer.Origin("rule:moeten");
    EXPECT_EQ(writer.Origin("rule:moeten"), origin);
    EXPECT_NE(writer.Origin("rule:willen"), origin);
    writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, origin);
    writer.Insert(SegmentKey{ids.story, ids.code, 10, 20}, origin);
    writer.Flush();
    transaction.Commit();
  }
  AddHandCoding(project, ids, ids.coder, 3, 9);
  EXPECT_EQ(ListCoderCodings(project, ids.coder, {}),
            (std::vector<CoderCoding>{{{ids.story, ids.code, 0, 9}, true},
                                      {{ids.story, ids.code, 3, 9}, false},
                                      {{ids.story, ids.code, 10, 20}, true}}));
  EXPECT_TRUE(ListCoderCodings(project, ids.coder, {ids.code + 1}).empty());
  const std::vector<Coding> codings = ListCodings(project);
  ASSERT_EQ(codings.size(), 3u);
  EXPECT_EQ(codings[0].origin, "rule:moeten");
  EXPECT_EQ(codings[1].origin, "manual");
  EXPECT_EQ(codings[0].created, codings[2].created);
  EXPECT_EQ(codings[0].created.size(), 20u);  // 2026-11-23T17:00:00Z
}

TEST(CodingBulkWriterTest, WritesManyRowsPerStatementAndRefusesAKeyTheCoderHas) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    const int64_t origin = writer.Origin("rule:moeten");
    // 300 rows: two full statements of many rows and a remainder of one each.
    for (int64_t i = 0; i < 300; ++i)
      writer.Insert(SegmentKey{ids.story, ids.code, i, i + 1}, origin);
    writer.Flush();
    transaction.Commit();
  }
  const std::vector<CoderCoding> listed = ListCoderCodings(project, ids.coder, {});
  ASSERT_EQ(listed.size(), 300u);
  EXPECT_EQ(listed[299].key.start, 299);
  Transaction transaction(project);
  CodingBulkWriter writer(project, ids.coder);
  writer.Insert(SegmentKey{ids.story, ids.code, 7, 8}, writer.Origin("rule:moeten"));
  try {
    writer.Flush();
    ADD_FAILURE() << "a coding the coder has was written twice";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kIo);
    EXPECT_NE(std::string(e.what()).find("UNIQUE constraint failed: coding.story_id"),
              std::string::npos)
        << e.what();
  }
}

TEST(CodingBulkWriterTest, DeletesOnlyItsCodersCodingWithTheKey) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  AddHandCoding(project, ids, EnsureCoder(project, "anna"), 0, 9);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, writer.Origin("rule:x"));
    writer.Flush();
    transaction.Commit();
  }
  EXPECT_EQ(ListCodings(project).size(), 2u);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    writer.Delete(SegmentKey{ids.story, ids.code, 0, 9});
    transaction.Commit();
  }
  const std::vector<Coding> left = ListCodings(project);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].coder, "anna");
  EXPECT_EQ(ListCoderCodings(project, ids.coder, {}).size(), 0u);
}

TEST(CodingBulkWriterTest, RollbackWritesNothing) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, writer.Origin("rule:m"));
    writer.Flush();
  }  // no commit
  EXPECT_TRUE(ListCoderCodings(project, ids.coder, {}).empty());
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM coding_origin").getInt(), 0);
}

// "coder start:end origin memo created" of every coding, in the table's order.
std::vector<std::string> Rows(Project& project) {
  std::vector<std::string> out;
  for (const Coding& c : ListCodings(project)) {
    out.push_back(c.coder + " " + std::to_string(c.start) + ":" + std::to_string(c.end) + " " +
                  c.origin + " [" + c.memo + "] " + c.created);
  }
  return out;
}

TEST(CodingBulkWriterTest, SetAsideWritesEveryCodingBackWithItsOriginMemoAndTime) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  // Other coders' codings on both sides of the new ones in key order (coder
  // "anna" sorts before "rules", "zoe" after), one with the same segment.
  const int64_t anna = EnsureCoder(project, "anna");
  const int64_t zoe = EnsureCoder(project, "zoe");
  auto add = [&](int64_t coder, int64_t start, int64_t end, const std::string& memo,
                 const std::string& created) {
    AddHandCoding(project, ids, coder, start, end, memo, created);
  };
  add(anna, 0, 9, "eerst 'moest'", "2026-01-02T03:04:05Z");
  add(zoe, 0, 9, "", "2026-02-03T04:05:06Z");
  add(anna, 12, 20, "", "2026-01-02T03:04:05Z");
  add(zoe, 3, 21, "heel de zin", "2026-02-03T04:05:06Z");
  // The rule coder's own hand coding, kept like the others.
  add(ids.coder, 1, 2, "met de hand", "2026-03-04T05:06:07Z");
  const std::vector<std::string> before = Rows(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    writer.SetAside();
    EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM coding").getInt(), 0);
    const int64_t origin = writer.Origin("rule:moeten");
    for (int64_t start : {0, 2, 3, 12, 15}) {
      writer.Insert(SegmentKey{ids.story, ids.code, start, 9 + start}, origin);
    }
    try {
      writer.Delete(SegmentKey{ids.story, ids.code, 1, 2});
      ADD_FAILURE() << "a coding was deleted while codings were set aside";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kInternal);
    }
    writer.Flush();
    transaction.Commit();
  }
  std::vector<std::string> after = Rows(project);
  ASSERT_EQ(after.size(), before.size() + 5);
  for (const std::string& row : before) {
    EXPECT_NE(std::find(after.begin(), after.end(), row), after.end()) << row << " is gone";
  }
  EXPECT_EQ(ListCoderCodings(project, ids.coder, {}).size(), 6u);
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM sqlite_temp_master").getInt(), 0)
      << "the temporary table is left behind";
  EXPECT_EQ(project.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(CodingBulkWriterTest, SetAsideRefusesAKeyTheCoderHasAndRollsBackToTheOldTable) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  AddHandCoding(project, ids, ids.coder, 3, 9, "bewaren");
  const std::vector<std::string> before = Rows(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    writer.SetAside();
    writer.Insert(SegmentKey{ids.story, ids.code, 0, 2}, writer.Origin("rule:m"));
    writer.Insert(SegmentKey{ids.story, ids.code, 3, 9}, writer.Origin("rule:m"));
    try {
      writer.Flush();
      ADD_FAILURE() << "a coding the coder has was written twice";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kIo);
      EXPECT_NE(std::string(e.what()).find("UNIQUE constraint failed"), std::string::npos)
          << e.what();
    }
  }  // no commit
  EXPECT_EQ(Rows(project), before);
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM sqlite_temp_master").getInt(), 0);
}

}  // namespace
}  // namespace verhaal
