// Writes ExportSources as an Excel workbook (.xlsx, libxlsxwriter): one
// sheet per source with a bold, frozen header row, and a last sheet
// "variables" that explains every column of every sheet. Cells are written
// as numbers or as strings, never as formulas, so text cannot execute.
// See docs/exports.md, "XLSX".
#ifndef VERHAAL_EXPORTERS_XLSX_EXPORT_H_
#define VERHAAL_EXPORTERS_XLSX_EXPORT_H_

#include <filesystem>
#include <ostream>
#include <vector>

#include "corpus/clock.h"
#include "exporters/export_table.h"

namespace verhaal {

// Excel's limits: rows per sheet and characters per cell (UTF-16 code
// units: a character beyond U+FFFF, such as an emoji, counts two).
inline constexpr long kXlsxMaxRows = 1048576;
inline constexpr size_t kXlsxMaxCell = 32767;

// Writes `sheets` (in order) and the variables sheet to `file` atomically,
// streaming rows (libxlsxwriter's constant-memory mode). Text longer than
// kXlsxMaxCell characters is cut on a character boundary and ends in
// "…[cut]"; a warning per column to `warnings` names the sheet, column and
// rows. Errors: kData when a
// sheet has more rows than Excel allows (export --format csv instead),
// kCannotCreate / kIo for the file. `file_time` (seconds since 1970, UTC;
// ExportTime in corpus/clock.h) is the workbook's creation time and its zip
// entries' time, so the same sheets give the same bytes. `shown_as`, when
// not empty, is the name warnings and errors give the file instead of
// `file` (a caller that writes a temporary file and renames it).
// kData, as WriteXlsx, when a sheet's source can tell (RowsUpTo) that it
// has more rows than a sheet holds; reads no rows. WriteXlsx checks this
// first; a caller that builds costly sheets may check the others before.
void CheckXlsxRows(const std::vector<ExportSource*>& sheets);

void WriteXlsx(const std::vector<ExportSource*>& sheets, const std::filesystem::path& file,
               std::ostream& warnings, int64_t file_time = kEarliestExportTime,
               const std::filesystem::path& shown_as = {});

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_XLSX_EXPORT_H_
