#include "study/matrix_query.h"

#include <algorithm>
#include <set>
#include <utility>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/signifiers.h"
#include "corpus/story_sets.h"
#include "corpus/variables.h"
#include "exporters/matrix_respondents.h"
#include "exporters/matrix_segments.h"
#include "exporters/report_words.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

bool ReadsCodings(const DimensionSpec& spec) { return spec.source == DimensionSource::kCode; }

// The level names of a dimension, for an error message: 'moeten', 'willen'.
std::string LevelList(const std::vector<std::string>& levels) {
  std::string list;
  for (const auto& level : levels) list += (list.empty() ? "'" : ", '") + level + "'";
  return list;
}

int LevelIndex(const ResolvedDimension& dim, const std::string& name, const std::string& field) {
  const auto it = std::find(dim.levels.begin(), dim.levels.end(), name);
  if (it == dim.levels.end()) {
    throw RequestError(ErrorKind::kUsage,
                       field + " '" + name + "' is not a level of " + dim.label + "; use one of " +
                           LevelList(dim.levels),
                       field);
  }
  return static_cast<int>(it - dim.levels.begin());
}

// The code path a level of a code dimension stands for; empty otherwise.
std::string LevelCode(const DimensionSpec& spec, const std::string& level) {
  if (!ReadsCodings(spec)) return "";
  if (level == kMixed) return spec.name;
  return spec.name + "/" + level;
}

}  // namespace

MixedPolicy ParseMixedPolicy(const std::string& text) {
  if (text == "exclude") return MixedPolicy::kExclude;
  if (text == "level") return MixedPolicy::kLevel;
  if (text == "each") return MixedPolicy::kEach;
  throw RequestError(ErrorKind::kUsage,
                     "unknown --mixed '" + text + "'; use exclude, level or each", "mixed");
}

std::vector<std::optional<CoderSelection>> MatrixPlan::Runs() const {
  if (!coders) return {std::nullopt};
  if (coders->combine != CoderCombine::kEach) return {*coders};
  std::vector<std::optional<CoderSelection>> runs;
  for (size_t i = 0; i < coders->names.size(); ++i) runs.emplace_back(coders->Only(i));
  return runs;
}

MatrixPlan PlanMatrix(Project& project, const MatrixQuery& query) {
  MatrixPlan plan;
  plan.request = query.coders;
  if (query.rows.empty() || query.cols.empty()) {
    throw RequestError(ErrorKind::kUsage,
                       "a matrix needs rows and columns; e.g. rows dyad:motivatie and cols "
                       "dyad:stijl",
                       query.rows.empty() ? "rows" : "cols");
  }
  plan.mixed = ParseMixedPolicy(query.mixed);
  plan.rows = BlameField("rows", [&] { return ParseDimension(query.rows); });
  plan.cols = BlameField("cols", [&] { return ParseDimension(query.cols); });
  if (query.by) plan.by = BlameField("by", [&] { return ParseDimension(*query.by); });
  if (query.unit != "story" && query.unit != "segment" && query.unit != "respondent") {
    throw RequestError(ErrorKind::kUsage,
                       "unknown unit '" + query.unit +
                           "'; use story (each story counts once), segment (coded segments) or "
                           "respondent (each respondent once)",
                       "unit");
  }
  plan.segment_unit = query.unit == "segment";
  plan.respondent_unit = query.unit == "respondent";
  plan.within = BlameField("within", [&] { return ParseSegmentMeeting(query.within); });
  const bool meets_beyond_overlap =
      plan.within.kind != SegmentMeeting::Kind::kCharacters || plan.within.characters > 0;
  if (meets_beyond_overlap && !plan.segment_unit) {
    throw RequestError(ErrorKind::kUsage, "within goes with unit segment", "within");
  }
  if (plan.segment_unit) {
    if (plan.by) {
      throw RequestError(ErrorKind::kUsage,
                         "unit segment gives one matrix; leave out by, or filter with role, "
                         "kind or wave",
                         "by");
    }
    if (!ReadsCodings(plan.rows)) {
      throw RequestError(ErrorKind::kUsage,
                         "unit segment counts the coded segments of the rows, so the rows must "
                         "be a code dimension (code:GROUP), e.g. code:motivatie; put '" +
                             plan.rows.text + "' in the columns",
                         "rows");
    }
  }
  plan.options = query.options;
  plan.language = query.language;
  if (plan.options.fisher.draws < 1) {
    throw RequestError(ErrorKind::kUsage, "--draws must be at least 1", "draws");
  }
  if (query.stories.set) {
    BlameField("set", [&] { return RequireStorySet(project, *query.stories.set); });
  }
  plan.stories = ListStoryIds(project, query.stories);
  if (plan.stories.empty()) {
    const std::string field = query.stories.role   ? "role"
                              : query.stories.kind ? "kind"
                              : query.stories.wave ? "wave"
                              : query.stories.set  ? "set"
                                                   : "rows";
    throw RequestError(
        ErrorKind::kData,
        "no stories match; import stories first or loosen --role, --kind, --wave, --set", field);
  }
  const bool reads_codings =
      ReadsCodings(plan.rows) || ReadsCodings(plan.cols) || (plan.by && ReadsCodings(*plan.by));
  if (reads_codings) {
    const std::string field = query.coders.coders       ? "coders"
                              : query.coders.combine    ? "combine"
                              : query.coders.min_coders ? "min_coders"
                                                        : "coders";
    plan.coders = BlameField(field, [&] { return ResolveCoderSelection(project, query.coders); });
  }
  return plan;
}

