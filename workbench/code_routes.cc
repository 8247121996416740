// The Code view's call (docs/serve.md, "GET /api/code/passages"): reads the
// query, calls study/code_passages.h through a connection of its own
// (workbench/readers.h), writes the JSON.
#include <algorithm>

#include "study/code_passages.h"
#include "study/request_error.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"
#include "workbench/readers.h"

namespace verhaal {
namespace {

// The query of GET /api/code/passages, named as the options of `verhaal
// quotes` (coders=anna,bram for --coders, min_coders for --min-coders).
PassageQuery PassageQueryFrom(const httplib::Request& request) {
  PassageQuery query;
  const auto code = Param(request, "code");
  if (!code) {
    throw RequestError(ErrorKind::kUsage, "code is missing; e.g. code=motivatie/willen", "code");
  }
  query.code_path = *code;
  const auto exact = Param(request, "exact");
  query.exact = exact && *exact != "0" && *exact != "false";
  query.coders = CoderRequestParams(request);
  query.role = Param(request, "role");
  query.kind = Param(request, "kind");
  if (Param(request, "wave")) query.wave = static_cast<int>(WholeParam(request, "wave", 0));
  query.var = Param(request, "var");
  query.set = Param(request, "set");
  query.context = static_cast<int>(std::min<int64_t>(WholeParam(request, "context", 40), 10000));
  return query;
}

// The code is the resource asked for (404 when it does not exist); a coder
// or variable that does not exist is a bad parameter (400).
CodePassages Retrieve(Project& project, const Viewer& viewer, const PassageQuery& query) {
  try {
    return RetrieveCodePassages(project, viewer, query);
  } catch (const RequestError& e) {
    if (e.kind() != ErrorKind::kMissing || e.field() == "code" ||
        e.problem() != RequestProblem::kNone) {
      throw;
    }
    throw RequestError(ErrorKind::kUsage, e.message(), e.field());
  }
}

}  // namespace

void Workbench::Handlers::InstallCodeApi(httplib::Server& server) {
  Workbench& w = workbench_;
  server.Get("/api/code/passages",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               const PassageQuery query = PassageQueryFrom(request);
               const int64_t offset = WholeParam(request, "offset", 0);
               const int64_t limit = std::min<int64_t>(WholeParam(request, "limit", 200), 100000);
               const auto project = w.readers_->Borrow();
               SendJson(response,
                        CodePassagesJson(query.code_path, Retrieve(*project, viewer, query), offset,
                                         limit));
             }));
}

}  // namespace verhaal
