#include "study/signifier_plot.h"

#include <algorithm>
#include <cmath>

#include "coding/dimension.h"
#include "corpus/codes.h"
#include "corpus/coding_scan.h"
#include "corpus/codings.h"
#include "corpus/signifier_scan.h"
#include "corpus/signifiers.h"
#include "corpus/story_sets.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

// A name the query gives that is not in the project is a bad parameter.
template <typename Action>
auto AsBadField(const std::string& field, Action&& action) -> decltype(action()) {
  try {
    return action();
  } catch (const RequestError& e) {
    if (e.kind() != ErrorKind::kMissing) throw;
    throw RequestError(ErrorKind::kUsage, e.message(), e.field(), e.problem());
  } catch (const Error& e) {
    throw RequestError(e.kind() == ErrorKind::kMissing ? ErrorKind::kUsage : e.kind(), e.message(),
                       field);
  }
}

// Under --blind only the viewer's own codings colour the points. Returns
// whether it restricted them.
bool RestrictToViewer(const Viewer& viewer, SignifierPlotQuery& query) {
  if (!viewer.blind) return false;
  const auto forbid = [](const std::string& field) {
    throw RequestError(ErrorKind::kUsage,
                       "you code blind (verhaal serve --blind): the points are coloured by your "
                       "own codings only; leave out other coders",
                       field, RequestProblem::kForbidden);
  };
  if (query.coders.coders &&
      (query.coders.coders->size() != 1 || query.coders.coders->front() != viewer.coder)) {
    forbid("coders");
  }
  if (query.colour) {
    const DimensionSpec spec = BlameField("colour", [&] { return ParseDimension(*query.colour); });
    for (const auto& coder : spec.coders) {
      if (coder != viewer.coder) forbid("colour");
    }
  }
  query.coders.coders = std::vector<std::string>{viewer.coder};
  query.coders.min_coders.reset();
  query.coders.combine.reset();
  return true;
}

CoderSelection Coders(Project& project, const CoderRequest& request) {
  const std::string field = request.combine      ? "combine"
                            : request.min_coders ? "min_coders"
                                                 : "coders";
  return AsBadField(field, [&] { return ResolveCoderSelection(project, request); });
}

// Where the stories without a point go: "no answer" or "N/A".
void PlaceTriad(Project& project, const std::string& key, const std::vector<int64_t>& ids,
                SignifierPlot& plot) {
  const auto signifier = FindSignifier(project, key);
  if (!signifier) {
    throw RequestError(ErrorKind::kUsage,
                       "there is no signifier '" + key + "'; GET /api/signifiers lists the triads",
                       "triad");
  }
  if (signifier->type != SignifierType::kTriad) {
    throw RequestError(ErrorKind::kUsage,
                       "'" + key + "' is a " + std::string(SignifierTypeName(signifier->type)) +
                           ", not a triad; use x=dyad:" + key + " for a slider",
                       "triad");
  }
  plot.triad = true;
  plot.title = signifier->title.empty() ? signifier->key : signifier->title;
  for (size_t i = 0; i < 3 && i < signifier->options.size(); ++i) {
    const SignifierOption& option = signifier->options[i];
    plot.corners[i] = option.label.empty() ? option.key : option.label;
  }
  std::vector<bool> answered(ids.size(), false);
  const std::string prefix = "triad:" + key + ": ";
  // A triad's value is one row (top, left, right in a, b, c, or not
  // applicable): one pass over the stored rows, in no particular order,
  // without a look-up per story (corpus/signifier_scan.h); then the points
  // in story order.
  ForEachSignifierRow(project, signifier->id, [&](const SignifierRow& row) {
    const int64_t id = row.story_id;
    const auto at = std::lower_bound(ids.begin(), ids.end(), id);
    if (at == ids.end() || *at != id) return;
    answered[static_cast<size_t>(at - ids.begin())] = true;
    const double sum = row.a + row.b + row.c;
    if (row.not_applicable || !(sum > 0)) {
      ++plot.left_out[prefix + std::string(kNotApplicable)];
      return;
    }
    plot.points.push_back({id, row.a / sum, row.b / sum, row.c / sum, -1});
  });
  std::sort(plot.points.begin(), plot.points.end(),
            [](const SignifierPlotPoint& a, const SignifierPlotPoint& b) {
              return a.story_id < b.story_id;
            });
  const auto unanswered = std::count(answered.begin(), answered.end(), false);
  if (unanswered > 0) plot.left_out[prefix + std::string(kNoAnswer)] += unanswered;
}

