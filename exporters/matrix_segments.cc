#include "exporters/matrix_segments.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/error.h"
#include "coding/rules_text.h"
#include "corpus/codes.h"
#include "corpus/coding_scan.h"
#include "corpus/codings.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"

namespace verhaal {
namespace {

struct Stretch {
  int64_t start = 0;
  int64_t end = 0;
};

// story id -> per level, its segments in text order (overlaps merged).
using Segments = std::unordered_map<int64_t, std::vector<std::vector<Stretch>>>;

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

// The level of each code of a code dimension (a level's subcodes count as
// the level), by code id; -1 for the codes of no level.
std::vector<int> CodeLevels(Project& project, const DimensionSpec& spec,
                            const ResolvedDimension& dim) {
  std::vector<int> level_of;
  for (size_t level = 0; level < dim.levels.size(); ++level) {
    if (dim.levels[level] == kMixed) continue;  // --mixed level: not a code
    const auto code = FindCodeByPath(project, spec.name + "/" + dim.levels[level]);
    if (!code) continue;
    for (int64_t id : CodeSubtree(project, code->id)) {
      if (level_of.size() <= static_cast<size_t>(id)) level_of.resize(id + 1, -1);
      level_of[static_cast<size_t>(id)] = static_cast<int>(level);
    }
  }
  return level_of;
}

// The code ids with a level.
std::vector<int64_t> CodesOf(const std::vector<int>& level_of) {
  std::vector<int64_t> ids;
  for (size_t id = 0; id < level_of.size(); ++id) {
    if (level_of[id] >= 0) ids.push_back(static_cast<int64_t>(id));
  }
  return ids;
}

int LevelOf(const std::vector<int>& level_of, int64_t code_id) {
  return code_id >= 0 && static_cast<size_t>(code_id) < level_of.size()
             ? level_of[static_cast<size_t>(code_id)]
             : -1;
}

// Sorts each level's spans and merges those that overlap.
void MergeSpans(std::vector<std::vector<Stretch>>& levels) {
  for (auto& spans : levels) {
    std::sort(spans.begin(), spans.end(),
              [](const Stretch& a, const Stretch& b) { return a.start < b.start; });
    std::vector<Stretch> merged;
    for (const Stretch& s : spans) {
      if (!merged.empty() && s.start < merged.back().end) {
        merged.back().end = std::max(merged.back().end, s.end);
      } else {
        merged.push_back(s);
      }
    }
    spans = std::move(merged);
  }
}

// The coded segments of each story (per level of the rows, and of a code
// column), visited story by story in id order as one scan of the codings
// reads them: memory for one story's codings, not the project's.
using StorySegments = std::function<void(int64_t story, std::vector<std::vector<Stretch>>& rows,
                                         std::vector<std::vector<Stretch>>* cols)>;

void ForEachStorySegments(Project& project, const CoderSet& coders,
                          const std::vector<int64_t>& stories, const std::vector<int>& row_levels,
                          size_t rows, const std::vector<int>* col_levels, size_t cols,
                          const StorySegments& visit) {
  std::vector<int64_t> sorted = stories;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::vector<Stretch>> row_spans(rows), col_spans(cols);
  bool any_row = false;
  bool any_col = false;
  int64_t current = -1;
  auto flush = [&] {
    if (any_row && std::binary_search(sorted.begin(), sorted.end(), current)) {
      MergeSpans(row_spans);
      if (any_col) MergeSpans(col_spans);
      visit(current, row_spans, any_col ? &col_spans : nullptr);
    }
    for (auto& spans : row_spans) spans.clear();
    for (auto& spans : col_spans) spans.clear();
    any_row = any_col = false;
  };
  // Only the codings of the dimensions' codes, in the order of the coding
  // key.
  std::vector<int64_t> codes = CodesOf(row_levels);
  if (col_levels != nullptr) {
    const std::vector<int64_t> more = CodesOf(*col_levels);
    codes.insert(codes.end(), more.begin(), more.end());
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  }
  CodingScan scan(project, coders);
  scan.ForEachCodingSpanOfCodes(codes, [&](const CodingSpan& coding) {
    if (coding.story_id != current) {
      flush();
      current = coding.story_id;
    }
    if (const int r = LevelOf(row_levels, coding.code_id); r >= 0) {
      row_spans[static_cast<size_t>(r)].push_back(Stretch{coding.start, coding.end});
      any_row = true;
    }
    if (col_levels == nullptr) return;
    if (const int c = LevelOf(*col_levels, coding.code_id); c >= 0) {
      col_spans[static_cast<size_t>(c)].push_back(Stretch{coding.start, coding.end});
      any_col = true;
    }
  });
  flush();
}

// The coded segments of each story of `stories` for one code dimension read
// by other coders than the rows: held for the whole project (a column whose
// coders differ from the rows', --unit segment with code:GROUP@CODER).
Segments ReadSegments(Project& project, const CoderSet& coders, const std::vector<int>& level_of,
                      size_t levels, const std::vector<int64_t>& stories) {
  const std::unordered_set<int64_t> in(stories.begin(), stories.end());
  Segments out;
  CodingScan scan(project, coders);
  scan.ForEachCodingSpanOfCodes(CodesOf(level_of), [&](const CodingSpan& coding) {
    const int level = LevelOf(level_of, coding.code_id);
    if (level < 0 || !in.count(coding.story_id)) return;
    auto& spans = out[coding.story_id];
    if (spans.empty()) spans.resize(levels);
    spans[static_cast<size_t>(level)].push_back(Stretch{coding.start, coding.end});
  });
  for (auto& [story, spans] : out) MergeSpans(spans);
  return out;
}

bool SameCoders(const CoderSet& a, const CoderSet& b) {
  return a.coder_ids == b.coder_ids && a.min_coders == b.min_coders && a.speaker == b.speaker;
}

bool Meet(const Stretch& a, const Stretch& b, int64_t within) {
  return a.start < b.end + within && b.start < a.end + within;
}

// The indexes [first, last + 1) of the `units` (sentences or turns, in text
// order) a span touches; an empty span touches the unit its position is in.
// {-1, -1} when it touches none (text outside every turn).
Stretch UnitsTouched(const Stretch& span, const std::vector<Stretch>& units) {
  const int64_t end = std::max(span.end, span.start + 1);
  int64_t first = -1;
  int64_t last = -1;
  for (size_t i = 0; i < units.size(); ++i) {
    if (units[i].start < end && span.start < units[i].end) {
      if (first < 0) first = static_cast<int64_t>(i);
      last = static_cast<int64_t>(i);
    }
  }
  return first < 0 ? Stretch{-1, -1} : Stretch{first, last + 1};
}

// The sentences or turns of a story as spans of code points.
std::vector<Stretch> StoryUnits(Project& project, int64_t story, SegmentMeeting::Kind kind,
                                TextPreparer& preparer) {
  std::vector<Stretch> units;
  if (kind == SegmentMeeting::Kind::kTurn) {
    for (const SpeakerTurn& t : ListSpeakerTurns(project, story)) {
      units.push_back(Stretch{t.start, t.end});
    }
    return units;
  }
  const auto found = FindStoryById(project, story);
  if (!found) return units;
  PreparedText prepared;
  preparer.Prepare(found->text, /*with_stems=*/false, StemLanguage::kDutch, prepared);
  for (const auto& s : prepared.sentences) units.push_back(Stretch{s.start, s.end});
  return units;
}

// Rewrites the spans of `story` in both sets as the sentence or turn indexes
// they touch, so that "meet" becomes "overlap" (within 0). A span touching
// none gets an empty range that meets nothing.
void ToUnits(Project& project, int64_t story, SegmentMeeting::Kind kind, TextPreparer& preparer,
             std::vector<std::vector<Stretch>>& rows, std::vector<std::vector<Stretch>>* cols) {
  const std::vector<Stretch> units = StoryUnits(project, story, kind, preparer);
  for (auto* levels : {&rows, cols}) {
    if (levels == nullptr) continue;
    for (auto& spans : *levels) {
      for (Stretch& span : spans) span = UnitsTouched(span, units);
    }
  }
}

}  // namespace

std::string SegmentMeeting::Describe() const {
  switch (kind) {
    case Kind::kSentence:
      return "in the same sentence";
    case Kind::kTurn:
      return "in the same speaker turn";
    case Kind::kCharacters:
      break;
  }
  return characters == 0 ? "overlapping" : "within " + std::to_string(characters) + " characters";
}

SegmentMeeting ParseSegmentMeeting(std::string_view text) {
  SegmentMeeting meeting;
  if (text == "sentence") {
    meeting.kind = SegmentMeeting::Kind::kSentence;
    return meeting;
  }
  if (text == "turn") {
    meeting.kind = SegmentMeeting::Kind::kTurn;
    return meeting;
  }
  int64_t value = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0) {
    throw UsageError("--within takes a number of characters of 0 or more, sentence or turn, not '" +
                     std::string(text) + "'");
  }
  meeting.characters = value;
  return meeting;
}

