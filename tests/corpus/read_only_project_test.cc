#include "corpus/read_only_project.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

// The workbench's readers (workbench/readers.h): a read-only connection
// beside the one that writes sees what it commits and changes nothing.
TEST(ReadOnlyProjectTest, SeesCommittedChangesAndRefusesToChangeAnything) {
  testing::TempDir dir;
  Project writer = Project::Create(dir / "p.verhaal", "p");
  Story story;
  story.key = "S1";
  story.text = "Ik wil werken.";
  const int64_t story_id = AddStory(writer, story);
  Code code;
  code.name = "willen";
  const int64_t code_id = AddCode(writer, code);

  Project reader = OpenProjectForReading(dir / "p.verhaal");
  EXPECT_EQ(CountCodings(reader), 0);
  AddCoding(writer, {story_id, code_id, EnsureCoder(writer, "anna"), 3, 13});
  EXPECT_EQ(CountCodings(reader), 1);  // committed by the other connection

  // SQLite refuses ("attempt to write a readonly database"); the corpus
  // passes that on as an Error of kind kIo or as it is.
  EXPECT_ANY_THROW(AddCoding(reader, {story_id, code_id, EnsureCoder(writer, "anna"), 0, 2}));
  EXPECT_ANY_THROW(EnsureCoder(reader, "bram"));
  EXPECT_EQ(CountCodings(writer), 1);
  EXPECT_FALSE(FindCoder(writer, "bram"));
}

TEST(ReadOnlyProjectTest, AMissingFileIsMissing) {
  testing::TempDir dir;
  try {
    OpenProjectForReading(dir / "nergens.verhaal");
    ADD_FAILURE() << "opened a file that does not exist";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kMissing);
  }
}

}  // namespace
}  // namespace verhaal
