// A workbench server on a small project, started in-process on a free port,
// and an HTTP client (cpp-httplib) to talk to it as each coder.
#ifndef VERHAAL_TESTS_WORKBENCH_WORKBENCH_FIXTURE_H_
#define VERHAAL_TESTS_WORKBENCH_WORKBENCH_FIXTURE_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/test_support.h"
#include "workbench/server.h"

namespace verhaal {

using nlohmann::json;

// S1's text has an emoji (one code point, two UTF-16 units) before its
// second "wil werken", which starts at code point 30.
inline constexpr const char* kStoriesCsv =
    "story,respondent,role,text\n"
    "S1,R1,statushouder,\"Één café: ik wil werken. 😀 Ik wil werken, zei ze.\"\n"
    "S2,R2,klantmanager,Taal blijft lastig.\n"
    "S3,R3,statushouder,<img src=x onerror=alert(1)> staat hier als tekst.\n";

inline constexpr const char* kCodebookYaml = R"(codes:
  - name: motivatie
    dimension: true
    codable: false
    children:
      - name: moeten
      - name: willen
  - name: taal
    colour: "#1f77b4"
  - name: oud
    retired: true
)";

class WorkbenchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MakeProject();
    Start({"anna", "bram"});
  }
  void TearDown() override { StopServer(); }

  void MakeProject() {
    ASSERT_EQ(Cli({"init", "p.verhaal"}).exit_code, 0);
    dir_.Write("stories.csv", kStoriesCsv);
    dir_.Write("map.yaml", "story: story\nrespondent: respondent\nrole: role\ntext: text\n");
    auto imported = Cli({"import", "csv", "stories.csv", "--mapping", "map.yaml"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    dir_.Write("cb.yaml", kCodebookYaml);
    auto loaded = Cli({"codebook", "load", "cb.yaml"});
    ASSERT_EQ(loaded.exit_code, 0) << loaded.err;
  }

  void Start(std::vector<std::string> coders, bool blind = false,
             const std::string& project = "p.verhaal") {
    ServeOptions options;
    options.project = dir_ / project;
    options.port = 0;
    options.coders = std::move(coders);
    options.blind = blind;
    options.lead = lead_;
    options.poll_interval = std::chrono::milliseconds(50);
    server_ = std::make_unique<Workbench>(options);
    port_ = server_->Bind();
    thread_ = std::thread([this] { server_->Run(); });
  }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  testing::RunResult Cli(const std::vector<std::string>& args) {
    return testing::RunVerhaal(args, dir_.path());
  }

  std::string TokenOf(const std::string& coder) const {
    for (const CoderToken& t : server_->tokens()) {
      if (t.coder == coder) return t.token;
    }
    return "";
  }

  // The read timeout is generous: under the sanitizer builds on a loaded CI
  // machine a privacy scan (GET /api/privacy) has taken over 10 s; a test
  // that waits for an answer still fails, after a minute, when none comes.
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60, 0);
    return client;
  }

  httplib::Headers As(const std::string& coder) const {
    return {{"Authorization", "Bearer " + TokenOf(coder)}};
  }

  httplib::Result Get(const std::string& coder, const std::string& path) const {
    return Client().Get(path.c_str(), As(coder));
  }
  httplib::Result Post(const std::string& coder, const std::string& path,
                       const std::string& body) const {
    return Client().Post(path.c_str(), As(coder), body, "application/json");
  }
  httplib::Result Patch(const std::string& coder, const std::string& path,
                        const std::string& body) const {
    return Client().Patch(path.c_str(), As(coder), body, "application/json");
  }
  httplib::Result Delete(const std::string& coder, const std::string& path) const {
    return Client().Delete(path.c_str(), As(coder));
  }

  // The body of a response as JSON (an empty object for an empty body).
  static json Body(const httplib::Result& result) {
    if (!result || result->body.empty()) return json::object();
    return json::parse(result->body);
  }

  // Codes S1's second "wil werken" (30:40) as `coder`; returns the coding.
  json CodeWillen(const std::string& coder, const std::string& memo = "") {
    auto r =
        Post(coder, "/api/stories/S1/codings",
             json{{"code", "motivatie/willen"}, {"start", 30}, {"end", 40}, {"memo", memo}}.dump());
    EXPECT_TRUE(r);
    if (!r) return json::object();
    EXPECT_EQ(r->status, 201) << r->body;
    return Body(r);
  }

  testing::TempDir dir_;
  std::string lead_;  // --lead for the next Start; empty: the first coder
  std::unique_ptr<Workbench> server_;
  std::thread thread_;
  int port_ = 0;
};

// Collects what /api/events sends to `coder` until the server stops.
class EventReader {
 public:
  EventReader(const WorkbenchTest& test, httplib::Client client, httplib::Headers headers)
      : thread_([this, client = std::move(client), headers]() mutable {
          client.Get("/api/events", headers, [this](const char* data, size_t size) {
            std::lock_guard lock(mutex_);
            text_.append(data, size);
            return true;
          });
        }) {
    (void)test;
  }
  ~EventReader() { thread_.join(); }

  // Waits up to 30 s for `part` to arrive (returns as soon as it does; the
  // sanitizer builds on a loaded machine are slow).
  bool WaitFor(const std::string& part) {
    for (int i = 0; i < 1500; ++i) {
      {
        std::lock_guard lock(mutex_);
        if (text_.find(part) != std::string::npos) return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }
  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  std::mutex mutex_;
  std::string text_;
  std::thread thread_;
};

}  // namespace verhaal

#endif  // VERHAAL_TESTS_WORKBENCH_WORKBENCH_FIXTURE_H_
