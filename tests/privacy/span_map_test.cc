// privacy/span_map.h: codings keep covering the same words after names in
// and around them are replaced by pseudonyms of another length.
#include "privacy/span_map.h"

#include <gtest/gtest.h>

namespace verhaal {
namespace {

TEST(SpanMapTest, MovesBoundariesAroundAndInsideReplacements) {
  // "Ik heet Yonas Tesfay en woon in Ermelo."
  //  Yonas Tesfay [8, 20) -> "[PERSOON-1]" (11); Ermelo [32, 38) -> "[PLAATS-1]" (10)
  const SpanMap map({{8, 20, 11}, {32, 38, 10}});
  EXPECT_EQ(map.Start(0), 0);
  EXPECT_EQ(map.Start(8), 8);    // at a replacement's start
  EXPECT_EQ(map.End(8), 8);      // a segment ending right before it
  EXPECT_EQ(map.Start(14), 8);   // inside: to the replacement's start
  EXPECT_EQ(map.End(14), 19);    // inside: to the replacement's end
  EXPECT_EQ(map.End(20), 19);    // at its end
  EXPECT_EQ(map.Start(21), 20);  // after: shifted by -1
  EXPECT_EQ(map.Start(32), 31);
  EXPECT_EQ(map.End(38), 41);  // shifted by -1 + 4
  EXPECT_EQ(map.End(39), 42);
}

}  // namespace
}  // namespace verhaal
