// `verhaal sets` and the --set story filter of the analysis commands.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

namespace verhaal {
namespace {

using testing::TempDir;

class SetsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(Run({"init", "p.verhaal"}).exit_code, 0);
    dir_.Write("s.csv",
               "story,respondent,role,text\n"
               "S1,R1,statushouder,Ik wil werken.\n"
               "S2,R2,klantmanager,Taal blijft lastig.\n"
               "S3,R3,statushouder,Ik moet werken.\n");
    dir_.Write("m.yaml", "story: story\nrespondent: respondent\nrole: role\ntext: text\n");
    const auto r = Run({"import", "csv", "s.csv", "--mapping", "m.yaml"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"-p", "p.verhaal"});
    if (args[2] == "init") args.erase(args.begin(), args.begin() + 2);
    return testing::RunVerhaal(args, dir_.path());
  }
  TempDir dir_;
};

TEST_F(SetsCliTest, ASetIsCreatedListedShownRenamedAndDeleted) {
  auto r = Run({"sets", "create", "twee", "S3", "S1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 stories"), std::string::npos) << r.err;
  r = Run({"sets", "list", "--format", "csv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("twee,2,"), std::string::npos) << r.out;
  EXPECT_EQ(Run({"sets", "show", "twee"}).out, "S1\nS3\n");
  EXPECT_EQ(Run({"sets", "rename", "twee", "beide"}).exit_code, 0);
  EXPECT_EQ(Run({"sets", "show", "beide"}).out, "S1\nS3\n");
  EXPECT_EQ(Run({"sets", "delete", "beide"}).exit_code, 0);
  EXPECT_EQ(Run({"sets", "show", "beide"}).exit_code, 66);
}

TEST_F(SetsCliTest, BadRequestsGetTheirExitCodes) {
  ASSERT_EQ(Run({"sets", "create", "twee", "S1"}).exit_code, 0);
  EXPECT_EQ(Run({"sets"}).exit_code, 2);
  EXPECT_EQ(Run({"sets", "nope"}).exit_code, 2);
  EXPECT_EQ(Run({"sets", "create", "leeg"}).exit_code, 2);
  EXPECT_EQ(Run({"sets", "create", "a/b", "S1"}).exit_code, 2);
  auto r = Run({"sets", "create", "twee", "S2"});
  EXPECT_EQ(r.exit_code, 65) << r.err;
  EXPECT_NE(r.err.find("already"), std::string::npos) << r.err;
  EXPECT_EQ(Run({"sets", "create", "drie", "S9"}).exit_code, 2);
  EXPECT_EQ(Run({"sets", "delete", "nergens"}).exit_code, 66);
  EXPECT_EQ(Run({"sets", "show", "twee"}).out, "S1\n");  // unchanged
}

TEST_F(SetsCliTest, SetFiltersTheAnalysisCommands) {
  ASSERT_EQ(Run({"sets", "create", "twee", "S1", "S2"}).exit_code, 0);
  auto r = Run({"stories", "list", "--set", "twee"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("S2"), std::string::npos);
  EXPECT_EQ(r.out.find("S3"), std::string::npos) << r.out;
  r = Run({"matrix", "--rows", "role", "--cols", "kind", "--set", "twee", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["tables"][0]["used"], 2);
  r = Run({"export", "stories", "--set", "twee", "-o", "st.csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string exported = testing::ReadFile(dir_ / "st.csv");
  EXPECT_NE(exported.find("S2"), std::string::npos);
  EXPECT_EQ(exported.find("S3"), std::string::npos) << exported;
  r = Run({"matrix", "--rows", "role", "--cols", "kind", "--set", "nergens"});
  EXPECT_EQ(r.exit_code, 66) << r.err;
  EXPECT_NE(r.err.find("twee"), std::string::npos) << r.err;  // names the sets there are
  EXPECT_EQ(Run({"summary", "--set", "nergens"}).exit_code, 66);
  EXPECT_EQ(Run({"quotes", "--code", "x", "--set", "nergens"}).exit_code, 66);
}

}  // namespace
}  // namespace verhaal
