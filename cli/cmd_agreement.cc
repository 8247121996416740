#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/reliability.h"
#include "exporters/table.h"
#include "importers/byte_source.h"
#include "study/agreement.h"
#include "study/table_agreement.h"

namespace po = boost::program_options;

namespace verhaal {
namespace {

// Text and Markdown show 4 decimals; CSV and JSON the full precision.
std::string Number(double value, TableFormat format) {
  if (std::isnan(value)) return format == TableFormat::kText ? "undefined" : "";
  char buffer[64];
  if (format == TableFormat::kText || format == TableFormat::kMarkdown) {
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    return buffer;
  }
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::vector<std::string> SplitList(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::stringstream parts(value);
    std::string part;
    while (std::getline(parts, part, ',')) {
      if (!part.empty()) out.push_back(part);
    }
  }
  return out;
}

// The cells of one row of the table, as `verhaal agreement` prints them.
std::vector<std::string> AgreementCells(const AgreementRow& r, TableFormat format) {
  std::vector<std::string> row = {r.unit, r.code, r.coders, std::to_string(r.n)};
  if (!r.compared) {
    row.insert(row.end(), {"", "", "", "", "", r.note});
    return row;
  }
  row.push_back(Number(r.agreement, format));
  row.push_back(r.kappa ? Number(*r.kappa, format) : "");
  row.push_back(Number(r.fleiss, format));
  row.push_back(Number(r.ac1, format));
  row.push_back(Number(r.alpha, format));
  row.push_back(r.note);
  return row;
}

int FromTable(CommandContext& context, const CommandOptions& options, TableFormat format) {
  const std::string file = options.Get<std::string>("from-table");
  TableAgreementRequest request;
  if (options.Has("coefficient")) {
    request.coefficient = ParseAgreementCoefficient(options.Get<std::string>("coefficient"));
  }
  request.level = ParseMeasurementLevel(options.Get<std::string>("level"));
  request.layout = ParseTableLayout(options.Get<std::string>("layout"));
  request.counts = options.Has("counts");
  const TableAgreement result = ComputeTableAgreement(OpenFileSource(file), file, request);
  Table table{{"coefficient", "level", "units", "coders", "value", "note"},
              {},
              {false, false, true, true, true, false}};
  table.AddRow({std::string(AgreementCoefficientName(result.coefficient)),
                std::string(MeasurementLevelName(result.level)), std::to_string(result.units),
                result.coders ? std::to_string(*result.coders) : "", Number(result.value, format),
                result.note});
  WriteTable(context.out, table, format);
  return 0;
}

}  // namespace

int RunAgreement(CommandContext& context) {
  CommandOptions options(
      context,
      "verhaal agreement [--unit presence|dimension|character|sentence] [--coders A,B]\n"
      "                         [--codes PATH,...] [--role R] [--kind K] [--wave N]\n"
      "                         [--disagreements] [--format text|csv|json|md]\n"
      "       verhaal agreement --from-table FILE.csv [--coefficient alpha|cohen|fleiss]\n"
      "                         [--level nominal|ordinal|interval|ratio]\n"
      "                         [--layout units-by-coders|coders-by-units] [--counts]",
      "Inter-coder agreement on the project's codings: one row per code (or dimension)\n"
      "and pair of coders, plus one row for all coders when there are more than two,\n"
      "with n (units coded by those coders) and percent agreement, Cohen's kappa\n"
      "(pairs), Fleiss' kappa, Gwet's AC1 and Krippendorff's alpha (nominal).\n"
      "Units (--unit): presence of a code in a story (default); the level of a\n"
      "dimension per story; characters or sentences inside the code's segments.\n"
      "A coder who made no coding in a story did not code it (missing).\n"
      "--disagreements lists instead where the coders differ, with the text.\n"
      "--from-table computes one coefficient from a reliability table (rows = units,\n"
      "columns = coders, empty = missing; see docs/agreement.md). Text shows 4\n"
      "decimals; --format json or csv the full precision.",
      "  verhaal agreement --coders anna,bram\n"
      "  verhaal agreement --unit dimension --codes motivatie --disagreements\n"
      "  verhaal agreement --from-table ratings.csv --coefficient alpha --level ordinal");
  options.add()("unit", po::value<std::string>()->default_value("presence"),
                "presence, dimension, character or sentence")(
      "coders", po::value<std::vector<std::string>>()->composing(),
      "compare these coders (comma-separated; default: all with codings)")(
      "codes", po::value<std::vector<std::string>>()->composing(),
      "these code paths (comma-separated; default: all coded codes, or all dimensions)")(
      "role", po::value<std::string>(), "only stories of respondents with this role")(
      "kind", po::value<std::string>(), "only stories of this kind")("wave", po::value<int>(),
                                                                     "only stories of this wave")(
      "disagreements", "list the units where the coders differ, with the text")(
      "from-table", po::value<std::string>()->value_name("FILE"),
      "compute a coefficient from a reliability data table instead")(
      "coefficient", po::value<std::string>(),
      "with --from-table: alpha (default), cohen or fleiss")(
      "level", po::value<std::string>()->default_value("nominal"),
      "with --from-table: nominal, ordinal, interval or ratio")(
      "layout", po::value<std::string>()->default_value("units-by-coders"),
      "with --from-table: units-by-coders or coders-by-units")(
      "counts", "with --from-table and fleiss: the table counts coders per subject and category")(
      "format", po::value<std::string>()->default_value("text"), "text, csv, json or md");
  if (!options.Parse()) return 0;
  const TableFormat format = ParseTableFormat(options.Get<std::string>("format"));
  if (options.Has("from-table")) return FromTable(context, options, format);
  for (const char* only_table : {"coefficient", "counts"}) {
    if (options.Has(only_table)) {
      throw UsageError(std::string("--") + only_table + " goes with --from-table FILE");
    }
  }
  const AgreementUnit unit = ParseAgreementUnit(options.Get<std::string>("unit"));
  AgreementSelection selection;
  if (options.Has("coders")) {
    selection.coders = SplitList(options.Get<std::vector<std::string>>("coders"));
  }
  if (options.Has("codes")) {
    selection.codes = SplitList(options.Get<std::vector<std::string>>("codes"));
  }
  selection.stories.role = options.Optional<std::string>("role");
  selection.stories.kind = options.Optional<std::string>("kind");
  selection.stories.wave = options.Optional<int>("wave");
  Project project = options.OpenProject();
  const bool listing = options.Has("disagreements");
  Table table;
  std::vector<std::string> problems;
  if (listing) {
    DisagreementList list = ListDisagreements(project, unit, selection);
    problems = std::move(list.problems);
    table.columns = {"story", "code", "where"};
    table.columns.insert(table.columns.end(), list.coders.begin(), list.coders.end());
    table.columns.push_back("text");
    for (const Disagreement& d : list.disagreements) {
      std::vector<std::string> row = {d.story_key, d.code};
      row.push_back(d.whole ? "story" : std::to_string(d.start) + "-" + std::to_string(d.end));
      row.insert(row.end(), d.values.begin(), d.values.end());
      row.push_back(d.text);
      table.AddRow(std::move(row));
    }
  } else {
    AgreementTable agreement = ComputeAgreement(project, unit, selection);
    problems = std::move(agreement.problems);
    table.columns = {"unit",  "code",   "coders", "n",     "agreement",
                     "kappa", "fleiss", "ac1",    "alpha", "note"};
    table.numeric = {false, false, false, true, true, true, true, true, true, false};
    for (const AgreementRow& r : agreement.rows) table.AddRow(AgreementCells(r, format));
  }
  for (const auto& problem : problems) context.err << "verhaal: warning: " << problem << '\n';
  WriteTable(context.out, table, format);
  if (format == TableFormat::kText) {
    context.err << table.rows.size() << (listing ? " disagreements" : " rows");
    if (!problems.empty()) {
      context.err << ", " << problems.size() << " data problems (see the warnings)";
    }
    context.err << '\n';
  }
  return 0;
}

}  // namespace verhaal
