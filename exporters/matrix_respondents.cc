#include "exporters/matrix_respondents.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace verhaal {
namespace {

// What a respondent's stories gave a dimension.
struct Gathered {
  std::vector<int> levels;   // ascending, each once
  std::string first_reason;  // of the first story without a level
};

void AddLevel(std::vector<int>& levels, int level) {
  const auto at = std::lower_bound(levels.begin(), levels.end(), level);
  if (at == levels.end() || *at != level) levels.insert(at, level);
}

// Walks a StoryMap along ascending story ids: the entry of `story`, or null.
template <typename V>
class Walk {
 public:
  explicit Walk(const StoryMap<V>& map) : at_(map.begin()), end_(map.end()) {}
  const V* Find(int64_t story) {
    while (at_ != end_ && at_->first < story) ++at_;
    return at_ != end_ && at_->first == story ? &at_->second : nullptr;
  }

 private:
  typename StoryMap<V>::const_iterator at_, end_;
};

}  // namespace

ResolvedDimension PerRespondent(const ResolvedDimension& dim,
                                const ResolvedDimension& respondent_of, MixedPolicy mixed) {
  // By respondent (a level of respondent_of, so 0 .. levels - 1), the
  // stories in ascending order, each dimension's maps walked alongside.
  std::vector<Gathered> by_respondent(respondent_of.levels.size());
  std::vector<char> seen(respondent_of.levels.size(), 0);
  Walk<int> level_of(dim.level_of);
  Walk<std::vector<int>> extra_levels(dim.extra_levels);
  Walk<std::string> left_out(dim.left_out);
  for (const auto& [story, respondent] : respondent_of.level_of) {
    Gathered& g = by_respondent[static_cast<size_t>(respondent)];
    seen[static_cast<size_t>(respondent)] = 1;
    if (const int* level = level_of.Find(story)) {
      AddLevel(g.levels, *level);
      if (const std::vector<int>* extra = extra_levels.Find(story)) {
        for (int more : *extra) AddLevel(g.levels, more);
      }
    } else if (const std::string* reason = left_out.Find(story);
               reason != nullptr && g.first_reason.empty()) {
      g.first_reason = *reason;
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
  for (size_t r = 0; r < by_respondent.size(); ++r) {
    if (!seen[r]) continue;
    const auto respondent = static_cast<int64_t>(r);
    const Gathered& g = by_respondent[r];
    if (g.levels.empty()) {
      out.left_out.Append(respondent,
                          g.first_reason.empty() ? std::string(kNoValue) : g.first_reason);
    } else if (g.levels.size() == 1) {
      out.level_of.Append(respondent, g.levels.front());
    } else if (mixed == MixedPolicy::kLevel) {
      out.level_of.Append(respondent, static_cast<int>(out.levels.size()) - 1);
    } else if (mixed == MixedPolicy::kEach) {
      out.level_of.Append(respondent, g.levels.front());
      out.extra_levels.Append(respondent, std::vector<int>(g.levels.begin() + 1, g.levels.end()));
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
  // Resolved together: the signifier values are read once for all of them
  // (the respondent dimension is the same under every MixedPolicy).
  DimensionResolver resolver(project, stories, MixedPolicy::kEach, selection);
  resolver.Add(ParseDimension("respondent"));
  resolver.Add(rows);
  resolver.Add(cols);
  if (by) resolver.Add(*by);
  const std::vector<ResolvedDimension> dims = resolver.Resolve();
  const ResolvedDimension& respondent_of = dims[0];
  const ResolvedDimension row_dim = PerRespondent(dims[1], respondent_of, mixed);
  const ResolvedDimension col_dim = PerRespondent(dims[2], respondent_of, mixed);
  std::optional<ResolvedDimension> by_dim;
  if (by) by_dim = PerRespondent(dims[3], respondent_of, mixed);
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
