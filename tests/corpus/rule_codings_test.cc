#include "corpus/rule_codings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(CodingBulkWriterTest, WritesCodingsWithOneOriginAndTimeAndRefusesRepeats) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    const int64_t origin = writer.Origin("rule:moeten");
    EXPECT_EQ(writer.Origin("rule:moeten"), origin);
    EXPECT_NE(writer.Origin("rule:willen"), origin);
    EXPECT_TRUE(writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, origin));
    EXPECT_TRUE(writer.Insert(SegmentKey{ids.story, ids.code, 10, 20}, origin));
    // The primary key refuses a repeated segment.
    EXPECT_FALSE(writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, origin));
    transaction.Commit();
  }
  EXPECT_EQ(ListRuleCodings(project, ids.coder, {}),
            (std::vector<SegmentKey>{{ids.story, ids.code, 0, 9}, {ids.story, ids.code, 10, 20}}));
  EXPECT_TRUE(ListRuleCodings(project, ids.coder, {ids.code + 1}).empty());
  const std::vector<Coding> codings = ListCodings(project);
  ASSERT_EQ(codings.size(), 2u);
  EXPECT_EQ(codings[0].origin, "rule:moeten");
  EXPECT_EQ(codings[0].created, codings[1].created);
  EXPECT_EQ(codings[0].created.size(), 20u);  // 2026-11-23T17:00:00Z
}

TEST(CodingBulkWriterTest, DeletesOnlyItsCodersCodingWithTheKey) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  Coding manual;
  manual.story_id = ids.story;
  manual.code_id = ids.code;
  manual.coder_id = EnsureCoder(project, "anna");
  manual.start = 0;
  manual.end = 9;
  ASSERT_TRUE(AddCoding(project, manual));
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    EXPECT_TRUE(writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, writer.Origin("rule:x")));
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
  EXPECT_TRUE(ListRuleCodings(project, ids.coder, {}).empty());
}

TEST(CodingBulkWriterTest, RollbackWritesNothing) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder);
    EXPECT_TRUE(writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, writer.Origin("rule:m")));
  }  // no commit
  EXPECT_TRUE(ListRuleCodings(project, ids.coder, {}).empty());
  EXPECT_EQ(project.db().execAndGet("SELECT count(*) FROM coding_origin").getInt(), 0);
}

}  // namespace
}  // namespace verhaal
