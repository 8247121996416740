// A result table as commands print it: an aligned text table for the
// terminal, or CSV, JSON or Markdown (--format).
#ifndef VERHAAL_EXPORTERS_TABLE_H_
#define VERHAAL_EXPORTERS_TABLE_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

enum class TableFormat { kText, kCsv, kJson, kMarkdown };

// Parses "text", "csv", "json", "md" (kUsage Error otherwise).
TableFormat ParseTableFormat(std::string_view name);

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // Columns whose cells are numbers: right-aligned in text, numbers in JSON.
  std::vector<bool> numeric;

  void AddRow(std::vector<std::string> row) { rows.push_back(std::move(row)); }
};

void WriteTable(std::ostream& out, const Table& table, TableFormat format);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_TABLE_H_
