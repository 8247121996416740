#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/handlers.h"
#include "coding/reliability.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/error.h"
#include "corpus/stories.h"
#include "corpus/text.h"
#include "exporters/table.h"
#include "importers/byte_source.h"
#include "importers/reliability_table.h"
#include "stats/cohen_kappa.h"
#include "stats/fleiss_kappa.h"
#include "stats/gwet_ac1.h"
#include "stats/krippendorff_alpha.h"
#include "stats/percent_agreement.h"

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

// The coefficients of one row over `data` (units with two or more values).
void AddCoefficientRow(Table& table, const std::string& unit, const std::string& code,
                       const std::string& coders, const stats::ReliabilityData& data,
                       bool with_kappa, TableFormat format) {
  std::vector<std::string> row = {unit, code, coders, std::to_string(data.units.size())};
  if (data.units.empty()) {
    row.insert(row.end(), {"", "", "", "", "", "no story was coded by these coders together"});
    table.AddRow(std::move(row));
    return;
  }
  std::string notes;
  const auto agreement = stats::PercentAgreement(data);
  row.push_back(Number(agreement.value, format));
  if (with_kappa) {
    const auto kappa = stats::CohenKappa(data);
    row.push_back(Number(kappa.kappa, format));
    AddNote(notes, kappa.note);
  } else {
    row.push_back("");
  }
  const auto fleiss = stats::FleissKappa(data);
  row.push_back(Number(fleiss.value, format));
  AddNote(notes, fleiss.note);
  try {
    const auto ac1 = stats::GwetAc1(data);
    row.push_back(Number(ac1.value, format));
    AddNote(notes, ac1.note);
  } catch (const std::invalid_argument&) {
    row.push_back(Number(std::nan(""), format));
    AddNote(notes, "AC1 needs two or more categories");
  }
  const auto alpha = stats::KrippendorffAlpha(data, stats::MeasurementLevel::kNominal);
  row.push_back(Number(alpha.alpha, format));
  AddNote(notes, alpha.note);
  row.push_back(notes);
  table.AddRow(std::move(row));
}

// The units of `data` with two or more values among `columns`, restricted to them.
stats::ReliabilityData Restrict(const stats::ReliabilityData& data,
                                const std::vector<size_t>& columns) {
  stats::ReliabilityData out;
  out.categories = data.categories;
  for (const auto& unit : data.units) {
    std::vector<std::optional<double>> row;
    int values = 0;
    for (size_t c : columns) {
      row.push_back(unit[c]);
      values += unit[c].has_value();
    }
    if (values >= 2) out.units.push_back(std::move(row));
  }
  return out;
}

// The text of what each coder coded with `code` (or its descendants) in a story.
std::string CodedText(Project& project, const CodeReliability& r, const ReliabilityUnit& unit,
                      const Story& story) {
  const auto code = FindCodeByPath(project, r.code);
  CodingFilter filter;
  filter.code_ids = CodeSubtree(project, code->id);
  filter.story_id = unit.story_id;
  std::string text;
  for (const auto& coding : ListCodings(project, filter)) {
    if (std::find(r.coders.begin(), r.coders.end(), coding.coder) == r.coders.end()) continue;
    text += (text.empty() ? "" : " | ") + coding.coder + ": " +
            std::string(SliceCodePoints(story.text, static_cast<size_t>(coding.start),
                                        static_cast<size_t>(coding.end)));
  }
  return text;
}

