#include "exporters/csv_export.h"

#include <charconv>

namespace verhaal {
namespace {

constexpr size_t kChunk = 64 * 1024;

bool IsNumber(std::string_view cell) {
  double value = 0;
  auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return error == std::errc() && end == cell.data() + cell.size();
}

// Appends `cell` as one field, as CsvField(NeutraliseFormula(cell)) would
// write it (csv_writer.h), without building either string.
void AppendText(std::string& out, std::string_view cell, char delimiter, bool neutralise = true) {
  if (cell.empty()) return;
  const char first = cell.front();
  const bool risky = first == '=' || first == '+' || first == '-' || first == '@' ||
                     first == '\t' || first == '\r';
  const bool apostrophe = neutralise && risky && !IsNumber(cell);
  bool quote = false;
  for (char c : cell) {
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    if (apostrophe) out += '\'';
    out += cell;
    return;
  }
  out += '"';
  if (apostrophe) out += '\'';
  size_t from = 0;
  for (size_t quote_at; (quote_at = cell.find('"', from)) != std::string_view::npos;
       from = quote_at + 1) {
    out.append(cell.substr(from, quote_at + 1 - from));
    out += '"';
  }
  out.append(cell.substr(from));
  out += '"';
}

// FormatNumber (export_table.h) appended as a field, never neutralised.
void AppendNumber(std::string& out, double value, char decimal_point, char delimiter) {
  if (value == 0) {
    out += '0';
    return;
  }
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error != std::errc()) return;
  std::string_view text(buffer, static_cast<size_t>(end - buffer));
  if (decimal_point != '.') {
    for (char* c = buffer; c != end; ++c) {
      if (*c == '.') *c = decimal_point;
    }
  }
  AppendText(out, text, delimiter, /*neutralise=*/false);
}

}  // namespace

int64_t WriteCsvExport(ExportSource& source, const CsvExportOptions& options,
                       const std::function<void(std::string_view)>& sink) {
  const char delimiter = options.dutch ? ';' : ',';
  const char decimal_point = options.dutch ? ',' : '.';
  std::string buffer;
  buffer.reserve(2 * kChunk);
  if (options.excel) buffer += "\xEF\xBB\xBF";
  const auto& columns = source.columns();
  for (size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) buffer += delimiter;
    AppendText(buffer, columns[c].name, delimiter);
  }
  buffer += "\r\n";
  int64_t rows = 0;
  source.ForEachRow([&](const ExportRow& row) {
    ++rows;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) buffer += delimiter;
      const Cell& cell = row[c];
      switch (cell.state) {
        case Cell::State::kMissing:
          AppendText(buffer, options.missing, delimiter);
          break;
        case Cell::State::kNotApplicable:
          AppendText(buffer, options.not_applicable, delimiter);
          break;
        case Cell::State::kValue:
          if (columns[c].kind == ColumnKind::kNumber) {
            AppendNumber(buffer, cell.number, decimal_point, delimiter);
          } else {
            AppendText(buffer, cell.text, delimiter);
          }
          break;
      }
    }
    buffer += "\r\n";
    if (buffer.size() >= kChunk) {
      sink(buffer);
      buffer.clear();
    }
  });
  if (!buffer.empty()) sink(buffer);
  return rows;
}

}  // namespace verhaal
