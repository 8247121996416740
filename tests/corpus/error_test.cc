#include "corpus/error.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "tests/support/test_support.h"

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

TEST(SqliteFailureTest, ALockDuringAStudyRunSaysARunIsInProgress) {
  testing::TempDir dir;
  const std::string project = (dir / "s.verhaal").string();
  dir.Write(".s.verhaal.run-123-0", "");
  const Error busy = SqliteFailure(SQLITE_BUSY, "database is locked", project);
  EXPECT_EQ(busy.kind(), ErrorKind::kIo);
  EXPECT_EQ(busy.Describe(), "busy: a study run is in progress on " + project +
                                 " (database is locked); wait until `verhaal run` is done and "
                                 "run the command again; the command changed nothing");
}

TEST(SqliteFailureTest, AWrappedFailureGetsTheAdviceWithItsWholeMessage) {
  const Error full = WithSqliteAdvice(
      SqliteIoError("cannot write codings: database or disk is full", SQLITE_FULL), "s.verhaal");
  EXPECT_EQ(full.kind(), ErrorKind::kIo);
  EXPECT_EQ(full.Describe(),
            "the disk is full: cannot write s.verhaal (cannot write codings: database or disk is "
            "full); free some space and run the command again; the command changed nothing");
  // The extended code (SQLITE_IOERR_WRITE, ...) counts as its primary one.
  EXPECT_EQ(WithSqliteAdvice(SqliteIoError("cannot write: disk I/O error", SQLITE_IOERR_WRITE),
                             "s.verhaal")
                .Describe()
                .rfind("cannot read or write s.verhaal (cannot write: disk I/O error); check ", 0),
            0u);
  const Error damaged = WithSqliteAdvice(
      SqliteIoError("cannot read the stories: database disk image is malformed", SQLITE_CORRUPT),
      "s.verhaal");
  EXPECT_EQ(damaged.kind(), ErrorKind::kData);
  EXPECT_EQ(damaged.Describe().rfind("s.verhaal is damaged (cannot read the stories: ", 0), 0u);
  // Errors that are not SQLite's, or already located, stay as they are; the
  // advice follows the code only, never words in the message.
  for (const Error& e : {IoError("cannot write out.csv: No space left on device"),
                         IoError("cannot write codings: database or disk is full"),
                         SqliteIoError("cannot write: UNIQUE constraint failed", SQLITE_CONSTRAINT),
                         DataError("database or disk is full", Location{"in.csv", 3, 1, "x"}),
                         DataError("unknown code 'disk I/O error'")}) {
    const Error same = WithSqliteAdvice(e, "s.verhaal");
    EXPECT_EQ(same.kind(), e.kind());
    EXPECT_EQ(same.Describe(), e.Describe());
  }
}

TEST(SqliteFailureTest, AnythingElseIsABug) {
  EXPECT_EQ(SqliteFailure(SQLITE_MISUSE, "bad parameter or other API misuse", "s.verhaal").kind(),
            ErrorKind::kInternal);
  EXPECT_EQ(SqliteFailure(SQLITE_CONSTRAINT, "UNIQUE constraint failed", "s.verhaal").kind(),
            ErrorKind::kInternal);
}

}  // namespace
}  // namespace verhaal
