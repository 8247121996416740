// The Rules view's calls (docs/serve.md, "GET /api/rules"): each route reads
// the request, calls one study/rule_review.h function (a decision under the
// project lock, a read through a connection of its own), publishes an event
// for a decision, and writes the JSON.
#include "study/request_error.h"
#include "study/rule_review.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"
#include "workbench/readers.h"

namespace verhaal {

void Workbench::Handlers::InstallRuleApi(httplib::Server& server) {
  Workbench& w = workbench_;

  server.Get("/api/rules", Json([&w](const Request&, Response& response, const Viewer& viewer) {
               const auto project = w.readers_->Borrow();
               SendJson(response, RulePrecisionsJson(RulePrecisions(*project, viewer)));
             }));

  server.Get("/api/rules/codings",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               RuleCodingQuery query;
               query.code = Param(request, "code");
               query.rule = Param(request, "rule");
               query.decision = Param(request, "decision");
               query.offset = WholeParam(request, "offset", 0);
               query.limit = WholeParam(request, "limit", 50);
               const auto project = w.readers_->Borrow();
               SendJson(response, RuleCodingListJson(AsBadParameter([&] {
                                                       return ListRuleCodingsForReview(
                                                           *project, viewer, query);
                                                     }),
                                                     query.offset, query.limit));
             }));

  server.Post(R"(/api/rules/codings/([^/]+)/decision)",
              Json([&w](const Request& request, Response& response, const Viewer& viewer) {
                const nlohmann::json body = ParseBody(request);
                const std::string decision = RequiredString(body, "decision");
                RuleDecisionOutcome outcome;
                {
                  std::lock_guard lock(w.project_mutex_);
                  outcome =
                      DecideRuleCoding(w.project_, viewer, request.matches[1].str(), decision);
                }
                const nlohmann::json out = RuleDecisionJson(outcome, viewer);
                w.events_.Publish("coding",
                                  nlohmann::json{{"action", "review"},
                                                 {"story", outcome.coding.coding.story_key},
                                                 {"coder", viewer.coder},
                                                 {"decision", out["decision"]},
                                                 {"rule_coding", out["id"]}}
                                      .dump(),
                                  viewer.coder);
                SendJson(response, out);
              }));
}

}  // namespace verhaal
