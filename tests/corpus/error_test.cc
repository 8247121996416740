#include "corpus/error.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

namespace verhaal {
namespace {

TEST(SqliteFailureTest, AFullDiskSaysToFreeSpaceAndThatNothingChanged) {
  const Error e = SqliteFailure(SQLITE_FULL, "database or disk is full", "studie.verhaal");
  EXPECT_EQ(e.kind(), ErrorKind::kIo);
  EXPECT_EQ(e.Describe(),
            "the disk is full: cannot write studie.verhaal (database or disk is full); free some "
            "space and run the command again; the command changed nothing");
}

TEST(SqliteFailureTest, ALockSaysToWaitAndAnIoFailureToCheckThePermissions) {
  const Error busy = SqliteFailure(SQLITE_BUSY, "database is locked", "s.verhaal");
  EXPECT_EQ(busy.kind(), ErrorKind::kIo);
  EXPECT_EQ(busy.Describe(),
            "s.verhaal is in use by another program (database is locked); wait until it is done "
            "and run the command again; the command changed nothing");
  const Error readonly =
      SqliteFailure(SQLITE_READONLY, "attempt to write a readonly database", "s.verhaal");
  EXPECT_EQ(readonly.kind(), ErrorKind::kIo);
  EXPECT_NE(readonly.Describe().find("check the disk and the permissions"), std::string::npos);
}

TEST(SqliteFailureTest, AnythingElseIsABug) {
  EXPECT_EQ(SqliteFailure(SQLITE_MISUSE, "bad parameter or other API misuse", "s.verhaal").kind(),
            ErrorKind::kInternal);
  EXPECT_EQ(SqliteFailure(SQLITE_CONSTRAINT, "UNIQUE constraint failed", "s.verhaal").kind(),
            ErrorKind::kInternal);
}

}  // namespace
}  // namespace verhaal
