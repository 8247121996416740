#include "workbench/server.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <utility>

#include "base/error.h"
#include "study/privacy_review.h"
#include "workbench/handlers.h"
#include "workbench/readers.h"

namespace verhaal {
namespace {

// Request threads: every open page holds one for its event stream.
constexpr size_t kThreads = 32;

// Connections for reading: as many reads at once (more would only share the
// processors); a read beyond them waits for one to finish.
constexpr size_t kReaders = 4;

std::set<std::string> HostsFor(const std::string& listen, int port) {
  const std::string suffix = ":" + std::to_string(port);
  std::set<std::string> hosts;
  const bool v6 = listen.find(':') != std::string::npos;
  hosts.insert((v6 ? "[" + listen + "]" : listen) + suffix);
  if (IsLoopback(listen)) {
    hosts.insert("127.0.0.1" + suffix);
    hosts.insert("localhost" + suffix);
    hosts.insert("[::1]" + suffix);
  } else {
    char name[HOST_NAME_MAX + 1] = {};
    if (gethostname(name, sizeof name - 1) == 0 && name[0] != '\0') {
      hosts.insert(std::string(name) + suffix);
    }
  }
  return hosts;
}

}  // namespace

bool IsLoopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.rfind("127.", 0) == 0;
}

Workbench::Workbench(ServeOptions options)
    : options_(std::move(options)),
      project_(Project::Open(options_.project)),
      readers_(std::make_unique<ProjectReaders>(options_.project, kReaders)),
      sessions_(options_.coders) {
  if (options_.coders.empty()) throw UsageError("the workbench needs at least one coder");
  if (options_.lead.empty()) options_.lead = options_.coders.front();
  if (std::find(options_.coders.begin(), options_.coders.end(), options_.lead) ==
      options_.coders.end()) {
    throw UsageError("--lead " + options_.lead +
                     " is not one of the coders; name one of --coders (or add them there)");
  }
  const bool cert = !options_.tls_cert.empty();
  const bool key = !options_.tls_key.empty();
  if (cert != key) throw UsageError("give both --tls-cert and --tls-key, or neither");
  if (cert) {
    for (const auto& file : {options_.tls_cert, options_.tls_key}) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(file, ec)) {
        throw MissingError(file.string() + " does not exist; give a PEM file");
      }
    }
    auto server =
        std::make_unique<httplib::SSLServer>(options_.tls_cert.c_str(), options_.tls_key.c_str());
    if (!server->is_valid()) {
      throw DataError("OpenSSL cannot use " + options_.tls_cert.string() + " with " +
                      options_.tls_key.string() +
                      "; give a PEM certificate and its matching private key");
    }
    server_ = std::move(server);
  } else {
    server_ = std::make_unique<httplib::Server>();
  }
  privacy_ = std::make_unique<PrivacyReview>(options_.project, options_.decisions);
  server_->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  server_->set_payload_max_length(1 << 20);
  // An answer goes out as two writes (head, body); with Nagle's algorithm the
  // body waits for the client's delayed acknowledgement of the head, 40 ms
  // on Linux (bench/serve-load saw it on most writes).
  server_->set_tcp_nodelay(true);
  handlers_ = std::make_unique<Handlers>(*this);
  handlers_->Install(*server_);
}

Workbench::~Workbench() {
  Stop();
  if (poller_.joinable()) poller_.join();
}

int Workbench::Bind() {
  const std::string host = options_.listen == "localhost" ? "127.0.0.1" : options_.listen;
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(host);
  } else {
    port_ = server_->bind_to_port(host, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    throw Error(ErrorKind::kCannotCreate,
                "cannot listen on " + options_.listen + " port " + std::to_string(options_.port) +
                    " (in use, or not an address of this machine); try --port 0 for any free "
                    "port");
  }
  handlers_->SetAllowedHosts(HostsFor(options_.listen, port_));
  return port_;
}

void Workbench::Run() {
  {
    std::lock_guard lock(project_mutex_);
    last_version_ = DataVersion(project_);
  }
  poller_ = std::thread([this] { PollForeignChanges(); });
  if (!stopping_) server_->listen_after_bind();
  stopping_ = true;
  events_.Close();
  poller_.join();
}

void Workbench::Stop() {
  stopping_ = true;
  events_.Close();
  if (server_) server_->stop();
}

const std::filesystem::path& Workbench::decisions_file() const {
  return privacy_->decisions_file();
}

std::string Workbench::BaseUrl() const {
  const bool v6 = options_.listen.find(':') != std::string::npos;
  return std::string(options_.tls_cert.empty() ? "http" : "https") + "://" +
         (v6 ? "[" + options_.listen + "]" : options_.listen) + ":" + std::to_string(port_);
}

void Workbench::PollForeignChanges() {
  using namespace std::chrono_literals;
  auto next = std::chrono::steady_clock::now();
  while (!stopping_) {
    next += options_.poll_interval;
    while (!stopping_ && std::chrono::steady_clock::now() < next) std::this_thread::sleep_for(20ms);
    if (stopping_) break;
    int64_t version = 0;
    try {
      std::lock_guard lock(project_mutex_);
      version = DataVersion(project_);
    } catch (const Error&) {
      continue;  // busy or unreadable for a moment: look again next time
    }
    if (version != last_version_) {
      last_version_ = version;
      events_.Publish("external",
                      R"({"reason": "the project file was changed by another program"})", "");
    }
  }
}

}  // namespace verhaal
