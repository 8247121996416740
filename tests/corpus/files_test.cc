// Tests of corpus/files.{h,cc}: comparing files a chunk at a time (a study
// run keeps an output whose bytes did not change).
#include "corpus/files.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

TEST(SameFileBytesTest, ComparesWholeFilesAChunkAtATime) {
  TempDir dir;
  // Over two chunks of 1 MiB, so that the last one decides.
  const std::string big(3 * (1 << 20) / 2, 'x');
  dir.Write("a", big);
  dir.Write("same", big);
  dir.Write("last", big.substr(0, big.size() - 1) + "y");
  dir.Write("shorter", big.substr(0, big.size() - 1));
  dir.Write("empty", "");
  dir.Write("empty too", "");
  EXPECT_TRUE(SameFileBytes(dir / "a", dir / "same"));
  EXPECT_FALSE(SameFileBytes(dir / "a", dir / "last"));
  EXPECT_FALSE(SameFileBytes(dir / "a", dir / "shorter"));
  EXPECT_TRUE(SameFileBytes(dir / "empty", dir / "empty too"));
  EXPECT_FALSE(SameFileBytes(dir / "a", dir / "missing"));
  EXPECT_FALSE(SameFileBytes(dir / "missing", dir / "missing"));
}

}  // namespace
}  // namespace verhaal
