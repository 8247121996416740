// Writing a Matrix (exporters/matrix.h) as a terminal report, CSV, JSON or
// Markdown. The layouts are described in docs/matrix.md.
#ifndef VERHAAL_EXPORTERS_MATRIX_REPORT_H_
#define VERHAAL_EXPORTERS_MATRIX_REPORT_H_

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "corpus/language.h"
#include "exporters/matrix.h"
#include "exporters/table.h"

namespace verhaal {

// A note of MatrixTests (kNoteFewLevels, ...) in `language`; another note as
// it is.
std::string MatrixNoteText(Language language, const std::string& note);

// Formats a number with `decimals` decimals; "NaN" prints as "-".
std::string FormatFixed(double value, int decimals);

// Formats a p-value with four significant digits ("0.002386", "1.2e-07").
std::string FormatP(double p);

// The grid of one cross table: per row level its count, row %, col %,
// total %, expected count and adjusted residual (flagged with '*'). Its
// words in `language` (exporters/report_words.h); numbers stay in English
// form in the numeric columns (the report's HtmlTable localises them).
Table CrossTabGrid(const CrossTab& tab, Language language = Language::kEnglish);

// The tests of one cross table as (statistic, value) rows, in `language`
// (words and the numbers in the value column).
Table CrossTabTests(const CrossTab& tab, Language language = Language::kEnglish);

// The cells of every table in long form, one row per (group, row, col).
Table MatrixCellsTable(const Matrix& matrix);

// The line that heads every layout: "counted: stories; codings: ...".
std::string MatrixHeaderLine(const Matrix& matrix);

// "36 stories used, 2 left out: dyad:motivatie: N/A 1; dyad:stijl: no answer 1"
// (with multiple response: "N responses from M stories used, ...").
std::string MatrixUsedLine(const CrossTab& tab, bool multiple_response);

// The object `--format json` writes: {rows, cols, by, unit, codings,
// left_out_by, tables, comparison}; the workbench's GET /api/matrix sends
// the same object (docs/matrix.md, docs/serve.md).
nlohmann::ordered_json MatrixJson(const Matrix& matrix);

// Writes the whole matrix in `format`: text and Markdown show each group's
// grid, its stories used and left out, and its tests; CSV writes the long
// cells table, a blank line and the tests table; JSON writes one object.
void WriteMatrix(std::ostream& out, const Matrix& matrix, TableFormat format);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_MATRIX_REPORT_H_
