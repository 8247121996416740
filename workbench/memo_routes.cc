// The Memos view's call (docs/serve.md, "GET /api/memos"): reads the query,
// calls study/memo_list.h through a connection of its own (workbench/
// readers.h), writes the JSON.
#include "study/memo_list.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"
#include "workbench/readers.h"

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
               const auto project = w.readers_->Borrow();
               SendJson(response, MemoListJson(ListProjectMemos(*project, viewer, query),
                                               query.offset, query.limit));
             }));
}

}  // namespace verhaal
