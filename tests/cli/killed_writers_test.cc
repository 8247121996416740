// A writer killed with SIGKILL at any moment leaves the project as it was
// before the command or as the command would have left it, never half of it;
// the file passes SQLite's integrity check and the next command works (issue
// 26: kill -9 for import, autocode, code --from and merge; `run` has its own test in
// concurrent_writers_test.cc). Each command is killed after a range of
// delays, so some kills land in the middle of its writing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "corpus/project.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;
using testing::RunVerhaal;
using testing::TempDir;

constexpr int kStories = 20000;

// Starts verhaal with `args` in `dir` and kills it after `delay`; returns
// whether it had finished by itself before the kill.
bool RunAndKill(const fs::path& dir, const std::vector<std::string>& args,
                std::chrono::milliseconds delay) {
  const pid_t child = ::fork();
  if (child == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(127);
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    std::vector<char*> argv = {const_cast<char*>(VERHAAL_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(VERHAAL_BINARY, argv.data());
    ::_exit(127);
  }
  std::this_thread::sleep_for(delay);
  int status = 0;
  const bool done = ::waitpid(child, &status, WNOHANG) == child;
  if (!done) {
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
  }
  return done;
}

int64_t Count(const fs::path& project, const std::string& sql) {
  Project opened = Project::Open(project);
  EXPECT_EQ(opened.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
  return opened.db().execAndGet(sql).getInt64();
}

class KilledWriterTest : public ::testing::Test {
 protected:
  KilledWriterTest() {
    std::string csv = "story,tekst\n";
    for (int i = 0; i < kStories; ++i) {
      csv += "S" + std::to_string(i) + ",Ik moest naar de cursus maar later wilde ik graag " +
             "zelf werken. Verhaal " + std::to_string(i) + " gaat over werk en taal.\n";
    }
    dir_.Write("big.csv", csv);
    dir_.Write("c.yaml",
               "codes:\n  - name: moeten\n    rules:\n      - terms: [moest]\n"
               "  - name: willen\n    rules:\n      - terms: [graag, wilde]\n");
  }
  // A project with the stories of big.csv and the codebook c.yaml.
  bool Prepare(const fs::path& project) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"init", project.string()},
          {"-p", project.string(), "import", "csv", "big.csv", "--text", "tekst"},
          {"-p", project.string(), "codebook", "load", "c.yaml"}}) {
      const auto r = RunVerhaal(args, dir_.path());
      if (r.exit_code != 0) {
        ADD_FAILURE() << r.err;
        return false;
      }
    }
    return true;
  }
  std::vector<std::chrono::milliseconds> Delays() const {
    return {std::chrono::milliseconds(20), std::chrono::milliseconds(60),
            std::chrono::milliseconds(150), std::chrono::milliseconds(400),
            std::chrono::milliseconds(1000)};
  }
  TempDir dir_;
};

TEST_F(KilledWriterTest, AKilledImportLeavesNoStoryOrEveryStory) {
  std::set<int64_t> seen;
  for (const auto delay : Delays()) {
    const fs::path project = dir_ / ("i" + std::to_string(delay.count()) + ".verhaal");
    ASSERT_EQ(RunVerhaal({"init", project.string()}, dir_.path()).exit_code, 0);
    RunAndKill(dir_.path(), {"-p", project.string(), "import", "csv", "big.csv", "--text", "tekst"},
               delay);
    const int64_t stories = Count(project, "SELECT count(*) FROM story");
    EXPECT_TRUE(stories == 0 || stories == kStories) << delay.count() << " ms: " << stories;
    seen.insert(stories);
    // The next import finishes and the full-text index holds every story.
    const auto again = RunVerhaal(
        {"-p", project.string(), "import", "csv", "big.csv", "--text", "tekst"}, dir_.path());
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(Count(project, "SELECT count(*) FROM story"), kStories);
    EXPECT_EQ(Count(project, "SELECT count(*) FROM story_fts WHERE story_fts MATCH 'cursus'"),
              kStories);
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
      const std::string name = entry.path().filename().string();
      EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
      EXPECT_EQ(name.find("fts-side"), std::string::npos) << name;
    }
  }
  RecordProperty("outcomes", static_cast<int>(seen.size()));
}