void AddDisagreements(Project& project, Table& table, const CodeReliability& r,
                      AgreementUnit unit) {
  std::map<int64_t, Story> stories;
  auto story_of = [&](int64_t id) -> const Story& {
    auto it = stories.find(id);
    if (it == stories.end()) it = stories.emplace(id, *FindStoryById(project, id)).first;
    return it->second;
  };
  auto name_of = [&](const std::optional<double>& v) -> std::string {
    if (!v) return "-";
    if (unit == AgreementUnit::kDimension) return r.categories[static_cast<size_t>(*v)];
    return *v > 0 ? "yes" : "no";
  };
  for (size_t u = 0; u < r.data.units.size(); ++u) {
    const auto& values = r.data.units[u];
    std::set<double> distinct;
    for (const auto& v : values) {
      if (v) distinct.insert(*v);
    }
    if (distinct.size() < 2) continue;
    ReliabilityUnit where = r.units[u];
    // Characters: one row per run of equal disagreement.
    while (unit == AgreementUnit::kCharacter && u + 1 < r.data.units.size() &&
           r.units[u + 1].story_id == where.story_id && r.data.units[u + 1] == values) {
      ++u;
      where.end = r.units[u].end;
    }
    const Story& story = story_of(where.story_id);
    std::vector<std::string> row = {where.story_key, r.code};
    const bool whole = unit == AgreementUnit::kPresence || unit == AgreementUnit::kDimension;
    row.push_back(whole ? "story"
                        : std::to_string(where.start) + "-" + std::to_string(where.end));
    for (const auto& v : values) row.push_back(name_of(v));
    row.push_back(whole ? CodedText(project, r, where, story)
                        : std::string(SliceCodePoints(story.text,
                                                      static_cast<size_t>(where.start),
                                                      static_cast<size_t>(where.end))));
    for (char& ch : row.back()) {
      if (ch == '\n') ch = ' ';
    }
    table.AddRow(std::move(row));
  }
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
    throw UsageError("--counts reads a subjects x categories table, which only --coefficient "
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
      const ReliabilityTable t = ReadReliabilityTable(
          OpenFileSource(file), file,
          layout_name == "units-by-coders" ? TableLayout::kUnitsByCoders
                                           : TableLayout::kCodersByUnits,
          level == stats::MeasurementLevel::kNominal);
      const std::string units = std::to_string(t.units.size());
      const std::string coders = std::to_string(t.coders.size());
      if (coefficient == "alpha") {
        const auto result = stats::KrippendorffAlpha(t.data, level);
        table.AddRow({"alpha", level_name, units, coders, Number(result.alpha, format),
                      result.note});
      } else if (coefficient == "fleiss") {
        const auto result = stats::FleissKappa(t.data);
        table.AddRow({"fleiss", level_name, units, coders, Number(result.value, format),
                      result.note});
      } else {
        if (t.coders.size() != 2) {
          throw DataError(file + " has " + coders +
                          " coders; Cohen's kappa compares exactly two (use --coefficient "
                          "alpha or fleiss for more)");
        }
        const auto weighting = level == stats::MeasurementLevel::kNominal
                                   ? stats::KappaWeighting::kUnweighted
                               : level == stats::MeasurementLevel::kOrdinal
                                   ? stats::KappaWeighting::kLinear
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
      "kind", po::value<std::string>(), "only stories of this kind")(
      "wave", po::value<int>(), "only stories of this wave")(
      "disagreements", "list the units where the coders differ, with the text")(
      "from-table", po::value<std::string>()->value_name("FILE"),
      "compute a coefficient from a reliability data table instead")(
      "coefficient", po::value<std::string>(), "with --from-table: alpha (default), cohen or fleiss")(
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
  int problems = 0;
  ForEachCodeReliability(project, unit, selection, [&](const CodeReliability& r) {
    for (const auto& problem : r.problems) {
      context.err << "verhaal: warning: " << r.code << ": " << problem << '\n';
      ++problems;
    }
    if (table.columns.empty()) {
      if (listing) {
        table.columns = {"story", "code", "where"};
        table.columns.insert(table.columns.end(), r.coders.begin(), r.coders.end());
        table.columns.push_back("text");
      } else {
        table.columns = {"unit",  "code",   "coders", "n",     "agreement",
                         "kappa", "fleiss", "ac1",    "alpha", "note"};
        table.numeric = {false, false, false, true, true, true, true, true, true, false};
      }
    }
    if (listing) {
      AddDisagreements(project, table, r, unit);
      return;
    }
    const std::string unit_name(AgreementUnitName(unit));
    for (size_t a = 0; a < r.coders.size(); ++a) {
      for (size_t b = a + 1; b < r.coders.size(); ++b) {
        AddCoefficientRow(table, unit_name, r.code, r.coders[a] + "+" + r.coders[b],
                          Restrict(r.data, {a, b}), true, format);
      }
    }
    if (r.coders.size() > 2) {
      std::vector<size_t> all(r.coders.size());
      for (size_t c = 0; c < all.size(); ++c) all[c] = c;
      AddCoefficientRow(table, unit_name, r.code,
                        "all (" + std::to_string(r.coders.size()) + ")", Restrict(r.data, all),
                        false, format);
    }
  });
  if (table.columns.empty()) {
    throw DataError("nothing to compare: the selected coders made no codings with the "
                    "selected codes; check --codes and --coders");
  }
  WriteTable(context.out, table, format);
  if (format == TableFormat::kText) {
    context.err << table.rows.size() << (listing ? " disagreements" : " rows");
    if (problems > 0) context.err << ", " << problems << " data problems (see the warnings)";
    context.err << '\n';
  }
  return 0;
}

}  // namespace verhaal
