// Private to workbench/: the request handlers of a Workbench. security.cc
// checks each request before routing; routes.cc holds the JSON API;
// page.cc the page's files, the token exchange and the event stream.
#ifndef VERHAAL_WORKBENCH_HANDLERS_H_
#define VERHAAL_WORKBENCH_HANDLERS_H_

#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "coding/analysis_coders.h"
#include "study/request_error.h"
#include "study/viewer.h"
#include "workbench/server.h"

namespace verhaal {

// Who sent a request, and how.
struct Caller {
  std::string coder;
  bool by_cookie = false;  // a browser session (changes need the CSRF header)
  std::string csrf;        // the session's CSRF value
};

class Workbench::Handlers {
 public:
  explicit Handlers(Workbench& workbench) : workbench_(workbench) {}

  // Installs everything on `server`: checks, headers, routes.
  void Install(httplib::Server& server);

  // The Host values this server answers to (set once the port is known).
  void SetAllowedHosts(std::set<std::string> hosts) { allowed_hosts_ = std::move(hosts); }

 private:
  using Request = httplib::Request;
  using Response = httplib::Response;
  using JsonHandler = std::function<void(const Request&, Response&, const Viewer&)>;

  // security.cc
  httplib::Server::HandlerResponse Check(const Request& request, Response& response);
  std::optional<Caller> Authenticate(const Request& request) const;
  bool HostAllowed(const Request& request) const;
  Viewer ViewerOf(const Request& request) const;

  // routes.cc
  void InstallApi(httplib::Server& server);
  // team_routes.cc: the Team view's calls
  void InstallTeamApi(httplib::Server& server);
  // code_routes.cc: the Code view's call
  void InstallCodeApi(httplib::Server& server);
  // memo_routes.cc: the Memos view's call
  void InstallMemoApi(httplib::Server& server);
  // rule_routes.cc: the Rules view's calls
  void InstallRuleApi(httplib::Server& server);
  // privacy_routes.cc: the Privacy view's calls
  void InstallPrivacyApi(httplib::Server& server);
  // set_routes.cc: the Signifiers view's plot and the story sets
  void InstallSetApi(httplib::Server& server);
  // Wraps a handler: the viewer, errors as JSON with their status.
  httplib::Server::Handler Json(JsonHandler handler);

  // page.cc
  void InstallPage(httplib::Server& server);
  void ExchangeToken(const Request& request, Response& response, const std::string& token);
  void StreamEvents(const Request& request, Response& response);

  Workbench& workbench_;
  std::set<std::string> allowed_hosts_;
};

// Request fields for the routes (routes.cc): the JSON body (400 `body` when
// malformed or not an object), a string field (400 naming it when of another
// type; RequiredString also when missing), a query parameter (nullopt when
// absent or empty), and the answer.
nlohmann::json ParseBody(const httplib::Request& request);
std::optional<std::string> OptionalString(const nlohmann::json& body, const std::string& field);
// A whole-number field in code points (400 naming it when of another type).
std::optional<int64_t> OptionalInteger(const nlohmann::json& body, const std::string& field);
std::string RequiredString(const nlohmann::json& body, const std::string& field);
std::optional<std::string> Param(const httplib::Request& request, const char* name);

// A whole-number parameter of 0 or more, or `fallback` when absent; a
// kUsage RequestError naming it otherwise.
int64_t WholeParam(const httplib::Request& request, const char* name, int64_t fallback);

// The parameter `coders` (anna,bram) as names; nullopt when it is absent. A
// kUsage RequestError (field `coders`) when it names nobody (",").
std::optional<std::vector<std::string>> CodersParam(const httplib::Request& request);
// Whose codings, as the CLI's coder options: coders=anna,bram, combine=,
// min_coders= and speaker=.
CoderRequest CoderRequestParams(const httplib::Request& request);
void SendJson(httplib::Response& response, const nlohmann::json& body, int status = 200);

// A name in a query parameter that is not in the project (a code, coder,
// signifier, variable or story set a matrix reads or a list is filtered by)
// is a bad request (400), not a missing resource (404): 404 is for what the
// path names. Runs `action`, turning its kMissing RequestError into kUsage
// with the same message and field.
template <typename Action>
auto AsBadParameter(Action&& action) -> decltype(action()) {
  try {
    return action();
  } catch (const RequestError& e) {
    if (e.kind() != ErrorKind::kMissing || e.problem() != RequestProblem::kNone) throw;
    throw RequestError(ErrorKind::kUsage, e.message(), e.field());
  }
}

// Writes {"error": message, "field": field} with `status`.
void SendError(httplib::Response& response, int status, const std::string& message,
               const std::string& field = "");

// The 401 page for browsers: how to get the link.
std::string UnauthorizedPage();

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_HANDLERS_H_
