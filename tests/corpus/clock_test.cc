// Tests of corpus/clock.{h,cc}: SOURCE_DATE_EPOCH, stamps, and the time
// export files carry.
#include "corpus/clock.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

// Sets SOURCE_DATE_EPOCH for one test and restores it after.
class SourceDateEpochTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (value != nullptr) saved_ = value;
    had_ = value != nullptr;
    unsetenv("SOURCE_DATE_EPOCH");
  }
  void TearDown() override {
    if (had_) {
      setenv("SOURCE_DATE_EPOCH", saved_.c_str(), 1);
    } else {
      unsetenv("SOURCE_DATE_EPOCH");
    }
  }

 private:
  std::string saved_;
  bool had_ = false;
};

TEST_F(SourceDateEpochTest, ReadsWholeSecondsOrRefuses) {
  EXPECT_FALSE(SourceDateEpoch().has_value());
  setenv("SOURCE_DATE_EPOCH", "", 1);
  EXPECT_FALSE(SourceDateEpoch().has_value());
  setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
  EXPECT_EQ(SourceDateEpoch(), 1735689600);
  EXPECT_EQ(NowSeconds(), 1735689600);
  EXPECT_EQ(UtcStampNow(), "2025-01-01T00:00:00Z");
  for (const char* bad : {"abc", "-1", "1.5", "17356896000000", " 1"}) {
    setenv("SOURCE_DATE_EPOCH", bad, 1);
    try {
      SourceDateEpoch();
      ADD_FAILURE() << "no error for " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kUsage);
      EXPECT_EQ(e.message(), "SOURCE_DATE_EPOCH is '" + std::string(bad) +
                                 "'; it must be a whole number of seconds since 1970-01-01 UTC, "
                                 "e.g. 1735689600, or unset");
    }
  }
}

TEST_F(SourceDateEpochTest, Stamps) {
  EXPECT_EQ(UtcStamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(UtcStamp(kEarliestExportTime), "1980-01-01T00:00:00Z");
  EXPECT_EQ(UtcStamp(951782400 + 86399), "2000-02-29T23:59:59Z");
}

// The time in export files: SOURCE_DATE_EPOCH, else the newest stamp in the
// project, else 1980; never the clock.
TEST_F(SourceDateEpochTest, ExportTimeIsTheProjectsNewestStamp) {
  TempDir dir;
  Project project = Project::Create(dir / "p.verhaal", "p");
  EXPECT_EQ(ExportTime(project), kEarliestExportTime);
  EnsureCodingOrigin(project, "manual", "2024-05-01T10:00:00Z");
  EnsureCodingOrigin(project, "import:x", "not a stamp");
  EXPECT_EQ(UtcStamp(ExportTime(project)), "2024-05-01T10:00:00Z");
  // Imported stamps count to the second; fractions and offsets are ignored.
  EnsureCodingOrigin(project, "import:y", "2024-06-01T08:00:00.250+02:00");
  EXPECT_EQ(UtcStamp(ExportTime(project)), "2024-06-01T08:00:00Z");
  setenv("SOURCE_DATE_EPOCH", "1735689600", 1);
  EXPECT_EQ(ExportTime(project), 1735689600);
  // New codings are stamped with SOURCE_DATE_EPOCH too.
  const int64_t origin = EnsureCodingOrigin(project, "manual", "");
  unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(UtcStamp(ExportTime(project)), "2025-01-01T00:00:00Z");
  EXPECT_GT(origin, 0);
}

}  // namespace
}  // namespace verhaal
