#include "exporters/xlsx_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "corpus/files.h"
#include "corpus/output_guard.h"

namespace verhaal {
namespace {

std::string CutUtf8(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end));
}

// What ends a cell that was cut, so a reader sees it is not the whole text.
constexpr std::string_view kCutMark = "…[cut]";
constexpr size_t kCutMarkUnits = 6;

// The byte length of the longest prefix of `text` that is at most `units`
// UTF-16 code units long, as Excel counts characters (a character beyond
// U+FFFF, such as an emoji, counts two).
size_t PrefixOfUnits(std::string_view text, size_t units) {
  size_t at = 0;
  size_t counted = 0;
  while (at < text.size()) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const size_t weight = length == 4 ? 2 : 1;
    if (counted + weight > units || at + length > text.size()) break;
    counted += weight;
    at += length;
  }
  return at;
}

// `text` as it fits in a cell: whole, or cut on a character boundary and
// ending in kCutMark. Sets `cut` when it was cut.
std::string FitCell(const std::string& text, bool& cut) {
  cut = PrefixOfUnits(text, kXlsxMaxCell) < text.size();
  if (!cut) return text;
  return text.substr(0, PrefixOfUnits(text, kXlsxMaxCell - kCutMarkUnits)) + std::string(kCutMark);
}

// "2, 5, 9", or the first ten and "and N more".
std::string RowList(const std::vector<lxw_row_t>& rows) {
  constexpr size_t kShown = 10;
  std::string list;
  for (size_t i = 0; i < rows.size() && i < kShown; ++i) {
    list += (i == 0 ? "" : ", ") + std::to_string(rows[i] + 1);  // Excel counts from 1
  }
  if (rows.size() > kShown) list += " and " + std::to_string(rows.size() - kShown) + " more";
  return list;
}

void CheckWrite(lxw_error error, const std::filesystem::path& file, const std::string& sheet) {
  if (error == LXW_NO_ERROR) return;
  throw IoError("cannot write " + file.string() + ", sheet " + sheet + ": " + lxw_strerror(error));
}

// Removes the temporary workbook unless it was renamed into place.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::filesystem::path path) : path_(std::move(path)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    std::error_code ec;
    if (!kept_) std::filesystem::remove(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  void Keep() { kept_ = true; }

 private:
  std::filesystem::path path_;
  bool kept_ = false;
};

// Closes (and so frees) a workbook that an error left open.
struct WorkbookCloser {
  void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

[[noreturn]] void TooManyRows(const ExportSource& source) {
  throw DataError("sheet '" + source.name() + "' has more rows than Excel allows (" +
                  std::to_string(kXlsxMaxRows - 1) + "); export --format csv instead");
}

void WriteSheet(lxw_workbook* workbook, ExportSource& source, lxw_format* bold,
                const std::filesystem::path& file, std::ostream& warnings) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, CutUtf8(source.name(), 31).c_str());
  if (sheet == nullptr) {
    throw DataError("cannot add sheet '" + source.name() + "' to " + file.string());
  }
  const auto& columns = source.columns();
  worksheet_freeze_panes(sheet, 1, 0);
  for (size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), columns[c].name.c_str(), bold);
  }
  lxw_row_t row_number = 0;
  std::vector<std::vector<lxw_row_t>> cut_rows(columns.size());
  source.ForEachRow([&](const ExportRow& row) {
    if (++row_number >= static_cast<lxw_row_t>(kXlsxMaxRows)) TooManyRows(source);
    for (size_t c = 0; c < columns.size(); ++c) {
      const Cell& cell = row[c];
      const auto col = static_cast<lxw_col_t>(c);
      if (cell.state != Cell::State::kValue) continue;  // blank: missing or not applicable
      if (columns[c].kind == ColumnKind::kNumber) {
        CheckWrite(worksheet_write_number(sheet, row_number, col, cell.number, nullptr), file,
                   source.name());
      } else if (!cell.text.empty()) {
        bool cut = false;
        const std::string text = FitCell(cell.text, cut);
        if (cut) cut_rows[c].push_back(row_number);
        CheckWrite(worksheet_write_string(sheet, row_number, col, text.c_str(), nullptr), file,
                   source.name());
      }
    }
  });
  for (size_t c = 0; c < columns.size(); ++c) {
    if (cut_rows[c].empty()) continue;
    warnings << "verhaal: warning: " << file.string() << ": sheet " << source.name() << ", column "
             << columns[c].name << ": text longer than Excel's " << kXlsxMaxCell
             << " characters was cut and ends in \"" << kCutMark << "\" in rows "
             << RowList(cut_rows[c]) << "; export --format csv for the full text\n";
  }
}

}  // namespace

