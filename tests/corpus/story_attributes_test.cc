// The per-story values of corpus/story_attributes.h, the value cursors of
// corpus/variables.h and the story look-ups of corpus/stories.h that the
// analyses stream through.
#include "corpus/story_attributes.h"

#include <gtest/gtest.h>

#include <map>

#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;
using Values = std::map<int64_t, std::string>;

class StoryAttributesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const int64_t km = EnsureRespondent(project_, "KM-1", "klantmanager");
    const int64_t sh = EnsureRespondent(project_, "SH-1", "");
    gemeente_.subject = VariableSubject::kRespondent;
    gemeente_.name = "gemeente";
    gemeente_.id = EnsureVariable(project_, gemeente_);
    SetRespondentValue(project_, km, gemeente_.id, "Utrecht");
    thema_.subject = VariableSubject::kStory;
    thema_.name = "thema";
    thema_.id = EnsureVariable(project_, thema_);
    struct {
      const char* key;
      std::optional<int64_t> respondent;
      const char* kind;
      std::optional<int> wave;
      const char* thema;
    } rows[] = {{"A", km, "reflection", 2, "werk"},
                {"B", sh, "experience", std::nullopt, ""},
                {"C", std::nullopt, "other", 1, "taal"}};
    for (const auto& row : rows) {
      Story story;
      story.key = row.key;
      story.respondent_id = row.respondent;
      story.kind = row.kind;
      story.wave = row.wave;
      story.language = "nl";
      story.text = std::string("tekst ") + row.key;
      ids_.push_back(AddStory(project_, story));
      SetStoryValue(project_, ids_.back(), thema_.id, row.thema);
    }
  }

  Values Attribute(StoryAttribute attribute) {
    Values values;
    ForEachStoryAttribute(project_, attribute, [&](int64_t id, std::string_view value) {
      EXPECT_TRUE(values.emplace(id, value).second);
    });
    return values;
  }

  Values Variable(const verhaal::Variable& variable) {
    Values values;
    ForEachStoryVariableValue(project_, variable, [&](int64_t id, std::string_view value) {
      EXPECT_TRUE(values.emplace(id, value).second);
    });
    return values;
  }

  TempDir dir_;
  Project project_ = Project::Create(dir_ / "a.verhaal", "a");
  verhaal::Variable gemeente_, thema_;
  std::vector<int64_t> ids_;
};

TEST_F(StoryAttributesTest, NullValuesAreNotVisited) {
  EXPECT_EQ(Attribute(StoryAttribute::kRole), (Values{{ids_[0], "klantmanager"}, {ids_[1], ""}}));
  EXPECT_EQ(Attribute(StoryAttribute::kRespondent), (Values{{ids_[0], "KM-1"}, {ids_[1], "SH-1"}}));
  EXPECT_EQ(Attribute(StoryAttribute::kKind),
            (Values{{ids_[0], "reflection"}, {ids_[1], "experience"}, {ids_[2], "other"}}));
  EXPECT_EQ(Attribute(StoryAttribute::kWave), (Values{{ids_[0], "2"}, {ids_[2], "1"}}));
}

TEST_F(StoryAttributesTest, VariablesOfStoriesAndOfTheirRespondents) {
  EXPECT_EQ(Variable(thema_), (Values{{ids_[0], "werk"}, {ids_[2], "taal"}}));
  EXPECT_EQ(Variable(gemeente_), (Values{{ids_[0], "Utrecht"}}));
}

TEST_F(StoryAttributesTest, ValueCursorsGiveWhatTheOneStoryReadersGive) {
  StoryValueCursor cursor(project_);
  std::map<std::string, std::string> values = {{"stale", "x"}};
  for (int64_t id : ids_) {
    cursor.ValuesOf(id, values);
    EXPECT_EQ(values, StoryValues(project_, id)) << "story " << id;
  }
  RespondentValueReader reader(project_);
  const int64_t km = FindRespondent(project_, "KM-1")->id;
  const int64_t sh = FindRespondent(project_, "SH-1")->id;
  for (int64_t id : {km, sh, km}) {
    reader.ValuesOf(id, values);
    EXPECT_EQ(values, RespondentValues(project_, id)) << "respondent " << id;
  }
  EXPECT_EQ(values.at("gemeente"), "Utrecht");
}

TEST_F(StoryAttributesTest, StoryTextsLookedUpInTheOrderGiven) {
  std::vector<std::string> seen;
  ForEachStoryTextOf(project_, {ids_[2], ids_[0]}, [&](const StoryTextView& story) {
    seen.push_back(std::string(story.key) + "|" + std::string(story.text) + "|" +
                   std::string(story.kind) + "|" + std::string(story.language));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"C|tekst C|other|nl", "A|tekst A|reflection|nl"}));
  try {
    ForEachStoryTextOf(project_, {ids_[2] + 10}, [](const StoryTextView&) {});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMissing);
    EXPECT_EQ(e.message(), "no story with id " + std::to_string(ids_[2] + 10));
  }
  EXPECT_EQ(LargestStoryId(project_), ids_[2]);
}

}  // namespace
}  // namespace verhaal
