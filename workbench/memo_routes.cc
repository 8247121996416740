// The Memos view's call (docs/serve.md, "GET /api/memos"): reads the query,
// calls study/memo_list.h under the project lock, writes the JSON.
#include "study/memo_list.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"

namespace verhaal {

void Workbench::Handlers::InstallMemoApi(httplib::Server& server) {
  Workbench& w = workbench_;
  server.Get("/api/memos",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               MemoQuery query;
               query.q = Param(request, "q").value_or("");
               query.kind = Param(request, "kind");
               query.author = Param(request, "author");
               query.offset = WholeParam(request, "offset", 0);
               query.limit = WholeParam(request, "limit", 100);
               std::lock_guard lock(w.project_mutex_);
               SendJson(response, MemoListJson(ListProjectMemos(w.project_, viewer, query),
                                               query.offset, query.limit));
             }));
}

}  // namespace verhaal
