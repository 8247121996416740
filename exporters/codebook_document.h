// The codebook document of a data file export (--codebook-doc): for every
// column of the exported table its name, label, type, SPSS/Stata format,
// value labels and how a missing or not-applicable answer is written, as
// Markdown or as a standalone HTML page. It is written from the columns the
// data file is written from (ExportSource::columns, and for .sav/.dta the
// formats WriteStatFile gives ReadStat), so the two cannot disagree. The
// labels are given whole (the data file may have cut them at its format's
// limits). In English or Dutch. See docs/exports.md.
#ifndef VERHAAL_EXPORTERS_CODEBOOK_DOCUMENT_H_
#define VERHAAL_EXPORTERS_CODEBOOK_DOCUMENT_H_

#include <filesystem>
#include <string>
#include <vector>

#include "corpus/language.h"
#include "exporters/export_table.h"

namespace verhaal {

enum class DataFileFormat { kCsv, kSav, kDta, kXlsx };

struct CodebookDocumentInfo {
  std::string file;   // the data file's name, e.g. "verhalen.sav"
  std::string shape;  // the table, ExportSource::name(), e.g. "stories"
  DataFileFormat format = DataFileFormat::kCsv;
  std::string csv_missing;         // CSV: the text of a missing cell (--na)
  std::string csv_not_applicable;  // CSV: the text of a not-applicable cell
  // Per column, the SPSS or Stata format (WriteStatFile's `formats`), e.g.
  // F8.0, A12, SDATE10, %8.0g, str12, strL; empty for CSV and XLSX.
  std::vector<std::string> formats;
  std::vector<std::string> notes;  // e.g. PseudonymisedNoteLines, one a line
  // The document's own words (headings, types, missing values); the labels
  // are the project's, as written in the data file.
  Language language = Language::kEnglish;
};

// The document as Markdown (GitHub tables; labels escaped: \ ` * _ [ ] < >
// | & ~, a line break as <br>) or as HTML (& < > " ' escaped).
std::string CodebookMarkdown(const std::vector<ExportColumn>& columns,
                             const CodebookDocumentInfo& info);
std::string CodebookHtml(const std::vector<ExportColumn>& columns,
                         const CodebookDocumentInfo& info);

// True for the names --codebook-doc takes: .md (Markdown), .html or .htm.
bool IsCodebookDocumentPath(const std::filesystem::path& path);

// Writes `path` atomically, Markdown or HTML by its extension.
void WriteCodebookDocument(const std::filesystem::path& path,
                           const std::vector<ExportColumn>& columns,
                           const CodebookDocumentInfo& info);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_CODEBOOK_DOCUMENT_H_
