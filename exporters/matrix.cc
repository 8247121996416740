#include "exporters/matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "base/error.h"
#include "stats/adjusted_residuals.h"

namespace verhaal {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Percent(int64_t part, int64_t whole) {
  return whole == 0 ? kNaN : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

MatrixTests RunTests(const std::vector<std::string>& row_levels,
                     const std::vector<std::string>& col_levels,
                     const stats::ContingencyTable& counts, const MatrixOptions& options) {
  MatrixTests tests;
  std::vector<int> rows, cols;
  for (int r = 0; r < counts.rows(); ++r) {
    if (counts.RowTotal(r) > 0) {
      rows.push_back(r);
    } else {
      tests.dropped.push_back("row '" + row_levels[r] + "'");
    }
  }
  for (int c = 0; c < counts.cols(); ++c) {
    if (counts.ColTotal(c) > 0) {
      cols.push_back(c);
    } else {
      tests.dropped.push_back("column '" + col_levels[c] + "'");
    }
  }
  if (rows.size() < 2 || cols.size() < 2) {
    tests.note = kNoteFewLevels;
    return tests;
  }
  stats::ContingencyTable table(static_cast<int>(rows.size()), static_cast<int>(cols.size()));
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < cols.size(); ++c) {
      table.Add(static_cast<int>(r), static_cast<int>(c), counts.at(rows[r], cols[c]));
    }
  }
  const bool two_by_two = rows.size() == 2 && cols.size() == 2;
  tests.computed = true;
  tests.chi_square = stats::PearsonChiSquare(table, options.yates && two_by_two);
  tests.fisher = stats::FisherExact(table, options.fisher);
  tests.cramers_v = stats::CramersV(table);
  if (two_by_two) tests.odds_ratio = stats::OddsRatio(table);
  tests.cochran = stats::CheckCochranRule(table);
  if (options.yates && !two_by_two) {
    tests.note = kNoteYates;
  }
  return tests;
}

// A dimension's level of each story, for stories asked in ascending id
// order (a walk along the maps) or in any order (a lookup each).
class DimensionCursor {
 public:
  DimensionCursor(const ResolvedDimension& dimension, bool ascending)
      : dimension_(dimension),
        ascending_(ascending),
        level_(dimension.level_of.begin()),
        left_(dimension.left_out.begin()) {}

  // The level of story `id`, or -1 with `reason` set.
  int Level(int64_t id, std::string_view& reason) {
    if (!ascending_) {
      level_ = dimension_.level_of.find(id);
      left_ = dimension_.left_out.find(id);
    }
    const auto level_end = dimension_.level_of.end();
    while (level_ != level_end && level_->first < id) ++level_;
    if (level_ != level_end && level_->first == id) return level_->second;
    const auto left_end = dimension_.left_out.end();
    while (left_ != left_end && left_->first < id) ++left_;
    reason = left_ != left_end && left_->first == id ? left_->second : kNoValue;
    return -1;
  }

 private:
  const ResolvedDimension& dimension_;
  bool ascending_;
  StoryMap<int>::const_iterator level_;
  StoryMap<std::string>::const_iterator left_;
};

// No tests for a multiple-response table: its cells share stories.
MatrixTests MultipleResponseTests() {
  MatrixTests tests;
  tests.computed = false;
  tests.note = kNoteMultipleResponse;
  return tests;
}

}  // namespace

CrossTab MakeCrossTab(std::string group, std::vector<std::string> row_levels,
                      std::vector<std::string> col_levels, const stats::ContingencyTable& counts,
                      const MatrixOptions& options) {
  CrossTab tab;
  tab.group = std::move(group);
  tab.row_levels = std::move(row_levels);
  tab.col_levels = std::move(col_levels);
  const auto expected = stats::ExpectedCounts(counts);
  std::vector<std::vector<double>> residuals;
  if (counts.rows() >= 2 && counts.cols() >= 2) {
    residuals = stats::AdjustedResiduals(counts).residuals;
  }
  tab.total = counts.Total();
  tab.stories = tab.total;
  for (int r = 0; r < counts.rows(); ++r) tab.row_totals.push_back(counts.RowTotal(r));
  for (int c = 0; c < counts.cols(); ++c) tab.col_totals.push_back(counts.ColTotal(c));
  tab.cells.assign(counts.rows(), std::vector<MatrixCell>(counts.cols()));
  for (int r = 0; r < counts.rows(); ++r) {
    for (int c = 0; c < counts.cols(); ++c) {
      MatrixCell& cell = tab.cells[r][c];
      cell.count = counts.at(r, c);
      cell.row_percent = Percent(cell.count, tab.row_totals[r]);
      cell.col_percent = Percent(cell.count, tab.col_totals[c]);
      cell.total_percent = Percent(cell.count, tab.total);
      cell.expected = expected[r][c];
      cell.residual = residuals.empty() ? kNaN : residuals[r][c];
      cell.flagged = std::isfinite(cell.residual) && std::fabs(cell.residual) >= kResidualFlag;
    }
  }
  tab.tests = RunTests(tab.row_levels, tab.col_levels, counts, options);
  return tab;
}

