#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/reliability.h"
#include "exporters/table.h"
#include "importers/byte_source.h"
#include "importers/reliability_table.h"
#include "stats/cohen_kappa.h"
#include "stats/fleiss_kappa.h"
#include "stats/krippendorff_alpha.h"
#include "study/agreement.h"

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

void AddNote(std::string& notes, const std::string& note) {
  if (note.empty() || notes.find(note) != std::string::npos) return;
  notes += (notes.empty() ? "" : "; ") + note;
}

stats::MeasurementLevel ParseLevel(const std::string& name) {
  if (name == "nominal") return stats::MeasurementLevel::kNominal;
  if (name == "ordinal") return stats::MeasurementLevel::kOrdinal;
  if (name == "interval") return stats::MeasurementLevel::kInterval;
  if (name == "ratio") return stats::MeasurementLevel::kRatio;
  throw UsageError("unknown level '" + name + "'; use nominal, ordinal, interval or ratio");
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
  const std::string coefficient =
      options.Has("coefficient") ? options.Get<std::string>("coefficient") : "alpha";
  if (coefficient != "alpha" && coefficient != "cohen" && coefficient != "fleiss") {
    throw UsageError("unknown coefficient '" + coefficient + "'; use alpha, cohen or fleiss");
  }
  const std::string level_name = options.Get<std::string>("level");
  const stats::MeasurementLevel level = ParseLevel(level_name);
  const std::string layout_name = options.Get<std::string>("layout");
  if (layout_name != "units-by-coders" && layout_name != "coders-by-units") {
    throw UsageError("unknown layout '" + layout_name +
                     "'; use units-by-coders (a column per coder) or coders-by-units");
  }
  const bool counts = options.Has("counts");
  if (counts && coefficient != "fleiss") {
    throw UsageError(
        "--counts reads a subjects x categories table, which only --coefficient "
        "fleiss uses");
  }
  if (coefficient == "fleiss" && level != stats::MeasurementLevel::kNominal) {
    throw UsageError("Fleiss' kappa is for nominal data; use --coefficient alpha for --level " +
                     level_name);
  }
  Table table{{"coefficient", "level", "units", "coders", "value", "note"},
              {},
              {false, false, true, true, true, false}};
  try {
    if (counts) {
      const CountTable t = ReadCountTable(OpenFileSource(file), file);
      const auto result = stats::FleissKappa(t.counts);
      table.AddRow({"fleiss", "nominal", std::to_string(t.counts.size()), "",
                    Number(result.value, format), result.note});
    } else {
      const ReliabilityTable t =
          ReadReliabilityTable(OpenFileSource(file), file,
                               layout_name == "units-by-coders" ? TableLayout::kUnitsByCoders
                                                                : TableLayout::kCodersByUnits,
                               level == stats::MeasurementLevel::kNominal);
      const std::string units = std::to_string(t.units.size());
      const std::string coders = std::to_string(t.coders.size());
      if (coefficient == "alpha") {
        const auto result = stats::KrippendorffAlpha(t.data, level);
        table.AddRow(
            {"alpha", level_name, units, coders, Number(result.alpha, format), result.note});
      } else if (coefficient == "fleiss") {
        const auto result = stats::FleissKappa(t.data);
        table.AddRow(
            {"fleiss", level_name, units, coders, Number(result.value, format), result.note});
      } else {
        if (t.coders.size() != 2) {
          throw DataError(file + " has " + coders +
                          " coders; Cohen's kappa compares exactly two (use --coefficient "
                          "alpha or fleiss for more)");
        }
        const auto weighting =
            level == stats::MeasurementLevel::kNominal   ? stats::KappaWeighting::kUnweighted
            : level == stats::MeasurementLevel::kOrdinal ? stats::KappaWeighting::kLinear
                                                         : stats::KappaWeighting::kQuadratic;
        const auto result = stats::CohenKappa(t.data, weighting);
        std::string note = result.note;
        if (result.units_skipped > 0) {
          AddNote(note, std::to_string(result.units_skipped) +
                            " units left out (a coder's value missing)");
        }
        table.AddRow({"cohen", level_name, std::to_string(result.n), coders,
                      Number(result.kappa, format), note});
      }
    }
  } catch (const std::invalid_argument& e) {
    throw DataError(file + ": " + e.what());
  }
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
