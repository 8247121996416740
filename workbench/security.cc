// The checks every request passes before its route runs (docs/serve.md,
// "Access"): Host header, coder token or session, JSON content type and
// CSRF header on changes.
#include <algorithm>

#include "workbench/handlers.h"
#include "workbench/tokens.h"

namespace verhaal {
namespace {

constexpr const char* kCookie = "verhaal_session";

std::optional<std::string> CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const size_t semicolon = rest.find(';');
    std::string_view part = rest.substr(0, semicolon);
    rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const size_t equals = part.find('=');
    if (equals != std::string_view::npos && part.substr(0, equals) == name) {
      return std::string(part.substr(equals + 1));
    }
  }
  return std::nullopt;
}

bool IsApi(const std::string& path) { return path.rfind("/api/", 0) == 0; }

bool IsChange(const std::string& method) {
  return method == "POST" || method == "PATCH" || method == "DELETE" || method == "PUT";
}

}  // namespace

void SendError(httplib::Response& response, int status, const std::string& message,
               const std::string& field) {
  nlohmann::json body = {{"error", message}};
  if (!field.empty()) body["field"] = field;
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

std::string UnauthorizedPage() {
  return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>verhaal: open your link</title></head><body>\n"
         "<h1>This workbench needs your link</h1>\n"
         "<p>Open the link that <code>verhaal serve</code> printed for you in the terminal "
         "(it ends in <code>?token=...</code>), or the one in the file given with "
         "<code>--token-file</code>. Ask whoever runs the server for your link.</p>\n"
         "<p lang=\"nl\">Open de link die <code>verhaal serve</code> voor je in de terminal "
         "liet zien (eindigend op <code>?token=...</code>), of die uit het bestand van "
         "<code>--token-file</code>.</p>\n</body></html>\n";
}

bool Workbench::Handlers::HostAllowed(const Request& request) const {
  const std::string host = request.get_header_value("Host");
  if (allowed_hosts_.count(host) > 0) return true;
  // Listening on every address: any literal IP address (a DNS rebinding
  // attack needs a name that resolves to this machine).
  const std::string& listen = workbench_.options_.listen;
  if (listen != "0.0.0.0" && listen != "::") return false;
  const std::string suffix = ":" + std::to_string(workbench_.port_);
  if (host.size() <= suffix.size() ||
      host.compare(host.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return false;
  }
  const std::string name = host.substr(0, host.size() - suffix.size());
  const bool ipv4 = std::all_of(name.begin(), name.end(),
                                [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  const bool ipv6 = name.size() > 2 && name.front() == '[' && name.back() == ']';
  return ipv4 || ipv6;
}

std::optional<Caller> Workbench::Handlers::Authenticate(const Request& request) const {
  const std::string authorization = request.get_header_value("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0) {
    if (auto coder = workbench_.sessions_.CoderOfToken(authorization.substr(7))) {
      return Caller{*coder, false, ""};
    }
    return std::nullopt;
  }
  if (auto id = CookieValue(request, kCookie)) {
    if (auto session = workbench_.sessions_.Find(*id)) {
      return Caller{session->coder, true, session->csrf};
    }
  }
  return std::nullopt;
}

Viewer Workbench::Handlers::ViewerOf(const Request& request) const {
  return Viewer{Authenticate(request)->coder, workbench_.options_.blind, workbench_.options_.lead};
}

httplib::Server::HandlerResponse Workbench::Handlers::Check(const Request& request,
                                                            Response& response) {
  using R = httplib::Server::HandlerResponse;
  if (!HostAllowed(request)) {
    SendError(response, 403,
              "Host '" + request.get_header_value("Host") +
                  "' is not this server's address; open the link verhaal serve printed");
    return R::Handled;
  }
  if (!IsApi(request.path) && request.method == "GET" && request.has_param("token")) {
    ExchangeToken(request, response, request.get_param_value("token"));
    return R::Handled;
  }
  const auto caller = Authenticate(request);
  if (!caller) {
    if (IsApi(request.path)) {
      SendError(response, 401,
                "no valid token or session; send Authorization: Bearer TOKEN, or open the link "
                "verhaal serve printed");
    } else {
      response.status = 401;
      response.set_content(UnauthorizedPage(), "text/html; charset=utf-8");
    }
    return R::Handled;
  }
  if (IsChange(request.method)) {
    const std::string type = request.get_header_value("Content-Type");
    const bool json = type.rfind("application/json", 0) == 0;
    if (!request.body.empty() || request.method == "PATCH" ||
        (request.method == "POST" && request.path != "/api/undo" && request.path != "/api/redo")) {
      if (!json) {
        SendError(
            response, 415,
            "changes take a JSON body with Content-Type: application/json; got '" + type + "'",
            "body");
        return R::Handled;
      }
    }
    if (caller->by_cookie &&
        !SameSecret(request.get_header_value("X-Verhaal-CSRF"), caller->csrf)) {
      SendError(response, 403,
                "missing or wrong X-Verhaal-CSRF header; send the csrf value of GET /api/project "
                "with every change");
      return R::Handled;
    }
  }
  return R::Unhandled;
}

void Workbench::Handlers::Install(httplib::Server& server) {
  server.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cache-Control", "no-store"},
  });
  server.set_pre_routing_handler(
      [this](const Request& request, Response& response) { return Check(request, response); });
  server.set_error_handler([](const Request& request, Response& response) {
    if (!response.body.empty()) return;
    if (IsApi(request.path) || response.status != 404) {
      const int status = response.status;
      SendError(response, status,
                status == 404
                    ? "no such call: " + request.method + " " + request.path + "; see docs/serve.md"
                : status == 411
                    ? "send Content-Length (Content-Length: 0 for no body)"
                    : "the request could not be handled (HTTP " + std::to_string(status) + ")");
    } else {
      response.set_content("Not found\n", "text/plain; charset=utf-8");
    }
  });
  server.set_exception_handler([](const Request&, Response& response, std::exception_ptr error) {
    std::string what = "internal error";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    SendError(response, 500, what);
  });
  InstallApi(server);
  InstallTeamApi(server);
  InstallCodeApi(server);
  InstallMemoApi(server);
  InstallRuleApi(server);
  InstallPrivacyApi(server);
  InstallSetApi(server);
  InstallPage(server);
}

}  // namespace verhaal
