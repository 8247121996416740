#include "exporters/codebook_document.h"

#include <string_view>

#include "base/error.h"
#include "corpus/files.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

// One row of the document: texts, escaped when written.
struct DocumentRow {
  std::string number;
  std::string name;
  std::string label;
  std::string type;
  std::string format;
  std::string value_labels;
  std::string missing;
};

bool HasFormats(const CodebookDocumentInfo& info) {
  return info.format == DataFileFormat::kSav || info.format == DataFileFormat::kDta;
}

std::string FormatName(DataFileFormat format) {
  switch (format) {
    case DataFileFormat::kSav:
      return "SPSS system file";
    case DataFileFormat::kDta:
      return "Stata data set";
    case DataFileFormat::kXlsx:
      return "Excel workbook";
    case DataFileFormat::kCsv:
      break;
  }
  return "CSV";
}

std::string TypeOf(const ExportColumn& column, DataFileFormat format) {
  if (column.kind == ColumnKind::kText) return column.date ? "date (YYYY-MM-DD)" : "text";
  if (column.kind == ColumnKind::kNumber)
    return "number, " + std::string(MeasureName(column.measure));
  const bool labels_in_cells = format == DataFileFormat::kCsv || format == DataFileFormat::kXlsx;
  return "category, " + std::string(MeasureName(column.measure)) +
         (labels_in_cells ? "; the cell holds the value's label" : "; codes, labelled");
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

std::string MissingOf(const ExportColumn& column, const CodebookDocumentInfo& info) {
  const bool text = column.kind == ColumnKind::kText && !column.date;
  std::string missing;
  std::string not_applicable;
  switch (info.format) {
    case DataFileFormat::kSav:
      missing = text ? "empty" : "system-missing";
      not_applicable = "-9 (user-missing, labelled \"not applicable\")";
      break;
    case DataFileFormat::kDta:
      missing = text ? "empty" : ".";
      not_applicable = ".a (labelled \"not applicable\")";
      break;
    case DataFileFormat::kXlsx:
      missing = "blank cell";
      not_applicable = "blank cell";
      break;
    case DataFileFormat::kCsv:
      missing = info.csv_missing.empty() ? "empty" : Quoted(info.csv_missing);
      not_applicable = info.csv_not_applicable.empty() ? "empty" : Quoted(info.csv_not_applicable);
      break;
  }
  if (!column.may_be_not_applicable) return missing;
  return missing + "; not applicable: " + not_applicable;
}

std::vector<DocumentRow> RowsOf(const std::vector<ExportColumn>& columns,
                                const CodebookDocumentInfo& info) {
  std::vector<DocumentRow> rows;
  for (size_t c = 0; c < columns.size(); ++c) {
    const ExportColumn& column = columns[c];
    DocumentRow row;
    row.number = std::to_string(c + 1);
    row.name = column.name;
    row.label = column.label;
    row.type = TypeOf(column, info.format);
    if (c < info.formats.size()) row.format = info.formats[c];
    for (const auto& [value, label] : column.value_labels) {
      if (!row.value_labels.empty()) row.value_labels += "; ";
      row.value_labels += FormatNumber(value) + " = " + label;
    }
    row.missing = MissingOf(column, info);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string Summary(const std::vector<ExportColumn>& columns, const CodebookDocumentInfo& info) {
  return "Table " + info.shape + " in " + info.file + " (" + FormatName(info.format) + "), " +
         std::to_string(columns.size()) + (columns.size() == 1 ? " variable" : " variables") +
         ", written by verhaal export. Labels are given whole; the data file may cut long ones at "
         "its format's limits.";
}

// Markdown: ASCII punctuation with a meaning escaped with \ (CommonMark),
// a line break as <br>.
std::string MarkdownText(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "<br>";
    } else if (c == '\r') {
      continue;
    } else {
      if (std::string_view("\\`*_[]<>|&~").find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
  return out;
}

// SvgEscape's five entities, which HTML text and attributes need too; a
// line break is <br>, a carriage return dropped.
std::string HtmlText(std::string_view text) {
  std::string out;
  for (const char c : SvgEscape(text)) {
    if (c == '\n') {
      out += "<br>";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Names and formats are ASCII letters, digits, _ . % (variable_names.h):
// code spans, in which nothing is escaped.
std::string MarkdownCode(const std::string& text) {
  return text.empty() ? std::string() : "`" + text + "`";
}

}  // namespace

std::string CodebookMarkdown(const std::vector<ExportColumn>& columns,
                             const CodebookDocumentInfo& info) {
  const bool formats = HasFormats(info);
  std::string out = "# Codebook: " + MarkdownText(info.file) + "\n\n" +
                    MarkdownText(Summary(columns, info)) + "\n\n";
  if (!info.notes.empty()) {
    out += "## Notes\n\n";
    for (const std::string& note : info.notes) out += "- " + MarkdownText(note) + "\n";
    out += "\n";
  }
  out += "## Variables\n\n";
  out += formats ? "| # | Name | Label | Type | Format | Value labels | Missing |\n"
                   "| ---: | --- | --- | --- | --- | --- | --- |\n"
                 : "| # | Name | Label | Type | Value labels | Missing |\n"
                   "| ---: | --- | --- | --- | --- | --- |\n";
  for (const DocumentRow& row : RowsOf(columns, info)) {
    out += "| " + row.number + " | " + MarkdownCode(row.name) + " | " + MarkdownText(row.label) +
           " | " + MarkdownText(row.type) + " | ";
    if (formats) out += MarkdownCode(row.format) + " | ";
    out += MarkdownText(row.value_labels) + " | " + MarkdownText(row.missing) + " |\n";
  }
  return out;
}

std::string CodebookHtml(const std::vector<ExportColumn>& columns,
                         const CodebookDocumentInfo& info) {
  const bool formats = HasFormats(info);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Codebook: " +
      HtmlText(info.file) +
      "</title>\n<style>\nbody { font-family: sans-serif; margin: 2em; }\n"
      "table { border-collapse: collapse; }\n"
      "th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; "
      "vertical-align: top; }\n</style>\n</head>\n<body>\n<h1>Codebook: " +
      HtmlText(info.file) + "</h1>\n<p>" + HtmlText(Summary(columns, info)) + "</p>\n";
  if (!info.notes.empty()) {
    out += "<h2>Notes</h2>\n<ul>\n";
    for (const std::string& note : info.notes) out += "<li>" + HtmlText(note) + "</li>\n";
    out += "</ul>\n";
  }
  out +=
      "<h2>Variables</h2>\n<table>\n<thead><tr><th>#</th><th>Name</th><th>Label</th>"
      "<th>Type</th>";
  if (formats) out += "<th>Format</th>";
  out += "<th>Value labels</th><th>Missing</th></tr></thead>\n<tbody>\n";
  for (const DocumentRow& row : RowsOf(columns, info)) {
    out += "<tr><td>" + row.number + "</td><td><code>" + HtmlText(row.name) + "</code></td><td>" +
           HtmlText(row.label) + "</td><td>" + HtmlText(row.type) + "</td>";
    if (formats) out += "<td><code>" + HtmlText(row.format) + "</code></td>";
    out +=
        "<td>" + HtmlText(row.value_labels) + "</td><td>" + HtmlText(row.missing) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</body>\n</html>\n";
  return out;
}

bool IsCodebookDocumentPath(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".md" || extension == ".html" || extension == ".htm";
}

void WriteCodebookDocument(const std::filesystem::path& path,
                           const std::vector<ExportColumn>& columns,
                           const CodebookDocumentInfo& info) {
  const bool markdown = path.extension() == ".md";
  AtomicFileWriter out(path);
  out.Write(markdown ? CodebookMarkdown(columns, info) : CodebookHtml(columns, info));
  out.Commit();
}

}  // namespace verhaal
