// The counts the report's overview takes from SQLite (corpus/story_tallies.h):
// the same figures as counting the listed stories and respondents one by
// one, which the report did before (ListStoryHeads, ListRespondents and
// RespondentValues per respondent).
#include "corpus/story_tallies.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

class StoryTalliesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const int64_t anna = AddRespondent(project_, {0, "R1", "statushouder"});
    const int64_t bram = AddRespondent(project_, {0, "R2", "klantmanager"});
    const int64_t cees = AddRespondent(project_, {0, "R3", ""});
    const int64_t dina = AddRespondent(project_, {0, "R4", "statushouder"});
    Variable gemeente;
    gemeente.name = "gemeente";
    gemeente.id = EnsureVariable(project_, gemeente);
    SetRespondentValue(project_, anna, gemeente.id, "Utrecht");
    SetRespondentValue(project_, bram, gemeente.id, "Utrecht");
    SetRespondentValue(project_, cees, gemeente.id, "Zwolle");
    SetRespondentValue(project_, dina, gemeente.id, "Utrecht");
    struct Row {
      const char* key;
      std::optional<int64_t> respondent;
      const char* kind;
      std::optional<int> wave;
      const char* language;
    };
    const Row rows[] = {{"S3", anna, "experience", 1, "nl"},
                        {"S1", bram, "reflection", std::nullopt, "nl"},
                        {"S2", std::nullopt, "experience", 1, ""},
                        {"S4", dina, "experience", 2, "en"}};
    for (const Row& row : rows) {
      Story story;
      story.key = row.key;
      story.respondent_id = row.respondent;
      story.kind = row.kind;
      story.wave = row.wave;
      story.language = row.language;
      story.text = std::string("Verhaal ") + row.key + ".";
      ids_.push_back(AddStory(project_, story));
    }
  }

  testing::TempDir dir_;
  Project project_ = Project::Create(dir_ / "p.verhaal", "p");
  std::vector<int64_t> ids_;
};

TEST_F(StoryTalliesTest, CountsStoriesByKindWaveAndLanguage) {
  const std::vector<StoryGroupCount> groups = CountStoriesByKindWaveAndLanguage(project_);
  ASSERT_EQ(groups.size(), 4u);
  auto is = [](const StoryGroupCount& g, const char* kind, std::optional<int> wave,
               const char* language, int64_t n) {
    return g.kind == kind && g.wave == wave && g.language == language && g.stories == n;
  };
  EXPECT_TRUE(is(groups[0], "experience", 1, "", 1));
  EXPECT_TRUE(is(groups[1], "experience", 1, "nl", 1));
  EXPECT_TRUE(is(groups[2], "experience", 2, "en", 1));
  EXPECT_TRUE(is(groups[3], "reflection", std::nullopt, "nl", 1));
}

TEST_F(StoryTalliesTest, StoriesOfOneGroupApartAreCountedTogether) {
  // Counted in runs of stories with the same kind, wave and language: a
  // group that comes back after others adds to its count.
  for (const char* key : {"S5", "S6"}) {
    Story story;
    story.key = key;
    story.kind = "experience";
    story.wave = 1;
    story.language = "nl";
    story.text = "Verhaal.";
    AddStory(project_, story);
  }
  const std::vector<StoryGroupCount> groups = CountStoriesByKindWaveAndLanguage(project_);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[1].kind, "experience");
  EXPECT_EQ(groups[1].wave, 1);
  EXPECT_EQ(groups[1].language, "nl");
  EXPECT_EQ(groups[1].stories, 3);
  int64_t total = 0;
  for (const StoryGroupCount& group : groups) total += group.stories;
  EXPECT_EQ(total, 6);
}

TEST_F(StoryTalliesTest, CountsRespondentsByRoleAndValue) {
  EXPECT_EQ(CountRespondentsByRole(project_),
            (std::vector<std::pair<std::string, int64_t>>{
                {"", 1}, {"klantmanager", 1}, {"statushouder", 2}}));
  const std::vector<RespondentValueCount> values = CountRespondentValues(project_);
  ASSERT_EQ(values.size(), 3u);
  EXPECT_EQ(values[0].value, "Utrecht");
  EXPECT_EQ(values[0].role, "klantmanager");
  EXPECT_EQ(values[0].respondents, 1);
  EXPECT_EQ(values[1].value, "Utrecht");
  EXPECT_EQ(values[1].role, "statushouder");
  EXPECT_EQ(values[1].respondents, 2);
  EXPECT_EQ(values[2].variable, "gemeente");
  EXPECT_EQ(values[2].value, "Zwolle");
  EXPECT_EQ(values[2].role, "");
  EXPECT_EQ(values[2].respondents, 1);
}

TEST_F(StoryTalliesTest, ListsKeysById) {
  const StoryKeys keys = ListStoryKeys(project_);
  EXPECT_EQ(keys.ids, ids_);
  ASSERT_EQ(keys.ends.size(), 4u);
  EXPECT_EQ(keys.Key(0), "S3");
  EXPECT_EQ(keys.Key(1), "S1");
  EXPECT_EQ(keys.Key(2), "S2");
  EXPECT_EQ(keys.Key(3), "S4");
}

}  // namespace
}  // namespace verhaal
