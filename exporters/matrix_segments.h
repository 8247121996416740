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
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/dimension.h"
#include "corpus/project.h"
#include "exporters/matrix.h"

namespace verhaal {

// The segment matrix of `stories` (ascending ids). `rows` must be a code
// dimension (kUsage otherwise); `cols` any dimension, resolved over the same
// stories. The codings read are those the DIM names (code:PATH@anna+bram:
// where all of them coded the level in the story), else `selection`'s, else
// the default analysis set. `within` >= 0: how many characters apart two
// segments may be and still count as meeting (0: they must overlap).
Matrix BuildSegmentMatrix(Project& project, const std::vector<int64_t>& stories,
                          const DimensionSpec& row_spec, const ResolvedDimension& rows,
                          const DimensionSpec& col_spec, const ResolvedDimension& cols,
                          const CoderSelection* selection, int64_t within);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_MATRIX_SEGMENTS_H_
