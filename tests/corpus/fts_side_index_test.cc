// Tests of building the full-text index beside the project
// (corpus/fts_side_index.h) and StoryWriter::Finish(FtsSideIndex&): the
// adopted index must answer exactly as one built the usual way.
#include "corpus/fts_side_index.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "base/error.h"
#include "base/text.h"
#include "corpus/search.h"
#include "corpus/story_writer.h"
#include "tests/support/fts_checks.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::CheckFullTextIndex;
using testing::HasSideIndexFile;
using testing::RankedMatches;
using testing::TempDir;

const struct {
  const char* title;
  const char* text;
} kStories[] = {
    {"Naar de taalschool", "Ik ga elke dag naar de taalschool. De gemeente betaalt de reis."},
    {"Werk", "De klantmanager zegt dat ik moet werken. Één keer per week heb ik een gesprek."},
    {"Reis", "Een lange reis. Nu zoek ik werk en een huis; de taal is moeilijk."},
    {"", "Mijn dochter leert de taal op school, sneller dan ik."},
    {"Stage", "Een stage bij de gemeente. De gemeente helpt met de taal en met werk."},
};

class FtsSideIndexTest : public ::testing::Test {
 protected:
  FtsSideIndexTest()
      : adopted_(Project::Create(dir_ / "adopted.verhaal", "a")),
        usual_(Project::Create(dir_ / "usual.verhaal", "u")) {}

  // Writes kStories (the first `count`) into `project`; with `side`, numbers
  // them from 1, indexes them there and adopts that index.
  static void Write(Project& project, FtsSideIndex* side, size_t count = std::size(kStories)) {
    StoryWriter writer(project);
    for (size_t i = 0; i < count; ++i) {
      Story story;
      story.key = "S" + std::to_string(i + 1);
      story.title = kStories[i].title;
      story.text = kStories[i].text;
      story.hash = ContentHash(story.text);
      if (side != nullptr) {
        story.id = static_cast<int64_t>(i) + 1;
        side->Add(story.id, story.title, story.text);
      }
      writer.Insert(story);
    }
    if (side != nullptr) {
      writer.Finish(*side);
    } else {
      writer.Finish();
    }
  }

  TempDir dir_;
  Project adopted_;
  Project usual_;
};

TEST_F(FtsSideIndexTest, AnAdoptedIndexAnswersLikeOneBuiltInTheProject) {
  // The connection has read its (empty) index before: it must not answer
  // from what it remembers of it.
  EXPECT_TRUE(RankedMatches(adopted_, "taal").empty());
  {
    Transaction transaction(adopted_);
    FtsSideIndex side(adopted_, StoryWriter::kFtsBufferBytes);
    Write(adopted_, &side);
    transaction.Commit();
  }
  {
    Transaction transaction(usual_);
    Write(usual_, nullptr);
    transaction.Commit();
  }
  CheckFullTextIndex(adopted_);
  const char* queries[] = {
      "taal", "een", "werk OR reis", "\"de gemeente\"", "title:reis", "een NOT gesprek", "taal*"};
  for (const char* query : queries) {
    const auto expected = RankedMatches(usual_, query);
    ASSERT_FALSE(expected.empty()) << query;
    const auto got = RankedMatches(adopted_, query);
    ASSERT_EQ(got.size(), expected.size()) << query;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, expected[i].first) << query << " #" << i;
      EXPECT_DOUBLE_EQ(got[i].second, expected[i].second) << query << " #" << i;
    }
  }
  // Diacritics are ignored as before: "een" finds "Één".
  EXPECT_EQ(SearchStories(adopted_, "een", 10).size(), SearchStories(usual_, "een", 10).size());
  // The settings are the usual ones, and later stories join the index.
  EXPECT_EQ(
      adopted_.db().execAndGet("SELECT v FROM story_fts_config WHERE k = 'hashsize'").getInt(),
      StoryWriter::kFtsBufferBytes);
  Story later;
  later.key = "S9";
  later.text = "Later nog een verhaal over de taalschool.";
  AddStory(adopted_, later);
  CheckFullTextIndex(adopted_);
  EXPECT_EQ(SearchStories(adopted_, "taalschool", 10).size(), 2u);
}

