// The matrix a front end shows: `verhaal matrix` and the workbench's Matrix
// view (GET /api/matrix) both ask for it here, so their numbers are the same
// by construction. A query names two dimensions (DIM, docs/matrix.md), an
// optional third for one matrix per group, the stories (role, kind, wave)
// and whose codings count (coding/analysis_coders.h); the answer is the
// Matrix of exporters/matrix.h with what it was computed from, which also
// gives the quotes behind a cell. Reads only. Errors are RequestErrors
// naming the query field at fault (`rows`, `cols`, `by`, `mixed`, `coders`,
// `combine`, `min_coders`, `role`, `kind`, `wave`, `row`, `col`, `group`),
// keeping the kind the CLI maps to its exit code.
#ifndef VERHAAL_STUDY_MATRIX_QUERY_H_
#define VERHAAL_STUDY_MATRIX_QUERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/dimension.h"
#include "corpus/language.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "exporters/matrix.h"
#include "exporters/matrix_quotes.h"
#include "exporters/matrix_segments.h"
#include "study/viewer.h"

namespace verhaal {

// What a matrix is asked for, as the CLI's options and the API's query
// parameters give it.
struct MatrixQuery {
  std::string rows;               // DIM, e.g. "code:motivatie"
  std::string cols;               // DIM
  std::optional<std::string> by;  // DIM: one matrix per level, and a comparison
  std::string mixed = "exclude";  // exclude, level or each (docs/matrix.md)
  CoderRequest coders;            // --coders, --combine, --min-coders
  StoryFilter stories;            // --role, --kind, --wave
  MatrixOptions options;          // Yates, Fisher's Monte Carlo
  std::string unit = "story";     // story, segment or respondent (exporters/matrix_segments.h,
                                  // matrix_respondents.h)
  std::string within = "0";  // --unit segment: characters apart that still meet, sentence or turn
  // The names verhaal gives built-in dimensions and levels (role, kind, wave,
  // respondent, a triad's zones; LocalizeDimension in exporters/report_words.h)
  // in this language, as the report shows them; nullopt: English.
  std::optional<Language> language;
};

// Parses --mixed; kUsage naming the accepted words.
MixedPolicy ParseMixedPolicy(const std::string& text);

// A query parsed and checked against the project: the stories it counts and
// whose codings, before any dimension is resolved.
struct MatrixPlan {
  CoderRequest request;
  DimensionSpec rows;
  DimensionSpec cols;
  std::optional<DimensionSpec> by;
  MixedPolicy mixed = MixedPolicy::kExclude;
  MatrixOptions options;
  bool segment_unit = false;
  bool respondent_unit = false;
  SegmentMeeting within;
  std::optional<Language> language;      // the query's
  std::vector<int64_t> stories;          // ascending ids
  std::optional<CoderSelection> coders;  // set when a code dimension reads codings

  // The coder selections to compute one matrix for: one per coder for
  // --combine each, else the selection (or none: nullopt).
  std::vector<std::optional<CoderSelection>> Runs() const;
};

// Parses and checks `query`. kUsage for a DIM, --mixed or --combine that is
// not understood; kMissing for a coder that does not exist; kData when no
// story matches the filters.
MatrixPlan PlanMatrix(Project& project, const MatrixQuery& query);

// A computed matrix and what it came from.
struct MatrixAnswer {
  Matrix matrix;
  std::vector<int64_t> stories;
  ResolvedDimension rows;
  ResolvedDimension cols;
  std::optional<ResolvedDimension> by;
  std::optional<CoderSelection> coders;  // whose codings (the run's)
  CoderRequest request;                  // the query's, for quotes without a code dimension
  MixedPolicy mixed = MixedPolicy::kExclude;
  DimensionSpec row_spec;
  DimensionSpec col_spec;
  std::optional<DimensionSpec> by_spec;
  bool segment_unit = false;
  bool respondent_unit = false;
};

// The matrix of `plan` for one coder selection (an element of plan.Runs()).
// kMissing when a code, coder, signifier, stone or variable of a DIM does not
// exist; kUsage for an ambiguous bare variable name or a code without child
// codes; kData when a dimension has no levels among the stories.
MatrixAnswer ComputeMatrix(Project& project, const MatrixPlan& plan,
                           const std::optional<CoderSelection>& run);

// PlanMatrix and ComputeMatrix in one, for the one matrix a query asks for.
// kUsage (field `combine`) for --combine each, which asks for several.
MatrixAnswer RunMatrixQuery(Project& project, const MatrixQuery& query);

// The same as `viewer` may see it: under --blind only the viewer's own
// codings count (the coder set is the viewer alone), and asking for anyone
// else's (`coders`, or code:PATH@NAME in a DIM) is a kForbidden RequestError.
MatrixAnswer RunMatrixQuery(Project& project, const Viewer& viewer, MatrixQuery query);

// Every matrix a query asks for, as `viewer` may see them: with combine each
// one per coder of the selection, in its order (each answer's coders name
// that coder alone, as `verhaal matrix --combine each` prints them one after
// the other), else the one RunMatrixQuery gives. Under --blind combine each
// is the viewer's own matrix.
std::vector<MatrixAnswer> RunMatrixQueries(Project& project, const Viewer& viewer,
                                           MatrixQuery query);

// The codings quotes are taken from: those a DIM names (code:PATH@anna+bram),
// else the answer's coder selection, else the selection the query asked for
// (a named coder without codings admits none).
CoderSet QuoteCoders(Project& project, const MatrixAnswer& answer);

// The quotes behind the cell at the levels named `row` and `col` (and, with
// `by`, `group`) of `answer`: every story in it (up to `max_stories`) with its
// passages. kUsage RequestError (field `row`, `col` or `group`) naming the
// levels when a name is not one of them.
CellQuotes QuoteMatrixCell(Project& project, const MatrixAnswer& answer, const std::string& row,
                           const std::string& col, const std::string& group, int max_stories);

// A dimension a front end can offer: its DIM text, what it reads ("code",
// "dyad", "stone-x", "stone-y", "triad-zone", "role", "kind", "wave",
// "respondent", "variable") and a label (the code path, the signifier's
// title, the variable's label or name).
struct MatrixDimensionChoice {
  std::string dim;
  std::string source;
  std::string label;
};

// Every dimension of the project, in the order a researcher looks for them:
// code groups (codes with child codes, in codebook order), dyads, stones,
// triads, story variables, respondent variables (qualified as var:story.NAME
// and var:respondent.NAME when a name is both), then role, kind, wave and
// respondent.
std::vector<MatrixDimensionChoice> ListMatrixDimensions(Project& project);

// The coders a matrix can be asked for, by name: every coder of the project,
// or under --blind the viewer alone.
std::vector<std::string> ListMatrixCoders(Project& project, const Viewer& viewer);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_MATRIX_QUERY_H_
