// SQLite's failures leave corpus/ as verhaal::Errors of their kind, naming
// the project file (corpus/sqlite_errors.h): real failures on real files, a
// write lock held by another connection and a damaged table.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "corpus/codes.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// A project with two stories and a code, closed again.
fs::path SmallProject(const TempDir& dir) {
  const fs::path file = dir / "p.verhaal";
  Project project = Project::Create(file, "p");
  for (const char* key : {"S1", "S2"}) {
    Story story;
    story.key = key;
    story.text = std::string("Het verhaal van ") + key + ".";
    AddStory(project, story);
  }
  Code code;
  code.name = "taal";
  AddCode(project, code);
  return file;
}

// Runs `work` and returns the Error it throws; fails the test when it
// throws anything else (an SQLite::Exception above all) or nothing.
template <typename Work>
Error ErrorOf(Work work) {
  try {
    work();
  } catch (const Error& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a verhaal::Error: " << e.what();
    return Error(ErrorKind::kInternal, e.what());
  }
  ADD_FAILURE() << "no error";
  return Error(ErrorKind::kInternal, "no error");
}

TEST(SqliteErrorsTest, AWriterOnAProjectAnotherProgramWritesIsAnIoErrorNamingTheFile) {
  TempDir dir;
  const fs::path file = SmallProject(dir);
  Project project = Project::Open(file);
  project.db().setBusyTimeout(50);
  // Another program is writing (a command beside `verhaal serve`).
  SQLite::Database other(file.string(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN IMMEDIATE");
  other.exec("UPDATE story SET title = 'x'");

  Code code;
  code.name = "werk";
  Story story;
  story.key = "S3";
  story.text = "Nog een verhaal.";
  for (const auto& write : std::initializer_list<std::function<void()>>{
           [&] { AddCode(project, code); },
           [&] { AddStory(project, story); },
           [&] { RenameStory(project, 1, "S9"); },
       }) {
    const Error e = ErrorOf(write);
    EXPECT_EQ(e.kind(), ErrorKind::kIo);
    EXPECT_EQ(e.message().rfind(file.string() + " is in use by another program (", 0), 0u)
        << e.message();
  }
  other.exec("ROLLBACK");
  EXPECT_EQ(ListCodes(project).size(), 1u);
  EXPECT_EQ(CountStories(project), 2);
}

TEST(SqliteErrorsTest, AReaderOnADamagedTableIsADataErrorSayingToRestoreTheFile) {
  TempDir dir;
  const fs::path file = SmallProject(dir);
  int64_t root = 0;
  int64_t page_size = 0;
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    root = db.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'story'").getInt64();
    page_size = db.execAndGet("PRAGMA page_size").getInt64();
  }
  ASSERT_GT(root, 1);
  {
    // The story table's first page: garbage (its page header above all).
    std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
    bytes.seekp((root - 1) * page_size);
    const std::string garbage(static_cast<size_t>(page_size), '\x5a');
    bytes.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  Project project = Project::Open(file);
  const Error e = ErrorOf([&] { ListStories(project); });
  EXPECT_EQ(e.kind(), ErrorKind::kData);
  EXPECT_EQ(e.message().rfind(file.string() + " is damaged (", 0), 0u) << e.message();
  EXPECT_NE(e.message().find("restore it from a backup"), std::string::npos) << e.message();
}

}  // namespace
}  // namespace verhaal
