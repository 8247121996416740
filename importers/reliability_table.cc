#include "importers/reliability_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "base/error.h"
#include "importers/csv_reader.h"

namespace verhaal {
namespace {

bool IsMissing(const std::string& cell) {
  return cell.empty() || cell == "NA" || cell == "*" || cell == ".";
}

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// A number as written in a table: decimal point or (Dutch spreadsheets) comma.
std::optional<double> ParseNumber(std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// One cell kept with where it is, until we know whether labels are used.
struct Cell {
  std::string text;
  Location where;
};

}  // namespace

ReliabilityTable ReadReliabilityTable(std::unique_ptr<ByteSource> source,
                                      const std::string& file_name, TableLayout layout,
                                      bool labels_allowed) {
  CsvReader reader(std::move(source), file_name);
  const CsvRecord* header = reader.Next();
  if (header == nullptr) {
    throw DataError(file_name + " is empty; it needs a header line and one line per " +
                    (layout == TableLayout::kUnitsByCoders ? "unit" : "coder"));
  }
  std::vector<std::string> columns;
  for (size_t i = 1; i < header->size(); ++i) columns.push_back(Trimmed((*header)[i]));
  std::vector<std::string> rows;
  std::vector<std::vector<std::optional<Cell>>> cells;  // rows x columns, as in the file
  while (const CsvRecord* record = reader.Next()) {
    rows.push_back(Trimmed((*record)[0]));
    std::vector<std::optional<Cell>> row;
    for (size_t i = 1; i < record->size(); ++i) {
      const std::string value = Trimmed((*record)[i]);
      if (IsMissing(value)) {
        row.emplace_back();
      } else {
        row.push_back(Cell{value, reader.LocationOf(record->fields[i])});
      }
    }
    cells.push_back(std::move(row));
  }
  ReliabilityTable table;
  const bool by_units = layout == TableLayout::kUnitsByCoders;
  table.coders = by_units ? columns : rows;
  table.units = by_units ? rows : columns;
  if (table.units.empty()) {
    throw DataError(file_name + " has no units; put one " +
                    (by_units ? std::string("line") : std::string("column")) +
                    " per unit (see `verhaal agreement --help` for the layouts)");
  }
  if (table.coders.size() < 2) {
    throw DataError(file_name + " has " + std::to_string(table.coders.size()) + " coder" +
                    (table.coders.size() == 1 ? "" : "s") + "; agreement needs two or more " +
                    (by_units ? "columns after the unit column"
                              : "lines (use --layout units-by-coders if coders are columns)"));
  }
  std::set<std::string> seen;
  for (const auto& coder : table.coders) {
    if (!coder.empty() && !seen.insert(coder).second) {
      throw DataError(file_name + " names coder '" + coder + "' twice; give each coder one " +
                      (by_units ? "column" : "line"));
    }
  }
  // Numbers, or labels when any value is not a number.
  std::set<std::string> labels;
  const Cell* first_label = nullptr;
  for (const auto& row : cells) {
    for (const auto& cell : row) {
      if (cell && !ParseNumber(cell->text)) {
        labels.insert(cell->text);
        if (first_label == nullptr) first_label = &*cell;
      }
    }
  }
  if (first_label != nullptr && !labels_allowed) {
    throw DataError("'" + first_label->text +
                        "' is not a number; this level needs numbers (use --level nominal for "
                        "category labels)",
                    first_label->where);
  }
  std::map<std::string, double> label_value;
  if (first_label != nullptr) {
    for (const auto& row : cells) {
      for (const auto& cell : row) {
        if (cell) labels.insert(cell->text);
      }
    }
    table.categories.assign(labels.begin(), labels.end());
    for (size_t k = 0; k < table.categories.size(); ++k) {
      label_value[table.categories[k]] = static_cast<double>(k);
      table.data.categories.push_back(static_cast<double>(k));
    }
  }
  auto value_of = [&](const std::optional<Cell>& cell) -> std::optional<double> {
    if (!cell) return std::nullopt;
    if (first_label != nullptr) return label_value[cell->text];
    return *ParseNumber(cell->text);
  };
  const size_t unit_count = table.units.size(), coder_count = table.coders.size();
  table.data.units.assign(unit_count, std::vector<std::optional<double>>(coder_count));
  for (size_t r = 0; r < cells.size(); ++r) {
    for (size_t c = 0; c < cells[r].size() && c < columns.size(); ++c) {
      const size_t unit = by_units ? r : c, coder = by_units ? c : r;
      table.data.units[unit][coder] = value_of(cells[r][c]);
    }
  }
  return table;
}

CountTable ReadCountTable(std::unique_ptr<ByteSource> source, const std::string& file_name) {
  CsvReader reader(std::move(source), file_name);
  const CsvRecord* header = reader.Next();
  if (header == nullptr || header->size() < 2) {
    throw DataError(file_name +
                    " needs a header line naming the categories after a first cell for the "
                    "subject, and one line of counts per subject");
  }
  CountTable table;
  for (size_t i = 1; i < header->size(); ++i) table.categories.push_back(Trimmed((*header)[i]));
  while (const CsvRecord* record = reader.Next()) {
    table.units.push_back(Trimmed((*record)[0]));
    std::vector<int> row;
    for (size_t i = 1; i < record->size(); ++i) {
      const std::string text = Trimmed((*record)[i]);
      int count = 0;
      if (!text.empty()) {
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
        if (error != std::errc() || end != text.data() + text.size() || count < 0) {
          throw DataError("'" + text +
                              "' is not a count; each cell says how many coders chose the "
                              "category (a whole number of 0 or more, empty = 0)",
                          reader.LocationOf(record->fields[i]));
        }
      }
      row.push_back(count);
    }
    table.counts.push_back(std::move(row));
  }
  if (table.counts.empty()) {
    throw DataError(file_name + " has no subjects; add one line of counts per subject");
  }
  return table;
}

}  // namespace verhaal
