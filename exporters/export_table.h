// The model every data export shares: a list of typed columns (variables)
// and a stream of rows. A shape (stories_shape.h, codings_shape.h, ...)
// produces it from the project; a writer (csv_export.h, spss_stata.h,
// xlsx_export.h) turns it into a file. Rows are produced one at a time so
// that a million stories never sit in memory. See docs/exports.md.
#ifndef VERHAAL_EXPORTERS_EXPORT_TABLE_H_
#define VERHAAL_EXPORTERS_EXPORT_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verhaal {

// What a column holds. kCategory cells carry a code (number) and its label
// (text): CSV and XLSX write the label, SPSS and Stata the code with the
// codes' value labels.
enum class ColumnKind { kText, kNumber, kCategory };

// The measurement level SPSS shows (Stata ignores it).
enum class Measure { kNominal, kOrdinal, kScale };

struct ExportColumn {
  std::string name;   // variable name: ASCII, <= 32 chars (variable_names.h)
  std::string label;  // variable label: the full code path, question title, ...
  ColumnKind kind = ColumnKind::kText;
  Measure measure = Measure::kNominal;
  // Labels of numeric values (0 = absent, 1 = present; category codes).
  std::vector<std::pair<double, std::string>> value_labels;
  // Cells may be Cell::NotApplicable() (signifier answers): SPSS then gets
  // the user-missing value -9, Stata the missing value .a, both labelled.
  bool may_be_not_applicable = false;
  // A kText column of dates (YYYY-MM-DD): SPSS and Stata get real dates
  // (SDATE10, %td); CSV and XLSX the text.
  bool date = false;
};

// One cell. A missing cell (skipped, unknown) and a not-applicable one
// (the storyteller ticked N/A) are told apart; writers map them to empty /
// --na text, SPSS user-missing -9 and Stata's .a.
struct Cell {
  enum class State { kMissing, kNotApplicable, kValue };
  State state = State::kMissing;
  double number = 0;  // kNumber and kCategory
  std::string text;   // kText, and a kCategory's label

  static Cell Missing() { return {}; }
  static Cell NotApplicable() { return {State::kNotApplicable, 0, {}}; }
  static Cell Number(double value) { return {State::kValue, value, {}}; }
  static Cell Text(std::string value) { return {State::kValue, 0, std::move(value)}; }
  static Cell Category(double code, std::string label) {
    return {State::kValue, code, std::move(label)};
  }
};

using ExportRow = std::vector<Cell>;

// A shape ready to write: its columns, and its rows on demand. Each call of
// ForEachRow reads the project again from the start (writers that need the
// row count or string widths up front make two passes). Errors are thrown
// as verhaal::Error by the shape's project reads.
class ExportSource {
 public:
  virtual ~ExportSource() = default;
  // A short name: the sheet name in XLSX, e.g. "stories".
  virtual std::string name() const = 0;
  virtual const std::vector<ExportColumn>& columns() const = 0;
  // Calls `visit` once per row, in order; each row has columns().size() cells.
  virtual void ForEachRow(const std::function<void(const ExportRow&)>& visit) = 0;
  // The number of rows, counted no further than `limit` (min(rows, limit)),
  // when the source can tell without reading its rows; nullopt otherwise.
  // Writers with a row limit (XLSX) check it before writing anything.
  virtual std::optional<int64_t> RowsUpTo(int64_t /*limit*/) { return std::nullopt; }
};

// An ExportSource over rows held in memory: for small tables (codebook,
// respondents, the variables sheet) and tests.
class MemoryExportSource : public ExportSource {
 public:
  MemoryExportSource(std::string name, std::vector<ExportColumn> columns)
      : name_(std::move(name)), columns_(std::move(columns)) {}
  std::string name() const override { return name_; }
  const std::vector<ExportColumn>& columns() const override { return columns_; }
  void ForEachRow(const std::function<void(const ExportRow&)>& visit) override {
    for (const auto& row : rows_) visit(row);
  }
  std::optional<int64_t> RowsUpTo(int64_t limit) override {
    return std::min(limit, static_cast<int64_t>(rows_.size()));
  }
  void AddRow(ExportRow row) { rows_.push_back(std::move(row)); }

 private:
  std::string name_;
  std::vector<ExportColumn> columns_;
  std::vector<ExportRow> rows_;
};

// The shortest text that reads back as `value` ("1", "0.25", "-3e-07"),
// with `decimal_point` ('.' or ',') for the fraction.
std::string FormatNumber(double value, char decimal_point = '.');

// "nominal", "ordinal", "scale"; "text", "number", "category".
std::string_view MeasureName(Measure measure);
std::string_view ColumnKindName(ColumnKind kind);

// The dictionary of `source`: one row per column with name, label, kind,
// measure and value labels ("0 = absent; 1 = present"). Used for the XLSX
// variables sheet and `verhaal export variables`.
MemoryExportSource DescribeColumns(const ExportSource& source);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_EXPORT_TABLE_H_
