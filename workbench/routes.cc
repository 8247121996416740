// The JSON API of docs/serve.md. Each route reads the request, calls one
// study/ function (a change under the project lock, a read through a
// connection of its own: workbench/readers.h), publishes an event for a
// change, and writes the JSON; nothing else.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

#include "corpus/error.h"
#include "exporters/svg_heatmap.h"
#include "study/codebook_edit.h"
#include "study/coding_actions.h"
#include "study/matrix_query.h"
#include "study/request_error.h"
#include "study/story_browse.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"
#include "workbench/readers.h"

namespace verhaal {
namespace {

using nlohmann::json;

int StatusOf(const Error& error) {
  if (const auto* request = dynamic_cast<const RequestError*>(&error)) {
    if (request->problem() == RequestProblem::kForbidden) return 403;
    if (request->problem() == RequestProblem::kConflict) return 409;
  }
  switch (error.kind()) {
    case ErrorKind::kUsage:
      return 400;
    case ErrorKind::kMissing:
      return 404;
    case ErrorKind::kData:
      return 422;
    case ErrorKind::kIo:  // the project file is busy, full or cannot be read
      return 503;
    default:
      return 500;
  }
}

// The query parameters of GET /api/matrix and /api/matrix/quotes, named as
// the options of `verhaal matrix` (min_coders for --min-coders).
MatrixQuery MatrixQueryFrom(const httplib::Request& request) {
  MatrixQuery query;
  query.rows = Param(request, "rows").value_or("");
  query.cols = Param(request, "cols").value_or("");
  query.by = Param(request, "by");
  query.mixed = Param(request, "mixed").value_or("exclude");
  query.unit = Param(request, "unit").value_or("story");
  query.within = Param(request, "within").value_or("0");
  query.coders = CoderRequestParams(request);
  query.stories.role = Param(request, "role");
  query.stories.kind = Param(request, "kind");
  if (Param(request, "wave")) query.stories.wave = static_cast<int>(WholeParam(request, "wave", 0));
  query.stories.set = Param(request, "set");
  return query;
}

// ids=3,17,42: story ids (the Signifiers view's selection).
std::vector<int64_t> IdsParam(const std::string& text) {
  std::vector<int64_t> ids;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view part(text.data() + start, comma - start);
    int64_t id = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size()) {
      throw RequestError(ErrorKind::kUsage,
                         "ids must be story ids separated by commas, e.g. ids=3,17,42; got '" +
                             std::string(part) + "'",
                         "ids");
    }
    ids.push_back(id);
    start = comma + 1;
  }
  return ids;
}

}  // namespace

json ParseBody(const httplib::Request& request) {
  if (request.body.empty()) return json::object();
  try {
    json body = json::parse(request.body);
    if (!body.is_object()) {
      throw RequestError(ErrorKind::kUsage, "the body must be a JSON object {...}", "body");
    }
    return body;
  } catch (const json::parse_error& e) {
    throw RequestError(ErrorKind::kUsage, std::string("malformed JSON: ") + e.what(), "body");
  }
}

std::optional<int64_t> OptionalInteger(const json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::nullopt;
  if (!body[field].is_number_integer()) {
    throw RequestError(ErrorKind::kUsage,
                       field + " must be a whole number (code points); got " + body[field].dump(),
                       field);
  }
  return body[field].get<int64_t>();
}

std::optional<std::string> OptionalString(const json& body, const std::string& field) {
  if (!body.contains(field) || body[field].is_null()) return std::nullopt;
  if (!body[field].is_string()) {
    throw RequestError(ErrorKind::kUsage, field + " must be a string", field);
  }
  return body[field].get<std::string>();
}

std::string RequiredString(const json& body, const std::string& field) {
  auto value = OptionalString(body, field);
  if (!value) throw RequestError(ErrorKind::kUsage, field + " is missing", field);
  return *value;
}

std::optional<std::string> Param(const httplib::Request& request, const char* name) {
  if (!request.has_param(name)) return std::nullopt;
  std::string value = request.get_param_value(name);
  if (value.empty()) return std::nullopt;
  return value;
}

int64_t WholeParam(const httplib::Request& request, const char* name, int64_t fallback) {
  const auto text = Param(request, name);
  if (!text) return fallback;
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < 0) {
    throw RequestError(
        ErrorKind::kUsage,
        std::string(name) + " must be a whole number of 0 or more; got '" + *text + "'", name);
  }
  return value;
}

