#include "exporters/csv_export.h"

#include <sstream>

#include "exporters/csv_writer.h"

namespace verhaal {
namespace {

constexpr size_t kChunk = 64 * 1024;

}  // namespace

int64_t WriteCsvExport(ExportSource& source, const CsvExportOptions& options,
                       const std::function<void(std::string_view)>& sink) {
  const char delimiter = options.dutch ? ';' : ',';
  const char decimal_point = options.dutch ? ',' : '.';
  std::ostringstream buffer;
  CsvWriter writer(buffer, {delimiter, options.excel, /*neutralise_formulas=*/false});
  auto flush = [&](bool always) {
    if (!always && buffer.tellp() < static_cast<std::streamoff>(kChunk)) return;
    const std::string chunk = std::move(buffer).str();
    sink(chunk);
    buffer.str({});
    buffer.clear();
  };
  const auto& columns = source.columns();
  std::vector<std::string> cells;
  for (const auto& column : columns) cells.push_back(NeutraliseFormula(column.name));
  writer.WriteRow(cells);
  int64_t rows = 0;
  source.ForEachRow([&](const ExportRow& row) {
    ++rows;
    for (size_t c = 0; c < columns.size(); ++c) {
      const Cell& cell = row[c];
      switch (cell.state) {
        case Cell::State::kMissing:
          cells[c] = NeutraliseFormula(options.missing);
          break;
        case Cell::State::kNotApplicable:
          cells[c] = NeutraliseFormula(options.not_applicable);
          break;
        case Cell::State::kValue:
          cells[c] = columns[c].kind == ColumnKind::kNumber
                         ? FormatNumber(cell.number, decimal_point)
                         : NeutraliseFormula(cell.text);
          break;
      }
    }
    writer.WriteRow(cells);
    flush(false);
  });
  flush(true);
  return rows;
}

}  // namespace verhaal
