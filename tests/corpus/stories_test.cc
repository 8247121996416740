// The light story listings of corpus/stories.h: heads without text, ids.
#include "corpus/stories.h"

#include <gtest/gtest.h>

#include "corpus/respondents.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

class StoryListingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const int64_t km = EnsureRespondent(project_, "KM-1", "klantmanager");
    // Keys in the reverse order of the ids, so an id listing read from the
    // key index must still come out ascending.
    for (const char* key : {"Z-3", "M-2", "A-1"}) {
      Story s;
      s.key = key;
      s.respondent_id = km;
      s.kind = "reflection";
      s.wave = 2;
      s.date = "2024-05-01";
      s.title = std::string("titel ") + key;
      s.text = std::string("De tekst van ") + key;
      ids_.push_back(AddStory(project_, s));
    }
    Story loose;
    loose.key = "B-4";
    loose.text = "Zonder respondent";
    ids_.push_back(AddStory(project_, loose));
  }

  TempDir dir_;
  Project project_ = Project::Create(dir_ / "l.verhaal", "l");
  std::vector<int64_t> ids_;
};

TEST_F(StoryListingTest, HeadsCarryEverythingButTheText) {
  const std::vector<Story> full = ListStories(project_);
  const std::vector<Story> heads = ListStoryHeads(project_);
  ASSERT_EQ(heads.size(), full.size());
  for (size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(heads[i].id, full[i].id);
    EXPECT_EQ(heads[i].key, full[i].key);
    EXPECT_EQ(heads[i].respondent_id, full[i].respondent_id);
    EXPECT_EQ(heads[i].respondent_key, full[i].respondent_key);
    EXPECT_EQ(heads[i].role, full[i].role);
    EXPECT_EQ(heads[i].kind, full[i].kind);
    EXPECT_EQ(heads[i].wave, full[i].wave);
    EXPECT_EQ(heads[i].date, full[i].date);
    EXPECT_EQ(heads[i].title, full[i].title);
    EXPECT_FALSE(full[i].text.empty());
    EXPECT_EQ(heads[i].text, "");
    EXPECT_EQ(heads[i].hash, "");
  }
  EXPECT_EQ(ListStoryHeads(project_, {.role = "klantmanager"}).size(), 3u);
}

TEST_F(StoryListingTest, IdsAscendAndFollowTheFilter) {
  EXPECT_EQ(ListStoryIds(project_), ids_);
  EXPECT_EQ(ListStoryIds(project_, {.role = "klantmanager"}),
            (std::vector<int64_t>{ids_[0], ids_[1], ids_[2]}));
  EXPECT_EQ(ListStoryIds(project_, {.kind = "experience"}), (std::vector<int64_t>{ids_[3]}));
  EXPECT_EQ(ListStoryIds(project_, {.keys = {"A-1", "Z-3"}}),
            (std::vector<int64_t>{ids_[0], ids_[2]}));
  EXPECT_TRUE(ListStoryIds(project_, {.wave = 7}).empty());
}

// Every story's id, read from the respondent index (in respondents' order,
// not the ids'), comes out ascending whether the ids lie close together
// (placed at their offsets) or far apart (sorted), and ListStoryOwners keeps
// each story's respondent beside its id.
void ExpectOwnersAscendWithTheirRespondents(Project& project, const std::vector<int64_t>& ids) {
  const std::vector<StoryOwner> owners = ListStoryOwners(project, {});
  const std::vector<Story> heads = ListStoryHeads(project);  // in id order
  ASSERT_EQ(owners.size(), ids.size());
  ASSERT_EQ(heads.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(owners[i].id, ids[i]);
    EXPECT_EQ(heads[i].id, ids[i]);
    EXPECT_EQ(owners[i].respondent_id, heads[i].respondent_id) << "story " << ids[i];
  }
}

TEST_F(StoryListingTest, IdsAscendWithGapsNearAndFar) {
  std::vector<int64_t> respondents;
  for (const char* key : {"R-3", "R-2", "R-1"}) {
    respondents.push_back(EnsureRespondent(project_, key, "statushouder"));
  }
  std::vector<int64_t> all = ids_;
  for (int i = 0; i < 200; ++i) {
    Story s;
    s.key = "S-" + std::to_string(i);
    s.respondent_id = respondents[static_cast<size_t>(i * 7 % 3)];
    s.text = "tekst";
    all.push_back(AddStory(project_, s));
  }
  // Gaps near: every third story gone.
  std::vector<int64_t> gone, kept;
  for (size_t i = 0; i < all.size(); ++i) (i % 3 == 1 ? gone : kept).push_back(all[i]);
  DeleteStories(project_, gone);
  EXPECT_EQ(ListStoryIds(project_), kept);
  ExpectOwnersAscendWithTheirRespondents(project_, kept);
  // Far apart: two stories 200 ids apart.
  DeleteStories(project_, std::vector<int64_t>(kept.begin() + 1, kept.end() - 1));
  EXPECT_EQ(ListStoryIds(project_), (std::vector<int64_t>{kept.front(), kept.back()}));
  ExpectOwnersAscendWithTheirRespondents(project_, {kept.front(), kept.back()});
}

}  // namespace
}  // namespace verhaal