TEST_F(FtsSideIndexTest, TheSideFileLivesBesideTheProjectAndGoesWithTheIndex) {
  Transaction transaction(adopted_);
  {
    FtsSideIndex side(adopted_, StoryWriter::kFtsBufferBytes);
    EXPECT_EQ(side.file().parent_path(), dir_.path());
    EXPECT_TRUE(std::filesystem::exists(side.file()));
    Write(adopted_, &side);
  }
  EXPECT_FALSE(HasSideIndexFile(dir_.path()));
  transaction.Commit();
  EXPECT_EQ(SearchStories(adopted_, "taal", 10).size(), 3u);
}

TEST_F(FtsSideIndexTest, TheProjectsSettingsCarryOver) {
  adopted_.db().exec("INSERT INTO story_fts(story_fts, rank) VALUES ('automerge', 2)");
  Transaction transaction(adopted_);
  FtsSideIndex side(adopted_, StoryWriter::kFtsBufferBytes);
  Write(adopted_, &side);
  transaction.Commit();
  EXPECT_EQ(
      adopted_.db().execAndGet("SELECT v FROM story_fts_config WHERE k = 'automerge'").getInt(), 2);
  CheckFullTextIndex(adopted_);
}

TEST_F(FtsSideIndexTest, AProjectWhoseStoriesWereDeletedTakesAFreshIndex) {
  {
    Transaction transaction(adopted_);
    Write(adopted_, nullptr);
    transaction.Commit();
  }
  adopted_.db().exec("DELETE FROM story");
  Transaction transaction(adopted_);
  FtsSideIndex side(adopted_, StoryWriter::kFtsBufferBytes);
  Write(adopted_, &side, 2);
  transaction.Commit();
  CheckFullTextIndex(adopted_);
  EXPECT_EQ(SearchStories(adopted_, "taalschool", 10).size(), 1u);
  EXPECT_EQ(SearchStories(adopted_, "gesprek", 10).size(), 1u);
  EXPECT_TRUE(SearchStories(adopted_, "stage", 10).empty());
}

TEST_F(FtsSideIndexTest, AnIndexOfOtherStoriesIsRefusedAndNothingChanges) {
  {
    Transaction transaction(adopted_);
    FtsSideIndex side(adopted_, StoryWriter::kFtsBufferBytes);
    side.Add(3, "", "Een verhaal dat niet is opgeslagen.");
    StoryWriter writer(adopted_);
    try {
      writer.Finish(side);
      FAIL() << "adopted an index of other stories";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kInternal);
      EXPECT_EQ(e.message(),
                "the full-text index built beside the project has 1 stories up to id 3, the "
                "project 0 up to id 0; nothing was imported");
    }
  }  // rolled back
  EXPECT_FALSE(HasSideIndexFile(dir_.path()));
  CheckFullTextIndex(adopted_);
  EXPECT_TRUE(SearchStories(adopted_, "verhaal", 10).empty());
}

TEST_F(FtsSideIndexTest, OnlyAWriterIntoAProjectWithoutStoriesCanAdoptAnIndex) {
  {
    Transaction transaction(adopted_);
    Write(adopted_, nullptr, 1);
    transaction.Commit();
  }
  Transaction transaction(adopted_);
  StoryWriter writer(adopted_);
  EXPECT_FALSE(writer.CanAdoptIndex());
  FtsSideIndex side(adopted_, StoryWriter::kFtsBufferBytes);
  EXPECT_THROW(writer.Finish(side), Error);

  Transaction other(usual_);
  StoryWriter first(usual_);
  EXPECT_TRUE(first.CanAdoptIndex());
}

}  // namespace
}  // namespace verhaal
