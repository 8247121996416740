// Tests of corpus/held_project.h, corpus/output_guard.h and the temporary
// files of corpus/files.h: a held project's copy is written back whole (full-
// text index included) into the same file, other writers wait meanwhile;
// outputs never land on a project file; leftovers of killed commands go.
#include "corpus/held_project.h"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "base/error.h"
#include "corpus/files.h"
#include "corpus/output_guard.h"
#include "corpus/search.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

ino_t InodeOf(const fs::path& file) {
  struct stat s {};
  ::stat(file.c_str(), &s);
  return s.st_ino;
}

Story MakeStory(const std::string& key, const std::string& text) {
  Story story;
  story.key = key;
  story.text = text;
  return story;
}

TEST(HeldProjectTest, TheChangedCopyIsWrittenBackIntoTheSameFile) {
  TempDir dir;
  const fs::path file = dir / "p.verhaal";
  {
    Project project = Project::Create(file, "p");
    AddStory(project, MakeStory("S1", "eerste verhaal over taal"));
  }
  const ino_t inode = InodeOf(file);
  {
    HeldProject held(file);
    held.CopyTo(dir / "copy");
    {
      Project copy = Project::Open(dir / "copy");
      AddStory(copy, MakeStory("S2", "tweede verhaal over werk"));
    }
    held.ReplaceWith(dir / "copy");
  }
  EXPECT_EQ(InodeOf(file), inode);
  Project project = Project::Open(file);
  EXPECT_EQ(ListStories(project, {}).size(), 2u);
  ASSERT_EQ(SearchStories(project, "werk", 10).size(), 1u);
  EXPECT_EQ(SearchStories(project, "werk", 10).front().story_key, "S2");
  EXPECT_EQ(SearchStories(project, "taal", 10).size(), 1u);
  SQLite::Database raw(file.string(), SQLite::OPEN_READWRITE);
  EXPECT_EQ(raw.execAndGet("PRAGMA integrity_check").getString(), "ok");
  raw.exec("INSERT INTO story_fts(story_fts) VALUES ('integrity-check')");
}

TEST(HeldProjectTest, DroppedWithoutReplacingChangesNothing) {
  TempDir dir;
  const fs::path file = dir / "p.verhaal";
  { Project project = Project::Create(file, "p"); }
  const std::string before = testing::ReadFile(file);
  {
    HeldProject held(file);
    held.CopyTo(dir / "copy");
    Project copy = Project::Open(dir / "copy");
    AddStory(copy, MakeStory("S1", "tekst"));
  }
  Project project = Project::Open(file);
  EXPECT_TRUE(ListStories(project, {}).empty());
}

TEST(HeldProjectTest, AnotherWriterWaitsForTheHold) {
  TempDir dir;
  const fs::path file = dir / "p.verhaal";
  { Project project = Project::Create(file, "p"); }
  HeldProject held(file);
  // Another process tries to write with a short wait: it must be refused
  // (busy), not write to the file the hold will replace.
  const pid_t child = ::fork();
  if (child == 0) {
    try {
      Project other = Project::Open(file);
      other.db().setBusyTimeout(200);
      Transaction transaction(other);
      ::_exit(0);
    } catch (const Error&) {
      ::_exit(3);
    } catch (...) {
      ::_exit(4);
    }
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 3);
}

TEST(OutputGuardTest, RefusesTheProjectAndItsCompanionsOnly) {
  TempDir dir;
  fs::create_directory(dir / "sub");
  { Project project = Project::Create(dir / "p.verhaal", "p"); }
  fs::create_symlink(dir / "p.verhaal", dir / "link");
  for (const fs::path& refused :
       {dir / "p.verhaal", dir / "sub/../p.verhaal", dir / "link", dir / "p.verhaal-wal",
        dir / "p.verhaal-shm", dir / "p.verhaal-journal", dir / ".p.verhaal.run-12-0"}) {
    try {
      CheckOutputFile(refused);
      ADD_FAILURE() << refused;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kCannotCreate) << refused;
      EXPECT_EQ(e.message().rfind("refusing to write " + refused.string() + ": it is ", 0), 0u)
          << e.message();
    }
  }
  for (const fs::path& allowed :
       {dir / "p.verhaal.html", dir / "sub/p.verhaal", dir / "q.verhaal"}) {
    EXPECT_NO_THROW(CheckOutputFile(allowed)) << allowed;
  }
  EXPECT_THROW(WriteWholeFile(dir / "p.verhaal", "<html>"), Error);
  try {
    WriteWholeFile(dir / "sub", "a,b\n");
    ADD_FAILURE() << "a folder was accepted as an output";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kCannotCreate);
    EXPECT_EQ(e.message(), "cannot create " + (dir / "sub").string() +
                               ": it is a folder; give the name of a file to write");
  }
  Project reopened = Project::Open(dir / "p.verhaal");  // still a project
}

TEST(TemporaryFilesTest, LeftoversOfGoneProcessesAreRemovedByTheNextWriter) {
  TempDir dir;
  // A process id that is surely gone: a child that has exited.
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  const std::string gone = std::to_string(child);
  dir.Write("out.csv.tmp-" + gone + "-0", "half");
  dir.Write("out.csv.tmp-" + std::to_string(::getppid()) + "-0", "another command's, running");
  dir.Write("other.csv.tmp-" + gone + "-0", "not this output's");
  WriteWholeFile(dir / "out.csv", "a,b\n");
  EXPECT_FALSE(fs::exists(dir / ("out.csv.tmp-" + gone + "-0")));
  EXPECT_TRUE(fs::exists(dir / ("out.csv.tmp-" + std::to_string(::getppid()) + "-0")));
  EXPECT_TRUE(fs::exists(dir / ("other.csv.tmp-" + gone + "-0")));
  EXPECT_EQ(testing::ReadFile(dir / "out.csv"), "a,b\n");
}

}  // namespace
}  // namespace verhaal
