#include "corpus/undo_steps.h"

#include <gtest/gtest.h>

#include "corpus/backup.h"
#include "corpus/codes.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

class UndoStepsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Story story;
    story.key = "S1";
    story.text = "Ik wil werken.";
    coding_.story_id = AddStory(project_, story);
    Code code;
    code.name = "willen";
    coding_.code_id = AddCode(project_, code);
    anna_ = EnsureCoder(project_, "anna");
    bram_ = EnsureCoder(project_, "bram");
    coding_.coder_id = anna_;
    coding_.start = 3;
    coding_.end = 13;
    coding_.memo = "m";
    coding_.created = "2026-12-06T18:00:00Z";
  }

  UndoStep Step(const std::string& action, int64_t coder) {
    UndoStep step{0, coder, action, std::nullopt, coding_};
    if (action == "remove") std::swap(step.before, step.after);
    return step;
  }

  testing::TempDir dir_;
  Project project_ = Project::Create(dir_ / "p.verhaal", "p");
  Coding coding_;
  int64_t anna_ = 0;
  int64_t bram_ = 0;
};

TEST_F(UndoStepsTest, StepsArePerCoderAndKeepTheWholeCoding) {
  PushUndoStep(project_, Step("add", anna_));
  PushUndoStep(project_, Step("remove", anna_));
  PushUndoStep(project_, Step("add", bram_));
  const auto last = LastDoneStep(project_, anna_);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->action, "remove");
  ASSERT_TRUE(last->before);
  EXPECT_FALSE(last->after);
  EXPECT_EQ(last->before->start, 3);
  EXPECT_EQ(last->before->end, 13);
  EXPECT_EQ(last->before->memo, "m");
  EXPECT_EQ(last->before->origin, "manual");
  EXPECT_EQ(last->before->created, "2026-12-06T18:00:00Z");
  EXPECT_EQ(CountUndoSteps(project_, anna_).undo, 2);
  EXPECT_EQ(CountUndoSteps(project_, bram_).undo, 1);
}

TEST_F(UndoStepsTest, UndoneStepsAreRedoneOldestFirstAndDroppedByANewStep) {
  const int64_t first = PushUndoStep(project_, Step("add", anna_));
  const int64_t second = PushUndoStep(project_, Step("remove", anna_));
  MarkUndoStep(project_, second, false);
  MarkUndoStep(project_, first, false);
  EXPECT_FALSE(LastDoneStep(project_, anna_));
  EXPECT_EQ(FirstUndoneStep(project_, anna_)->id, first);
  EXPECT_EQ(CountUndoSteps(project_, anna_).redo, 2);
  MarkUndoStep(project_, first, true);
  EXPECT_EQ(FirstUndoneStep(project_, anna_)->id, second);
  PushUndoStep(project_, Step("add", anna_));  // a new change: no redo any more
  EXPECT_FALSE(FirstUndoneStep(project_, anna_));
  EXPECT_EQ(CountUndoSteps(project_, anna_).undo, 2);
  DropUndoStep(project_, first);
  EXPECT_EQ(CountUndoSteps(project_, anna_).undo, 1);
}

// export-for-coder trims a copy to one coder; other coders' undo history
// referred to them (a foreign key), so the copy could not be made.
TEST_F(UndoStepsTest, ACopyForOneCoderKeepsOnlyThatCodersSteps) {
  PushUndoStep(project_, Step("add", anna_));
  PushUndoStep(project_, Step("add", bram_));
  PushUndoStep(project_, Step("remove", bram_));
  TrimCounts removed;
  {
    Transaction t(project_);
    removed = KeepOnlyCoder(project_, "bram");
    t.Commit();
  }
  EXPECT_EQ(removed.undo_steps, 1);
  EXPECT_EQ(removed.coders, 1);
  EXPECT_EQ(CountUndoSteps(project_, bram_).undo, 2);
  EXPECT_EQ(project_.db().execAndGet("SELECT count(*) FROM undo_step").getInt(), 2);
  EXPECT_EQ(project_.db().execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt(), 0);
}

TEST_F(UndoStepsTest, AnOlderProjectGetsTheTableWhenOpened) {
  testing::TempDir dir;
  { Project::CreateAtVersion(dir / "old.verhaal", "old", 4); }
  Project old = Project::Open(dir / "old.verhaal");
  EXPECT_EQ(old.schema_version(), kSchemaVersion);
  const int64_t coder = EnsureCoder(old, "anna");
  EXPECT_FALSE(LastDoneStep(old, coder));
  EXPECT_EQ(CountUndoSteps(old, coder).undo, 0);
}

}  // namespace
}  // namespace verhaal
