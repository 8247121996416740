// Writers at once through the workbench (issue 26, "Concurrency tests"):
// three coders code at the same moment over the API while two commands write
// to the same project from outside; no write is lost and none fails. CI runs
// this under ThreadSanitizer too (.ci/run), which checks that the server's
// request threads and its change poller share the project safely.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "corpus/memos.h"
#include "corpus/project.h"
#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

class ConcurrentApiTest : public WorkbenchTest {
 protected:
  void SetUp() override {
    MakeProject();
    Start({"anna", "bram", "carla"});
    // One request of each kind before the requests at once. Debian's
    // cpp-httplib, not built with ThreadSanitizer, builds its request
    // parser's static state on the first request behind a guard whose inline
    // check ThreadSanitizer cannot see; two first requests parsed at once are
    // reported as a race inside libcpp-httplib (.ci/tsan.supp). After one
    // request, its worker's return to the pool orders the rest.
    ASSERT_EQ(Get("anna", "/api/stories/S3")->status, 200);
    const auto unknown = Post("anna", "/api/stories/S9/codings",
                              json{{"code", "taal"}, {"start", 0}, {"end", 1}}.dump());
    ASSERT_EQ(unknown->status, 404) << unknown->body;
  }
};

TEST_F(ConcurrentApiTest, ThreeCodersAndTwoCommandsAtOnceLoseNoWrite) {
  constexpr int kEach = 8;
  const std::vector<std::string> coders = {"anna", "bram", "carla"};
  std::atomic<int> stored = 0;
  std::vector<std::thread> threads;
  for (const std::string& coder : coders) {
    threads.emplace_back([&, coder] {
      for (int i = 0; i < kEach; ++i) {
        auto r = Post(coder, "/api/stories/S1/codings",
                      json{{"code", "taal"}, {"start", i}, {"end", i + 5}}.dump());
        if (r && r->status == 201)
          ++stored;
        else
          ADD_FAILURE() << coder << " " << i << ": " << (r ? r->body : "no answer");
      }
    });
  }
  // Meanwhile another coder codes from the command line, and a memo is added.
  testing::RunResult code;
  testing::RunResult memo;
  threads.emplace_back([&] {
    code = Cli({"code", "S2", "taal", "--span", "0:4", "--coder", "dirk"});
  });
  threads.emplace_back([&] {
    memo = Cli({"memo", "add", "Tijdens het coderen", "--story", "S3"});
  });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(code.exit_code, 0) << code.err;
  EXPECT_EQ(memo.exit_code, 0) << memo.err;
  EXPECT_EQ(stored, 3 * kEach);

  std::set<std::tuple<std::string, int, int>> found;
  const json s1 = Body(Get("anna", "/api/stories/S1"));
  for (const json& c : s1["codings"]) {
    found.emplace(c["coder"], c["start"], c["end"]);
  }
  for (const std::string& coder : coders) {
    for (int i = 0; i < kEach; ++i) {
      EXPECT_TRUE(found.count({coder, i, i + 5})) << coder << " " << i;
    }
  }
  EXPECT_EQ(found.size(), 3u * kEach);
  const json s2 = Body(Get("anna", "/api/stories/S2"))["codings"];
  ASSERT_EQ(s2.size(), 1u) << s2.dump();
  EXPECT_EQ(s2[0]["coder"], "dirk");
  Project project = Project::Open(dir_ / "p.verhaal");
  int memos = 0;
  for (const Memo& m : ListMemos(project)) memos += m.text == "Tijdens het coderen";
  EXPECT_EQ(memos, 1);
}

}  // namespace
}  // namespace verhaal
