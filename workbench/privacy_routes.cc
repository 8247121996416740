// The Privacy view's calls (docs/serve.md, "GET /api/privacy"): each route
// reads the request, calls one study/privacy_review.h function under the
// project lock, publishes an event for a decision, and writes the JSON.
#include "study/privacy_review.h"
#include "study/request_error.h"
#include "workbench/handlers.h"

namespace verhaal {
namespace {

using nlohmann::json;

json FindingJson(const PrivacyFinding& f) {
  return {{"story", f.story},   {"field", f.field},
          {"kind", f.kind},     {"start", f.start},
          {"end", f.end},       {"category", f.category},
          {"text", f.text},     {"replacement", f.replacement},
          {"reason", f.reason}, {"before", f.before},
          {"after", f.after},   {"length", f.length},
          {"status", f.status}, {"everywhere", f.everywhere}};
}

// The decision named by DELETE's query: story, start and end, or text.
PrivacyDecisionRequest DecisionParams(const httplib::Request& request) {
  PrivacyDecisionRequest decision;
  decision.story = Param(request, "story");
  if (Param(request, "start")) decision.start = WholeParam(request, "start", 0);
  if (Param(request, "end")) decision.end = WholeParam(request, "end", 0);
  decision.text = Param(request, "text");
  return decision;
}

}  // namespace

void Workbench::Handlers::InstallPrivacyApi(httplib::Server& server) {
  Workbench& w = workbench_;

  server.Get("/api/privacy",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               PrivacyQuery query;
               query.category = Param(request, "category");
               query.kind = Param(request, "field");
               query.story = Param(request, "story");
               query.status = Param(request, "status");
               query.offset = WholeParam(request, "offset", 0);
               query.limit = WholeParam(request, "limit", 100);
               PrivacyList list;
               {
                 std::lock_guard lock(w.project_mutex_);
                 list = w.privacy_->List(w.project_, viewer, query);
               }
               json findings = json::array();
               for (const PrivacyFinding& f : list.findings) findings.push_back(FindingJson(f));
               SendJson(response, {{"total", list.total},
                                   {"offset", query.offset},
                                   {"limit", query.limit},
                                   {"statuses", list.statuses},
                                   {"categories", list.categories},
                                   {"decisions_file", list.decisions_file},
                                   {"may_decide", list.may_decide},
                                   {"lead", viewer.lead},
                                   {"detections", findings}});
             }));

  server.Post("/api/privacy/decisions",
              Json([&w](const Request& request, Response& response, const Viewer& viewer) {
                const json body = ParseBody(request);
                PrivacyDecisionRequest decision;
                decision.decision = RequiredString(body, "decision");
                decision.story = OptionalString(body, "story");
                decision.start = OptionalInteger(body, "start");
                decision.end = OptionalInteger(body, "end");
                decision.text = OptionalString(body, "text");
                decision.category = OptionalString(body, "category");
                decision.note = OptionalString(body, "note").value_or("");
                PrivacyFinding finding;
                {
                  std::lock_guard lock(w.project_mutex_);
                  finding = w.privacy_->Decide(w.project_, viewer, decision);
                }
                w.events_.Publish("privacy",
                                  json{{"action", decision.decision},
                                       {"story", decision.story.value_or("")},
                                       {"coder", viewer.coder}}
                                      .dump(),
                                  viewer.coder);
                SendJson(response, FindingJson(finding), 201);
              }));

  server.Delete("/api/privacy/decisions",
                Json([&w](const Request& request, Response& response, const Viewer& viewer) {
                  const PrivacyDecisionRequest decision = DecisionParams(request);
                  int64_t removed = 0;
                  {
                    std::lock_guard lock(w.project_mutex_);
                    removed = w.privacy_->Undecide(w.project_, viewer, decision);
                  }
                  w.events_.Publish("privacy",
                                    json{{"action", "undecide"},
                                         {"story", decision.story.value_or("")},
                                         {"coder", viewer.coder}}
                                        .dump(),
                                    viewer.coder);
                  SendJson(response, {{"removed", removed}});
                }));
}

}  // namespace verhaal
