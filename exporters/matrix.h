// The matrix: stories cross-classified by two dimensions (coding/dimension.h),
// optionally once per group of a third, with counts, percentages, expected
// counts, adjusted residuals and the tests of stats/ (chi-square, Fisher,
// Cramér's V, odds ratio, Cochran's rule). See docs/matrix.md.
#ifndef VERHAAL_EXPORTERS_MATRIX_H_
#define VERHAAL_EXPORTERS_MATRIX_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coding/dimension.h"
#include "stats/chi_square.h"
#include "stats/cochran_rule.h"
#include "stats/contingency_table.h"
#include "stats/cramers_v.h"
#include "stats/fisher_exact.h"
#include "stats/odds_ratio.h"

namespace verhaal {

// |adjusted residual| at or above this flags a cell (5% level).
inline constexpr double kResidualFlag = 1.96;

struct MatrixOptions {
  bool yates = false;                // Yates' correction for 2x2 chi-square
  stats::FisherExactOptions fisher;  // seed and draws for Monte Carlo
};

// One cell of a cross table. Percentages are 0..100; NaN where the margin is 0.
struct MatrixCell {
  int64_t count = 0;
  double row_percent = 0;
  double col_percent = 0;
  double total_percent = 0;
  double expected = 0;
  double residual = 0;   // adjusted standardised residual; NaN in an empty row or column
  bool flagged = false;  // |residual| >= kResidualFlag
};

// The tests of one cross table, computed on the table without its empty rows
// and columns (listed in `dropped`). `computed` is false when fewer than two
// rows or columns remain; `note` then says so.
// The notes MatrixTests may carry (the report translates them).
inline constexpr std::string_view kNoteFewLevels =
    "no tests: fewer than two rows or columns have stories";
inline constexpr std::string_view kNoteYates =
    "Yates' correction applies to 2x2 tables only; not applied";
inline constexpr std::string_view kNoteMultipleResponse =
    "not computed: with --mixed each a story counts in more than one cell, so the cells are "
    "not independent and chi-square, Fisher's test and Cramer's V do not apply; for a test, "
    "use --mixed exclude or level (one level a story)";

struct MatrixTests {
  bool computed = false;
  std::string note;
  std::vector<std::string> dropped;  // "row 'moeten'", "column 'x'"
  stats::ChiSquareResult chi_square;
  stats::FisherExactResult fisher;
  stats::CramersVResult cramers_v;
  std::optional<stats::OddsRatioResult> odds_ratio;  // 2x2 only
  stats::CochranCheck cochran;
};

// One cross table: all stories, or one group of --by.
struct CrossTab {
  std::string group;  // empty for all stories; else the level of the --by dimension
  std::vector<std::string> row_levels;
  std::vector<std::string> col_levels;
  std::vector<std::vector<MatrixCell>> cells;  // [row][col]
  std::vector<int64_t> row_totals;
  std::vector<int64_t> col_totals;
  int64_t total = 0;    // stories used; with multiple response, responses
  int64_t stories = 0;  // stories used (differs from total with multiple response)
  // --unit segment: the cells count coded segments, `segments` of them
  // counted (total counts cell entries; a segment may be in several).
  bool counts_segments = false;
  int64_t segments = 0;
  // --unit respondent: `total` and `stories` count respondents.
  bool counts_respondents = false;
  // Stories considered but not used, by reason ("dyad:stijl: N/A" -> 2).
  std::map<std::string, int64_t> left_out;
  MatrixTests tests;
};

struct Matrix {
  std::string rows;  // titles of the dimensions
  std::string cols;
  std::string by;  // empty without --by
  std::vector<CrossTab> tables;
  // With --by: groups (rows) against the matrix cells "row / col" (columns):
  // do the groups place their stories differently?
  std::optional<CrossTab> comparison;
  // With --by: stories without a group level, by reason.
  std::map<std::string, int64_t> left_out_by;
  // What a count counts ("stories") and whose codings the code dimensions
  // read (their ResolvedDimension::codings, joined with "; "), or "none (no
  // code dimension)". Every layout prints both in its header.
  std::string unit = "stories";
  // --mixed each: a story counts in every cell of its levels; the cells then
  // count responses, are not independent, and no test is computed.
  bool multiple_response = false;
  // --unit segment (exporters/matrix_segments.h): cells count coded segments.
  bool segment_unit = false;
  // --unit respondent (exporters/matrix_respondents.h): cells count respondents.
  bool respondent_unit = false;
  std::string codings;
};

// Cross-classifies `stories` (the ids in the resolved dimensions). `by` may be
// null. Throws a kData Error when a dimension has no levels at all.
Matrix BuildMatrix(const std::vector<int64_t>& stories, const ResolvedDimension& rows,
                   const ResolvedDimension& cols, const ResolvedDimension* by,
                   const MatrixOptions& options = {});

// A cross table with its percentages, residuals and tests from counts.
CrossTab MakeCrossTab(std::string group, std::vector<std::string> row_levels,
                      std::vector<std::string> col_levels, const stats::ContingencyTable& counts,
                      const MatrixOptions& options = {});

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_MATRIX_H_
