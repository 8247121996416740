#include "exporters/matrix_segments.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/error.h"
#include "coding/rules_text.h"
#include "corpus/codes.h"
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
    levels[static_cast<size_t>(level_of_code.at(c.code_id))].push_back(Stretch{c.start, c.end});
  }
  // Merge overlapping spans per story and level.
  for (auto& [story, levels] : out) {
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
  return out;
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
  const std::unordered_set<int64_t> in(stories.begin(), stories.end());
  std::string row_codings;
  Segments row_segments = ReadSegments(project, row_spec, rows, in, selection, row_codings);
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
  matrix.unit = code_cols ? "coded segments of the rows that meet a segment of the column (" +
                                meeting.Describe() + "); a segment counts in every column it meets"
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
  if (code_cols && meeting.kind != SegmentMeeting::Kind::kCharacters) {
    TextPreparer preparer;
    for (const int64_t story : order) {
      const auto cols_here = col_segments.find(story);
      if (cols_here == col_segments.end()) continue;  // meets nothing either way
      ToUnits(project, story, meeting.kind, preparer, row_segments.at(story), &cols_here->second);
    }
  }
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
          if (cols_here != col_segments.end()) {
            for (size_t c = 0; c < cols_here->second.size(); ++c) {
              const auto& spans = cols_here->second[c];
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
