// `verhaal import csv FILE [--mapping MAP.yaml | --text COLUMN]`.
#include <ostream>

#include "base/error.h"
#include "cli/command.h"
#include "cli/import_formats.h"
#include "importers/byte_source.h"
#include "importers/csv_import.h"
#include "importers/csv_reader.h"
#include "importers/encoding.h"
#include "importers/mapping.h"

namespace po = boost::program_options;

namespace verhaal {
namespace {

char DelimiterOption(const std::string& name) {
  if (name == "," || name == "comma") return ',';
  if (name == ";" || name == "semicolon") return ';';
  if (name == "tab" || name == "\t") return '\t';
  throw UsageError("--delimiter takes ',', ';' or tab, not '" + name + "'");
}

}  // namespace

int ImportCsvCommand(CommandContext& context) {
  CommandOptions options(
      context, "verhaal import csv FILE (--mapping MAP.yaml | --text COLUMN) [options]",
      "Imports one story per line of a CSV or TSV file (RFC 4180; the delimiter\n"
      "',' ';' or tab is detected). The mapping (docs/import-mapping.md) says which\n"
      "columns hold the story key, respondent, role, kind, wave, date, language,\n"
      "title and text, which are typed variables and which are signifiers. With\n"
      "--text instead, columns named story (or id), respondent, role (rol), kind,\n"
      "wave, date, language and title (titel), in any case, are\n"
      "used as such, the others become story variables\n"
      "(typed integer, float, date or boolean when all their values are),\n"
      "and the mapping used is printed to stdout to save and edit. Without\n"
      "--encoding the file's encoding is guessed: UTF-8, UTF-16 after its byte\n"
      "order mark, else Windows-1252 with a warning.",
      "  verhaal import csv statushouders.csv --mapping statushouders.mapping.yaml\n"
      "  verhaal import csv export.csv --text verhaal --encoding windows-1252 --dry-run");
  options.add()("mapping", po::value<std::string>()->value_name("MAP.yaml"),
                "the import mapping (YAML)")("text", po::value<std::string>()->value_name("COLUMN"),
                                             "without a mapping: the column with the story text")(
      "delimiter", po::value<std::string>()->value_name("D"), "',' ';' or tab (default: detect)")(
      "encoding", po::value<std::string>()->value_name("NAME"),
      "the file's encoding: utf-8, utf-16, windows-1252, latin-1, ... (default: guessed;\n"
      "UTF-8 when valid, else Windows-1252 with a warning)");
  AddImportOptions(options);
  options.Positional("file");
  if (!options.Parse()) return 0;
  if (!options.Has("file")) {
    throw UsageError("import csv needs a FILE; see `verhaal import csv --help`");
  }
  if (options.Has("mapping") == options.Has("text")) {
    throw UsageError(
        "give either --mapping MAP.yaml or --text COLUMN; see `verhaal import csv "
        "--help`");
  }
  const std::string file = options.Get<std::vector<std::string>>("file").front();
  ImportMapping mapping;
  if (options.Has("mapping")) mapping = LoadMapping(options.Get<std::string>("mapping"));
  CsvOptions csv;
  csv.delimiter = mapping.delimiter;
  csv.encoding = mapping.encoding;
  if (options.Has("delimiter"))
    csv.delimiter = DelimiterOption(options.Get<std::string>("delimiter"));
  if (options.Has("encoding")) csv.encoding = options.Get<std::string>("encoding");
  std::vector<std::string> warnings;
  csv.encoding = EncodingFor(file, csv.encoding, warnings);
  for (const auto& warning : warnings) context.err << "verhaal: warning: " << warning << "\n";
  Project project = options.OpenProject();
  CsvReader reader(OpenFileSource(file), file, csv);
  if (options.Has("text")) {
    // Read the header for the default mapping, then start over.
    CsvReader peek(OpenFileSource(file), file, csv);
    const CsvRecord* header = peek.Next();
    if (header == nullptr) throw DataError(file + " is empty; it needs a header line");
    std::vector<std::string> names;
    for (const auto& f : header->fields) names.push_back(f.value);
    mapping = DefaultMapping(names, options.Get<std::string>("text"));
    mapping.delimiter = peek.delimiter();
    mapping.encoding = csv.encoding;
    GuessVariableTypes(mapping, peek, names);
    context.out << MappingToYaml(mapping);
  }
  const bool dry_run = options.Has("dry-run");
  BulkWrite bulk(project);
  Transaction transaction(project);
  const ImportReport report =
      ImportCsv(project, reader, mapping, ImportOptionsFrom(options, context),
                [&] { return std::make_unique<CsvReader>(OpenFileSource(file), file, csv); });
  if (!dry_run) transaction.Commit();
  PrintImportReport(context, report, file, dry_run);
  return 0;
}

}  // namespace verhaal
