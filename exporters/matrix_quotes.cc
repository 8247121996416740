#include "exporters/matrix_quotes.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "corpus/codings.h"
#include "corpus/stories.h"
#include "corpus/text.h"

namespace verhaal {
namespace {

constexpr size_t kOpening = 160;  // code points of a story's opening

std::vector<int> LevelsOf(const ResolvedDimension& dim, int64_t id) {
  std::vector<int> levels;
  const auto first = dim.level_of.find(id);
  if (first == dim.level_of.end()) return levels;
  levels.push_back(first->second);
  if (const auto more = dim.extra_levels.find(id); more != dim.extra_levels.end()) {
    levels.insert(levels.end(), more->second.begin(), more->second.end());
  }
  return levels;
}

bool Under(const std::string& path, const std::string& prefix) {
  return path == prefix || path.rfind(prefix + "/", 0) == 0;
}

}  // namespace

std::vector<MatrixQuote> MatrixQuotes(Project& project, const std::vector<int64_t>& ids,
                                      const ResolvedDimension& rows,
                                      const ResolvedDimension& cols, const ResolvedDimension* by,
                                      const CoderSet& coders,
                                      const std::vector<std::string>& prefer, int per_cell) {
  std::vector<MatrixQuote> out;
  if (per_cell <= 0) return out;
  std::vector<int64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  // (group, row, col) -> stories, up to per_cell each.
  std::map<std::tuple<int, int, int>, std::vector<int64_t>> cells;
  for (int64_t id : sorted) {
    int group = 0;
    if (by != nullptr) {
      const auto level = by->level_of.find(id);
      if (level == by->level_of.end()) continue;
      group = level->second;
    }
    for (int r : LevelsOf(rows, id)) {
      for (int c : LevelsOf(cols, id)) {
        auto& stories = cells[{group, r, c}];
        if (static_cast<int>(stories.size()) < per_cell) stories.push_back(id);
      }
    }
  }
  for (const auto& [cell, stories] : cells) {
    const auto& [group, r, c] = cell;
    for (int64_t id : stories) {
      const auto story = FindStoryById(project, id);
      if (!story) continue;
      MatrixQuote quote;
      quote.group = by != nullptr ? by->levels[static_cast<size_t>(group)] : "";
      quote.row = rows.levels[static_cast<size_t>(r)];
      quote.col = cols.levels[static_cast<size_t>(c)];
      quote.story = story->key;
      quote.respondent = story->respondent_key;
      CodingFilter filter;
      filter.story_id = id;
      filter.coders = coders;
      const std::vector<Coding> codings = ListCodings(project, filter);
      const Coding* best = nullptr;
      for (const Coding& coding : codings) {
        if (coding.end <= coding.start) continue;
        const bool preferred = std::any_of(prefer.begin(), prefer.end(), [&](const auto& p) {
          return Under(coding.code_path, p);
        });
        if (preferred) {
          best = &coding;
          break;
        }
        if (best == nullptr) best = &coding;
      }
      if (best != nullptr) {
        quote.coder = best->coder;
        quote.code = best->code_path;
        quote.start = best->start;
        quote.end = best->end;
      } else {
        quote.end = static_cast<int64_t>(std::min(CodePointCount(story->text), kOpening));
      }
      quote.text = std::string(SliceCodePoints(story->text, static_cast<size_t>(quote.start),
                                               static_cast<size_t>(quote.end)));
      std::replace(quote.text.begin(), quote.text.end(), '\n', ' ');
      out.push_back(std::move(quote));
    }
  }
  return out;
}

Table MatrixQuotesTable(const std::vector<MatrixQuote>& quotes) {
  Table table{{"group", "row", "col", "story", "respondent", "coder", "code", "start", "end",
               "quote"},
              {},
              {false, false, false, false, false, false, false, true, true, false}};
  for (const MatrixQuote& q : quotes) {
    table.AddRow({q.group, q.row, q.col, q.story, q.respondent, q.coder, q.code,
                  std::to_string(q.start), std::to_string(q.end), q.text});
  }
  return table;
}

}  // namespace verhaal
