#include "exporters/csv_writer.h"

#include <charconv>

namespace verhaal {
namespace {

bool IsNumber(std::string_view cell) {
  double value = 0;
  auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  return error == std::errc() && end == cell.data() + cell.size();
}

}  // namespace

std::string NeutraliseFormula(std::string_view cell) {
  if (cell.empty()) return std::string(cell);
  const char first = cell.front();
  const bool risky = first == '=' || first == '+' || first == '-' || first == '@' ||
                     first == '\t' || first == '\r';
  if (!risky || IsNumber(cell)) return std::string(cell);
  return "'" + std::string(cell);
}

std::string CsvField(std::string_view cell, char delimiter) {
  const bool quote =
      cell.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos;
  if (!quote) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

CsvWriter::CsvWriter(std::ostream& out, CsvOptions options) : out_(out), options_(options) {
  if (options_.byte_order_mark) out_ << "\xEF\xBB\xBF";
}

void CsvWriter::WriteRow(const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out_ << options_.delimiter;
    out_ << CsvField(options_.neutralise_formulas ? NeutraliseFormula(cells[i]) : cells[i],
                     options_.delimiter);
  }
  out_ << "\r\n";
}

}  // namespace verhaal