MatrixAnswer ComputeMatrix(Project& project, const MatrixPlan& plan,
                           const std::optional<CoderSelection>& run) {
  MatrixAnswer answer;
  answer.stories = plan.stories;
  answer.coders = run;
  answer.request = plan.request;
  answer.mixed = plan.mixed;
  answer.row_spec = plan.rows;
  answer.col_spec = plan.cols;
  answer.by_spec = plan.by;
  answer.segment_unit = plan.segment_unit;
  answer.respondent_unit = plan.respondent_unit;
  const CoderSelection* selection = run ? &*run : nullptr;
  // The dimensions together, so that signifier values are read once for
  // all of them (two dyads: one pass over a million stories' answers).
  DimensionResolver resolver(project, plan.stories, plan.mixed, selection);
  BlameField("rows", [&] { resolver.Add(plan.rows); });
  BlameField("cols", [&] { resolver.Add(plan.cols); });
  if (plan.by) BlameField("by", [&] { resolver.Add(*plan.by); });
  std::vector<ResolvedDimension> dims = resolver.Resolve();
  if (plan.language) {
    LocalizeDimension(dims[0], plan.rows, *plan.language);
    LocalizeDimension(dims[1], plan.cols, *plan.language);
    if (plan.by) LocalizeDimension(dims[2], *plan.by, *plan.language);
  }
  answer.rows = std::move(dims[0]);
  answer.cols = std::move(dims[1]);
  if (plan.by) answer.by = std::move(dims[2]);
  // BuildMatrix names the dimension without levels; blame the first such.
  std::string empty = "rows";
  if (!answer.rows.levels.empty()) empty = answer.cols.levels.empty() ? "cols" : "by";
  answer.matrix = BlameField(empty, [&] {
    if (plan.respondent_unit) {
      return BuildRespondentMatrix(project, answer.stories, plan.rows, plan.cols,
                                   plan.by ? &*plan.by : nullptr, plan.mixed, selection,
                                   plan.options);
    }
    if (plan.segment_unit) {
      return BuildSegmentMatrix(project, answer.stories, plan.rows, answer.rows, plan.cols,
                                answer.cols, selection, plan.within);
    }
    return BuildMatrix(answer.stories, answer.rows, answer.cols, answer.by ? &*answer.by : nullptr,
                       plan.options);
  });
  return answer;
}

MatrixAnswer RunMatrixQuery(Project& project, const MatrixQuery& query) {
  const MatrixPlan plan = PlanMatrix(project, query);
  if (plan.coders && plan.coders->combine == CoderCombine::kEach) {
    throw RequestError(ErrorKind::kUsage,
                       "combine each gives one matrix per coder; ask for one coder at a time "
                       "(coders=NAME) or combine any or all",
                       "combine");
  }
  return ComputeMatrix(project, plan, plan.Runs().front());
}

namespace {

// The query as `viewer` may ask it (see RunMatrixQuery).
MatrixQuery ForViewer(const Viewer& viewer, MatrixQuery query) {
  if (viewer.blind) {
    const auto forbid = [&](const std::string& field) {
      throw RequestError(ErrorKind::kUsage,
                         "you code blind (verhaal serve --blind): a matrix reads only your own "
                         "codings; leave out other coders",
                         field, RequestProblem::kForbidden);
    };
    if (query.coders.coders &&
        (query.coders.coders->size() != 1 || query.coders.coders->front() != viewer.coder)) {
      forbid("coders");
    }
    for (const auto& [field, dim] :
         {std::pair<std::string, const std::string*>{"rows", &query.rows},
          {"cols", &query.cols},
          {"by", query.by ? &*query.by : nullptr}}) {
      if (dim == nullptr || dim->empty()) continue;
      const std::string* text = dim;  // a lambda may not capture a structured binding (clang 14)
      const DimensionSpec spec = BlameField(field, [text] { return ParseDimension(*text); });
      for (const auto& coder : spec.coders) {
        if (coder != viewer.coder) forbid(field);
      }
    }
    query.coders.coders = std::vector<std::string>{viewer.coder};
    query.coders.min_coders.reset();
    if (query.coders.combine == "each") query.coders.combine.reset();
  }
  return query;
}

}  // namespace

MatrixAnswer RunMatrixQuery(Project& project, const Viewer& viewer, MatrixQuery query) {
  return RunMatrixQuery(project, ForViewer(viewer, std::move(query)));
}

