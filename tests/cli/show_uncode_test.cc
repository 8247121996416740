// `verhaal show` numbers a story's codings among all of them and lists its
// memos; `verhaal uncode STORY --number N` removes the coding so numbered,
// when it is the coder's own (issue 21).
#include <gtest/gtest.h>

#include <string>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

class ShowUncodeTest : public ::testing::Test {
 protected:
  ShowUncodeTest() {
    Run({"init", "t.verhaal"});
    dir_.Write("v.csv", "story,tekst\nS1,Ik moest wel. Later wilde ik zelf.\n");
    Run({"import", "csv", "v.csv", "--text", "tekst"});
    dir_.Write("c.yaml", "codes:\n  - name: moeten\n  - name: willen\n");
    Run({"codebook", "load", "c.yaml"});
    Run({"code", "S1", "moeten", "--quote", "Ik moest wel.", "--coder", "anna"});
    Run({"code", "S1", "willen", "--quote", "Later wilde ik zelf.", "--coder", "anna"});
    Run({"code", "S1", "willen", "--quote", "Later wilde ik zelf.", "--coder", "bram"});
  }
  testing::RunResult Run(const std::vector<std::string>& args) {
    auto r = RunVerhaal(args, dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  TempDir dir_;
};

TEST_F(ShowUncodeTest, NumbersStayTheSameWithACoderAndMemosAreListed) {
  const auto all = Run({"show", "S1"});
  EXPECT_NE(all.out.find("[1>Ik moest wel.<1] [2>[3>Later wilde ik zelf.<3]<2]"), std::string::npos)
      << all.out;
  EXPECT_NE(all.out.find("codings:\n  1  moeten  anna  0:13\n  2  willen  anna  14:34\n"
                         "  3  willen  bram  14:34\n"),
            std::string::npos)
      << all.out;
  const auto bram = Run({"show", "S1", "--coder", "bram"});
  EXPECT_NE(bram.out.find("Ik moest wel. [3>Later wilde ik zelf.<3]"), std::string::npos)
      << bram.out;
  EXPECT_NE(bram.out.find("codings:\n  3  willen  bram  14:34\n"), std::string::npos) << bram.out;
  EXPECT_EQ(all.out.find("memos:"), std::string::npos);
  Run({"memo", "add", "Twijfel:\nmoeten of willen?", "--story", "S1", "--span", "0:13", "--author",
       "anna", "--title", "Lezing"});
  const auto memo = Run({"show", "S1"});
  EXPECT_NE(memo.out.find("  anna  0:13\n    Lezing: Twijfel:\n    moeten of willen?\n"),
            std::string::npos)
      << memo.out;
  // Not a terminal: no colour codes, whatever NO_COLOR says.
  EXPECT_EQ(memo.out.find("\033["), std::string::npos);
  const auto forced = Run({"show", "S1", "--color", "always"});
  EXPECT_NE(forced.out.find("\033[1;"), std::string::npos);
}

TEST_F(ShowUncodeTest, UncodeByNumberRemovesOnlyTheCodersOwnCoding) {
  const auto other = RunVerhaal({"uncode", "S1", "--number", "3", "--coder", "anna"}, dir_.path());
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_EQ(other.err,
            "verhaal: error: coding 3 of S1 (willen 14:34) is bram's, not anna's; give --coder "
            "bram to remove it in their name\n");
  const auto missing =
      RunVerhaal({"uncode", "S1", "--number", "4", "--coder", "anna"}, dir_.path());
  EXPECT_EQ(missing.exit_code, 66);
  EXPECT_EQ(missing.err,
            "verhaal: error: story S1 has 3 codings, so there is no coding 4; see them numbered "
            "with `verhaal show S1`\n");
  const auto both =
      RunVerhaal({"uncode", "S1", "willen", "--number", "3", "--coder", "bram"}, dir_.path());
  EXPECT_EQ(both.exit_code, 2) << both.err;
  const auto removed = Run({"uncode", "S1", "--number", "3", "--coder", "bram"});
  EXPECT_EQ(removed.out, "removed S1 14:34 willen (bram): \"Later wilde ik zelf.\"\n");
  const auto after = Run({"show", "S1"});
  const std::string tail = "codings:\n  1  moeten  anna  0:13\n  2  willen  anna  14:34\n";
  ASSERT_GE(after.out.size(), tail.size());
  EXPECT_EQ(after.out.substr(after.out.size() - tail.size()), tail) << after.out;
}

}  // namespace
}  // namespace verhaal
