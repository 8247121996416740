// Writers at once on one project (issue 26, defects 2 and 9): a command that
// writes while `verhaal run` is in progress waits for it and its write is
// kept; two runs at once each use a working copy of their own and both
// finish; a run killed half-way leaves the project as it was and the next
// run removes what it left; two imports at once wait for each other instead
// of failing; three different writers at once all finish, nothing lost.
#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "corpus/memos.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "corpus/story_pages.h"
#include "tests/support/test_support.h"
#include "tests/support/uncoded_checks.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::RunResult;
using testing::RunVerhaal;
using testing::TempDir;

// A copy of the example study in `dir`, run once, then given one more story
// so that the next run has work to do.
void ExampleWithANewStory(const fs::path& dir) {
  const fs::path example = testing::SourceDir() / "examples/statushouders";
  for (const auto& entry : fs::directory_iterator(example)) {
    if (entry.is_regular_file()) fs::copy_file(entry.path(), dir / entry.path().filename());
  }
  const auto first = RunVerhaal({"run", "study.yaml"}, dir);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::ofstream csv(dir / "statushouders.csv", std::ios::app);
  csv << "SH-39-E,SH-39,Ermelo,28-40,Overig,2025-11-05,nl,Nieuw,\"Een nieuw verhaal over "
         "werk.\",0.60,0.70,0.20,0.10,0.70\n";
}

// Waits until a run's working copy appears beside `project`; false after 60 s.
bool WaitForWorkingCopy(const fs::path& project) {
  const std::string prefix = "." + project.filename().string() + ".run";
  for (int i = 0; i < 60000; ++i) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(project.parent_path(), ec)) {
      if (entry.path().filename().string().rfind(prefix, 0) == 0) return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return false;
}

TEST(ConcurrentRunTest, MemoAddedWhileARunIsInProgressIsKept) {
  TempDir dir;
  ExampleWithANewStory(dir.path());
  const fs::path project = dir / "out/statushouders.verhaal";
  RunResult run;
  std::thread runner([&] { run = RunVerhaal({"run", "study.yaml"}, dir.path()); });
  const bool started = WaitForWorkingCopy(project);
  const auto memo = RunVerhaal(
      {"-p", project.string(), "memo", "add", "Geschreven tijdens de run", "--story", "SH-01-E"},
      dir.path());
  runner.join();
  ASSERT_TRUE(started) << "the run never made its working copy";
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(memo.exit_code, 0) << memo.err;
  Project opened = Project::Open(project);
  EXPECT_TRUE(FindStory(opened, "SH-39-E").has_value()) << "the run's import is lost";
  int found = 0;
  for (const Memo& m : ListMemos(opened)) found += m.text == "Geschreven tijdens de run";
  EXPECT_EQ(found, 1) << "the memo written during the run is lost";
}

TEST(ConcurrentRunTest, TwoRunsAtOnceBothFinish) {
  TempDir dir;
  ExampleWithANewStory(dir.path());
  RunResult one, two;
  std::thread first([&] { one = RunVerhaal({"run", "study.yaml"}, dir.path()); });
  std::thread second([&] { two = RunVerhaal({"run", "study.yaml"}, dir.path()); });
  first.join();
  second.join();
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(two.exit_code, 0) << two.err;
  Project opened = Project::Open(dir / "out/statushouders.verhaal");
  EXPECT_TRUE(FindStory(opened, "SH-39-E").has_value());
  for (const auto& entry : fs::directory_iterator(dir / "out")) {
    EXPECT_EQ(entry.path().filename().string().find(".run"), std::string::npos) << entry.path();
  }
}

