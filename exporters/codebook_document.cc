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

// The document's words in its language.
struct Words {
  std::string_view html_lang, codebook, notes, variables;
  std::string_view number, name, label, type, format, value_labels, missing;
  std::string_view sav, dta, xlsx;
  std::string_view text, date, number_of, category_of, labels_in_cells, codes_labelled;
  std::string_view nominal, ordinal, scale;
  std::string_view empty, system_missing, sav_not_applicable, dta_not_applicable, blank_cell,
      not_applicable;
  std::string_view table, in, written_by, variable, variables_count;
};

constexpr Words kEnglish{
    "en",
    "Codebook",
    "Notes",
    "Variables",
    "#",
    "Name",
    "Label",
    "Type",
    "Format",
    "Value labels",
    "Missing",
    "SPSS system file",
    "Stata data set",
    "Excel workbook",
    "text",
    "date (YYYY-MM-DD)",
    "number",
    "category",
    "; the cell holds the value's label",
    "; codes, labelled",
    "nominal",
    "ordinal",
    "scale",
    "empty",
    "system-missing",
    "-9 (user-missing, labelled \"not applicable\")",
    ".a (labelled \"not applicable\")",
    "blank cell",
    "; not applicable: ",
    "Table",
    "in",
    "written by verhaal export. Labels are given whole; the data file may cut long ones at its "
    "format's limits.",
    "variable",
    "variables"};

// As a Dutch researcher reads an SPSS codebook: meetniveau nominaal,
// ordinaal, schaal; "system-missing" and "user-missing" are SPSS's own terms.
constexpr Words kDutch{
    "nl",
    "Codeboek",
    "Opmerkingen",
    "Variabelen",
    "#",
    "Naam",
    "Label",
    "Type",
    "Formaat",
    "Waardelabels",
    "Ontbrekend",
    "SPSS-databestand",
    "Stata-dataset",
    "Excel-werkmap",
    "tekst",
    "datum (JJJJ-MM-DD)",
    "getal",
    "categorie",
    "; de cel bevat het label van de waarde",
    "; codes met waardelabels",
    "nominaal",
    "ordinaal",
    "schaal",
    "leeg",
    "system-missing",
    "-9 (user-missing, met label \"not applicable\")",
    ".a (met label \"not applicable\")",
    "lege cel",
    "; niet van toepassing: ",
    "Tabel",
    "in",
    "geschreven door verhaal export. De labels staan hier volledig; het databestand kan lange "
    "labels inkorten tot wat het formaat toestaat.",
    "variabele",
    "variabelen"};

const Words& WordsOf(const CodebookDocumentInfo& info) {
  return info.language == Language::kDutch ? kDutch : kEnglish;
}

std::string_view MeasureWord(Measure measure, const Words& w) {
  switch (measure) {
    case Measure::kNominal:
      return w.nominal;
    case Measure::kOrdinal:
      return w.ordinal;
    case Measure::kScale:
      return w.scale;
  }
  return w.nominal;
}

bool HasFormats(const CodebookDocumentInfo& info) {
  return info.format == DataFileFormat::kSav || info.format == DataFileFormat::kDta;
}

std::string FormatName(DataFileFormat format, const Words& w) {
  switch (format) {
    case DataFileFormat::kSav:
      return std::string(w.sav);
    case DataFileFormat::kDta:
      return std::string(w.dta);
    case DataFileFormat::kXlsx:
      return std::string(w.xlsx);
    case DataFileFormat::kCsv:
      break;
  }
  return "CSV";
}

