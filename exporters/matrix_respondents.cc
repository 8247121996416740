#include "exporters/matrix_respondents.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace verhaal {
namespace {

// What a respondent's stories gave a dimension.
struct Gathered {
  std::set<int> levels;
  std::string first_reason;  // of the first story without a level
  bool seen = false;
};

}  // namespace

ResolvedDimension PerRespondent(const ResolvedDimension& dim,
                                const ResolvedDimension& respondent_of, MixedPolicy mixed) {
  std::map<int, Gathered> by_respondent;
  for (const auto& [story, respondent] : respondent_of.level_of) {
    Gathered& g = by_respondent[respondent];
    g.seen = true;
    if (const auto level = dim.level_of.find(story); level != dim.level_of.end()) {
      g.levels.insert(level->second);
      if (const auto extra = dim.extra_levels.find(story); extra != dim.extra_levels.end()) {
        g.levels.insert(extra->second.begin(), extra->second.end());
      }
    } else if (const auto left = dim.left_out.find(story);
               left != dim.left_out.end() && g.first_reason.empty()) {
      g.first_reason = left->second;
    }
  }
  ResolvedDimension out;
  out.label = dim.label;
  out.title = dim.title;
  out.codings = dim.codings;
  out.levels = dim.levels;
  // A dimension resolved with kEach has no "mixed" level; kLevel adds it as
  // ResolveDimension does, last.
  if (mixed == MixedPolicy::kLevel) out.levels.emplace_back(kMixed);
  for (const auto& [respondent, g] : by_respondent) {
    if (g.levels.empty()) {
      out.left_out.Append(respondent,
                          g.first_reason.empty() ? std::string(kNoValue) : g.first_reason);
    } else if (g.levels.size() == 1) {
      out.level_of.Append(respondent, *g.levels.begin());
    } else if (mixed == MixedPolicy::kLevel) {
      out.level_of.Append(respondent, static_cast<int>(out.levels.size()) - 1);
    } else if (mixed == MixedPolicy::kEach) {
      out.level_of.Append(respondent, *g.levels.begin());
      out.extra_levels.Append(respondent,
                              std::vector<int>(std::next(g.levels.begin()), g.levels.end()));
    } else {
      out.left_out.Append(respondent, std::string(kMixed));
    }
  }
  return out;
}

Matrix BuildRespondentMatrix(Project& project, const std::vector<int64_t>& stories,
                             const DimensionSpec& rows, const DimensionSpec& cols,
                             const DimensionSpec* by, MixedPolicy mixed,
                             const CoderSelection* selection, const MatrixOptions& options) {
  const ResolvedDimension respondent_of =
      ResolveDimension(project, ParseDimension("respondent"), stories);
  auto fold = [&](const DimensionSpec& spec) {
    return PerRespondent(ResolveDimension(project, spec, stories, MixedPolicy::kEach, selection),
                         respondent_of, mixed);
  };
  const ResolvedDimension row_dim = fold(rows);
  const ResolvedDimension col_dim = fold(cols);
  std::optional<ResolvedDimension> by_dim;
  if (by) by_dim = fold(*by);
  std::vector<int64_t> respondents;
  for (const auto& [story, respondent] : respondent_of.level_of) respondents.push_back(respondent);
  std::sort(respondents.begin(), respondents.end());
  respondents.erase(std::unique(respondents.begin(), respondents.end()), respondents.end());
  Matrix matrix = BuildMatrix(respondents, row_dim, col_dim, by_dim ? &*by_dim : nullptr, options);
  matrix.respondent_unit = true;
  const int64_t without = static_cast<int64_t>(respondent_of.left_out.size());
  matrix.unit = std::string(matrix.multiple_response
                                ? "responses of respondents (--mixed each: a respondent whose "
                                  "stories have several levels counts in each of their cells)"
                                : "respondents (each once, with the levels of their stories)") +
                (without > 0 ? "; " + std::to_string(without) + " stories without a respondent"
                             : std::string());
  for (CrossTab& tab : matrix.tables) tab.counts_respondents = true;
  if (matrix.comparison) matrix.comparison->counts_respondents = true;
  return matrix;
}

}  // namespace verhaal
