// The matrix counted in respondents (`verhaal matrix --unit respondent`):
// each respondent counts once, with the levels their stories have. A
// statushouder who tells three stories weighs as much as one who tells one,
// and the chi-square's independence holds between people rather than between
// stories of the same person. A respondent has a dimension's level when one
// of their (selected) stories has it; when their stories have two levels
// the --mixed policy applies to the respondent as it does to a story
// (exclude: left out as "mixed"; level: the level "mixed"; each: in both
// cells, no tests). A respondent none of whose stories has a level is left
// out with the reason of their first story. Stories without a respondent do
// not count. See docs/matrix.md.
#ifndef VERHAAL_EXPORTERS_MATRIX_RESPONDENTS_H_
#define VERHAAL_EXPORTERS_MATRIX_RESPONDENTS_H_

#include <cstdint>
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/dimension.h"
#include "corpus/project.h"
#include "exporters/matrix.h"

namespace verhaal {

// `dim` resolved per story with MixedPolicy::kEach, folded into one entry
// per respondent: the ids of the result are indexes into `respondent_of`'s
// levels (the respondents' keys), in ascending order.
ResolvedDimension PerRespondent(const ResolvedDimension& dim,
                                const ResolvedDimension& respondent_of, MixedPolicy mixed);

// The respondent matrix of `stories` (ascending ids); `by` may be null.
Matrix BuildRespondentMatrix(Project& project, const std::vector<int64_t>& stories,
                             const DimensionSpec& rows, const DimensionSpec& cols,
                             const DimensionSpec* by, MixedPolicy mixed,
                             const CoderSelection* selection, const MatrixOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_MATRIX_RESPONDENTS_H_
