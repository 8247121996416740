#include "corpus/signifiers.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

class SignifiersTest : public ::testing::Test {
 protected:
  SignifiersTest() : project_(Project::Create(dir_ / "s.verhaal", "s")) {
    for (const char* key : {"V1", "V2", "V3"}) {
      Story story;
      story.key = key;
      story.text = "Een verhaal.";
      stories_.push_back(AddStory(project_, story));
    }
  }

  Signifier Define(Signifier s) {
    EnsureSignifier(project_, s);
    return *FindSignifier(project_, s.key);
  }

  std::string ErrorOf(const Signifier& s, const SignifierValue& v) {
    try {
      SetSignifierValue(project_, s, stories_[0], v);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData);
      return e.message();
    }
    return "no error";
  }

  TempDir dir_;
  Project project_;
  std::vector<int64_t> stories_;
};

Signifier Dyad() {
  Signifier s;
  s.key = "d1";
  s.type = SignifierType::kDyad;
  s.title = "Samenwerken voelde als";
  s.x_low = "moeten";
  s.x_high = "willen";
  return s;
}

Signifier TriadDef() {
  Signifier s;
  s.key = "t1";
  s.type = SignifierType::kTriad;
  s.options = {{"a", "top"}, {"b", "left"}, {"c", "right"}};
  return s;
}

Signifier List(bool multiple) {
  Signifier s;
  s.key = multiple ? "gevoel" : "gemeente";
  s.type = SignifierType::kList;
  s.multiple = multiple;
  s.options = {{"i1", "een"}, {"i2", "twee"}, {"i3", "drie"}};
  return s;
}

TEST_F(SignifiersTest, EnsureIsIdempotentAndKeepsOptions) {
  const int64_t id = EnsureSignifier(project_, TriadDef());
  EXPECT_EQ(EnsureSignifier(project_, TriadDef()), id);
  std::vector<Signifier> all = ListSignifiers(project_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].type, SignifierType::kTriad);
  ASSERT_EQ(all[0].options.size(), 3u);
  EXPECT_EQ(all[0].options[2].key, "c");
  EXPECT_EQ(all[0].options[2].label, "right");
  EXPECT_EQ(FindSignifierOption(all[0], "b"), 1);
  EXPECT_FALSE(FindSignifierOption(all[0], "x"));
}

TEST_F(SignifiersTest, EnsureRefusesConflicts) {
  EnsureSignifier(project_, TriadDef());
  Signifier other = TriadDef();
  other.type = SignifierType::kDyad;
  other.options.clear();
  EXPECT_THROW(EnsureSignifier(project_, other), Error);
  other = TriadDef();
  other.options[1].key = "z";
  try {
    EnsureSignifier(project_, other);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "triad t1 has option 'b' at position 2 in the project, not 'z'; the definition "
              "changed, use a new project");
  }
  Signifier two = TriadDef();
  two.key = "t2";
  two.options.pop_back();
  try {
    EnsureSignifier(project_, two);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(),
              "triad t2 has 2 anchors; a triad needs exactly three (top, left, right)");
  }
}

TEST_F(SignifiersTest, ValuesRoundTripAndCount) {
  const Signifier dyad = Define(Dyad());
  const Signifier triad = Define(TriadDef());
  Signifier stones_def;
  stones_def.key = "s1";
  stones_def.type = SignifierType::kStones;
  stones_def.options = {{"p", "mensen"}, {"q", "geld"}};
  const Signifier stones = Define(stones_def);
  const Signifier list = Define(List(true));

  SignifierValue v;
  v.x = 0.25;
  EXPECT_TRUE(SetSignifierValue(project_, dyad, stories_[0], v));
  EXPECT_FALSE(SetSignifierValue(project_, dyad, stories_[0], v));
  SignifierValue na;
  na.not_applicable = true;
  EXPECT_TRUE(SetSignifierValue(project_, dyad, stories_[1], na));

  SignifierValue t;
  t.triad = {0.5, 0.3, 0.2};
  SetSignifierValue(project_, triad, stories_[2], t);
  SignifierValue s;
  s.stones = {std::nullopt, StonePlacement{0.1, 0.9}};
  SetSignifierValue(project_, stones, stories_[0], s);
  SignifierValue l;
  l.items = {2, 0};
  SetSignifierValue(project_, list, stories_[1], l);

  EXPECT_EQ(GetSignifierValue(project_, dyad, stories_[0])->x, 0.25);
  EXPECT_TRUE(GetSignifierValue(project_, dyad, stories_[1])->not_applicable);
  EXPECT_FALSE(GetSignifierValue(project_, dyad, stories_[2]));
  EXPECT_EQ(GetSignifierValue(project_, triad, stories_[2])->triad.left, 0.3);
  const SignifierValue got_stones = *GetSignifierValue(project_, stones, stories_[0]);
  ASSERT_EQ(got_stones.stones.size(), 2u);
  EXPECT_FALSE(got_stones.stones[0]);
  EXPECT_EQ(got_stones.stones[1]->y, 0.9);
  EXPECT_EQ(GetSignifierValue(project_, list, stories_[1])->items, (std::vector<int>{0, 2}));

  const SignifierCounts counts = CountSignifierValues(project_, dyad);
  EXPECT_EQ(counts.answered, 1);
  EXPECT_EQ(counts.not_applicable, 1);
  EXPECT_EQ(counts.skipped, 1);

  std::vector<int64_t> seen;
  ForEachSignifierValue(project_, dyad, [&](int64_t story, const SignifierValue& value) {
    seen.push_back(story);
    EXPECT_EQ(value.not_applicable, story == stories_[1]);
  });
  EXPECT_EQ(seen, (std::vector<int64_t>{stories_[0], stories_[1]}));

  EXPECT_TRUE(ClearSignifierValue(project_, dyad, stories_[0]));
  EXPECT_EQ(CountSignifierValues(project_, dyad).skipped, 2);
}

TEST_F(SignifiersTest, BadValuesSayWhatIsWrong) {
  const Signifier dyad = Define(Dyad());
  const Signifier triad = Define(TriadDef());
  const Signifier single = Define(List(false));
  SignifierValue v;
  v.x = 1.2;
  EXPECT_EQ(ErrorOf(dyad, v),
            "dyad d1 has x = 1.2, outside [0, 1]; write positions and proportions as numbers "
            "from 0 to 1");
  v = {};
  v.triad = {0.5, 0.3, 0.3};
  EXPECT_EQ(ErrorOf(triad, v),
            "triad t1 has proportions 0.5, 0.3, 0.3 that sum to 1.1, not 1; give the three "
            "anchors as proportions summing to 1");
  v.triad = {0.5, 0.3, 0.205};  // within the rounding tolerance
  EXPECT_EQ(ErrorOf(triad, v), "no error");
  v = {};
  v.items = {0, 1};
  EXPECT_EQ(ErrorOf(single, v),
            "list gemeente allows one item but 2 were chosen; choose one or define the list as "
            "multiple choice");
  v.items = {5};
  EXPECT_EQ(ErrorOf(single, v),
            "list gemeente has no item 6 (it has 3); add the item to the definition");
  v.items = {};
  EXPECT_EQ(ErrorOf(single, v),
            "list gemeente has no item chosen; leave it out to mark it skipped");
  EXPECT_FALSE(GetSignifierValue(project_, single, stories_[0]));
}

}  // namespace
}  // namespace verhaal
