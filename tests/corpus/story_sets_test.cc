#include "corpus/story_sets.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

class StorySetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* key : {"S1", "S2", "S3"}) {
      Story story;
      story.key = key;
      story.text = std::string("Verhaal ") + key + ".";
      ids_.push_back(AddStory(project_, story));
    }
  }
  std::vector<std::string> Keys(const StoryFilter& filter) {
    std::vector<std::string> keys;
    for (const Story& story : ListStoryHeads(project_, filter)) keys.push_back(story.key);
    return keys;
  }

  testing::TempDir dir_;
  Project project_ = Project::Create(dir_ / "p.verhaal", "p");
  std::vector<int64_t> ids_;
};

TEST_F(StorySetsTest, ASetFiltersStoriesLikeTheOtherFilters) {
  const StorySet set = CreateStorySet(project_, "eerste", {ids_[2], ids_[0], ids_[0]}, "anna");
  EXPECT_EQ(set.stories, 2);
  EXPECT_EQ(set.created_by, "anna");
  EXPECT_EQ(StorySetMembers(project_, set.id), std::vector<int64_t>({ids_[0], ids_[2]}));
  StoryFilter filter;
  filter.set = "eerste";
  EXPECT_EQ(Keys(filter), std::vector<std::string>({"S1", "S3"}));
  EXPECT_EQ(ListStoryIds(project_, filter), std::vector<int64_t>({ids_[0], ids_[2]}));
  EXPECT_EQ(ListStoryOwners(project_, filter).size(), 2u);
  filter.keys = {"S3", "S2"};
  EXPECT_EQ(Keys(filter), std::vector<std::string>({"S3"}));
}

TEST_F(StorySetsTest, AnUnknownSetIsMissingAndNamesTheSetsThereAre) {
  CreateStorySet(project_, "eerste", {ids_[0]}, "");
  StoryFilter filter;
  filter.set = "tweede";
  try {
    ListStoryIds(project_, filter);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMissing);
    EXPECT_NE(e.message().find("eerste"), std::string::npos) << e.message();
  }
}

TEST_F(StorySetsTest, NamesAreCheckedAndUnique) {
  CreateStorySet(project_, "eerste", {ids_[0]}, "");
  for (const char* bad : {"", "a/b", " a", "a ", "a\tb"}) {
    EXPECT_THROW(CreateStorySet(project_, bad, {ids_[0]}, ""), Error) << bad;
  }
  EXPECT_THROW(CreateStorySet(project_, "eerste", {ids_[1]}, ""), Error);
  EXPECT_THROW(CreateStorySet(project_, "x", {999}, ""), Error);
  EXPECT_THROW(RenameStorySet(project_, "eerste", "a/b"), Error);
  CreateStorySet(project_, "tweede", {ids_[1]}, "");
  EXPECT_THROW(RenameStorySet(project_, "eerste", "tweede"), Error);
  EXPECT_EQ(RenameStorySet(project_, "eerste", "derde").stories, 1);
  EXPECT_FALSE(FindStorySet(project_, "eerste"));
  EXPECT_TRUE(DeleteStorySet(project_, "derde"));
  EXPECT_FALSE(DeleteStorySet(project_, "derde"));
  EXPECT_EQ(ListStorySets(project_).size(), 1u);
}

TEST_F(StorySetsTest, ADeletedStoryLeavesItsSets) {
  const StorySet set = CreateStorySet(project_, "eerste", {ids_[0], ids_[1]}, "");
  DeleteStories(project_, {ids_[0]});
  EXPECT_EQ(StorySetMembers(project_, set.id), std::vector<int64_t>({ids_[1]}));
  EXPECT_EQ(FindStorySet(project_, "eerste")->stories, 1);
}

TEST(StorySetsSchemaTest, AnOlderProjectGetsTheTablesWhenOpened) {
  testing::TempDir dir;
  {
    Project old = Project::CreateAtVersion(dir / "old.verhaal", "old", 6);
    Story story;
    story.key = "S1";
    story.text = "Ik wil werken.";
    AddStory(old, story);
  }
  Project opened = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(opened.schema_version(), kSchemaVersion);
  const StorySet set = CreateStorySet(opened, "oud", {FindStory(opened, "S1")->id}, "");
  EXPECT_EQ(set.stories, 1);
}

}  // namespace
}  // namespace verhaal