std::string TypeOf(const ExportColumn& column, DataFileFormat format, const Words& w) {
  if (column.kind == ColumnKind::kText) return std::string(column.date ? w.date : w.text);
  const std::string measure(MeasureWord(column.measure, w));
  if (column.kind == ColumnKind::kNumber) return std::string(w.number_of) + ", " + measure;
  const bool labels_in_cells = format == DataFileFormat::kCsv || format == DataFileFormat::kXlsx;
  return std::string(w.category_of) + ", " + measure +
         std::string(labels_in_cells ? w.labels_in_cells : w.codes_labelled);
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

std::string MissingOf(const ExportColumn& column, const CodebookDocumentInfo& info) {
  const Words& w = WordsOf(info);
  const bool text = column.kind == ColumnKind::kText && !column.date;
  const std::string empty(w.empty);
  std::string missing;
  std::string not_applicable;
  switch (info.format) {
    case DataFileFormat::kSav:
      missing = text ? empty : std::string(w.system_missing);
      not_applicable = w.sav_not_applicable;
      break;
    case DataFileFormat::kDta:
      missing = text ? empty : ".";
      not_applicable = w.dta_not_applicable;
      break;
    case DataFileFormat::kXlsx:
      missing = w.blank_cell;
      not_applicable = w.blank_cell;
      break;
    case DataFileFormat::kCsv:
      missing = info.csv_missing.empty() ? empty : Quoted(info.csv_missing);
      not_applicable = info.csv_not_applicable.empty() ? empty : Quoted(info.csv_not_applicable);
      break;
  }
  if (!column.may_be_not_applicable) return missing;
  return missing + std::string(w.not_applicable) + not_applicable;
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
    row.type = TypeOf(column, info.format, WordsOf(info));
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
  const Words& w = WordsOf(info);
  return std::string(w.table) + " " + info.shape + " " + std::string(w.in) + " " + info.file +
         " (" + FormatName(info.format, w) + "), " + std::to_string(columns.size()) + " " +
         std::string(columns.size() == 1 ? w.variable : w.variables_count) + ", " +
         std::string(w.written_by);
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
  const Words& w = WordsOf(info);
  const bool formats = HasFormats(info);
  auto text = [](std::string_view word) { return std::string(word); };
  std::string out = "# " + text(w.codebook) + ": " + MarkdownText(info.file) + "\n\n" +
                    MarkdownText(Summary(columns, info)) + "\n\n";
  if (!info.notes.empty()) {
    out += "## " + text(w.notes) + "\n\n";
    for (const std::string& note : info.notes) out += "- " + MarkdownText(note) + "\n";
    out += "\n";
  }
  out += "## " + text(w.variables) + "\n\n";
  out += "| " + text(w.number) + " | " + text(w.name) + " | " + text(w.label) + " | " +
         text(w.type) + " | ";
  if (formats) out += text(w.format) + " | ";
  out += text(w.value_labels) + " | " + text(w.missing) + " |\n";
  out += formats ? "| ---: | --- | --- | --- | --- | --- | --- |\n"
                 : "| ---: | --- | --- | --- | --- | --- |\n";
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
  const Words& w = WordsOf(info);
  const bool formats = HasFormats(info);
  auto th = [](std::string_view word) { return "<th>" + std::string(word) + "</th>"; };
  const std::string title = std::string(w.codebook) + ": " + HtmlText(info.file);
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(w.html_lang) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
                    "</title>\n<style>\nbody { font-family: sans-serif; margin: 2em; }\n"
                    "table { border-collapse: collapse; }\n"
                    "th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; "
                    "vertical-align: top; }\n</style>\n</head>\n<body>\n<h1>" +
                    title + "</h1>\n<p>" + HtmlText(Summary(columns, info)) + "</p>\n";
  if (!info.notes.empty()) {
    out += "<h2>" + std::string(w.notes) + "</h2>\n<ul>\n";
    for (const std::string& note : info.notes) out += "<li>" + HtmlText(note) + "</li>\n";
    out += "</ul>\n";
  }
  out += "<h2>" + std::string(w.variables) + "</h2>\n<table>\n<thead><tr>" + th(w.number) +
         th(w.name) + th(w.label) + th(w.type);
  if (formats) out += th(w.format);
  out += th(w.value_labels) + th(w.missing) + "</tr></thead>\n<tbody>\n";
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
