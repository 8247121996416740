// The stories behind a matrix's numbers: for each cell (per group of --by),
// up to N stories with a quote each, for `verhaal matrix --quotes N` and its
// JSON. A quote is a coded segment of the story from the analysis coders,
// preferring codes under the dimensions' code groups, else the story's
// opening. See docs/matrix.md.
#ifndef VERHAAL_EXPORTERS_MATRIX_QUOTES_H_
#define VERHAAL_EXPORTERS_MATRIX_QUOTES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "coding/dimension.h"
#include "corpus/coder_set.h"
#include "corpus/project.h"
#include "exporters/table.h"

namespace verhaal {

struct MatrixQuote {
  std::string group;  // the --by level; empty without --by
  std::string row;
  std::string col;
  std::string story;  // story key
  int64_t story_id = 0;
  std::string respondent;  // respondent key; may be empty
  std::string coder;       // empty for a story's opening
  std::string code;        // code path; empty for a story's opening
  int64_t start = 0;       // code points of the story
  int64_t end = 0;
  std::string text;
};

// Up to `per_cell` stories per cell, in story id order, each with one quote
// from the codings `coders` admits (a code under one of `prefer`, a code
// path prefix, first). With --mixed each a story is quoted in each of its
// cells. Reads each quoted story once.
std::vector<MatrixQuote> MatrixQuotes(Project& project, const std::vector<int64_t>& ids,
                                      const ResolvedDimension& rows, const ResolvedDimension& cols,
                                      const ResolvedDimension* by, const CoderSet& coders,
                                      const std::vector<std::string>& prefer, int per_cell);

// The stories behind one cell (`group`, `row`, `col` index the levels; group
// 0 without `by`) with their passages. `row_code` and `col_code` are the code
// paths the cell's levels stand for in a code dimension (code:motivatie's
// level "willen" is "motivatie/willen"; "mixed" stands for the whole group),
// empty for a dimension that reads no codings. A story's passages are the
// codings `coders` admits under either path, in text order; a story without
// one (e.g. dyad x dyad) gets one quote chosen as MatrixQuotes chooses it.
// Stories in id order, at most `max_stories` of them (`more` says whether
// there were others); `stories` counts all. Reads each quoted story once.
struct CellQuotes {
  int64_t stories = 0;
  bool more = false;
  std::vector<MatrixQuote> quotes;
};
CellQuotes MatrixCellQuotes(Project& project, const std::vector<int64_t>& ids,
                            const ResolvedDimension& rows, const ResolvedDimension& cols,
                            const ResolvedDimension* by, int group, int row, int col,
                            const std::string& row_code, const std::string& col_code,
                            const CoderSet& coders, int max_stories);

// The quotes as a table: group, row, col, story, respondent, coder, code,
// start, end, quote (for text, md, csv and JSON output).
Table MatrixQuotesTable(const std::vector<MatrixQuote>& quotes);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_MATRIX_QUOTES_H_
