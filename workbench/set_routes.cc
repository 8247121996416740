// The Signifiers view's calls (docs/serve.md, "GET /api/signifiers/plot" and
// "Story sets"): each route reads the request, calls one study/ function (a
// change under the project lock, a read through a connection of its own),
// publishes an event for a change to the sets, and writes the JSON.
#include <cmath>
#include <string>

#include "study/request_error.h"
#include "study/signifier_plot.h"
#include "study/story_sets.h"
#include "workbench/handlers.h"
#include "workbench/json_view.h"
#include "workbench/readers.h"

namespace verhaal {
namespace {

using nlohmann::json;

// Four decimals are finer than a pixel on any plot, and keep the answer
// small at 100,000 points.
double Rounded(double value) { return std::round(value * 1e4) / 1e4; }

json AxisJson(const SliderAxis& axis) {
  return {{"title", axis.title}, {"low", axis.low}, {"high", axis.high}, {"cut", axis.cut}};
}

// The answer of GET /api/signifiers/plot as JSON text. The points (one per
// story, 100,000 in a bench project) are written straight into it, each
// number as the JSON library writes it, rather than built as that many small
// JSON arrays first (a third of the call's time): the same bytes.
std::string PlotText(const SignifierPlot& plot) {
  json out = {{"kind", plot.triad ? "triad" : "scatter"},
              {"title", plot.title},
              {"colour", plot.colour},
              {"groups", plot.groups},
              {"codings", plot.codings},
              {"coders", plot.coders ? CoderSelectionJson(*plot.coders) : json(nullptr)},
              {"stories", plot.stories},
              {"left_out", plot.left_out},
              {"points", json::array()}};
  if (plot.triad) {
    out["corners"] = plot.corners;
  } else {
    out["x"] = AxisJson(plot.x);
    out["y"] = AxisJson(plot.y);
  }
  std::string points = "[";
  points.reserve(plot.points.size() * 40 + 2);
  for (const SignifierPlotPoint& p : plot.points) {
    if (points.size() > 1) points += ',';
    points += '[';
    points += std::to_string(p.story_id);
    // Triad: top, left, right; scatter: x, y.
    const double values[3] = {p.a, p.b, p.c};
    for (int i = 0; i < (plot.triad ? 3 : 2); ++i) {
      points += ',';
      points += json(Rounded(values[i])).dump();
    }
    points += ',';
    points += std::to_string(p.group);
    points += ']';
  }
  points += ']';
  // Keys are sorted and a string's quotes are escaped: `"points":[]` is the
  // placeholder and nothing else.
  std::string text = out.dump();
  const std::string placeholder = "\"points\":[]";
  text.replace(text.find(placeholder), placeholder.size(), "\"points\":" + points);
  return text;
}

json SetJson(const StorySet& set) {
  return {{"name", set.name},
          {"stories", set.stories},
          {"created_by", set.created_by},
          {"created", set.created}};
}

// ids: [1, 2, ...] and stories: ["key", ...] of a new set.
NewStorySet NewSetOf(const json& body) {
  NewStorySet set;
  set.name = RequiredString(body, "name");
  if (body.contains("ids") && !body["ids"].is_null()) {
    if (!body["ids"].is_array()) {
      throw RequestError(ErrorKind::kUsage, "ids must be a list of story ids, e.g. [1, 2]", "ids");
    }
    for (const json& id : body["ids"]) {
      if (!id.is_number_integer()) {
        throw RequestError(ErrorKind::kUsage,
                           "ids must be a list of story ids (whole numbers); got " + id.dump(),
                           "ids");
      }
      set.ids.push_back(id.get<int64_t>());
    }
  }
  if (body.contains("stories") && !body["stories"].is_null()) {
    if (!body["stories"].is_array()) {
      throw RequestError(ErrorKind::kUsage,
                         "stories must be a list of story keys, e.g. [\"S001\", \"S002\"]",
                         "stories");
    }
    for (const json& key : body["stories"]) {
      if (!key.is_string()) {
        throw RequestError(ErrorKind::kUsage,
                           "stories must be a list of story keys (strings); got " + key.dump(),
                           "stories");
      }
      set.keys.push_back(key.get<std::string>());
    }
  }
  return set;
}

}  // namespace

void Workbench::Handlers::InstallSetApi(httplib::Server& server) {
  Workbench& w = workbench_;
  auto publish = [&w](const json& data, const Viewer& viewer) {
    w.events_.Publish("sets", data.dump(), viewer.coder);
  };

  server.Get("/api/signifiers/plot",
             Json([&w](const Request& request, Response& response, const Viewer& viewer) {
               SignifierPlotQuery query;
               query.triad = Param(request, "triad");
               query.x = Param(request, "x");
               query.y = Param(request, "y");
               query.colour = Param(request, "colour");
               query.coded = Param(request, "coded");
               query.coders = CoderRequestParams(request);
               query.stories.role = Param(request, "role");
               query.stories.kind = Param(request, "kind");
               if (Param(request, "wave")) {
                 query.stories.wave = static_cast<int>(WholeParam(request, "wave", 0));
               }
               query.stories.set = Param(request, "set");
               const auto project = w.readers_->Borrow();
               response.status = 200;
               response.set_content(PlotText(BuildSignifierPlot(*project, viewer, query)),
                                    "application/json; charset=utf-8");
             }));

  server.Get("/api/sets", Json([&w](const Request&, Response& response, const Viewer&) {
               json sets = json::array();
               const auto project = w.readers_->Borrow();
               for (const StorySet& set : ListStorySets(*project)) sets.push_back(SetJson(set));
               SendJson(response, {{"sets", sets}});
             }));

  server.Post("/api/sets",
              Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
                const NewStorySet set = NewSetOf(ParseBody(request));
                StorySet saved;
                {
                  std::lock_guard lock(w.project_mutex_);
                  saved = SaveStorySet(w.project_, viewer, set);
                }
                publish({{"action", "add"}, {"name", saved.name}, {"by", viewer.coder}}, viewer);
                SendJson(response, SetJson(saved), 201);
              }));

  server.Get(R"(/api/sets/([^/]+))",
             Json([&w](const Request& request, Response& response, const Viewer&) {
               const auto project = w.readers_->Borrow();
               const StorySetContents contents = ShowStorySet(*project, request.matches[1].str());
               json out = SetJson(contents.set);
               out["keys"] = contents.keys;
               SendJson(response, out);
             }));

  server.Patch(
      R"(/api/sets/([^/]+))",
      Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
        const json body = ParseBody(request);
        const std::string name = request.matches[1].str();
        const std::string new_name = RequiredString(body, "name");
        StorySet renamed;
        {
          std::lock_guard lock(w.project_mutex_);
          renamed = RenameStorySetNamed(w.project_, name, new_name);
        }
        publish({{"action", "rename"},
                 {"name", name},
                 {"new_name", renamed.name},
                 {"by", viewer.coder}},
                viewer);
        SendJson(response, SetJson(renamed));
      }));

  server.Delete(
      R"(/api/sets/([^/]+))",
      Json([&w, publish](const Request& request, Response& response, const Viewer& viewer) {
        const std::string name = request.matches[1].str();
        {
          std::lock_guard lock(w.project_mutex_);
          DeleteStorySetNamed(w.project_, name);
        }
        publish({{"action", "remove"}, {"name", name}, {"by", viewer.coder}}, viewer);
        response.status = 204;
      }));
}

}  // namespace verhaal
