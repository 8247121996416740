#include "base/closest_name.h"

#include <gtest/gtest.h>

namespace verhaal {
namespace {

TEST(ClosestNameTest, DistanceAndSuggestions) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("serch", "search"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(ClosestName("imprt", {"import", "info", "init"}), "import");
  EXPECT_EQ(ClosestName("xyz", {"import", "info"}), "");
  EXPECT_EQ(ClosestName("code", {"codebook", "code"}), "code");
  // The one routine's bounds, as its header states them.
  EXPECT_EQ(ClosestName("taal", {"tijd"}), "");  // 3 edits in 4 letters: not a typo
  EXPECT_EQ(ClosestName("motivatie/wilen", {"motivatie/moeten", "motivatie/willen"}),
            "motivatie/willen");
  EXPECT_EQ(ClosestName("cod", {"init", "codebook"}), "codebook");
  EXPECT_EQ(ClosestName("samenwerkingspartner", {"samenwerking/partners"}),
            "samenwerking/partners");
}

}  // namespace
}  // namespace verhaal
