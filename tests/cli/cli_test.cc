// End-to-end tests of the verhaal binary: exit codes and messages as a user
// sees them (DESIGN.md, "Command line").
#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "corpus/project.h"
#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::RunVerhaal;
using testing::TempDir;

TEST(CliTest, HelpListsCommandsAndExits0) {
  TempDir dir;
  auto r = RunVerhaal({"--help"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("init"), std::string::npos);
  EXPECT_NE(r.out.find("search"), std::string::npos);
}

TEST(CliTest, EveryCommandHasHelpWithAnExample) {
  TempDir dir;
  auto overview = RunVerhaal({"--help"}, dir.path()).out;
  const auto commands_at = overview.find("commands:\n");
  const auto end = overview.find("\n\n", commands_at);
  std::istringstream lines(overview.substr(commands_at + 10, end - commands_at - 10));
  std::string line;
  int seen = 0;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::string name;
    words >> name;
    auto r = RunVerhaal({name, "--help"}, dir.path());
    EXPECT_EQ(r.exit_code, 0) << name;
    EXPECT_NE(r.out.find("usage: verhaal " + name.substr(0, name.find(' '))), std::string::npos)
        << name;
    EXPECT_NE(r.out.find("example:\n  verhaal"), std::string::npos) << name;
    ++seen;
  }
  EXPECT_GE(seen, 3);
}

// verhaal's version, then one line per library it links, each with a
// version number; SQLite's is the one loaded at run time.
TEST(CliTest, VersionNamesEveryLibraryWithItsVersion) {
  TempDir dir;
  auto r = RunVerhaal({"--version"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  std::istringstream lines(r.out);
  std::vector<std::string> got;
  for (std::string line; std::getline(lines, line);) got.push_back(line);
  const char* const kLibraries[] = {"SQLite",      "SQLiteCpp",     "ICU",           "Boost",
                                    "yaml-cpp",    "nlohmann-json", "Hyperscan",     "ReadStat",
                                    "libzip",      "pugixml",       "libxlsxwriter", "libsodium",
                                    "cpp-httplib", "OpenSSL"};
  ASSERT_EQ(got.size(), 2 + std::size(kLibraries)) << r.out;
  EXPECT_TRUE(std::regex_match(got[0], std::regex(R"(verhaal \d+\.\d+\.\d+)"))) << got[0];
  EXPECT_EQ(got[1], "built with:");
  for (size_t i = 0; i < std::size(kLibraries); ++i) {
    const std::string name = kLibraries[i];
    EXPECT_TRUE(std::regex_match(got[2 + i], std::regex("  " + name + R"( +\d+\.\d+[.\w-]*)")))
        << "line " << i + 2 << " should name " << name << " and its version: " << got[2 + i];
  }
  EXPECT_EQ(got[2], "  SQLite" + std::string(10, ' ') + sqlite3_libversion());
}

TEST(CliTest, MistypedCommandGetsASuggestionAndExit2) {
  TempDir dir;
  auto r = RunVerhaal({"serch", "taal"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "verhaal: error: unknown command 'serch'; did you mean 'search'? See `verhaal "
            "--help`.\n");
}

TEST(CliTest, MistypedOptionGetsASuggestion) {
  TempDir dir;
  auto r = RunVerhaal({"info", "--formt", "json"}, dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean --format?"), std::string::npos) << r.err;
}

TEST(CliTest, InitThenInfoAndTheDefaultProject) {
  TempDir dir;
  auto init = RunVerhaal({"init", "studie.verhaal", "--name", "Statushouders"}, dir.path());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_EQ(init.out, "created studie.verhaal (Statushouders, schema " +
                          std::to_string(kSchemaVersion) + ")\n");
  // No -p: the one *.verhaal in the folder.
  auto info = RunVerhaal({"info", "--format", "json"}, dir.path());
  ASSERT_EQ(info.exit_code, 0) << info.err;
  EXPECT_NE(info.out.find("\"group\": \"Statushouders\""), std::string::npos) << info.out;
  auto again = RunVerhaal({"init", "studie.verhaal"}, dir.path());
  EXPECT_EQ(again.exit_code, 73);
}

TEST(CliTest, WrongProjectPathIsOneLineExit66) {
  TempDir dir;
  auto r = RunVerhaal({"-p", "weg.verhaal", "info"}, dir.path());
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_EQ(r.err,
            "verhaal: error: weg.verhaal does not exist; create it with `verhaal init "
            "weg.verhaal` or give another -p\n");
}

TEST(CliTest, NoProjectHereSaysWhatToDo) {
  TempDir dir;
  auto r = RunVerhaal({"info"}, dir.path());
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_NE(r.err.find("no project here"), std::string::npos);
}

TEST(CliTest, NotAProjectIsExit65) {
  TempDir dir;
  dir.Write("notities.verhaal", "Dit is een tekstbestand en geen project, echt niet.\n");
  auto r = RunVerhaal({"info", "-p", "notities.verhaal"}, dir.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: notities.verhaal is not a verhaal project (not an SQLite "
            "database)\n");
}

TEST(CliTest, ADamagedProjectSaysSoAndHowToCheckIt) {
  TempDir dir;
  ASSERT_EQ(RunVerhaal({"init", "d.verhaal"}, dir.path()).exit_code, 0);
  // Break the page header of the B-tree of project_info (which every command
  // reads; pages of 4,096 bytes): SQLite then reports the file as malformed
  // when it reads it.
  int64_t page = 0;
  {
    SQLite::Database db((dir / "d.verhaal").string());
    page =
        db.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'project_info'").getInt64();
  }
  ASSERT_GT(page, 1);
  {
    std::fstream f(dir / "d.verhaal", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((page - 1) * 4096);
    const std::string garbage(16, '\xff');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  auto r = RunVerhaal({"info", "-p", "d.verhaal"}, dir.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: d.verhaal is damaged (database disk image is malformed); restore it "
            "from a backup (`sqlite3 d.verhaal 'PRAGMA integrity_check'` shows what is "
            "damaged)\n");
}

TEST(CliTest, NewerSchemaIsExit65) {
  TempDir dir;
  ASSERT_EQ(RunVerhaal({"init", "n.verhaal"}, dir.path()).exit_code, 0);
  // Bump the schema version as a future verhaal would (user_version sits at
  // byte offset 60 of the SQLite header, big-endian).
  {
    std::fstream f(dir / "n.verhaal", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(60);
    const char version[4] = {0, 0, 0, 99};
    f.write(version, 4);
  }
  auto r = RunVerhaal({"info", "-p", "n.verhaal"}, dir.path());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(r.err,
            "verhaal: error: n.verhaal was written by a newer verhaal (schema 99; this verhaal "
            "reads up to " +
                std::to_string(kSchemaVersion) + "); upgrade verhaal to open it\n");
}

TEST(CliTest, SearchOnAnEmptyProjectAndBadQuery) {
  TempDir dir;
  ASSERT_EQ(RunVerhaal({"init", "s.verhaal"}, dir.path()).exit_code, 0);
  auto r = RunVerhaal({"search", "taal"}, dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "0 stories match\n");
  auto bad = RunVerhaal({"search", "\"open"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("cannot search for"), std::string::npos);
}

}  // namespace
}  // namespace verhaal
