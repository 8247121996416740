#include "exporters/export_table.h"

#include <charconv>
#include <cmath>

namespace verhaal {

std::string FormatNumber(double value, char decimal_point) {
  if (value == 0) return "0";  // also -0
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, error == std::errc() ? end : buffer);
  if (decimal_point != '.') {
    for (char& c : text) {
      if (c == '.') c = decimal_point;
    }
  }
  return text;
}

std::string_view MeasureName(Measure measure) {
  switch (measure) {
    case Measure::kNominal:
      return "nominal";
    case Measure::kOrdinal:
      return "ordinal";
    case Measure::kScale:
      return "scale";
  }
  return "nominal";
}

std::string_view ColumnKindName(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kText:
      return "text";
    case ColumnKind::kNumber:
      return "number";
    case ColumnKind::kCategory:
      return "category";
  }
  return "text";
}

MemoryExportSource DescribeColumns(const ExportSource& source) {
  auto text = [](std::string name, std::string label) {
    return ExportColumn{
        std::move(name), std::move(label), ColumnKind::kText, Measure::kNominal, {}};
  };
  MemoryExportSource dictionary(
      "variables",
      {text("variable", "variable name"), text("label", "what the variable holds"),
       text("type", "text, number or category"), text("measure", "nominal, ordinal or scale"),
       text("values", "value labels: code = label; ...")});
  for (const auto& column : source.columns()) {
    std::string values;
    for (const auto& [code, label] : column.value_labels) {
      values += (values.empty() ? "" : "; ") + FormatNumber(code) + " = " + label;
    }
    dictionary.AddRow({Cell::Text(column.name), Cell::Text(column.label),
                       Cell::Text(std::string(ColumnKindName(column.kind))),
                       Cell::Text(std::string(MeasureName(column.measure))), Cell::Text(values)});
  }
  return dictionary;
}

}  // namespace verhaal
