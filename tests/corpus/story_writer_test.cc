#include "corpus/story_writer.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "base/text.h"
#include "corpus/respondents.h"
#include "corpus/variables.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

Story NewStory(const std::string& key) {
  Story story;
  story.key = key;
  story.text = "Een verhaal.";
  story.hash = ContentHash(story.text);
  return story;
}

Signifier List(bool multiple) {
  Signifier s;
  s.key = multiple ? "lm" : "l1";
  s.type = SignifierType::kList;
  s.multiple = multiple;
  s.options = {{"taal", "Taal"}, {"werk", "Werk"}, {"zorg", "Zorg"}};
  return s;
}

Signifier Triad() {
  Signifier s;
  s.key = "t1";
  s.type = SignifierType::kTriad;
  s.options = {{"a", "top"}, {"b", "left"}, {"c", "right"}};
  return s;
}

class StoryWriterTest : public ::testing::Test {
 protected:
  StoryWriterTest() : project_(Project::Create(dir_ / "w.verhaal", "w")) {}

  Signifier Define(const Signifier& s) {
    EnsureSignifier(project_, s);
    return *FindSignifier(project_, s.key);
  }

  int CacheSize() { return project_.db().execAndGet("PRAGMA cache_size").getInt(); }

  TempDir dir_;
  Project project_;
};

// AddSignifierValue stores what SetSignifierValue stores: read back, the
// two answers are the same canonical value.
TEST_F(StoryWriterTest, AddSignifierValueStoresWhatSetSignifierValueStores) {
  const Signifier list = Define(List(true));
  const Signifier triad = Define(Triad());
  SignifierValue items;
  items.items = {2, 0, 2};
  SignifierValue proportions;
  proportions.triad = {0.5, 0.25, 0.25};
  SignifierValue not_applicable;
  not_applicable.not_applicable = true;
  const struct {
    const Signifier& signifier;
    SignifierValue value;
  } cases[] = {{list, items}, {triad, proportions}, {triad, not_applicable}};
  int n = 0;
  for (const auto& c : cases) {
    Transaction transaction(project_);
    StoryWriter writer(project_);
    const int64_t added = writer.Insert(NewStory("A" + std::to_string(n)));
    const int64_t set = writer.Insert(NewStory("S" + std::to_string(n)));
    writer.AddSignifierValue(added, c.signifier, c.value);
    SetSignifierValue(project_, c.signifier, set, c.value);
    writer.Finish();
    transaction.Commit();
    const auto got = GetSignifierValue(project_, c.signifier, added);
    ASSERT_TRUE(got.has_value()) << n;
    EXPECT_EQ(*got, *GetSignifierValue(project_, c.signifier, set)) << n;
    ++n;
  }
  SignifierValue sorted;
  sorted.items = {0, 2};
  EXPECT_EQ(*GetSignifierValue(project_, list, 1), sorted);
}

TEST_F(StoryWriterTest, AddSignifierValueChecksTheValue) {
  const Signifier single = Define(List(false));
  Transaction transaction(project_);
  StoryWriter writer(project_);
  const int64_t id = writer.Insert(NewStory("A"));
  SignifierValue two;
  two.items = {0, 1};
  try {
    writer.AddSignifierValue(id, single, two);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
  }
  EXPECT_FALSE(GetSignifierValue(project_, single, id).has_value());
}

// The writer raises the page cache for an import and gives the old size back.
TEST_F(StoryWriterTest, RestoresThePageCacheSize) {
  const int before = CacheSize();
  {
    Transaction transaction(project_);
    StoryWriter writer(project_);
    EXPECT_EQ(CacheSize(), -StoryWriter::kImportCacheKiB);
    writer.Finish();
    transaction.Commit();
  }
  EXPECT_EQ(CacheSize(), before);
}

// A respondent's stories may carry different values: the last one written
// wins, also when it repeats one written before.
TEST_F(StoryWriterTest, RespondentValueLastWrittenWins) {
  Variable gemeente;
  gemeente.name = "gemeente";
  const int64_t variable = EnsureVariable(project_, gemeente);
  Transaction transaction(project_);
  StoryWriter writer(project_);
  const int64_t respondent = writer.EnsureRespondent("R1", "").first;
  for (const char* value : {"Ermelo", "Ermelo", "Zeewolde", "Ermelo"}) {
    writer.SetRespondentValue(respondent, variable, value);
  }
  EXPECT_EQ(RespondentValues(project_, respondent).at("gemeente"), "Ermelo");
  writer.SetRespondentValue(respondent, variable, "");
  EXPECT_EQ(RespondentValues(project_, respondent).count("gemeente"), 0u);
  writer.SetRespondentValue(respondent, variable, "Ermelo");
  EXPECT_EQ(RespondentValues(project_, respondent).at("gemeente"), "Ermelo");
  writer.Finish();
  transaction.Commit();
}

// The writer remembers every respondent it met: a role conflict is still
// found when other respondents came in between, a missing role is still
// filled in, and a respondent stored before is found, not added again.
TEST_F(StoryWriterTest, RespondentsAreFoundAndCheckedAcrossOtherRespondents) {
  EnsureRespondent(project_, "R0", "klantmanager");
  Transaction transaction(project_);
  StoryWriter writer(project_);
  const auto r1 = writer.EnsureRespondent("R1", "statushouder");
  const auto r2 = writer.EnsureRespondent("R2", "");
  EXPECT_TRUE(r1.second);
  EXPECT_TRUE(r2.second);
  EXPECT_EQ(writer.EnsureRespondent("R0", ""),
            std::make_pair(FindRespondent(project_, "R0")->id, false));
  EXPECT_EQ(writer.EnsureRespondent("R1", ""), std::make_pair(r1.first, false));
  EXPECT_EQ(writer.EnsureRespondent("R2", "klantmanager"), std::make_pair(r2.first, false));
  EXPECT_EQ(FindRespondent(project_, "R2")->role, "klantmanager");
  try {
    writer.EnsureRespondent("R1", "klantmanager");
    FAIL() << "a second role was taken";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(),
              "respondent R1 has role statushouder, not klantmanager; use one role per respondent");
  }
  try {
    writer.EnsureRespondent("R0", "statushouder");
    FAIL() << "a second role was taken";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
  }
  EXPECT_EQ(writer.EnsureRespondent("R1", "statushouder"), std::make_pair(r1.first, false));
  EXPECT_EQ(ListRespondents(project_).size(), 3u);
  writer.Finish();
  transaction.Commit();
}

}  // namespace
}  // namespace verhaal
