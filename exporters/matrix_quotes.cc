#include "exporters/matrix_quotes.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "base/text.h"
#include "corpus/codings.h"
#include "corpus/stories.h"

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

MatrixQuote QuoteOf(const Story& story, int64_t start, int64_t end) {
  MatrixQuote quote;
  quote.story = story.key;
  quote.story_id = story.id;
  quote.respondent = story.respondent_key;
  quote.start = start;
  quote.end = end;
  quote.text = std::string(
      SliceCodePoints(story.text, static_cast<size_t>(start), static_cast<size_t>(end)));
  std::replace(quote.text.begin(), quote.text.end(), '\n', ' ');
  return quote;
}

std::vector<Coding> CodingsOf(Project& project, int64_t story_id, const CoderSet& coders) {
  CodingFilter filter;
  filter.story_id = story_id;
  filter.coders = coders;
  return ListCodings(project, filter);
}

// One quote for a story: a coding under one of `prefer`, else its first
// coding, else its opening.
MatrixQuote StoryQuote(Project& project, const Story& story, const CoderSet& coders,
                       const std::vector<std::string>& prefer) {
  const std::vector<Coding> codings = CodingsOf(project, story.id, coders);
  const Coding* best = nullptr;
  for (const Coding& coding : codings) {
    if (coding.end <= coding.start) continue;
    const bool preferred = std::any_of(prefer.begin(), prefer.end(),
                                       [&](const auto& p) { return Under(coding.code_path, p); });
    if (preferred) {
      best = &coding;
      break;
    }
    if (best == nullptr) best = &coding;
  }
  if (best == nullptr) {
    return QuoteOf(story, 0, static_cast<int64_t>(std::min(CodePointCount(story.text), kOpening)));
  }
  MatrixQuote quote = QuoteOf(story, best->start, best->end);
  quote.coder = best->coder;
  quote.code = best->code_path;
  return quote;
}

bool HasLevel(const ResolvedDimension& dim, int64_t id, int level) {
  const std::vector<int> levels = LevelsOf(dim, id);
  return std::find(levels.begin(), levels.end(), level) != levels.end();
}

}  // namespace

std::vector<MatrixQuote> MatrixQuotes(Project& project, const std::vector<int64_t>& ids,
                                      const ResolvedDimension& rows, const ResolvedDimension& cols,
                                      const ResolvedDimension* by, const CoderSet& coders,
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
      MatrixQuote quote = StoryQuote(project, *story, coders, prefer);
      quote.group = by != nullptr ? by->levels[static_cast<size_t>(group)] : "";
      quote.row = rows.levels[static_cast<size_t>(r)];
      quote.col = cols.levels[static_cast<size_t>(c)];
      out.push_back(std::move(quote));
    }
  }
  return out;
}

CellQuotes MatrixCellQuotes(Project& project, const std::vector<int64_t>& ids,
                            const ResolvedDimension& rows, const ResolvedDimension& cols,
                            const ResolvedDimension* by, int group, int row, int col,
                            const std::string& row_code, const std::string& col_code,
                            const CoderSet& coders, int max_stories) {
  CellQuotes out;
  std::vector<int64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  std::vector<int64_t> chosen;
  for (int64_t id : sorted) {
    if (by != nullptr) {
      const auto level = by->level_of.find(id);
      if (level == by->level_of.end() || level->second != group) continue;
    }
    if (!HasLevel(rows, id, row) || !HasLevel(cols, id, col)) continue;
    ++out.stories;
    if (static_cast<int>(chosen.size()) < max_stories) chosen.push_back(id);
  }
  out.more = out.stories > static_cast<int64_t>(chosen.size());
  std::vector<std::string> prefer;
  for (const std::string* code : {&row_code, &col_code}) {
    if (!code->empty()) prefer.push_back(*code);
  }
  for (int64_t id : chosen) {
    const auto story = FindStoryById(project, id);
    if (!story) continue;
    const size_t first = out.quotes.size();
    if (!prefer.empty()) {
      for (const Coding& coding : CodingsOf(project, id, coders)) {
        if (coding.end <= coding.start) continue;
        if (std::none_of(prefer.begin(), prefer.end(),
                         [&](const auto& p) { return Under(coding.code_path, p); })) {
          continue;
        }
        MatrixQuote quote = QuoteOf(*story, coding.start, coding.end);
        quote.coder = coding.coder;
        quote.code = coding.code_path;
        out.quotes.push_back(std::move(quote));
      }
    }
    if (out.quotes.size() == first) out.quotes.push_back(StoryQuote(project, *story, coders, {}));
    for (size_t i = first; i < out.quotes.size(); ++i) {
      MatrixQuote& quote = out.quotes[i];
      quote.group = by != nullptr ? by->levels[static_cast<size_t>(group)] : "";
      quote.row = rows.levels[static_cast<size_t>(row)];
      quote.col = cols.levels[static_cast<size_t>(col)];
    }
  }
  return out;
}

Table MatrixQuotesTable(const std::vector<MatrixQuote>& quotes) {
  Table table{
      {"group", "row", "col", "story", "respondent", "coder", "code", "start", "end", "quote"},
      {},
      {false, false, false, false, false, false, false, true, true, false}};
  for (const MatrixQuote& q : quotes) {
    table.AddRow({q.group, q.row, q.col, q.story, q.respondent, q.coder, q.code,
                  std::to_string(q.start), std::to_string(q.end), q.text});
  }
  return table;
}

}  // namespace verhaal
