// End-to-end tests that no output lands on the project file (issue 26, defect
// 1): every command that writes a file, and a study's exports, refuse the
// project itself (by name, through `..`, a symbolic or a hard link) and its
// -wal/-shm companions, with exit 73 and the project unchanged.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::ReadFile;
using testing::RunVerhaal;
using testing::TempDir;

class OutputGuardTest : public ::testing::Test {
 protected:
  // The example study, run once for the suite: a project with stories,
  // codes, codings and signifiers to export.
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const fs::path manifest = testing::SourceDir() / "examples/statushouders/study.yaml";
    const auto run = RunVerhaal({"run", manifest.string(), "--out", "out"}, dir_->path());
    ASSERT_EQ(run.exit_code, 0) << run.err;
    fs::create_directory(dir_->path() / "sub");
    fs::create_symlink(dir_->path() / "out/statushouders.verhaal", dir_->path() / "link.verhaal");
    fs::create_hard_link(dir_->path() / "out/statushouders.verhaal", dir_->path() / "hard.verhaal");
  }
  static void TearDownTestSuite() { delete dir_; }
  static TempDir* dir_;
};

TempDir* OutputGuardTest::dir_ = nullptr;

TEST_F(OutputGuardTest, EveryOutputOntoTheProjectIsRefusedWithExit73) {
  const fs::path project = dir_->path() / "out/statushouders.verhaal";
  const std::string before = ReadFile(project);
  // Each name below is the project (or a companion) in another spelling.
  const std::vector<std::string> targets = {"out/statushouders.verhaal",
                                            "sub/../out/statushouders.verhaal",
                                            "link.verhaal",
                                            "hard.verhaal",
                                            "out/statushouders.verhaal-wal",
                                            "out/statushouders.verhaal-shm"};
  const std::vector<std::vector<std::string>> commands = {
      {"report", "--rows", "dyad:motivatie", "--cols", "dyad:stijl", "-o"},
      {"export", "stories", "--format", "csv", "-o"},
      {"export", "codings", "--format", "xlsx", "-o"},
      {"export", "respondents", "--format", "sav", "-o"},
      {"export", "workbook", "-o"},
      {"export", "refi", "-o"},
      {"export", "codebook", "-o"},
      {"codebook", "export", "-o"},
      {"matrix", "--rows", "dyad:motivatie", "--cols", "dyad:stijl", "--svg"},
      {"scatter", "--x", "dyad:stijl", "--y", "dyad:motivatie", "--svg"},
      {"scatter", "--x", "dyad:stijl", "--y", "dyad:motivatie", "--csv"},
      {"serve", "--port", "0", "--no-browser", "--token-file"},
      {"serve", "--port", "0", "--no-browser", "--decisions"},
  };
  for (const auto& target : targets) {
    for (auto args : commands) {
      args.insert(args.begin(), {"-p", project.string()});
      args.push_back(target);
      const auto r = RunVerhaal(args, dir_->path());
      std::string line;
      for (const auto& arg : args) line += arg + " ";
      EXPECT_EQ(r.exit_code, 73) << line << "\n" << r.err;
      EXPECT_NE(r.err.find("verhaal: error: refusing to write " + target + ": it is "),
                std::string::npos)
          << line << "\n"
          << r.err;
      ASSERT_EQ(ReadFile(project), before) << line;
    }
  }
  const auto info = RunVerhaal({"-p", project.string(), "info"}, dir_->path());
  EXPECT_EQ(info.exit_code, 0) << info.err;
}

TEST_F(OutputGuardTest, ManifestExportNamedLikeTheProjectIsRefused) {
  // With -p the project file may have any name, also that of an export.
  const fs::path project = dir_->path() / "codes.csv";
  dir_->Write("study.yaml", "project: s.verhaal\n");
  ASSERT_EQ(RunVerhaal({"-p", "codes.csv", "run", "study.yaml"}, dir_->path()).exit_code, 0);
  const std::string before = ReadFile(project);
  dir_->Write("study.yaml",
              "project: s.verhaal\noutputs:\n  exports:\n"
              "    - {type: codebook-table, file: codes.csv}\n");
  const auto r = RunVerhaal({"-p", "codes.csv", "run", "study.yaml"}, dir_->path());
  EXPECT_EQ(r.exit_code, 73) << r.err;
  EXPECT_NE(r.err.find("study.yaml:4:7: step 'export codes.csv' failed: refusing to write"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ReadFile(project), before);
}

TEST_F(OutputGuardTest, OtherOutputsBesideTheProjectStillWork) {
  const fs::path project = dir_->path() / "out/statushouders.verhaal";
  const auto r = RunVerhaal(
      {"-p", project.string(), "codebook", "export", "-o", "out/statushouders.verhaal.yaml"},
      dir_->path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_->path() / "out/statushouders.verhaal.yaml"));
}

}  // namespace
}  // namespace verhaal
