// The Team view's calls (docs/serve.md, "GET /api/team"): each route reads
// the request, calls one study/team.h function under the project lock,
// publishes an event for a decision, and writes the JSON.
#include "study/request_error.h"
#include "study/team.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"

namespace verhaal {
namespace {

using nlohmann::json;

// The names of a comma-separated parameter (coders=anna,bram).
std::vector<std::string> Names(const std::string& text) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    if (comma > start) names.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return names;
}

AgreementUnit UnitParam(const std::optional<std::string>& text) {
  if (!text) return AgreementUnit::kPresence;
  return BlameField("unit", [&] { return ParseAgreementUnit(*text); });
}

}  // namespace

void Workbench::Handlers::InstallTeamApi(httplib::Server& server) {
  Workbench& w = workbench_;

  server.Get("/api/team", Json([&w](const Request& request, Response& response,
                                    const Viewer& viewer) {
    TeamQuery query;
    if (const auto coders = Param(request, "coders")) query.coders = Names(*coders);
    query.unit = UnitParam(Param(request, "unit"));
    std::lock_guard lock(w.project_mutex_);
    SendJson(response, TeamOverviewJson(OverviewTeam(w.project_, viewer, query), viewer));
  }));

  server.Get("/api/team/disagreements", Json([&w](const Request& request, Response& response,
                                                  const Viewer& viewer) {
    DisagreementQuery query;
    if (const auto coders = Param(request, "coders")) {
      const std::vector<std::string> names = Names(*coders);
      if (names.size() != 2) {
        throw RequestError(ErrorKind::kUsage,
                           "coders names the two coders to compare, e.g. coders=anna,bram",
                           "coders");
      }
      query.coder_a = names[0];
      query.coder_b = names[1];
    }
    query.code = Param(request, "code");
    query.unit = UnitParam(Param(request, "unit"));
    std::lock_guard lock(w.project_mutex_);
    SendJson(response,
             TeamDisagreementsJson(ListTeamDisagreements(w.project_, viewer, query), viewer));
  }));

  server.Post("/api/team/settle", Json([&w](const Request& request, Response& response,
                                            const Viewer& viewer) {
    const json body = ParseBody(request);
    SettleRequest settle;
    settle.story = RequiredString(body, "story");
    settle.code = RequiredString(body, "code");
    settle.coder_a = RequiredString(body, "coder_a");
    settle.coder_b = RequiredString(body, "coder_b");
    settle.decision = RequiredString(body, "decision");
    settle.unit = UnitParam(OptionalString(body, "unit"));
    SettleOutcome outcome;
    {
      std::lock_guard lock(w.project_mutex_);
      outcome = SettleDisagreement(w.project_, viewer, settle);
    }
    json out = TeamDisagreementJson(outcome.disagreement);
    out["added"] = outcome.added.size();
    out["removed"] = outcome.removed.size();
    w.events_.Publish("coding",
                      json{{"action", "settle"},
                           {"story", settle.story},
                           {"code", settle.code},
                           {"coder", viewer.coder},
                           {"decision", settle.decision},
                           {"coder_a", settle.coder_a},
                           {"coder_b", settle.coder_b}}
                          .dump(),
                      viewer.coder);
    SendJson(response, out);
  }));
}

}  // namespace verhaal