TEST_F(KilledWriterTest, AKilledAutocodeLeavesTheRuleCodingsAsBeforeOrAfter) {
  const fs::path project = dir_ / "a.verhaal";
  ASSERT_TRUE(Prepare(project));
  // A hand coding that must survive every kill.
  ASSERT_EQ(RunVerhaal({"-p", project.string(), "code", "S7", "moeten", "--quote", "Ik moest",
                        "--coder", "anna"},
                       dir_.path())
                .exit_code,
            0);
  const std::string rule_codings =
      "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id WHERE k.name = 'rules'";
  const std::string anna =
      "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id WHERE k.name = 'anna'";
  // What a finished run writes: two rules' hits per story... found by running
  // it once on a copy.
  fs::copy_file(project, dir_ / "full.verhaal");
  ASSERT_EQ(RunVerhaal({"-p", "full.verhaal", "autocode"}, dir_.path()).exit_code, 0);
  const int64_t full = Count(dir_ / "full.verhaal", rule_codings);
  ASSERT_GT(full, kStories);
  for (const auto delay : Delays()) {
    RunAndKill(dir_.path(), {"-p", project.string(), "autocode"}, delay);
    const int64_t now = Count(project, rule_codings);
    EXPECT_TRUE(now == 0 || now == full) << delay.count() << " ms: " << now << " of " << full;
    EXPECT_EQ(Count(project, anna), 1);
    // Start from no rule codings again for the next delay (a finished run
    // would otherwise make the later kills land on a no-op).
    if (now == full) {
      fs::remove(project);
      fs::copy_file(dir_ / "full.verhaal", project);
      Project opened = Project::Open(project);
      opened.db().exec(
          "DELETE FROM coding WHERE coder_id = (SELECT id FROM coder WHERE name = 'rules')");
    }
  }
  const auto again = RunVerhaal({"-p", project.string(), "autocode"}, dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Count(project, rule_codings), full);
}

TEST_F(KilledWriterTest, AKilledCodeFromLeavesNoneOrAllOfTheRows) {
  const fs::path project = dir_ / "c.verhaal";
  ASSERT_TRUE(Prepare(project));
  std::string codings = "story,code,coder,quote\n";
  for (int i = 0; i < kStories; ++i) {
    codings += "S" + std::to_string(i) + ",willen,bram,wilde ik graag\n";
  }
  dir_.Write("codings.csv", codings);
  const std::string bram =
      "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id WHERE k.name = 'bram'";
  for (const auto delay : Delays()) {
    const bool done =
        RunAndKill(dir_.path(), {"-p", project.string(), "code", "--from", "codings.csv"}, delay);
    const int64_t now = Count(project, bram);
    EXPECT_TRUE(now == 0 || now == kStories) << delay.count() << " ms: " << now;
    if (done || now == kStories) break;  // the rest would be no-ops
  }
  const auto again =
      RunVerhaal({"-p", project.string(), "code", "--from", "codings.csv"}, dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Count(project, bram), kStories);
}

// A coder's copy merged into the team project: killed, the team has none or
// all of the copy's codings; merged again, all of them once.
TEST_F(KilledWriterTest, AKilledMergeBringsNoneOrAllOfACopy) {
  const fs::path team = dir_ / "team.verhaal";
  ASSERT_TRUE(Prepare(team));
  const fs::path copy = dir_ / "anna.verhaal";
  fs::copy_file(team, copy);
  std::string codings = "story,code,coder,quote\n";
  for (int i = 0; i < kStories; ++i) codings += "S" + std::to_string(i) + ",moeten,anna,moest\n";
  dir_.Write("anna.csv", codings);
  const auto coded = RunVerhaal({"-p", copy.string(), "code", "--from", "anna.csv"}, dir_.path());
  ASSERT_EQ(coded.exit_code, 0) << coded.err;
  const std::string anna =
      "SELECT count(*) FROM coding g JOIN coder k ON k.id = g.coder_id WHERE k.name = 'anna'";
  for (const auto delay : Delays()) {
    const bool done = RunAndKill(dir_.path(), {"-p", team.string(), "merge", copy.string()}, delay);
    const int64_t now = Count(team, anna);
    EXPECT_TRUE(now == 0 || now == kStories) << delay.count() << " ms: " << now;
    if (done || now == kStories) break;
  }
  const auto again = RunVerhaal({"-p", team.string(), "merge", copy.string()}, dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Count(team, anna), kStories);
  // No temporary file of the killed runs is left beside the project.
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace verhaal
