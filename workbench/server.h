// `verhaal serve`: the workbench's web server over one project file. It
// serves the page (workbench/web_files.h) and the JSON API of docs/serve.md,
// whose routes call study/ and nothing else; checks every request (Host
// header, coder token or session cookie, CSRF header and JSON content type
// on changes) and sets the security headers; tells open pages about changes
// (server-sent events), also those another program (the CLI) makes.
//
// One Project connection makes every change, one at a time (a mutex); the
// routes that only read borrow connections of their own (workbench/
// readers.h), so a long read does not hold up the coders' changes. The CLI
// writes beside it through SQLite's WAL and busy timeout.
#ifndef VERHAAL_WORKBENCH_SERVER_H_
#define VERHAAL_WORKBENCH_SERVER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "corpus/project.h"
#include "workbench/events.h"
#include "workbench/sessions.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace verhaal {

class PrivacyReview;
class ProjectReaders;

struct ServeOptions {
  std::filesystem::path project;
  std::string listen = "127.0.0.1";
  int port = 8470;                  // 0: any free port
  std::vector<std::string> coders;  // at least one
  bool blind = false;
  std::string lead;                // settles disagreements (Team view); empty: the first coder
  std::string lang;                // "nl", "en" or "" (the browser decides)
  std::filesystem::path tls_cert;  // both or neither
  std::filesystem::path tls_key;
  std::chrono::milliseconds poll_interval{500};  // how often to look for others' changes
  // The Privacy view's review file (privacy/decisions.h); empty: beside the
  // project (DefaultDecisionsFile), as `verhaal pseudonymise` looks for it.
  std::filesystem::path decisions;
};

// True for 127.0.0.1 (and 127.x.y.z), ::1 and localhost.
bool IsLoopback(const std::string& address);

class Workbench {
 public:
  // Opens the project and makes a token per coder. Errors: kMissing for the
  // project or a TLS file, kUsage for options that do not go together (no
  // coders, a lead who is not a coder, only one of cert and key), kData for a TLS file OpenSSL
  // refuses.
  explicit Workbench(ServeOptions options);
  ~Workbench();
  // Not copyable or movable: request threads hold `this`.
  Workbench(const Workbench&) = delete;
  Workbench& operator=(const Workbench&) = delete;

  // Binds the listening socket; returns the port (the chosen one for port
  // 0). kCannotCreate Error when the address cannot be bound.
  int Bind();

  // Serves until Stop(); returns then. Call after Bind.
  void Run();

  // Ends Run: open event streams close, running requests finish. Any thread.
  void Stop();

  // "http://127.0.0.1:8470" (https with TLS), the base of the coders' links.
  std::string BaseUrl() const;
  const std::vector<CoderToken>& tokens() const { return sessions_.tokens(); }
  // Where the Privacy view writes its decisions.
  const std::filesystem::path& decisions_file() const;

 private:
  class Handlers;
  void PollForeignChanges();

  ServeOptions options_;
  Project project_;
  std::mutex project_mutex_;
  std::unique_ptr<ProjectReaders> readers_;  // for the routes that only read
  Sessions sessions_;
  EventLog events_;
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<Handlers> handlers_;
  std::unique_ptr<PrivacyReview> privacy_;  // under project_mutex_
  int port_ = 0;
  int64_t last_version_ = 0;  // DataVersion at the last poll
  std::atomic<bool> stopping_ = false;
  std::thread poller_;
};

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_SERVER_H_