void PlaceSliders(Project& project, const SignifierPlotQuery& query,
                  const std::vector<int64_t>& stories, SignifierPlot& plot) {
  const DimensionSpec x = BlameField("x", [&] { return ParseDimension(*query.x); });
  const DimensionSpec y = BlameField("y", [&] { return ParseDimension(*query.y); });
  for (const auto& [field, spec] :
       {std::pair<const char*, const DimensionSpec*>{"x", &x}, {"y", &y}}) {
    if (spec->source != DimensionSource::kDyad && spec->source != DimensionSource::kStoneX &&
        spec->source != DimensionSource::kStoneY) {
      throw RequestError(ErrorKind::kUsage,
                         std::string(field) +
                             " must be a slider: dyad:KEY, stone-x:KEY/STONE or "
                             "stone-y:KEY/STONE; got '" +
                             spec->text + "'",
                         field);
    }
  }
  // BuildSliderScatter names the slider in its message; blame x unless it
  // names y's signifier only.
  const SliderScatter scatter = [&] {
    try {
      return BuildSliderScatter(project, x, y, stories, nullptr);
    } catch (const Error& e) {
      const bool about_y = e.message().find("'" + y.name + "'") != std::string::npos &&
                           e.message().find("'" + x.name + "'") == std::string::npos;
      throw RequestError(e.kind() == ErrorKind::kMissing ? ErrorKind::kUsage : e.kind(),
                         e.message(), about_y ? "y" : "x");
    }
  }();
  plot.x = scatter.x;
  plot.y = scatter.y;
  plot.title = scatter.x.title + " × " + scatter.y.title;
  plot.left_out = scatter.left_out;
  plot.points.reserve(scatter.points.size());
  for (const SliderPoint& point : scatter.points) {
    plot.points.push_back({point.story_id, point.x, point.y, 0, -1});
  }
}

void ColourByDimension(Project& project, const SignifierPlotQuery& query,
                       const std::vector<int64_t>& stories, SignifierPlot& plot) {
  const DimensionSpec spec = BlameField("colour", [&] { return ParseDimension(*query.colour); });
  std::optional<CoderSelection> coders;
  if (spec.source == DimensionSource::kCode) coders = Coders(project, query.coders);
  const ResolvedDimension colour = AsBadField("colour", [&] {
    return BlameField("colour", [&] {
      return ResolveDimension(project, spec, stories, MixedPolicy::kExclude,
                              coders ? &*coders : nullptr);
    });
  });
  plot.colour = colour.title;
  plot.groups = colour.levels;
  plot.codings = colour.codings;
  plot.coders = coders;
  for (SignifierPlotPoint& point : plot.points) {
    const auto level = colour.level_of.find(point.story_id);
    if (level != colour.level_of.end()) point.group = level->second;
  }
}

// `viewer_only`: the coders are the blind viewer alone, who may not have
// coded anything yet (and so is no coder of the project): nothing is coded.
void ColourByCode(Project& project, const SignifierPlotQuery& query, bool viewer_only,
                  SignifierPlot& plot) {
  const auto code = FindCodeByPath(project, *query.coded);
  if (!code) {
    throw RequestError(ErrorKind::kUsage,
                       "there is no code '" + *query.coded + "'; see the codebook", "coded");
  }
  const std::vector<int64_t> subtree = CodeSubtree(project, code->id);
  std::optional<CoderSelection> coders;
  if (viewer_only && !FindCoder(project, query.coders.coders->front())) {
    plot.codings = "codings of " + query.coders.coders->front() + " (none yet)";
  } else {
    coders = Coders(project, query.coders);
    plot.codings = coders->Describe();
    plot.coders = coders;
  }
  std::vector<int64_t> coded;
  if (coders) {
    CodingScan scan(project, coders->Set());
    scan.ForEachStoryCode([&](const CodingSpan& span) {
      if (std::find(subtree.begin(), subtree.end(), span.code_id) == subtree.end()) return;
      if (coded.empty() || coded.back() != span.story_id) coded.push_back(span.story_id);
    });
    std::sort(coded.begin(), coded.end());
  }
  plot.colour = code->path;
  plot.groups = {kCodedLevel, kNotCodedLevel};
  for (SignifierPlotPoint& point : plot.points) {
    point.group = std::binary_search(coded.begin(), coded.end(), point.story_id) ? 0 : 1;
  }
}

}  // namespace

SignifierPlot BuildSignifierPlot(Project& project, const Viewer& viewer, SignifierPlotQuery query) {
  const bool viewer_only = RestrictToViewer(viewer, query);
  if (query.triad && (query.x || query.y)) {
    throw RequestError(ErrorKind::kUsage, "give triad=KEY or x= and y=, not both", "triad");
  }
  if (!query.triad && (!query.x || !query.y)) {
    throw RequestError(ErrorKind::kUsage,
                       "name the plot: triad=KEY for a triangle, or x=dyad:KEY&y=dyad:KEY for "
                       "two sliders",
                       query.x   ? "y"
                       : query.y ? "x"
                                 : "triad");
  }
  if (query.colour && query.coded) {
    throw RequestError(ErrorKind::kUsage, "colour by colour= or by coded=, not both", "coded");
  }
  if (query.stories.set) {
    AsBadField("set", [&] { return RequireStorySet(project, *query.stories.set); });
  }
  // Only the ids (ascending): a story's head is not shown, and reading them
  // all took most of the time at 100,000 stories.
  const std::vector<int64_t> stories = ListStoryIds(project, query.stories);
  SignifierPlot plot;
  plot.stories = static_cast<int64_t>(stories.size());
  if (query.triad) {
    PlaceTriad(project, *query.triad, stories, plot);
  } else {
    PlaceSliders(project, query, stories, plot);
  }
  if (query.colour) ColourByDimension(project, query, stories, plot);
  if (query.coded) ColourByCode(project, query, viewer_only, plot);
  return plot;
}

}  // namespace verhaal
