#include "exporters/table.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/text.h"
#include "exporters/csv_writer.h"

namespace verhaal {
namespace {

bool IsNumeric(const Table& table, size_t column) {
  return column < table.numeric.size() && table.numeric[column];
}

size_t Width(std::string_view cell) { return CodePointCount(cell); }

void WriteText(std::ostream& out, const Table& table) {
  std::vector<size_t> width(table.columns.size(), 0);
  for (size_t c = 0; c < table.columns.size(); ++c) width[c] = Width(table.columns[c]);
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], Width(row[c]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      const std::string pad(width[c] - std::min(width[c], Width(cell)), ' ');
      if (c > 0) text += "  ";
      text += IsNumeric(table, c) ? pad + cell : cell + (c + 1 < width.size() ? pad : "");
    }
    out << text << '\n';
  };
  line(table.columns);
  std::vector<std::string> rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : table.rows) line(row);
}

void WriteMarkdown(std::ostream& out, const Table& table) {
  auto escape = [](const std::string& cell) {
    std::string s;
    for (char c : cell) {
      if (c == '|') s += '\\';
      s += c == '\n' ? ' ' : c;
    }
    return s;
  };
  out << '|';
  for (const auto& c : table.columns) out << ' ' << escape(c) << " |";
  out << "\n|";
  for (size_t c = 0; c < table.columns.size(); ++c) out << (IsNumeric(table, c) ? "---:|" : "---|");
  out << '\n';
  for (const auto& row : table.rows) {
    out << '|';
    for (const auto& cell : row) out << ' ' << escape(cell) << " |";
    out << '\n';
  }
}

void WriteJson(std::ostream& out, const Table& table) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& row : table.rows) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
      if (IsNumeric(table, c) && !row[c].empty()) {
        object[table.columns[c]] = nlohmann::ordered_json::parse(row[c], nullptr, false);
        if (object[table.columns[c]].is_discarded()) object[table.columns[c]] = row[c];
      } else {
        object[table.columns[c]] = row[c];
      }
    }
    rows.push_back(std::move(object));
  }
  out << rows.dump(2) << '\n';
}

}  // namespace

TableFormat ParseTableFormat(std::string_view name) {
  if (name == "text") return TableFormat::kText;
  if (name == "csv") return TableFormat::kCsv;
  if (name == "json") return TableFormat::kJson;
  if (name == "md" || name == "markdown") return TableFormat::kMarkdown;
  throw UsageError("unknown format '" + std::string(name) + "'; use text, csv, json or md");
}

void WriteTable(std::ostream& out, const Table& table, TableFormat format) {
  switch (format) {
    case TableFormat::kText:
      WriteText(out, table);
      break;
    case TableFormat::kCsv: {
      CsvWriter csv(out);
      csv.WriteRow(table.columns);
      for (const auto& row : table.rows) csv.WriteRow(row);
      break;
    }
    case TableFormat::kJson:
      WriteJson(out, table);
      break;
    case TableFormat::kMarkdown:
      WriteMarkdown(out, table);
      break;
  }
}

}  // namespace verhaal