Matrix BuildMatrix(const std::vector<int64_t>& stories, const ResolvedDimension& rows,
                   const ResolvedDimension& cols, const ResolvedDimension* by,
                   const MatrixOptions& options) {
  for (const ResolvedDimension* dim : {&rows, &cols, by}) {
    if (dim != nullptr && dim->levels.empty()) {
      throw DataError("dimension '" + dim->label +
                      "' has no levels among the selected stories; check the filters and "
                      "that the stories have codings or values for it");
    }
  }
  Matrix matrix;
  for (const ResolvedDimension* dim : {&rows, &cols, by}) {
    if (dim == nullptr || dim->codings.empty()) continue;
    const std::string line = dim->label + ": " + dim->codings;
    matrix.codings += (matrix.codings.empty() ? "" : "; ") + line;
  }
  if (matrix.codings.empty()) matrix.codings = "none (no code dimension)";
  matrix.rows = rows.title;
  matrix.cols = cols.title;
  const std::vector<std::string> groups = by ? by->levels : std::vector<std::string>{""};
  if (by) matrix.by = by->title;
  std::vector<stats::ContingencyTable> counts(
      groups.size(), stats::ContingencyTable(static_cast<int>(rows.levels.size()),
                                             static_cast<int>(cols.levels.size())));
  // Reasons are counted by (dimension, reason) and named at the end, so a
  // million left-out stories cost no strings.
  using ReasonCounts = std::map<std::pair<const ResolvedDimension*, std::string_view>, int64_t>;
  std::vector<ReasonCounts> left_out(groups.size());
  std::vector<int64_t> stories_used(groups.size(), 0);
  const bool multiple = !rows.extra_levels.empty() || !cols.extra_levels.empty();
  if (multiple) {
    matrix.multiple_response = true;
    matrix.unit =
        "responses (--mixed each: a story coded with several levels counts in each of their "
        "cells)";
  }
  ReasonCounts left_out_by;
  const bool ascending = std::is_sorted(stories.begin(), stories.end());
  DimensionCursor row_of(rows, ascending), col_of(cols, ascending);
  std::optional<DimensionCursor> group_of;
  if (by) group_of.emplace(*by, ascending);
  for (int64_t id : stories) {
    size_t group = 0;
    std::string_view reason;
    if (group_of) {
      const int level = group_of->Level(id, reason);
      if (level < 0) {
        ++left_out_by[{by, reason}];
        continue;
      }
      group = static_cast<size_t>(level);
    }
    const int row = row_of.Level(id, reason);
    if (row < 0) {
      ++left_out[group][{&rows, reason}];
      continue;
    }
    const int col = col_of.Level(id, reason);
    if (col < 0) {
      ++left_out[group][{&cols, reason}];
      continue;
    }
    ++stories_used[group];
    if (!multiple) {
      counts[group].Add(row, col);
      continue;
    }
    // Multiple response: every (row level, column level) pair of the story.
    std::vector<int> row_levels = {row}, col_levels = {col};
    if (const auto it = rows.extra_levels.find(id); it != rows.extra_levels.end()) {
      row_levels.insert(row_levels.end(), it->second.begin(), it->second.end());
    }
    if (const auto it = cols.extra_levels.find(id); it != cols.extra_levels.end()) {
      col_levels.insert(col_levels.end(), it->second.begin(), it->second.end());
    }
    for (int r : row_levels) {
      for (int c : col_levels) counts[group].Add(r, c);
    }
  }
  auto named = [](const ReasonCounts& counts) {
    std::map<std::string, int64_t> out;
    for (const auto& [key, n] : counts) {
      out[key.first->label + ": " + std::string(key.second)] += n;
    }
    return out;
  };
  matrix.left_out_by = named(left_out_by);
  for (size_t g = 0; g < groups.size(); ++g) {
    matrix.tables.push_back(MakeCrossTab(groups[g], rows.levels, cols.levels, counts[g], options));
    matrix.tables.back().left_out = named(left_out[g]);
    matrix.tables.back().stories = stories_used[g];
    if (multiple) matrix.tables.back().tests = MultipleResponseTests();
  }
  if (by && groups.size() >= 2 && !multiple) {
    std::vector<std::string> cells;
    for (const auto& r : rows.levels) {
      for (const auto& c : cols.levels) cells.push_back(r + " / " + c);
    }
    stats::ContingencyTable compare(static_cast<int>(groups.size()),
                                    static_cast<int>(cells.size()));
    for (size_t g = 0; g < groups.size(); ++g) {
      for (int r = 0; r < counts[g].rows(); ++r) {
        for (int c = 0; c < counts[g].cols(); ++c) {
          compare.Add(static_cast<int>(g), r * counts[g].cols() + c, counts[g].at(r, c));
        }
      }
    }
    matrix.comparison = MakeCrossTab("comparison", groups, cells, compare, options);
  }
  return matrix;
}

}  // namespace verhaal
