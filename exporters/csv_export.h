// Writes an ExportSource as RFC 4180 CSV in UTF-8 for R, SPSS, Stata and
// spreadsheets. Text cells that a spreadsheet would execute are
// neutralised (csv_writer.h); number columns are written as numbers and
// never changed. See docs/exports.md, "CSV".
#ifndef VERHAAL_EXPORTERS_CSV_EXPORT_H_
#define VERHAAL_EXPORTERS_CSV_EXPORT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "exporters/export_table.h"

namespace verhaal {

struct CsvExportOptions {
  bool excel = false;          // write the UTF-8 byte order mark Excel needs
  bool dutch = false;          // --locale nl: ";" between fields, decimal comma
  std::string missing;         // text of a missing cell (--na); empty by default
  std::string not_applicable;  // text of a not-applicable cell; empty by default
};

// Streams the header and every row of `source` to `sink` in chunks of about
// 64 KiB, so memory stays constant however many rows there are. Errors of
// the source or the sink propagate unchanged. Returns the number of rows
// (without the header).
int64_t WriteCsvExport(ExportSource& source, const CsvExportOptions& options,
                       const std::function<void(std::string_view)>& sink);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_CSV_EXPORT_H_
