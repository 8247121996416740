// `verhaal memo add|list` end to end: a memo on the project as a whole
// (--whole-project), also with the project file named after the command
// (-p), which the target flag once clashed with (issue 26).
#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

TEST(MemoCliTest, AMemoOnTheWholeProjectWithAndWithoutP) {
  TempDir dir;
  ASSERT_EQ(RunVerhaal({"init", "s.verhaal"}, dir.path()).exit_code, 0);
  const auto first =
      RunVerhaal({"memo", "add", "Eerste", "notitie", "--whole-project"}, dir.path());
  EXPECT_EQ(first.exit_code, 0) << first.err;
  const auto second = RunVerhaal(
      {"memo", "add", "Tweede notitie", "-p", "s.verhaal", "--whole-project"}, dir.path());
  EXPECT_EQ(second.exit_code, 0) << second.err;
  const auto list =
      RunVerhaal({"memo", "list", "--whole-project", "--project", "s.verhaal"}, dir.path());
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("Eerste notitie"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("Tweede notitie"), std::string::npos) << list.out;
  const auto none = RunVerhaal({"memo", "add", "Nergens op"}, dir.path());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "verhaal: error: name one of --story KEY, --code PATH or --whole-project\n");
}

}  // namespace
}  // namespace verhaal
