// Codebook edits over the API, the events other coders and the CLI cause,
// and `verhaal serve` itself as a program.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>

#include "tests/workbench/workbench_fixture.h"

namespace verhaal {
namespace {

TEST_F(WorkbenchTest, CodebookAddRenameRecolourAndMergeKeepCodings) {
  auto r =
      Post("anna", "/api/codebook/codes",
           R"({"path": "motivatie/twijfel", "colour": "#aabbcc", "description": "weet niet"})");
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(Body(r)["parent"], "motivatie");
  EXPECT_EQ(Body(r)["colour"], "#aabbcc");
  EXPECT_EQ(Post("anna", "/api/codebook/codes", R"({"path": "taal"})")->status, 422);
  r = Post("anna", "/api/codebook/codes", R"({"path": "nergens/kind"})");
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(Body(r)["field"], "path");
  r = Post("anna", "/api/codebook/codes", R"({"path": "x", "colour": "rood"})");
  EXPECT_EQ(r->status, 422);
  EXPECT_EQ(Body(r)["field"], "colour");

  CodeWillen("anna");
  r = Patch("anna", "/api/codebook/codes/motivatie%2Fwillen", R"({"name": "wil"})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["path"], "motivatie/wil");
  EXPECT_EQ(Body(r)["codings"], 1);
  EXPECT_EQ(Body(Get("anna", "/api/stories/S1"))["codings"][0]["code"], "motivatie/wil");
  r = Patch("anna", "/api/codebook/codes/motivatie/wil", R"({"parent": "", "colour": "#00ff00"})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["path"], "wil");
  EXPECT_EQ(Body(r)["colour"], "#00ff00");
  EXPECT_EQ(Patch("anna", "/api/codebook/codes/nergens", R"({"name": "a"})")->status, 404);
  EXPECT_EQ(Patch("anna", "/api/codebook/codes/wil", R"({"name": "a/b"})")->status, 422);

  r = Post("anna", "/api/codebook/merge", R"({"from": "wil", "into": "motivatie/twijfel"})");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(Body(r)["moved"], 1);
  EXPECT_EQ(Body(Get("anna", "/api/stories/S1"))["codings"][0]["code"], "motivatie/twijfel");
  EXPECT_EQ(Post("anna", "/api/codebook/merge", R"({"from": "motivatie", "into": "taal"})")->status,
            422);  // has sub-codes
  EXPECT_EQ(Post("anna", "/api/codebook/merge", R"({"from": "wil", "into": "taal"})")->status,
            404);  // gone
  // The CLI sees the same codebook.
  auto show = Cli({"codebook", "show", "--format", "csv"});
  EXPECT_NE(show.out.find("motivatie/twijfel,1,1"), std::string::npos) << show.out;
}

TEST_F(WorkbenchTest, OthersAndTheCliChangesArriveAsEvents) {
  {
    EventReader bram(*this, Client(), As("bram"));
    ASSERT_TRUE(bram.WaitFor(": open"));
    CodeWillen("anna");
    ASSERT_TRUE(bram.WaitFor("event: coding")) << bram.text();
    EXPECT_NE(bram.text().find(R"("action":"add")"), std::string::npos) << bram.text();
    EXPECT_NE(bram.text().find(R"("coder":"anna")"), std::string::npos);
    auto r = Post("bram", "/api/stories/S2/codings", R"({"code": "taal", "whole": true})");
    ASSERT_EQ(r->status, 201);
    auto cli = Cli({"code", "S3", "taal", "--whole", "--coder", "carla"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    ASSERT_TRUE(bram.WaitFor("event: external")) << bram.text();
    EXPECT_EQ(bram.text().find(R"("coder":"bram")"), std::string::npos);  // not own changes
    // The server reads what the CLI wrote.
    EXPECT_EQ(Body(Get("anna", "/api/stories/S3"))["codings"][0]["coder"], "carla");
    StopServer();  // ends the stream
  }
}

// Runs `verhaal serve` as a program, reads its first line, stops it with
// SIGINT.
TEST_F(WorkbenchTest, ServeCommandPrintsLinksWritesTheTokenFileAndStopsOnCtrlC) {
  StopServer();
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out[1], 1);
    close(out[0]);
    if (chdir(dir_.path().c_str()) != 0) _exit(127);
    execl(VERHAAL_BINARY, "verhaal", "serve", "-p", "p.verhaal", "--port", "0", "--no-browser",
          "--coders", "anna,bram", "--token-file", "links.txt", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  FILE* lines = fdopen(out[0], "r");
  char buffer[512];
  std::string first;
  if (fgets(buffer, sizeof buffer, lines) != nullptr) first = buffer;
  ASSERT_EQ(first.rfind("anna http://127.0.0.1:", 0), 0u) << first;
  const size_t colon = first.find(':', 12);
  const int port = std::stoi(first.substr(colon + 1));
  const std::string token = first.substr(first.find("?token=") + 7, 48);
  struct stat info {};
  ASSERT_EQ(stat((dir_ / "links.txt").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(testing::ReadFile(dir_ / "links.txt").find(first), 0u);
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/api/project", {{"Authorization", "Bearer " + token}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(json::parse(r->body)["you"], "anna");
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  fclose(lines);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST_F(WorkbenchTest, ServeRefusesAnOpenAddressWithoutCoders) {
  auto r = Cli({"serve", "--listen", "0.0.0.0", "--no-browser", "--coder", "anna"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--coders"), std::string::npos) << r.err;
  r = Cli({"serve", "--lang", "fr", "--no-browser"});
  EXPECT_EQ(r.exit_code, 2);
  r = Cli({"serve", "--no-browser", "--tls-cert", "nergens.pem", "--tls-key", "nergens.key",
           "--coder", "anna"});
  EXPECT_EQ(r.exit_code, 66);
  r = Cli({"serve", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("verhaal serve --coders anna,bram"), std::string::npos);
}

}  // namespace
}  // namespace verhaal
