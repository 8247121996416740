#include "exporters/matrix_report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "exporters/report_words.h"

namespace verhaal {
namespace {

using Json = nlohmann::ordered_json;

std::string Count(int64_t n) { return std::to_string(n); }

std::string Residual(const MatrixCell& cell) {
  if (!std::isfinite(cell.residual)) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%+.2f", cell.residual);
  return std::string(buffer) + (cell.flagged ? "*" : "");
}

std::string Heading(const Matrix& matrix, const CrossTab& tab) {
  std::string heading = matrix.rows + " (rows) x " + matrix.cols + " (columns)";
  if (!tab.group.empty()) heading = matrix.by + " = " + tab.group + ": " + heading;
  return heading;
}

}  // namespace

std::string MatrixUsedLine(const CrossTab& tab, bool multiple_response) {
  int64_t left = 0;
  std::string reasons;
  for (const auto& [reason, n] : tab.left_out) {
    left += n;
    reasons += (reasons.empty() ? ": " : "; ") + reason + " " + Count(n);
  }
  const std::string used =
      tab.counts_respondents
          ? (multiple_response
                 ? Count(tab.total) + " responses from " + Count(tab.stories) + " respondents used"
                 : Count(tab.total) + " respondents used")
      : tab.counts_segments ? Count(tab.segments) + " segments from " + Count(tab.stories) +
                                  " stories used (" + Count(tab.total) + " in the cells)"
      : multiple_response
          ? Count(tab.total) + " responses from " + Count(tab.stories) + " stories used"
          : Count(tab.total) + " stories used";
  return used + ", " + Count(left) + " left out" + reasons;
}

namespace {

Json Number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

Json TestsJson(const MatrixTests& tests) {
  Json json = Json::object();
  json["computed"] = tests.computed;
  json["note"] = tests.note;
  json["dropped"] = tests.dropped;
  if (!tests.computed) return json;
  json["chi_square"] = {{"statistic", Number(tests.chi_square.statistic)},
                        {"df", tests.chi_square.df},
                        {"p", Number(tests.chi_square.p_value)},
                        {"yates", tests.chi_square.yates_corrected},
                        {"note", tests.chi_square.note}};
  const bool exact = tests.fisher.method == stats::FisherMethod::kExact;
  json["fisher"] = {{"p", Number(tests.fisher.p_value)},
                    {"method", exact ? "exact" : "monte-carlo"},
                    {"draws", tests.fisher.draws},
                    {"seed", tests.fisher.seed},
                    {"note", tests.fisher.note}};
  json["cramers_v"] = Number(tests.cramers_v.v);
  json["cramers_v_ci"] = {{"lower", Number(tests.cramers_v.ci_low)},
                          {"upper", Number(tests.cramers_v.ci_high)},
                          {"confidence", 0.95},
                          {"method", "noncentral chi-square (Smithson)"}};
  if (tests.odds_ratio) {
    json["odds_ratio"] = {{"estimate", Number(tests.odds_ratio->odds_ratio)},
                          {"lower", Number(tests.odds_ratio->lower)},
                          {"upper", Number(tests.odds_ratio->upper)},
                          {"confidence", tests.odds_ratio->confidence},
                          {"haldane_corrected", tests.odds_ratio->haldane_corrected}};
  }
  json["cochran"] = {{"satisfied", tests.cochran.satisfied},
                     {"min_expected", Number(tests.cochran.min_expected)},
                     {"cells_below_five", tests.cochran.cells_below_five},
                     {"warning", tests.cochran.warning}};
  return json;
}

Json CrossTabJson(const CrossTab& tab) {
  Json json = Json::object();
  json["group"] = tab.group;
  json["used"] = tab.stories;
  json["responses"] = tab.total;
  if (tab.counts_segments) json["segments"] = tab.segments;
  json["left_out"] = tab.left_out;
  json["row_levels"] = tab.row_levels;
  json["col_levels"] = tab.col_levels;
  Json cells = Json::array();
  for (size_t r = 0; r < tab.cells.size(); ++r) {
    for (size_t c = 0; c < tab.cells[r].size(); ++c) {
      const MatrixCell& cell = tab.cells[r][c];
      cells.push_back({{"row", tab.row_levels[r]},
                       {"col", tab.col_levels[c]},
                       {"count", cell.count},
                       {"row_percent", Number(cell.row_percent)},
                       {"col_percent", Number(cell.col_percent)},
                       {"total_percent", Number(cell.total_percent)},
                       {"expected", Number(cell.expected)},
                       {"residual", Number(cell.residual)},
                       {"flagged", cell.flagged}});
    }
  }
  json["cells"] = std::move(cells);
  json["tests"] = TestsJson(tab.tests);
  return json;
}

std::vector<const CrossTab*> AllTabs(const Matrix& matrix) {
  std::vector<const CrossTab*> tabs;
  for (const auto& tab : matrix.tables) tabs.push_back(&tab);
  if (matrix.comparison) tabs.push_back(&*matrix.comparison);
  return tabs;
}

std::string LeftOutBy(const Matrix& matrix) {
  std::string line;
  for (const auto& [reason, n] : matrix.left_out_by) {
    line += (line.empty() ? "" : "; ") + reason + " " + Count(n);
  }
  return line;
}

// "row 'x'" / "column 'x'" (MatrixTests::dropped) as "empty row 'x'".
std::string DroppedText(Language language, const std::string& dropped) {
  for (const auto& [prefix, word] : {std::pair{std::string_view("row '"), Word::kEmptyRow},
                                     std::pair{std::string_view("column '"), Word::kEmptyColumn}}) {
    if (dropped.rfind(prefix, 0) == 0 && dropped.size() > prefix.size() && dropped.back() == '\'') {
      return Say(
          language, word,
          {std::string_view(dropped).substr(prefix.size(), dropped.size() - prefix.size() - 1)});
    }
  }
  return "empty " + dropped;
}

// Cochran's warning, rebuilt from its figures in `language`.
std::string CochranText(Language language, const stats::CochranCheck& cochran) {
  if (language == Language::kEnglish) return cochran.warning;
  if (cochran.cells == 0) return std::string(Say(language, Word::kCochranEmpty));
  return Say(language, Word::kCochranWarning,
             {std::to_string(cochran.cells_below_five), std::to_string(cochran.cells),
              std::to_string(cochran.cells_below_one),
              LocalNumber(FormatFixed(cochran.min_expected, 2), language)});
}

}  // namespace

std::string MatrixNoteText(Language language, const std::string& note) {
  for (const auto& [english, word] :
       {std::pair{kNoteFewLevels, Word::kNoteFewLevels}, std::pair{kNoteYates, Word::kNoteYates},
        std::pair{kNoteMultipleResponse, Word::kNoteMultiple}}) {
    if (note == english) return std::string(Say(language, word));
  }
  return note;
}

std::string FormatFixed(double value, int decimals) {
  if (!std::isfinite(value)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string FormatP(double p) {
  if (!std::isfinite(p)) return "-";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4g", p);
  return buffer;
}

Table CrossTabGrid(const CrossTab& tab, Language language) {
  auto say = [&](Word word) { return std::string(Say(language, word)); };
  Table table;
  table.columns = {"", say(Word::kMeasure)};
  for (const auto& level : tab.col_levels) table.columns.push_back(level);
  table.columns.push_back(say(Word::kTotal));
  table.numeric.assign(table.columns.size(), true);
  table.numeric[0] = table.numeric[1] = false;
  for (size_t r = 0; r < tab.row_levels.size(); ++r) {
    const auto& row = tab.cells[r];
    auto line = [&](const std::string& label, const std::string& measure, auto cell_text,
                    std::string total) {
      std::vector<std::string> cells = {label, measure};
      for (const auto& cell : row) cells.push_back(cell_text(cell));
      cells.push_back(std::move(total));
      table.AddRow(std::move(cells));
    };
    const int64_t n = tab.row_totals[r];
    const double share = tab.total == 0 ? NAN : 100.0 * n / tab.total;
    line(
        tab.row_levels[r], say(Word::kCount), [](const MatrixCell& c) { return Count(c.count); },
        Count(n));
    line(
        "", say(Word::kRowPercent),
        [](const MatrixCell& c) { return FormatFixed(c.row_percent, 1); }, n == 0 ? "-" : "100.0");
    line(
        "", say(Word::kColPercent),
        [](const MatrixCell& c) { return FormatFixed(c.col_percent, 1); }, FormatFixed(share, 1));
    line(
        "", say(Word::kTotalPercent),
        [](const MatrixCell& c) { return FormatFixed(c.total_percent, 1); }, FormatFixed(share, 1));
    line(
        "", say(Word::kExpected), [](const MatrixCell& c) { return FormatFixed(c.expected, 2); },
        "");
    line(
        "", say(Word::kResidual), [](const MatrixCell& c) { return Residual(c); }, "");
  }
  std::vector<std::string> counts = {say(Word::kTotal), say(Word::kCount)},
                           percents = {"", say(Word::kTotalPercent)};
  for (int64_t n : tab.col_totals) {
    counts.push_back(Count(n));
    percents.push_back(FormatFixed(tab.total == 0 ? NAN : 100.0 * n / tab.total, 1));
  }
  counts.push_back(Count(tab.total));
  percents.push_back(tab.total == 0 ? "-" : "100.0");
  table.AddRow(std::move(counts));
  table.AddRow(std::move(percents));
  return table;
}

Table CrossTabTests(const CrossTab& tab, Language language) {
  auto say = [&](Word word) { return std::string(Say(language, word)); };
  auto fixed = [&](double value, int decimals) {
    return LocalNumber(FormatFixed(value, decimals), language);
  };
  auto p_value = [&](double p) { return LocalNumber(FormatP(p), language); };
  Table table{{say(Word::kStatistic), say(Word::kValue)}, {}, {}};
  const MatrixTests& tests = tab.tests;
  for (const auto& dropped : tests.dropped) {
    table.AddRow({say(Word::kNotTested), DroppedText(language, dropped)});
  }
  if (!tests.computed) {
    table.AddRow({say(Word::kTests), MatrixNoteText(language, tests.note)});
    return table;
  }
  const auto& chi = tests.chi_square;
  table.AddRow({say(chi.yates_corrected ? Word::kChiSquareYates : Word::kChiSquare),
                Say(language, Word::kChiSquareValue,
                    {fixed(chi.statistic, 3), std::to_string(chi.df), p_value(chi.p_value)}) +
                    (chi.note.empty() ? "" : " (" + chi.note + ")") +
                    (tests.cochran.satisfied ? "" : say(Word::kChiSquareUnreliable))});
  const auto& fisher = tests.fisher;
  std::string method = fisher.method == stats::FisherMethod::kExact
                           ? say(Word::kExact)
                           : Say(language, Word::kMonteCarlo,
                                 {LocalCount(fisher.draws, language), std::to_string(fisher.seed)});
  table.AddRow({say(Word::kFisher), "p = " + p_value(fisher.p_value) + " (" + method + ")"});
  const auto& v = tests.cramers_v;
  table.AddRow({say(Word::kCramersV),
                std::isnan(v.v) ? fixed(v.v, 3)
                                : Say(language, Word::kValueWithCi,
                                      {fixed(v.v, 3), fixed(v.ci_low, 3), fixed(v.ci_high, 3)})});
  if (tests.odds_ratio) {
    const auto& odds = *tests.odds_ratio;
    table.AddRow({say(Word::kOddsRatio),
                  Say(language, Word::kValueWithCi,
                      {fixed(odds.odds_ratio, 3), fixed(odds.lower, 3), fixed(odds.upper, 3)}) +
                      (odds.haldane_corrected ? say(Word::kHaldane) : "")});
  }
  table.AddRow({say(Word::kCochran),
                tests.cochran.satisfied
                    ? Say(language, Word::kCochranMet, {fixed(tests.cochran.min_expected, 2)})
                    : Say(language, Word::kCochranNotMet, {CochranText(language, tests.cochran)})});
  if (!tests.note.empty()) table.AddRow({say(Word::kNote), MatrixNoteText(language, tests.note)});
  return table;
}

Table MatrixCellsTable(const Matrix& matrix) {
  Table table{{"group", "row", "col", "count", "row_percent", "col_percent", "total_percent",
               "expected", "residual", "flagged"},
              {},
              {false, false, false, true, true, true, true, true, true, false}};
  for (const auto& tab : matrix.tables) {
    for (size_t r = 0; r < tab.cells.size(); ++r) {
      for (size_t c = 0; c < tab.cells[r].size(); ++c) {
        const MatrixCell& cell = tab.cells[r][c];
        table.AddRow({tab.group, tab.row_levels[r], tab.col_levels[c], Count(cell.count),
                      FormatFixed(cell.row_percent, 2), FormatFixed(cell.col_percent, 2),
                      FormatFixed(cell.total_percent, 2), FormatFixed(cell.expected, 4),
                      FormatFixed(cell.residual, 4), cell.flagged ? "yes" : "no"});
      }
    }
  }
  for (auto& row : table.rows) {
    for (size_t c = 3; c < 9; ++c) {
      if (row[c] == "-") row[c] = "";
    }
  }
  return table;
}

std::string MatrixHeaderLine(const Matrix& matrix) {
  return "counted: " + matrix.unit + "; codings: " + matrix.codings;
}

nlohmann::ordered_json MatrixJson(const Matrix& matrix) {
  Json json = Json::object();
  json["rows"] = matrix.rows;
  json["cols"] = matrix.cols;
  json["by"] = matrix.by;
  json["unit"] = matrix.unit;
  if (matrix.segment_unit) json["segment_unit"] = true;
  if (matrix.respondent_unit) json["respondent_unit"] = true;
  json["codings"] = matrix.codings;
  json["left_out_by"] = matrix.left_out_by;
  Json tables = Json::array();
  for (const auto& tab : matrix.tables) tables.push_back(CrossTabJson(tab));
  json["tables"] = std::move(tables);
  json["comparison"] = matrix.comparison ? CrossTabJson(*matrix.comparison) : Json(nullptr);
  return json;
}

void WriteMatrix(std::ostream& out, const Matrix& matrix, TableFormat format) {
  if (format == TableFormat::kJson) {
    out << MatrixJson(matrix).dump(2) << '\n';
    return;
  }
  if (format == TableFormat::kCsv) {
    WriteTable(out, MatrixCellsTable(matrix), format);
    out << "\r\n";
    Table tests{{"group", "statistic", "value"}, {}, {}};
    tests.AddRow({"", "unit", matrix.unit});
    tests.AddRow({"", "codings", matrix.codings});
    for (const CrossTab* tab : AllTabs(matrix)) {
      tests.AddRow({tab->group, matrix.respondent_unit ? "respondents used" : "stories used",
                    Count(tab->stories)});
      if (matrix.segment_unit) {
        tests.AddRow({tab->group, "segments used", Count(tab->segments)});
        tests.AddRow({tab->group, "in the cells", Count(tab->total)});
      } else if (matrix.multiple_response) {
        tests.AddRow({tab->group, "responses", Count(tab->total)});
      }
      for (const auto& [reason, n] : tab->left_out) {
        tests.AddRow({tab->group, "left out: " + reason, Count(n)});
      }
      for (const auto& row : CrossTabTests(*tab).rows) tests.AddRow({tab->group, row[0], row[1]});
    }
    WriteTable(out, tests, format);
    return;
  }
  const bool markdown = format == TableFormat::kMarkdown;
  out << MatrixHeaderLine(matrix) << "\n\n";
  bool first = true;
  for (const CrossTab* tab : AllTabs(matrix)) {
    if (!first) out << '\n';
    first = false;
    const bool comparison = matrix.comparison && tab == &*matrix.comparison;
    const std::string heading =
        comparison ? "comparison of the groups of " + matrix.by + " over the matrix cells"
                   : Heading(matrix, *tab);
    out << (markdown ? "### " : "") << heading << "\n";
    if (markdown) out << '\n';
    out << MatrixUsedLine(*tab, matrix.multiple_response && !comparison) << "\n\n";
    Table grid = CrossTabGrid(*tab);
    if (comparison) grid.columns[0] = matrix.by;
    WriteTable(out, grid, format);
    out << '\n';
    WriteTable(out, CrossTabTests(*tab), format);
  }
  out << "\n* |adjusted residual| >= 1.96 (5% level)\n";
  const std::string by_left = LeftOutBy(matrix);
  if (!by_left.empty()) out << "without a group: " << by_left << "\n";
}

}  // namespace verhaal
