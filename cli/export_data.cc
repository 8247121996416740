#include "cli/export_data.h"

#include <ostream>

#include "base/error.h"
#include "corpus/files.h"
#include "corpus/stories.h"
#include "exporters/codebook_document.h"
#include "exporters/csv_export.h"
#include "exporters/pseudonymised_note.h"
#include "exporters/spss_stata.h"
#include "exporters/xlsx_export.h"

namespace po = boost::program_options;

namespace verhaal {
namespace {

enum class DataFormat { kCsv, kSav, kDta, kXlsx };

DataFormat ParseDataFormat(const std::string& name) {
  if (name == "csv") return DataFormat::kCsv;
  if (name == "sav") return DataFormat::kSav;
  if (name == "dta") return DataFormat::kDta;
  if (name == "xlsx") return DataFormat::kXlsx;
  throw UsageError("unknown --format '" + name + "'; use csv, sav (SPSS), dta (Stata) or xlsx");
}

DataFormat FormatOf(const CommandOptions& options) {
  if (options.Has("format")) return ParseDataFormat(options.Get<std::string>("format"));
  if (!options.Has("output")) return DataFormat::kCsv;
  const std::string extension =
      std::filesystem::path(options.Get<std::string>("output")).extension().string();
  if (extension == ".sav") return DataFormat::kSav;
  if (extension == ".dta") return DataFormat::kDta;
  if (extension == ".xlsx") return DataFormat::kXlsx;
  return DataFormat::kCsv;
}

std::string Counted(int64_t rows, size_t columns) {
  return std::to_string(rows) + " rows, " + std::to_string(columns) + " variables";
}

}  // namespace

void AddDataExportOptions(CommandOptions& options) {
  options.add()("output,o", po::value<std::string>()->value_name("FILE"),
                "the file to write (default: CSV to stdout)")(
      "format", po::value<std::string>()->value_name("FORMAT"),
      "csv, sav (SPSS), dta (Stata) or xlsx (default: from the file's extension, else csv)")(
      "excel", "CSV for Excel: a UTF-8 byte order mark")(
      "locale", po::value<std::string>()->default_value("en"),
      "CSV: en (\",\" and decimal point) or nl (\";\" and decimal comma)")(
      "na", po::value<std::string>()->default_value(""),
      "CSV: the text of a missing value (default: empty)")(
      "not-applicable", po::value<std::string>(),
      "CSV: the text of a not-applicable answer (default: as --na)")(
      "syntax",
      "sav/dta: also write the syntax companion beside the file, an SPSS .sps or a Stata .do that "
      "reads the CSV export (FILE with .csv) and labels it as the data file is labelled")(
      "codebook-doc", po::value<std::string>()->value_name("DOC"),
      "also write the codebook document of the data file: every variable's name, label, type, "
      "format, value labels and missing values; DOC.md (Markdown) or DOC.html (a web page)")(
      "lang", po::value<std::string>()->value_name("nl|en"),
      "the codebook document's language (default: the stories' language, else the locale's)");
}

void WriteDataExport(CommandContext& context, const CommandOptions& options, ExportSource& source,
                     Project& project) {
  const int64_t file_time = ExportTime(project);
  const DataFormat format = FormatOf(options);
  const std::string locale = options.Get<std::string>("locale");
  if (locale != "en" && locale != "nl") {
    throw UsageError("unknown --locale '" + locale + "'; use en or nl");
  }
  if (!options.Has("output") && format != DataFormat::kCsv) {
    throw UsageError("--format sav, dta and xlsx need -o FILE; e.g. `verhaal " + context.name +
                     " -o data" +
                     (format == DataFormat::kSav   ? std::string(".sav")
                      : format == DataFormat::kDta ? std::string(".dta")
                                                   : std::string(".xlsx")) +
                     "`");
  }
  if (options.Has("syntax") && format != DataFormat::kSav && format != DataFormat::kDta) {
    throw UsageError("--syntax goes with --format sav or dta; e.g. `verhaal " + context.name +
                     " -o data.sav --syntax` writes data.sav and data.sps (for data.csv)");
  }
  const std::string codebook_doc =
      options.Has("codebook-doc") ? options.Get<std::string>("codebook-doc") : std::string();
  if (options.Has("codebook-doc") && !IsCodebookDocumentPath(codebook_doc)) {
    throw UsageError("--codebook-doc takes a .md (Markdown) or .html file, not '" + codebook_doc +
                     "'; e.g. `verhaal " + context.name + " -o data.sav --codebook-doc data.md`");
  }
  if (options.Has("lang") && !options.Has("codebook-doc")) {
    throw UsageError(
        "--lang is the codebook document's language: give it with --codebook-doc; "
        "e.g. `verhaal " +
        context.name + " -o data.sav --codebook-doc data.md --lang nl`");
  }
  CodebookDocumentInfo document;
  if (options.Has("lang")) {
    const std::string lang = options.Get<std::string>("lang");
    const auto language = ParseLanguage(lang);
    if (!language) {
      throw UsageError("--lang takes " + std::string(kLanguageCodes) + ", not '" + lang + "'");
    }
    document.language = *language;
  } else if (!codebook_doc.empty()) {
    document.language = MostStoriesLanguage(CountStoriesByLanguage(project));
  }
  document.file =
      options.Has("output")
          ? std::filesystem::path(options.Get<std::string>("output")).filename().string()
          : std::string("standard output");
  document.shape = source.name();
  document.notes = PseudonymisedNoteLines(project);
  document.format = format == DataFormat::kSav    ? DataFileFormat::kSav
                    : format == DataFormat::kDta  ? DataFileFormat::kDta
                    : format == DataFormat::kXlsx ? DataFileFormat::kXlsx
                                                  : DataFileFormat::kCsv;
  // Written once the data file is: from its columns, and for .sav/.dta the
  // formats WriteStatFile gave them.
  auto write_document = [&] {
    if (codebook_doc.empty()) return;
    WriteCodebookDocument(codebook_doc, source.columns(), document);
    context.err << "wrote " << codebook_doc << ": codebook of " << document.file << ", "
                << source.columns().size() << " variables\n";
  };
  const size_t columns = source.columns().size();
  if (format == DataFormat::kCsv) {
    CsvExportOptions csv;
    csv.excel = options.Has("excel");
    csv.dutch = locale == "nl";
    csv.missing = options.Get<std::string>("na");
    csv.not_applicable =
        options.Has("not-applicable") ? options.Get<std::string>("not-applicable") : csv.missing;
    document.csv_missing = csv.missing;
    document.csv_not_applicable = csv.not_applicable;
    if (!options.Has("output")) {
      const int64_t rows = WriteCsvExport(source, csv, [&](std::string_view bytes) {
        context.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      });
      context.out.flush();
      context.err << "wrote " << Counted(rows, columns) << '\n';
      write_document();
      return;
    }
    const std::string file = options.Get<std::string>("output");
    AtomicFileWriter out(file);
    const int64_t rows =
        WriteCsvExport(source, csv, [&](std::string_view bytes) { out.Write(bytes); });
    out.Commit();
    context.err << "wrote " << file << ": " << Counted(rows, columns) << '\n';
    write_document();
    return;
  }
  const std::string file = options.Get<std::string>("output");
  if (format == DataFormat::kXlsx) {
    WriteXlsx({&source}, file, context.err, file_time);
    context.err << "wrote " << file << ": sheets " << source.name() << " and variables, " << columns
                << " variables\n";
    write_document();
    return;
  }
  const StatFormat stat = format == DataFormat::kSav ? StatFormat::kSav : StatFormat::kDta;
  const std::filesystem::path syntax =
      options.Has("syntax") ? StatSyntaxPath(file, stat) : std::filesystem::path();
  const int64_t rows = WriteStatFile(source, stat, file, context.err, file_time, document.notes,
                                     syntax, {}, &document.formats);
  context.err << "wrote " << file << ": " << Counted(rows, columns) << '\n';
  if (!syntax.empty()) {
    context.err << "wrote " << syntax.string() << ": labels for "
                << std::filesystem::path(file).replace_extension(".csv").filename().string()
                << " (`verhaal " << context.name << " -o "
                << std::filesystem::path(file).replace_extension(".csv").string()
                << " --not-applicable -9` with the same options)\n";
  }
  write_document();
}

}  // namespace verhaal