// The header is row 0, so kXlsxMaxRows - 1 data rows fit.
void CheckXlsxRows(const std::vector<ExportSource*>& sheets) {
  for (ExportSource* sheet : sheets) {
    const auto rows = sheet->RowsUpTo(kXlsxMaxRows);
    if (rows && *rows >= kXlsxMaxRows) TooManyRows(*sheet);
  }
}

void WriteXlsx(const std::vector<ExportSource*>& sheets, const std::filesystem::path& file,
               std::ostream& warnings, int64_t file_time, const std::filesystem::path& shown_as) {
  // The workbook as messages name it; `file` is where the bytes go.
  const std::filesystem::path& named = shown_as.empty() ? file : shown_as;
  CheckXlsxRows(sheets);
  CheckOutputFile(file);
  RemoveStaleTemporaries(file);
  TemporaryFile temporary(TemporaryBeside(file));
  {
    // libxlsxwriter only finds an unwritable folder when closing; check now.
    std::FILE* probe = std::fopen(temporary.path().c_str(), "wb");
    if (probe == nullptr) {
      throw Error(ErrorKind::kCannotCreate, "cannot create " + named.string() +
                                                "; check that the folder exists and is writable");
    }
    std::fclose(probe);
  }
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* raw = workbook_new_opt(temporary.path().c_str(), &options);
  if (raw == nullptr) {
    throw Error(ErrorKind::kCannotCreate, "cannot create " + named.string() +
                                              "; check that the folder exists and is writable");
  }
  std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(raw);
  // The creation time in docProps/core.xml; libxlsxwriter stamps the zip
  // entries with it too (otherwise both are the wall clock).
  lxw_doc_properties properties = {};
  properties.created = static_cast<time_t>(file_time);
  if (workbook_set_properties(raw, &properties) != LXW_NO_ERROR) {
    throw IoError("cannot write " + named.string() + ": cannot set the workbook's properties");
  }
  lxw_format* bold = workbook_add_format(raw);
  format_set_bold(bold);

  std::vector<ExportColumn> dictionary_columns = {
      {"sheet", "the sheet the variable is on", ColumnKind::kText, Measure::kNominal, {}, false}};
  for (ExportSource* sheet : sheets) {
    WriteSheet(raw, *sheet, bold, named, warnings);
  }
  // The variables sheet: a "sheet" column before each sheet's dictionary.
  bool first = true;
  std::vector<ExportRow> rows;
  for (ExportSource* sheet : sheets) {
    MemoryExportSource described = DescribeColumns(*sheet);
    if (first) {
      for (const auto& column : described.columns()) dictionary_columns.push_back(column);
      first = false;
    }
    described.ForEachRow([&](const ExportRow& row) {
      ExportRow with_sheet = {Cell::Text(sheet->name())};
      with_sheet.insert(with_sheet.end(), row.begin(), row.end());
      rows.push_back(std::move(with_sheet));
    });
  }
  MemoryExportSource dictionary("variables", dictionary_columns);
  for (auto& row : rows) dictionary.AddRow(std::move(row));
  WriteSheet(raw, dictionary, bold, named, warnings);

  const lxw_error closed = workbook_close(workbook.release());
  if (closed != LXW_NO_ERROR) {
    throw IoError("cannot write " + named.string() + ": " + lxw_strerror(closed) +
                  " (is the disk full?); the file was not written");
  }
  std::error_code ec;
  std::filesystem::rename(temporary.path(), file, ec);
  if (ec) {
    throw Error(ErrorKind::kCannotCreate, "cannot create " + named.string() + ": " + ec.message());
  }
  temporary.Keep();
}

}  // namespace verhaal
