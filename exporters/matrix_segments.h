// The matrix counted in coded segments (`verhaal matrix --unit segment`,
// NVivo's matrix coding query): rows are the levels of a code dimension,
// and a cell counts the row level's segments that overlap (or lie within
// `within` characters of) a segment of the column level, when the columns
// are a code dimension too, or that lie in a story of the column level
// otherwise. A segment is a stretch of text coded with a level's code (or a
// code under it) by the coders whose codings count; overlapping codings of
// the same level in a story, by one coder or several, make one segment. A
// segment that overlaps two column levels counts in both, so the cells are
// not independent and no test is computed. See docs/matrix.md.
#ifndef VERHAAL_EXPORTERS_MATRIX_SEGMENTS_H_
#define VERHAAL_EXPORTERS_MATRIX_SEGMENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/dimension.h"
#include "corpus/project.h"
#include "exporters/matrix.h"

namespace verhaal {

// When two coded segments meet (--within): they overlap or lie at most
// `characters` apart; or they touch one sentence (ICU sentence breaks, as the
// autocoder's `same sentence`); or one speaker turn of an interview (stories
// without turns have none).
struct SegmentMeeting {
  enum class Kind { kCharacters, kSentence, kTurn };
  Kind kind = Kind::kCharacters;
  int64_t characters = 0;
  // "overlapping", "within 200 characters", "in the same sentence", ...
  std::string Describe() const;
};

// Parses --within: a whole number of characters (0 or more), `sentence` or
// `turn`. kUsage naming what it takes otherwise.
SegmentMeeting ParseSegmentMeeting(std::string_view text);

// The segment matrix of `stories` (ascending ids). `rows` must be a code
// dimension (kUsage otherwise); `cols` any dimension, resolved over the same
// stories. The codings read are those the DIM names (code:PATH@anna+bram:
// where all of them coded the level in the story), else `selection`'s, else
// the default analysis set. `meeting` says when a row segment meets a column
// segment.
Matrix BuildSegmentMatrix(Project& project, const std::vector<int64_t>& stories,
                          const DimensionSpec& row_spec, const ResolvedDimension& rows,
                          const DimensionSpec& col_spec, const ResolvedDimension& cols,
                          const CoderSelection* selection, const SegmentMeeting& meeting);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_MATRIX_SEGMENTS_H_