Matrix BuildSegmentMatrix(Project& project, const std::vector<int64_t>& stories,
                          const DimensionSpec& row_spec, const ResolvedDimension& rows,
                          const DimensionSpec& col_spec, const ResolvedDimension& cols,
                          const CoderSelection* selection, const SegmentMeeting& meeting) {
  if (row_spec.source != DimensionSource::kCode) {
    throw UsageError(
        "--unit segment counts the coded segments of the rows, so the rows must be "
        "a code dimension (code:GROUP), e.g. --rows code:motivatie; put '" +
        row_spec.text + "' in --cols");
  }
  const int64_t within = meeting.kind == SegmentMeeting::Kind::kCharacters ? meeting.characters : 0;
  for (const ResolvedDimension* dim : {&rows, &cols}) {
    if (dim->levels.empty()) {
      throw DataError("dimension '" + dim->label +
                      "' has no levels among the selected stories; check the filters and that "
                      "the stories have codings or values for it");
    }
  }
  const bool code_cols = col_spec.source == DimensionSource::kCode;
  std::string row_codings;
  std::string col_codings;
  const CoderSet row_coders = SetFor(project, row_spec, selection, row_codings);
  const CoderSet col_coders =
      code_cols ? SetFor(project, col_spec, selection, col_codings) : CoderSet{};
  // One scan reads the rows' and a code column's codings when the same
  // coders count for both (the usual case); else the column's are read first.
  const bool one_scan = !code_cols || SameCoders(row_coders, col_coders);
  const std::vector<int> row_levels = CodeLevels(project, row_spec, rows);
  const std::vector<int> col_levels =
      code_cols ? CodeLevels(project, col_spec, cols) : std::vector<int>();

  Matrix matrix;
  matrix.rows = rows.title;
  matrix.cols = cols.title;
  matrix.codings = rows.label + ": " + row_codings;
  if (code_cols) matrix.codings += "; " + cols.label + ": " + col_codings;
  matrix.multiple_response = true;
  matrix.segment_unit = true;
  matrix.unit = code_cols ? "coded segments of the rows that meet a segment of the column (" +
                                meeting.Describe() + "); a segment counts in every column it meets"
                          : "coded segments of the rows, by the column level of their story";
  stats::ContingencyTable counts(static_cast<int>(rows.levels.size()),
                                 static_cast<int>(cols.levels.size()));
  std::map<std::string, int64_t> left_out;
  int64_t segments = 0;
  int64_t used_stories = 0;
  Segments separate_cols;
  if (!one_scan) {
    separate_cols = ReadSegments(project, col_coders, col_levels, cols.levels.size(), stories);
  }
  TextPreparer preparer;
  ForEachStorySegments(
      project, row_coders, stories, row_levels, rows.levels.size(),
      code_cols && one_scan ? &col_levels : nullptr, cols.levels.size(),
      [&](int64_t story, std::vector<std::vector<Stretch>>& levels,
          std::vector<std::vector<Stretch>>* cols_here) {
        if (!one_scan) {
          const auto found = separate_cols.find(story);
          cols_here = found == separate_cols.end() ? nullptr : &found->second;
        }
        if (cols_here != nullptr && meeting.kind != SegmentMeeting::Kind::kCharacters) {
          ToUnits(project, story, meeting.kind, preparer, levels, cols_here);
        }
        int column_level = -1;
        if (!code_cols) {
          if (const auto it = cols.level_of.find(story); it != cols.level_of.end()) {
            column_level = it->second;
          }
        }
        bool used = false;
        for (size_t r = 0; r < levels.size(); ++r) {
          for (const Stretch& segment : levels[r]) {
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
              if (cols_here != nullptr) {
                for (size_t c = 0; c < cols_here->size(); ++c) {
                  const auto& spans = (*cols_here)[c];
                  if (std::any_of(spans.begin(), spans.end(),
                                  [&](const Stretch& s) { return Meet(segment, s, within); })) {
                    counts.Add(static_cast<int>(r), static_cast<int>(c));
                    counted = true;
                  }
                }
              }
              if (!counted) ++left_out[cols.label + ": no segment it meets"];
            }
            if (counted) {
              ++segments;
              used = true;
            }
          }
        }
        used_stories += used ? 1 : 0;
      });
  CrossTab tab = MakeCrossTab("", rows.levels, cols.levels, counts);
  tab.left_out = std::move(left_out);
  tab.stories = used_stories;
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
