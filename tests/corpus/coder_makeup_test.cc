#include "corpus/coder_makeup.h"

#include <gtest/gtest.h>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

// What the default coders of an analysis are chosen by: whether a coder has
// codings, and whether one of them is not a rule's.
TEST(CoderMakeupTest, CodedAndByHandAsTheCodingsSay) {
  testing::TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  Story story;
  story.key = "S1";
  story.text = "Ik wil werken.";
  const int64_t story_id = AddStory(project, story);
  Code code;
  code.name = "willen";
  const int64_t code_id = AddCode(project, code);
  const int64_t none = EnsureCoder(project, "nog-niemand");
  const int64_t rules = EnsureCoder(project, "regels");
  const int64_t anna = EnsureCoder(project, "anna");
  const int64_t accepted = EnsureCoder(project, "bram");
  AddCoding(project, {story_id, code_id, rules, 0, 2, "rule:willen:1"});
  AddCoding(project, {story_id, code_id, rules, 3, 6, "rule:willen:2"});
  AddCoding(project, {story_id, code_id, anna, 3, 13, "manual"});
  AddCoding(project, {story_id, code_id, accepted, 0, 2, "rule:willen:1"});
  AddCoding(project, {story_id, code_id, accepted, 3, 6, "consensus:anna"});

  const struct {
    int64_t coder;
    bool coded;
    bool by_hand;
  } cases[] = {
      {none, false, false}, {rules, true, false}, {anna, true, true}, {accepted, true, true}};
  for (const auto& c : cases) {
    const CoderMakeup makeup = ReadCoderMakeup(project, c.coder);
    EXPECT_EQ(makeup.coded, c.coded) << c.coder;
    EXPECT_EQ(makeup.by_hand, c.by_hand) << c.coder;
  }
}

}  // namespace
}  // namespace verhaal