CoderRequest CoderRequestParams(const httplib::Request& request) {
  CoderRequest coders;
  coders.coders = CodersParam(request);
  coders.combine = Param(request, "combine");
  if (Param(request, "min_coders")) {
    coders.min_coders = static_cast<int>(WholeParam(request, "min_coders", 1));
  }
  coders.speaker = Param(request, "speaker");
  return coders;
}

std::optional<std::vector<std::string>> CodersParam(const httplib::Request& request) {
  const auto coders = Param(request, "coders");
  if (!coders) return std::nullopt;
  std::vector<std::string> names;
  size_t start = 0;
  while (start <= coders->size()) {
    const size_t comma = std::min(coders->find(',', start), coders->size());
    if (comma > start) names.push_back(coders->substr(start, comma - start));
    start = comma + 1;
  }
  if (names.empty()) {
    throw RequestError(ErrorKind::kUsage, "coders needs a coder's name, e.g. coders=anna,bram",
                       "coders");
  }
  return names;
}

void SendJson(httplib::Response& response, const json& body, int status) {
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

httplib::Server::Handler Workbench::Handlers::Json(JsonHandler handler) {
  return [this, handler = std::move(handler)](const Request& request, Response& response) {
    const auto started = std::chrono::steady_clock::now();
    try {
      handler(request, response, ViewerOf(request));
    } catch (const RequestError& e) {
      SendError(response, StatusOf(e), e.message(), e.field());
    } catch (const Error& e) {
      // An SQLite failure reported with its result code gets the advice the
      // CLI gives for it (the disk is full, the file is in use, ...).
      const Error error = WithSqliteAdvice(e, workbench_.options_.project.string());
      SendError(response, StatusOf(error), error.message());
    } catch (const std::exception& e) {
      // corpus/ turns SQLite's exceptions into Errors; should one slip
      // through, it is still answered by its kind, not as an internal error.
      const auto error = SqliteExceptionError(e, workbench_.options_.project.string());
      if (!error) throw;
      SendError(response, StatusOf(*error), error->message());
    }
    // How long the server took (waiting for the project included), for the
    // browser's developer tools and bench/serve-load.
    const std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - started;
    char timing[48];
    std::snprintf(timing, sizeof timing, "app;dur=%.1f", took.count());
    response.set_header("Server-Timing", timing);
  };
}

void Workbench::Handlers::InstallApi(httplib::Server& server) {
  Workbench& w = workbench_;
  auto publish = [&w](const char* name, const json& data, const Viewer& viewer) {
    w.events_.Publish(name, data.dump(), viewer.coder);
  };

  server.Get(
      "/api/project", Json([&w](const Request& request, Response& response, const Viewer& viewer) {
        const auto project = w.readers_->Borrow();
        const ProjectOverview o = OverviewProject(*project, viewer);
        const auto caller = w.handlers_->Authenticate(request);
        SendJson(response, {{"name", o.name},
                            {"file", o.file},
                            {"schema", o.schema},
                            {"you", viewer.coder},
                            {"coders", w.options_.coders},
                            {"blind", viewer.blind},
                            {"lead", viewer.lead},
                            {"lang", w.options_.lang},
                            {"csrf", caller ? caller->csrf : ""},
                            {"counts",
                             {{"stories", o.stories},
                              {"respondents", o.respondents},
                              {"codes", o.codes},
                              {"codings", o.codings},
                              {"memos", o.memos}}},
                            {"roles", o.facets.roles},
                            {"kinds", o.facets.kinds},
                            {"waves", o.facets.waves},
                            {"dimensions", DimensionChoicesJson(ListMatrixDimensions(*project))},
                            {"project_coders", ListMatrixCoders(*project, viewer)}});
      }));

  server.Get("/api/matrix",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               const MatrixQuery query = MatrixQueryFrom(request);
               const auto project = w.readers_->Borrow();
               const std::vector<MatrixAnswer> answers =
                   AsBadParameter([&] { return RunMatrixQueries(*project, viewer, query); });
               // combine=each: {"combine": "each", "runs": [one answer per
               // coder]}, as `verhaal matrix --combine each` prints them.
               const auto& coders = answers.front().coders;
               if (!coders || coders->combine != CoderCombine::kEach) {
                 SendJson(response, MatrixAnswerJson(answers.front()));
                 return;
               }
               json runs = json::array();
               for (const MatrixAnswer& answer : answers) runs.push_back(MatrixAnswerJson(answer));
               SendJson(response, {{"combine", "each"}, {"runs", runs}});
             }));

  // The same matrix as a heat map (exporters/svg_heatmap.h, as `verhaal
  // matrix --svg` writes it), for the page's download link.
  server.Get("/api/matrix.svg",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               const MatrixQuery query = MatrixQueryFrom(request);
               const auto project = w.readers_->Borrow();
               const MatrixAnswer answer =
                   AsBadParameter([&] { return RunMatrixQuery(*project, viewer, query); });
               response.set_header("Content-Disposition", "attachment; filename=\"matrix.svg\"");
               response.set_content(MatrixHeatmapSvg(answer.matrix),
                                    "image/svg+xml; charset=utf-8");
             }));

  server.Get("/api/matrix/quotes",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               const MatrixQuery query = MatrixQueryFrom(request);
               const auto row = Param(request, "row");
               const auto col = Param(request, "col");
               if (!row || !col) {
                 throw RequestError(
                     ErrorKind::kUsage,
                     "name the cell by its levels: row=LEVEL&col=LEVEL (e.g. row=willen&"
                     "col=aanmoedigend)",
                     row ? "col" : "row");
               }
               const std::string group = Param(request, "group").value_or("");
               const int64_t limit = WholeParam(request, "limit", 200);
               const auto project = w.readers_->Borrow();
               const CellQuotes quotes = AsBadParameter([&] {
                 const MatrixAnswer answer = RunMatrixQuery(*project, viewer, query);
                 return QuoteMatrixCell(*project, answer, *row, *col, group,
                                        static_cast<int>(std::clamp<int64_t>(limit, 0, 100000)));
               });
               SendJson(response, CellQuotesJson(quotes, *row, *col, group));
             }));

  server.Get("/api/codebook", Json([&w](const Request&, Response& response, const Viewer& viewer) {
               const auto project = w.readers_->Borrow();
               json codes = json::array();
               for (const CodeWithCounts& c : CodebookTree(*project, viewer))
                 codes.push_back(CodeJson(c));
               SendJson(response, {{"codes", codes}});
             }));

  server.Get(
      "/api/stories", Json([&w](const Request& request, Response& response, const Viewer& viewer) {
        StoryListRequest list;
        list.q = Param(request, "q").value_or("");
        list.code = Param(request, "code");
        list.coder = Param(request, "coder");
        list.role = Param(request, "role");
        list.kind = Param(request, "kind");
        if (Param(request, "wave")) list.wave = static_cast<int>(WholeParam(request, "wave", 0));
        list.set = Param(request, "set");
        if (const auto ids = Param(request, "ids")) list.ids = IdsParam(*ids);
        const auto uncoded = Param(request, "uncoded");
        list.uncoded = uncoded && *uncoded != "0" && *uncoded != "false";
        const auto coded = Param(request, "coded");
        list.coded = coded && *coded != "0" && *coded != "false";
        list.offset = WholeParam(request, "offset", 0);
        list.limit = WholeParam(request, "limit", 50);
        const auto project = w.readers_->Borrow();
        SendJson(
            response,
            StoryPageJson(AsBadParameter([&] { return BrowseStories(*project, viewer, list); }),
                          list.offset, list.limit));
      }));

  server.Get(R"(/api/stories/([^/]+))",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               const auto project = w.readers_->Borrow();
               SendJson(response,
                        StoryJson(OpenStory(*project, viewer, request.matches[1].str()), viewer));
             }));

  server.Post(R"(/api/stories/([^/]+)/codings)",
              Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
                const json body = ParseBody(request);
                NewCoding coding;
                coding.story_key = request.matches[1].str();
                coding.code_path = RequiredString(body, "code");
                coding.start = OptionalInteger(body, "start");
                coding.end = OptionalInteger(body, "end");
                if (body.contains("whole") && !body["whole"].is_boolean()) {
                  throw RequestError(ErrorKind::kUsage, "whole must be true or false", "whole");
                }
                coding.whole = body.value("whole", false);
                coding.memo = OptionalString(body, "memo").value_or("");
                CodingOutcome outcome;
                {
                  std::lock_guard lock(w.project_mutex_);
                  outcome = MakeCoding(w.project_, viewer, coding);
                }
                json out = CodingJson(outcome.coding, viewer);
                out["added"] = outcome.added;
                if (outcome.added) {
                  publish("coding",
                          {{"action", "add"},
                           {"story", outcome.coding.story_key},
                           {"coder", viewer.coder},
                           {"coding", CodingJson(outcome.coding, Viewer{})}},
                          viewer);
                }
                SendJson(response, out, outcome.added ? 201 : 200);
              }));

  server.Patch(
      R"(/api/codings/([^/]+))",
      Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
        const json body = ParseBody(request);
        CodingEdit edit;
        edit.code_path = OptionalString(body, "code");
        edit.start = OptionalInteger(body, "start");
        edit.end = OptionalInteger(body, "end");
        edit.memo = OptionalString(body, "memo");
        CodingChange change;
        {
          std::lock_guard lock(w.project_mutex_);
          change = ChangeCoding(w.project_, viewer, request.matches[1].str(), edit);
        }
        publish("coding",
                {{"action", "change"},
                 {"story", change.after.story_key},
                 {"coder", viewer.coder},
                 {"before", CodingJson(change.before, Viewer{})},
                 {"coding", CodingJson(change.after, Viewer{})}},
                viewer);
        SendJson(response, CodingJson(change.after, viewer));
      }));

  server.Delete(
      R"(/api/codings/([^/]+))",
      Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
        Coding removed;
        {
          std::lock_guard lock(w.project_mutex_);
          removed = DeleteCoding(w.project_, viewer, request.matches[1].str());
        }
        publish("coding",
                {{"action", "remove"},
                 {"story", removed.story_key},
                 {"coder", viewer.coder},
                 {"coding", CodingJson(removed, Viewer{})}},
                viewer);
        response.status = 204;
      }));

  for (const bool undo : {true, false}) {
    server.Post(
        undo ? "/api/undo" : "/api/redo",
        Json([&w, publish, undo](const Request& request, Response& response, const Viewer& viewer) {
          ParseBody(request);  // may be empty; must be JSON when not
          UndoOutcome outcome;
          {
            std::lock_guard lock(w.project_mutex_);
            outcome =
                undo ? UndoCodingChange(w.project_, viewer) : RedoCodingChange(w.project_, viewer);
          }
          const json out = UndoJson(outcome, viewer, undo);
          json event = UndoJson(outcome, Viewer{}, undo);
          event["action"] = undo ? "undo" : "redo";
          event["coder"] = viewer.coder;
          publish("coding", event, viewer);
          SendJson(response, out);
        }));
  }

  server.Post("/api/codebook/codes",
              Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
                const json body = ParseBody(request);
                NewCode code;
                code.path = RequiredString(body, "path");
                code.colour = OptionalString(body, "colour").value_or("");
                code.description = OptionalString(body, "description").value_or("");
                CodeWithCounts added;
                {
                  std::lock_guard lock(w.project_mutex_);
                  added = AddCodebookCode(w.project_, viewer, code);
                }
                publish("codebook",
                        {{"action", "add"}, {"path", added.code.path}, {"by", viewer.coder}},
                        viewer);
                SendJson(response, CodeJson(added), 201);
              }));

  server.Patch(
      R"(/api/codebook/codes/(.+))",
      Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
        const json body = ParseBody(request);
        CodeEdit edit;
        edit.name = OptionalString(body, "name");
        edit.parent = OptionalString(body, "parent");
        edit.colour = OptionalString(body, "colour");
        edit.description = OptionalString(body, "description");
        const std::string path = request.matches[1].str();
        CodeWithCounts changed;
        {
          std::lock_guard lock(w.project_mutex_);
          changed = EditCodebookCode(w.project_, viewer, path, edit);
        }
        publish("codebook",
                {{"action", changed.code.path == path ? "change" : "rename"},
                 {"path", path},
                 {"new_path", changed.code.path},
                 {"by", viewer.coder}},
                viewer);
        SendJson(response, CodeJson(changed));
      }));

  server.Post("/api/codebook/merge",
              Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
                const json body = ParseBody(request);
                const std::string from = RequiredString(body, "from");
                const std::string into = RequiredString(body, "into");
                int64_t moved = 0;
                {
                  std::lock_guard lock(w.project_mutex_);
                  moved = MergeCodebookCodes(w.project_, from, into);
                }
                publish("codebook",
                        {{"action", "merge"}, {"path", from}, {"into", into}, {"by", viewer.coder}},
                        viewer);
                SendJson(response, {{"from", from}, {"into", into}, {"moved", moved}});
              }));

  server.Get("/api/events", [this](const Request& request, Response& response) {
    StreamEvents(request, response);
  });
}

}  // namespace verhaal
