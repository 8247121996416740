// The codings as the codings export lists them (corpus/coding_listing.h):
// order, quotes cut by code points, each story's speaker turns, one coder.
#include "corpus/coding_listing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

struct Seen {
  std::string story, respondent, code, coder, quote;
  int64_t start, end;
  size_t turns;
};

class CodingListingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Story told;
    told.key = "S2";
    told.text = "Één café, twee 🙂 dagen";
    interview_ = AddStory(project_, told);
    Story plain;
    plain.key = "S1";
    plain.text = "kort";
    plain_ = AddStory(project_, plain);
    ReplaceSpeakerTurns(project_, interview_,
                        {{0, "Interviewer", true, 0, 9, ""}, {1, "Amina", false, 9, 22, ""}});
    for (const char* name : {"werk", "taal"}) {
      Code code;
      code.name = name;
      codes_.push_back(AddCode(project_, code));
    }
    const int64_t anna = EnsureCoder(project_, "anna");
    const int64_t bram = EnsureCoder(project_, "bram");
    Coded(plain_, bram, codes_[1], 0, 4);
    Coded(interview_, bram, codes_[0], 15, 16);
    Coded(interview_, anna, codes_[1], 0, 4);
    Coded(interview_, anna, codes_[0], 0, 4);
    Coded(plain_, anna, codes_[0], 1, 3);
  }

  void Coded(int64_t story, int64_t coder, int64_t code, int64_t start, int64_t end) {
    Coding coding;
    coding.story_id = story;
    coding.coder_id = coder;
    coding.code_id = code;
    coding.start = start;
    coding.end = end;
    ASSERT_TRUE(AddCoding(project_, coding));
  }

  std::vector<Seen> List(std::optional<std::string> coder = std::nullopt) {
    std::vector<Seen> seen;
    ForEachListedCoding(project_, coder, [&](const ListedCoding& c) {
      seen.push_back({std::string(c.story_key), std::string(c.respondent_key),
                      std::string(c.code_path), std::string(c.coder), std::string(c.quote), c.start,
                      c.end, c.turns->size()});
    });
    return seen;
  }

  TempDir dir_;
  Project project_ = Project::Create(dir_ / "l.verhaal", "l");
  int64_t interview_ = 0, plain_ = 0;
  std::vector<int64_t> codes_;
};

TEST_F(CodingListingTest, ListsByStorySegmentCodeAndCoderWithQuotesInCodePoints) {
  const std::vector<Seen> seen = List();
  ASSERT_EQ(seen.size(), 5u);
  // The interview was added first: story id order, then start, end, code path.
  EXPECT_EQ(seen[0].story, "S2");
  EXPECT_EQ(seen[0].code, "taal");
  EXPECT_EQ(seen[0].quote, "Één ");
  EXPECT_EQ(seen[0].turns, 2u);
  EXPECT_EQ(seen[1].code, "werk");
  EXPECT_EQ(seen[1].coder, "anna");
  EXPECT_EQ(seen[2].quote, "🙂");
  EXPECT_EQ(seen[2].coder, "bram");
  EXPECT_EQ(seen[3].story, "S1");
  EXPECT_EQ(seen[3].quote, "kort");
  EXPECT_EQ(seen[3].turns, 0u);
  EXPECT_EQ(seen[4].start, 1);
  EXPECT_EQ(seen[4].quote, "or");
  EXPECT_EQ(seen[4].respondent, "");
}

TEST_F(CodingListingTest, OneCodersCodings) {
  const std::vector<Seen> seen = List("bram");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].quote, "🙂");
  EXPECT_EQ(seen[0].turns, 2u);
  EXPECT_EQ(seen[1].quote, "kort");
  EXPECT_TRUE(List("niemand").empty());
}

TEST_F(CodingListingTest, ByWhomInStoryOrderForTheCodersAsked) {
  Coding rule;
  rule.story_id = plain_;
  rule.coder_id = EnsureCoder(project_, "rules");
  rule.code_id = codes_[0];
  rule.start = 0;
  rule.end = 2;
  rule.origin = "rule:werk";
  ASSERT_TRUE(AddCoding(project_, rule));
  std::vector<std::tuple<int64_t, int64_t, bool>> seen;
  const CoderSet everyone{{1, 2, rule.coder_id}, 1, ""};
  ForEachCodingByWhom(project_, everyone, [&](const CodingByWhom& c) {
    seen.emplace_back(c.story_id, c.code_id, c.manual);
  });
  ASSERT_EQ(seen.size(), 6u);
  EXPECT_EQ(std::get<0>(seen[0]), interview_);
  EXPECT_EQ(std::get<0>(seen[5]), plain_);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), std::make_tuple(plain_, codes_[0], false)), 1);
  seen.clear();
  ForEachCodingByWhom(project_, CoderSet{{rule.coder_id}, 1, ""}, [&](const CodingByWhom& c) {
    seen.emplace_back(c.story_id, c.code_id, c.manual);
  });
  EXPECT_EQ(seen, (std::vector<std::tuple<int64_t, int64_t, bool>>{{plain_, codes_[0], false}}));
}

}  // namespace
}  // namespace verhaal
