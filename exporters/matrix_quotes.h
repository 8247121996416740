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
  std::string story;       // story key
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
                                      const ResolvedDimension& rows,
                                      const ResolvedDimension& cols, const ResolvedDimension* by,
                                      const CoderSet& coders,
                                      const std::vector<std::string>& prefer, int per_cell);

// The quotes as a table: group, row, col, story, respondent, coder, code,
// start, end, quote (for text, md, csv and JSON output).
Table MatrixQuotesTable(const std::vector<MatrixQuote>& quotes);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_MATRIX_QUOTES_H_
