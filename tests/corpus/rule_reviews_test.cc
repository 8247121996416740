#include "corpus/rule_reviews.h"

#include <gtest/gtest.h>

#include "corpus/codes.h"
#include "corpus/memos.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

// A story coded by the rules coder twice (one by a rule, one by hand) and a
// reviewer.
class RuleReviewsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Story story;
    story.key = "S1";
    story.text = "Ik wil werken. Ik moet werken.";
    rule_.story_id = AddStory(project_, story);
    Code code;
    code.name = "willen";
    rule_.code_id = AddCode(project_, code);
    rule_.coder_id = EnsureCoder(project_, "rules");
    rule_.start = 0;
    rule_.end = 14;
    rule_.origin = "rule:wil";
    ASSERT_TRUE(AddCoding(project_, rule_));
    Coding manual = rule_;
    manual.start = 15;
    manual.end = 30;
    manual.origin = "manual";
    ASSERT_TRUE(AddCoding(project_, manual));
    anna_ = EnsureCoder(project_, "anna");
  }

  testing::TempDir dir_;
  Project project_ = Project::Create(dir_ / "p.verhaal", "p");
  Coding rule_;
  int64_t anna_ = 0;
};

TEST_F(RuleReviewsTest, ADecisionIsKeptAndReplaced) {
  EXPECT_FALSE(FindRuleReview(project_, rule_));
  SetRuleReview(project_, rule_, "accepted", anna_);
  auto review = FindRuleReview(project_, rule_);
  ASSERT_TRUE(review);
  EXPECT_EQ(review->decision, "accepted");
  EXPECT_EQ(review->reviewer, "anna");
  EXPECT_EQ(review->decided.size(), 20u);  // 2026-12-07T01:02:03Z
  SetRuleReview(project_, rule_, "rejected", anna_);
  EXPECT_EQ(FindRuleReview(project_, rule_)->decision, "rejected");
  try {
    SetRuleReview(project_, rule_, "maybe", anna_);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kData);
    EXPECT_EQ(e.message(), "a decision on a rule coding is accepted or rejected, not 'maybe'");
  }
}

TEST_F(RuleReviewsTest, ListsOnlyRuleCodingsWithTheirDecisions) {
  SetRuleReview(project_, rule_, "accepted", anna_);
  RuleCodingFilter filter;
  filter.coder_id = rule_.coder_id;
  const RuleCodingPage page = ListRuleCodings(project_, filter);
  EXPECT_EQ(page.total, 1);  // the manual coding of the same coder is no rule coding
  ASSERT_EQ(page.codings.size(), 1u);
  EXPECT_EQ(page.codings[0].coding.origin, "rule:wil");
  EXPECT_EQ(page.codings[0].coding.story_key, "S1");
  EXPECT_EQ(page.codings[0].review->reviewer, "anna");
  filter.decision = "unreviewed";
  EXPECT_EQ(ListRuleCodings(project_, filter).total, 0);
  filter.decision = "accepted";
  EXPECT_EQ(ListRuleCodings(project_, filter).total, 1);
  filter.origin = "rule:ander";
  EXPECT_EQ(ListRuleCodings(project_, filter).total, 0);

  const auto counts = CountRuleReviews(project_, rule_.coder_id);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].origin, "rule:wil");
  EXPECT_EQ(counts[0].code_path, "willen");
  EXPECT_EQ(counts[0].codings, 1);
  EXPECT_EQ(counts[0].accepted, 1);
  EXPECT_EQ(counts[0].rejected, 0);
}

TEST_F(RuleReviewsTest, ADecisionOutlivesItsCodingAndGoesWithItsStory) {
  SetRuleReview(project_, rule_, "rejected", anna_);
  ASSERT_TRUE(RemoveCoding(project_, rule_));
  EXPECT_EQ(CountRuleReviews(project_, rule_.coder_id).size(), 0u);
  ASSERT_TRUE(AddCoding(project_, rule_));  // the rules find it again
  EXPECT_EQ(CountRuleReviews(project_, rule_.coder_id)[0].rejected, 1);
  // Removing the story (as `verhaal stories delete` does) takes the decision along.
  project_.db().exec("DELETE FROM coding");
  project_.db().exec("DELETE FROM story");
  EXPECT_EQ(project_.db().execAndGet("SELECT count(*) FROM rule_review").getInt(), 0);
}

// A merge (`codebook merge`, merge_into: in a codebook) moves the codings
// of one code to another and deletes the first; the decisions on its rule
// codings and its memos used to go with the deleted code.
TEST_F(RuleReviewsTest, AMergeKeepsTheDecisionsAndMemosOfTheMergedCode) {
  SetRuleReview(project_, rule_, "rejected", anna_);
  Code target;
  target.name = "motivatie";
  const int64_t target_id = AddCode(project_, target);
  Memo memo;
  memo.code_id = rule_.code_id;
  memo.text = "willen: alleen eigen keuze, niet wat de gemeente wil";
  AddMemo(project_, memo);

  EXPECT_EQ(ReassignCodings(project_, rule_.code_id, target_id), 2);
  DeleteCode(project_, rule_.code_id);

  Coding moved = rule_;
  moved.code_id = target_id;
  const auto review = FindRuleReview(project_, moved);
  ASSERT_TRUE(review);
  EXPECT_EQ(review->decision, "rejected");
  EXPECT_EQ(review->reviewer, "anna");
  const auto counts = CountRuleReviews(project_, rule_.coder_id);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].code_path, "motivatie");
  EXPECT_EQ(counts[0].rejected, 1);
  MemoFilter on_target;
  on_target.code_id = target_id;
  const auto memos = ListMemos(project_, on_target);
  ASSERT_EQ(memos.size(), 1u);
  EXPECT_EQ(memos[0].text, memo.text);
}

TEST(RuleReviewsSchemaTest, AnOlderProjectGetsTheTableWhenOpened) {
  testing::TempDir dir;
  {
    Project old = Project::CreateAtVersion(dir / "old.verhaal", "old", 5);
    EXPECT_EQ(old.schema_version(), 5);
    Story story;
    story.key = "S1";
    story.text = "Ik wil werken.";
    AddStory(old, story);
  }
  Project opened = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(opened.schema_version(), kSchemaVersion);
  EXPECT_TRUE(FindStory(opened, "S1"));
  Code code;
  code.name = "willen";
  Coding rule;
  rule.story_id = FindStory(opened, "S1")->id;
  rule.code_id = AddCode(opened, code);
  rule.coder_id = EnsureCoder(opened, "rules");
  rule.start = 0;
  rule.end = 14;
  rule.origin = "rule:wil";
  ASSERT_TRUE(AddCoding(opened, rule));
  SetRuleReview(opened, rule, "accepted", EnsureCoder(opened, "anna"));
  EXPECT_EQ(FindRuleReview(opened, rule)->decision, "accepted");
}

}  // namespace
}  // namespace verhaal