TEST(ConcurrentRunTest, AKilledRunLeavesTheProjectAsItWasAndTheNextRunCleansUp) {
  TempDir dir;
  ExampleWithANewStory(dir.path());
  const fs::path project = dir / "out/statushouders.verhaal";
  size_t stories_before = 0;
  {
    Project opened = Project::Open(project);
    stories_before = ListStories(opened, {}).size();
  }
  const pid_t child = ::fork();
  if (child == 0) {
    if (::chdir(dir.path().c_str()) != 0) ::_exit(127);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(VERHAAL_BINARY, VERHAAL_BINARY, "run", "study.yaml", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const bool started = WaitForWorkingCopy(project);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ASSERT_TRUE(started);
  {
    Project opened = Project::Open(project);
    EXPECT_EQ(opened.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
    const size_t after = ListStories(opened, {}).size();
    EXPECT_TRUE(after == stories_before || after == stories_before + 1) << after;
  }
  const auto next = RunVerhaal({"run", "study.yaml"}, dir.path());
  ASSERT_EQ(next.exit_code, 0) << next.err;
  for (const auto& entry : fs::directory_iterator(dir / "out")) {
    const std::string name = entry.path().filename().string();
    EXPECT_EQ(name.find(".run-"), std::string::npos) << name;
    EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
  }
  Project opened = Project::Open(project);
  EXPECT_TRUE(FindStory(opened, "SH-39-E").has_value());
}

TEST(ConcurrentImportTest, TwoImportsAtOnceBothFinish) {
  TempDir dir;
  const fs::path example = testing::SourceDir() / "examples/statushouders";
  ASSERT_EQ(RunVerhaal({"init", "s.verhaal"}, dir.path()).exit_code, 0);
  const auto import = [&](const std::string& name) {
    return RunVerhaal({"-p", "s.verhaal", "import", "csv", (example / (name + ".csv")).string(),
                       "--mapping", (example / (name + ".mapping.yaml")).string()},
                      dir.path());
  };
  RunResult one, two;
  std::thread first([&] { one = import("statushouders"); });
  std::thread second([&] { two = import("klantmanagers"); });
  first.join();
  second.join();
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(two.exit_code, 0) << two.err;
  Project opened = Project::Open(dir / "s.verhaal");
  EXPECT_TRUE(FindStory(opened, "SH-01-E").has_value());
  EXPECT_EQ(ListStories(opened, {}).size(), 38u + 40u);  // the example's two files
}

TEST(ConcurrentWritersTest, AnImportCodingsAndAMemoAtOnceAllFinishAndAllAreKept) {
  TempDir dir;
  const fs::path example = testing::SourceDir() / "examples/statushouders";
  const auto run = [&dir](const std::vector<std::string>& args) {
    return RunVerhaal(args, dir.path());
  };
  ASSERT_EQ(run({"init", "s.verhaal"}).exit_code, 0);
  ASSERT_EQ(run({"-p", "s.verhaal", "import", "csv", (example / "statushouders.csv").string(),
                 "--mapping", (example / "statushouders.mapping.yaml").string()})
                .exit_code,
            0);
  ASSERT_EQ(
      run({"-p", "s.verhaal", "codebook", "load", (example / "codebook.yaml").string()}).exit_code,
      0);
  RunResult import, codings, memo;
  std::thread first([&] {
    import = run({"-p", "s.verhaal", "import", "csv", (example / "klantmanagers.csv").string(),
                  "--mapping", (example / "klantmanagers.mapping.yaml").string()});
  });
  std::thread second([&] {
    codings = run({"-p", "s.verhaal", "code", "--from", (example / "codings.csv").string()});
  });
  std::thread third([&] {
    memo = run({"-p", "s.verhaal", "memo", "add", "Tegelijk geschreven.", "--story", "SH-02-E",
                "--author", "anna"});
  });
  first.join();
  second.join();
  third.join();
  EXPECT_EQ(import.exit_code, 0) << import.err;
  EXPECT_EQ(codings.exit_code, 0) << codings.err;
  EXPECT_EQ(memo.exit_code, 0) << memo.err;
  Project opened = Project::Open(dir / "s.verhaal");
  EXPECT_EQ(ListStories(opened, {}).size(), 38u + 40u);
  EXPECT_EQ(CountProjectTotals(opened, std::nullopt).codings, 136);  // codings.csv's rows
  EXPECT_EQ(CountProjectTotals(opened, std::nullopt).memos, 1);
  EXPECT_EQ(testing::KeptTablesOutOfStep(opened), "");
  EXPECT_EQ(opened.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

}  // namespace
}  // namespace verhaal
