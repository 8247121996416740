// The page's files, the exchange of a coder's token for a session cookie,
// and the stream of server-sent events.
#include <chrono>

#include "base/sha256.h"
#include "workbench/handlers.h"
#include "workbench/web_files.h"

namespace verhaal {
namespace {

// How long one wait for events lasts, and how often a quiet stream gets a
// comment line (which also notices a closed browser tab).
constexpr std::chrono::milliseconds kWait{1000};
constexpr int kPingEvery = 15;  // waits

std::string SseBlock(const WorkbenchEvent& event) {
  return "id: " + std::to_string(event.sequence) + "\nevent: " + event.name +
         "\ndata: " + event.data + "\n\n";
}

// Whether a subscriber sees `event`: not their own changes, and under
// --blind no coding of others.
bool Shows(const WorkbenchEvent& event, const std::string& coder, bool blind) {
  if (!event.actor.empty() && event.actor == coder) return false;
  if (blind && event.name == "coding" && !event.actor.empty()) return false;
  return true;
}

// index.html with a <link rel="modulepreload"> for every module before
// app.js's script tag: without them the browser learns of a module only when
// the one importing it has arrived, a wave of requests per level of imports.
std::string WithModulePreloads(const std::string& html) {
  const std::string script = "<script type=\"module\" src=\"app.js\">";
  const size_t at = html.find(script);
  if (at == std::string::npos) return html;
  std::string links;
  for (std::string_view path : WebModulePaths()) {
    links += "<link rel=\"modulepreload\" href=\"" + std::string(path) + "\">\n";
  }
  return html.substr(0, at) + links + html.substr(at);
}

}  // namespace

void Workbench::Handlers::ExchangeToken(const Request& request, Response& response,
                                        const std::string& token) {
  const auto coder = workbench_.sessions_.CoderOfToken(token);
  if (!coder) {
    response.status = 401;
    response.set_content(UnauthorizedPage(), "text/html; charset=utf-8");
    return;
  }
  const std::string session = workbench_.sessions_.Open(*coder);
  const bool tls = !workbench_.options_.tls_cert.empty();
  response.status = 303;
  response.set_header("Set-Cookie", "verhaal_session=" + session +
                                        "; HttpOnly; SameSite=Strict; Path=/" +
                                        (tls ? "; Secure" : ""));
  response.set_header("Location", request.path.empty() ? "/" : request.path);
}

void Workbench::Handlers::InstallPage(httplib::Server& server) {
  server.Get(R"(/(.*))", [](const Request& request, Response& response) {
    const std::string path = request.matches[1].str();
    if (path.rfind("api/", 0) == 0) {
      SendError(response, 404, "no such call: GET " + request.path + "; see docs/serve.md");
      return;
    }
    const auto bytes = ReadWebFile(path);
    if (!bytes) {
      response.status = 404;
      response.set_content("Not found: " + request.path + "\n", "text/plain; charset=utf-8");
      return;
    }
    const std::string name = path.empty() ? "index.html" : path;
    const std::string content = name == "index.html" ? WithModulePreloads(*bytes) : *bytes;
    // Revalidated on every load (no-cache), answered 304 when unchanged: a
    // reload fetches no file again, and a new build's files are never stale.
    const std::string etag = "\"" + Sha256Hex(content).substr(0, 32) + "\"";
    response.set_header("ETag", etag);
    response.headers.erase("Cache-Control");  // the API's no-store
    response.set_header("Cache-Control", "no-cache");
    if (request.get_header_value("If-None-Match") == etag) {
      response.status = 304;
      return;
    }
    response.set_content(content, std::string(ContentTypeOf(name)));
  });
}

void Workbench::Handlers::StreamEvents(const Request& request, Response& response) {
  const Viewer viewer = ViewerOf(request);
  EventLog& log = workbench_.events_;
  int64_t next = log.Next();
  if (request.has_header("Last-Event-ID")) {
    try {
      next = std::stoll(request.get_header_value("Last-Event-ID")) + 1;
    } catch (const std::exception&) {
      // A malformed id: start from now.
    }
  }
  auto position = std::make_shared<int64_t>(next);
  auto quiet = std::make_shared<int>(-1);  // -1: nothing written yet
  response.set_header("X-Accel-Buffering", "no");
  response.set_chunked_content_provider(
      "text/event-stream", [&log, viewer, position, quiet](size_t, httplib::DataSink& sink) {
        if (log.closed()) {
          sink.done();
          return true;
        }
        if (*quiet == -1) {  // the stream is open: tell the browser at once
          *quiet = 0;
          return sink.write(": open\n\n", 8);
        }
        const auto events = log.WaitFrom(*position, kWait);
        std::string out;
        for (const WorkbenchEvent& e : events) {
          *position = e.sequence + 1;
          if (Shows(e, viewer.coder, viewer.blind)) out += SseBlock(e);
        }
        if (out.empty() && ++*quiet >= kPingEvery) out = ": ping\n\n";
        if (out.empty()) return sink.is_writable();
        *quiet = 0;
        return sink.write(out.data(), out.size());
      });
}

}  // namespace verhaal
