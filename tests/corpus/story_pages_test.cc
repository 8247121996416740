// The workbench's story list at scale (issue 22): a filtered total stops
// counting at kStoryCountCap and says so, while the unfiltered total stays
// exact; the coded filter is answered by the database, not the page.
#include "corpus/story_pages.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

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

}  // namespace
}  // namespace verhaal
