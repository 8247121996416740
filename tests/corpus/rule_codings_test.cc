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

// "name: sql" of the coding table's indexes.
std::vector<std::string> CodingIndexes(Project& project) {
  std::vector<std::string> out;
  SQLite::Statement query(project.db(),
                          "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = "
                          "'index' AND tbl_name = 'coding' ORDER BY name");
  while (query.executeStep()) {
    out.push_back(query.getColumn(0).getString() + ": " + query.getColumn(1).getString());
  }
  return out;
}

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

const std::vector<std::string> kIndexes = {
    "coding_code: CREATE INDEX coding_code ON coding(code_id)",
    "coding_coder: CREATE INDEX coding_coder ON coding(coder_id)",
    "sqlite_autoindex_coding_1: ",
};

TEST(CodingBulkWriterTest, RebuildsTheIndexesItDroppedAndFindsCodingsByThem) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  ASSERT_EQ(CodingIndexes(project), kIndexes);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder, /*rebuild_indexes=*/true);
    EXPECT_TRUE(writer.indexes_dropped());
    EXPECT_EQ(CodingIndexes(project), std::vector<std::string>{"sqlite_autoindex_coding_1: "});
    EXPECT_TRUE(writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, "rule:moeten"));
    EXPECT_TRUE(writer.Insert(SegmentKey{ids.story, ids.code, 10, 20}, "rule:moeten"));
    // The UNIQUE index stays, so a repeated segment is still refused.
    EXPECT_FALSE(writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, "rule:moeten"));
    writer.Finish();
    EXPECT_FALSE(writer.indexes_dropped());
    transaction.Commit();
  }
  EXPECT_EQ(CodingIndexes(project), kIndexes);
  EXPECT_EQ(project.db()
                .execAndGet("SELECT count(*) FROM coding INDEXED BY coding_code WHERE code_id = " +
                            std::to_string(ids.code))
                .getInt(),
            2);
  EXPECT_EQ(ListRuleCodings(project, ids.coder, {}).size(), 2u);
}

TEST(CodingBulkWriterTest, RollbackKeepsTheIndexesAndWritesNothing) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  const Ids ids = MakeProject(project);
  {
    Transaction transaction(project);
    CodingBulkWriter writer(project, ids.coder, /*rebuild_indexes=*/true);
    EXPECT_TRUE(writer.Insert(SegmentKey{ids.story, ids.code, 0, 9}, "rule:moeten"));
  }  // no commit
  EXPECT_EQ(CodingIndexes(project), kIndexes);
  EXPECT_TRUE(ListRuleCodings(project, ids.coder, {}).empty());
}

}  // namespace
}  // namespace verhaal
