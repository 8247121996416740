// The Team view's calls (docs/serve.md, "GET /api/team"): each route reads
// the request, calls one study/team.h function (a decision under the project
// lock, a read through a connection of its own), publishes an event for a
// decision, and writes the JSON.
#include "study/request_error.h"
#include "study/team.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"
#include "workbench/readers.h"

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

// "segments": [{"code": "...", "start": N, "end": N}, ...] (code optional).
std::vector<SettleSegment> SegmentsOf(const json& body) {
  std::vector<SettleSegment> segments;
  if (!body.contains("segments") || body["segments"].is_null()) return segments;
  const RequestError bad(ErrorKind::kUsage,
                         "segments must be a list of {\"start\": N, \"end\": N} with an "
                         "optional \"code\" (code points)",
                         "segments");
  if (!body["segments"].is_array()) throw bad;
  for (const json& item : body["segments"]) {
    if (!item.is_object() || !item.contains("start") || !item.contains("end") ||
        !item["start"].is_number_integer() || !item["end"].is_number_integer() ||
        (item.contains("code") && !item["code"].is_string())) {
      throw bad;
    }
    segments.push_back(
        {item.value("code", ""), item["start"].get<int64_t>(), item["end"].get<int64_t>()});
  }
  return segments;
}

}  // namespace

void Workbench::Handlers::InstallTeamApi(httplib::Server& server) {
  Workbench& w = workbench_;

  server.Get("/api/team",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               TeamQuery query;
               if (const auto coders = Param(request, "coders")) query.coders = Names(*coders);
               query.unit = UnitParam(Param(request, "unit"));
               const auto project = w.readers_->Borrow();
               SendJson(response, TeamOverviewJson(OverviewTeam(*project, viewer, query), viewer));
             }));

  server.Get("/api/team/disagreements",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               DisagreementQuery query;
               if (const auto coders = Param(request, "coders")) {
                 const std::vector<std::string> names = Names(*coders);
                 if (names.size() != 2) {
                   throw RequestError(
                       ErrorKind::kUsage,
                       "coders names the two coders to compare, e.g. coders=anna,bram", "coders");
                 }
                 query.coder_a = names[0];
                 query.coder_b = names[1];
               }
               query.code = Param(request, "code");
               query.unit = UnitParam(Param(request, "unit"));
               const auto project = w.readers_->Borrow();
               SendJson(response, TeamDisagreementsJson(
                                      ListTeamDisagreements(*project, viewer, query), viewer));
             }));

  server.Post("/api/team/settle",
              Json([&w](const Request& request, Response& response, const Viewer& viewer) {
                const json body = ParseBody(request);
                SettleRequest settle;
                settle.story = RequiredString(body, "story");
                settle.code = RequiredString(body, "code");
                settle.coder_a = RequiredString(body, "coder_a");
                settle.coder_b = RequiredString(body, "coder_b");
                settle.decision = RequiredString(body, "decision");
                settle.segments = SegmentsOf(body);
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