std::vector<MatrixAnswer> RunMatrixQueries(Project& project, const Viewer& viewer,
                                           MatrixQuery query) {
  const MatrixPlan plan = PlanMatrix(project, ForViewer(viewer, std::move(query)));
  std::vector<MatrixAnswer> answers;
  for (const auto& run : plan.Runs()) answers.push_back(ComputeMatrix(project, plan, run));
  return answers;
}

CoderSet QuoteCoders(Project& project, const MatrixAnswer& answer) {
  std::set<std::string> named;
  for (const DimensionSpec* spec : {&answer.row_spec, &answer.col_spec}) {
    if (ReadsCodings(*spec)) named.insert(spec->coders.begin(), spec->coders.end());
  }
  if (!named.empty()) {
    CoderRequest request;
    request.coders = std::vector<std::string>(named.begin(), named.end());
    return ResolveCoderSelection(project, request).Set();
  }
  if (answer.coders) return answer.coders->Set();
  try {
    return ResolveCoderSelection(project, answer.request).Set();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kMissing) throw;
    return CoderSet{};
  }
}

CellQuotes QuoteMatrixCell(Project& project, const MatrixAnswer& answer, const std::string& row,
                           const std::string& col, const std::string& group, int max_stories) {
  if (answer.segment_unit || answer.respondent_unit) {
    throw RequestError(ErrorKind::kUsage,
                       std::string("the quotes of a cell are not yet given for unit ") +
                           (answer.segment_unit ? "segment" : "respondent") +
                           "; ask for the matrix with unit story, or list the passages with "
                           "`verhaal quotes`",
                       "unit");
  }
  const int r = LevelIndex(answer.rows, row, "row");
  const int c = LevelIndex(answer.cols, col, "col");
  int g = 0;
  if (answer.by) {
    g = LevelIndex(*answer.by, group, "group");
  } else if (!group.empty()) {
    throw RequestError(ErrorKind::kUsage, "group needs by (one matrix per level of by)", "group");
  }
  if (max_stories < 1) {
    throw RequestError(ErrorKind::kUsage, "limit must be 1 or more", "limit");
  }
  return MatrixCellQuotes(project, answer.stories, answer.rows, answer.cols,
                          answer.by ? &*answer.by : nullptr, g, r, c,
                          LevelCode(answer.row_spec, row), LevelCode(answer.col_spec, col),
                          QuoteCoders(project, answer), max_stories);
}

std::vector<MatrixDimensionChoice> ListMatrixDimensions(Project& project) {
  std::vector<MatrixDimensionChoice> out;
  const std::vector<Code> codes = ListCodes(project);
  std::set<int64_t> parents;
  for (const Code& code : codes) {
    if (code.parent_id && !code.retired) parents.insert(*code.parent_id);
  }
  for (const Code& code : codes) {
    if (!code.retired && parents.count(code.id)) {
      out.push_back({"code:" + code.path, "code", code.path});
    }
  }
  for (const Signifier& s : ListSignifiers(project)) {
    const std::string title = s.title.empty() ? s.key : s.title;
    if (s.type == SignifierType::kDyad) {
      out.push_back({"dyad:" + s.key, "dyad", title});
    } else if (s.type == SignifierType::kTriad) {
      out.push_back({"triad-zone:" + s.key, "triad-zone", title});
    } else if (s.type == SignifierType::kStones) {
      for (const SignifierOption& stone : s.options) {
        const std::string name = title + ": " + (stone.label.empty() ? stone.key : stone.label);
        out.push_back({"stone-x:" + s.key + "/" + stone.key, "stone-x", name + " (x)"});
        out.push_back({"stone-y:" + s.key + "/" + stone.key, "stone-y", name + " (y)"});
      }
    }
  }
  const std::vector<Variable> variables = ListVariables(project);
  std::set<std::string> story_names, respondent_names;
  for (const Variable& v : variables) {
    (v.subject == VariableSubject::kStory ? story_names : respondent_names).insert(v.name);
  }
  for (const VariableSubject subject : {VariableSubject::kStory, VariableSubject::kRespondent}) {
    for (const Variable& v : variables) {
      if (v.subject != subject) continue;
      const bool both = story_names.count(v.name) && respondent_names.count(v.name);
      const std::string prefix = subject == VariableSubject::kStory ? "story." : "respondent.";
      out.push_back(
          {"var:" + (both ? prefix : "") + v.name, "variable", v.label.empty() ? v.name : v.label});
    }
  }
  for (const char* fixed : {"role", "kind", "wave", "respondent"}) {
    out.push_back({fixed, fixed, fixed});
  }
  return out;
}

std::vector<std::string> ListMatrixCoders(Project& project, const Viewer& viewer) {
  if (viewer.blind) return {viewer.coder};
  std::vector<std::string> names;
  for (const Coder& coder : ListCoders(project)) names.push_back(coder.name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace verhaal
