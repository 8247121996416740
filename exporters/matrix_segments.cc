#include "exporters/matrix_segments.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/error.h"

namespace verhaal {
namespace {

struct Span {
  int64_t start = 0;
  int64_t end = 0;
};

// story id -> per level, its segments in text order (overlaps merged).
using Segments = std::unordered_map<int64_t, std::vector<std::vector<Span>>>;

// The coder set a code dimension reads (see BuildSegmentMatrix).
CoderSet SetFor(Project& project, const DimensionSpec& spec, const CoderSelection* selection,
                std::string& described) {
  if (!spec.coders.empty()) {
    CoderRequest request;
    request.coders = spec.coders;
    request.combine = "all";
    const CoderSelection named = ResolveCoderSelection(project, request);
    described = named.Describe();
    return named.Set();
  }
  const CoderSelection resolved = selection ? *selection : ResolveCoderSelection(project);
  described = resolved.Describe();
  return resolved.Set();
}

Segments ReadSegments(Project& project, const DimensionSpec& spec, const ResolvedDimension& dim,
                      const std::unordered_set<int64_t>& stories, const CoderSelection* selection,
                      std::string& described) {
  std::map<int64_t, int> level_of_code;
  for (size_t level = 0; level < dim.levels.size(); ++level) {
    if (dim.levels[level] == kMixed) continue;  // --mixed level: not a code
    const auto code = FindCodeByPath(project, spec.name + "/" + dim.levels[level]);
    if (!code) continue;
    for (int64_t id : CodeSubtree(project, code->id)) level_of_code[id] = static_cast<int>(level);
  }
  CodingFilter filter;
  for (const auto& [id, level] : level_of_code) filter.code_ids.push_back(id);
  filter.coders = SetFor(project, spec, selection, described);
  Segments out;
  if (filter.code_ids.empty()) return out;
  for (const Coding& c : ListCodings(project, filter)) {
    if (!stories.count(c.story_id)) continue;
    auto& levels = out[c.story_id];
    if (levels.empty()) levels.resize(dim.levels.size());
    levels[static_cast<size_t>(level_of_code.at(c.code_id))].push_back(Span{c.start, c.end});
  }
  // Merge overlapping spans per story and level.
  for (auto& [story, levels] : out) {
    for (auto& spans : levels) {
      std::sort(spans.begin(), spans.end(),
                [](const Span& a, const Span& b) { return a.start < b.start; });
      std::vector<Span> merged;
      for (const Span& s : spans) {
        if (!merged.empty() && s.start < merged.back().end) {
          merged.back().end = std::max(merged.back().end, s.end);
        } else {
          merged.push_back(s);
        }
      }
      spans = std::move(merged);
    }
  }
  return out;
}

bool Meet(const Span& a, const Span& b, int64_t within) {
  return a.start < b.end + within && b.start < a.end + within;
}

}  // namespace

Matrix BuildSegmentMatrix(Project& project, const std::vector<int64_t>& stories,
                          const DimensionSpec& row_spec, const ResolvedDimension& rows,
                          const DimensionSpec& col_spec, const ResolvedDimension& cols,
                          const CoderSelection* selection, int64_t within) {
  if (row_spec.source != DimensionSource::kCode) {
    throw UsageError(
        "--unit segment counts the coded segments of the rows, so the rows must be "
        "a code dimension (code:GROUP), e.g. --rows code:motivatie; put '" +
        row_spec.text + "' in --cols");
  }
  if (within < 0) throw UsageError("--within takes a number of characters of 0 or more");
  for (const ResolvedDimension* dim : {&rows, &cols}) {
    if (dim->levels.empty()) {
      throw DataError("dimension '" + dim->label +
                      "' has no levels among the selected stories; check the filters and that "
                      "the stories have codings or values for it");
    }
  }
  const std::unordered_set<int64_t> in(stories.begin(), stories.end());
  std::string row_codings;
  const Segments row_segments = ReadSegments(project, row_spec, rows, in, selection, row_codings);
  const bool code_cols = col_spec.source == DimensionSource::kCode;
  std::string col_codings;
  Segments col_segments;
  if (code_cols) col_segments = ReadSegments(project, col_spec, cols, in, selection, col_codings);

  Matrix matrix;
  matrix.rows = rows.title;
  matrix.cols = cols.title;
  matrix.codings = rows.label + ": " + row_codings;
  if (code_cols) matrix.codings += "; " + cols.label + ": " + col_codings;
  matrix.multiple_response = true;
  matrix.segment_unit = true;
  matrix.unit =
      code_cols
          ? "coded segments of the rows that meet a segment of the column (" +
                std::string(within == 0 ? "overlapping"
                                        : "within " + std::to_string(within) + " characters") +
                "); a segment counts in every column it meets"
          : "coded segments of the rows, by the column level of their story";
  stats::ContingencyTable counts(static_cast<int>(rows.levels.size()),
                                 static_cast<int>(cols.levels.size()));
  std::map<std::string, int64_t> left_out;
  int64_t segments = 0;
  std::unordered_set<int64_t> used_stories;
  // Stories in id order, so that the result does not depend on hashing.
  std::vector<int64_t> order;
  for (const auto& [story, levels] : row_segments) order.push_back(story);
  std::sort(order.begin(), order.end());
  for (const int64_t story : order) {
    const auto& levels = row_segments.at(story);
    int column_level = -1;
    if (!code_cols) {
      if (const auto it = cols.level_of.find(story); it != cols.level_of.end()) {
        column_level = it->second;
      }
    }
    const auto cols_here = code_cols ? col_segments.find(story) : col_segments.end();
    for (size_t r = 0; r < levels.size(); ++r) {
      for (const Span& segment : levels[r]) {
        bool counted = false;
        if (!code_cols) {
          if (column_level >= 0) {
            counts.Add(static_cast<int>(r), column_level);
            counted = true;
          } else {
            const auto why = cols.left_out.find(story);
            ++left_out[cols.label + ": " +
                       (why != cols.left_out.end() ? why->second : std::string(kNoValue))];
          }
        } else {
          if (cols_here != col_segments.end()) {
            for (size_t c = 0; c < cols_here->second.size(); ++c) {
              const auto& spans = cols_here->second[c];
              if (std::any_of(spans.begin(), spans.end(),
                              [&](const Span& s) { return Meet(segment, s, within); })) {
                counts.Add(static_cast<int>(r), static_cast<int>(c));
                counted = true;
              }
            }
          }
          if (!counted) ++left_out[cols.label + ": no segment it meets"];
        }
        if (counted) {
          ++segments;
          used_stories.insert(story);
        }
      }
    }
  }
  CrossTab tab = MakeCrossTab("", rows.levels, cols.levels, counts);
  tab.left_out = std::move(left_out);
  tab.stories = static_cast<int64_t>(used_stories.size());
  tab.counts_segments = true;
  tab.segments = segments;
  // Expected counts and residuals assume independent units: not shown.
  for (auto& row : tab.cells) {
    for (MatrixCell& cell : row) {
      cell.expected = std::numeric_limits<double>::quiet_NaN();
      cell.residual = std::numeric_limits<double>::quiet_NaN();
      cell.flagged = false;
    }
  }
  tab.tests = MatrixTests{};
  tab.tests.computed = false;
  tab.tests.note =
      "not computed: the segments of one story are not independent observations (and a segment "
      "may count in several cells), so chi-square, Fisher's test and Cramer's V do not apply; "
      "for a test, use --unit story";
  matrix.tables.push_back(std::move(tab));
  return matrix;
}

}  // namespace verhaal
