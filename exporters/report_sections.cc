// The report's sections: overview, matrix with quotes per cell, scatter,
// code frequencies with quotes per code, and inter-coder agreement.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "coding/dimension.h"
#include "corpus/codes.h"
#include "corpus/error.h"
#include "corpus/respondents.h"
#include "corpus/variables.h"
#include "exporters/agreement_summary.h"
#include "exporters/matrix_report.h"
#include "exporters/report_html.h"
#include "exporters/slider_scatter.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

constexpr size_t kMaxLevels = 12;  // overview tables of variables with at most this many values

std::string Count(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

constexpr int64_t kFewestForStrength = 20;

std::string Strength(double v) {
  if (!std::isfinite(v)) return "undefined";
  if (v < 0.1) return "negligible";
  if (v < 0.3) return "weak";
  if (v < 0.5) return "moderate";
  return "strong";
}

std::string LeftOutWords(const std::map<std::string, int64_t>& left_out) {
  std::string out;
  for (const auto& [reason, n] : left_out) {
    out += (out.empty() ? "" : ", ") + reason + " (" + std::to_string(n) + ")";
  }
  return out;
}

// The codes a dimension's name may point at, for choosing quotes.
std::vector<std::string> PreferredCodes(const DimensionSpec& rows, const DimensionSpec& cols) {
  std::vector<std::string> prefer;
  for (const DimensionSpec* spec : {&rows, &cols}) {
    if (!spec->name.empty()) prefer.push_back(spec->name);
  }
  return prefer;
}

// One cross table as an HTML heat table: each cell shaded by its row
// percentage, with its count (* when flagged) and row %; totals at the edges.
std::string CrossTabHtml(const CrossTab& tab, const std::string& heading,
                         const std::string& rows_title, const std::string& cols_title) {
  std::string out = "<table class=\"heat\"><caption>" + HtmlEscape(heading) +
                    "</caption><thead><tr><th>" + HtmlEscape(rows_title) + " \u2193 / " +
                    HtmlEscape(cols_title) + " \u2192</th>";
  for (const auto& level : tab.col_levels) out += "<th class=\"num\">" + HtmlEscape(level) + "</th>";
  out += "<th class=\"num\">total</th></tr></thead><tbody>\n";
  for (size_t r = 0; r < tab.row_levels.size(); ++r) {
    out += "<tr><th>" + HtmlEscape(tab.row_levels[r]) + "</th>";
    for (size_t c = 0; c < tab.col_levels.size(); ++c) {
      const MatrixCell& cell = tab.cells[r][c];
      const double share = std::isfinite(cell.row_percent) ? cell.row_percent / 100 : 0;
      out += "<td class=\"num\" style=\"background:" + SvgBlueScale(share) +
             (share > 0.55 ? ";color:#fff" : "") + "\"><b>" + std::to_string(cell.count) +
             (cell.flagged ? "*" : "") + "</b><br><small>" + FormatFixed(cell.row_percent, 1) +
             "% of row</small></td>";
    }
    out += "<td class=\"num\">" + std::to_string(tab.row_totals[r]) + "</td></tr>\n";
  }
  out += "<tr><th>total</th>";
  for (int64_t total : tab.col_totals) out += "<td class=\"num\">" + std::to_string(total) + "</td>";
  return out + "<td class=\"num\">" + std::to_string(tab.total) + "</td></tr></tbody></table>\n";
}

}  // namespace

std::string TestsInWords(const CrossTab& tab) {
  const MatrixTests& tests = tab.tests;
  if (!tests.computed) return "<p class=\"words\">No test: " + HtmlEscape(tests.note) + "</p>\n";
  std::string words = "Of these " + Count(tab.total, "story", "stories") + ", ";
  const double p = tests.fisher.p_value;
  words += p < 0.05 ? "the pattern is unlikely to be chance"
                    : "the pattern could well be chance";
  words += " (Fisher's exact test p = " + FormatP(p);
  if (std::isfinite(tests.chi_square.statistic)) {
    words += "; chi-square(" + std::to_string(tests.chi_square.df) + ") = " +
             FormatFixed(tests.chi_square.statistic, 2) + ", p = " +
             FormatP(tests.chi_square.p_value);
  }
  words += "). Cram\u00e9r's V = " + FormatFixed(tests.cramers_v.v, 2);
  // Below this many stories, or with small expected counts, V swings with
  // a single story: no word for its strength.
  if (tab.total < kFewestForStrength || !tests.cochran.satisfied) {
    words += ", but with " + Count(tab.total, "story", "stories") +
             (tests.cochran.satisfied ? "" : " and small expected counts") +
             " it does not tell how strong the association is.";
  } else {
    words += ": a " + Strength(tests.cramers_v.v) + " association.";
  }
  if (tests.odds_ratio && std::isfinite(tests.odds_ratio->odds_ratio)) {
    words += " The odds ratio is " + FormatFixed(tests.odds_ratio->odds_ratio, 1) + " (95% CI " +
             FormatFixed(tests.odds_ratio->lower, 1) + "\u2013" +
             FormatFixed(tests.odds_ratio->upper, 1) + ").";
  }
  std::string more;
  std::string fewer;
  for (size_t r = 0; r < tab.row_levels.size(); ++r) {
    for (size_t c = 0; c < tab.col_levels.size(); ++c) {
      const MatrixCell& cell = tab.cells[r][c];
      if (!cell.flagged) continue;
      std::string& list = cell.residual > 0 ? more : fewer;
      list += (list.empty() ? "" : ", ") + tab.row_levels[r] + " \u00d7 " + tab.col_levels[c] +
              " (" + std::to_string(cell.count) + ", expected " + FormatFixed(cell.expected, 1) +
              ")";
    }
  }
  if (!more.empty()) words += " More stories than expected: " + more + ".";
  if (!fewer.empty()) words += " Fewer than expected: " + fewer + ".";
  if (!tests.cochran.satisfied) {
    words += " Expected counts are small, so trust Fisher's test over chi-square.";
  }
  return "<p class=\"words\">" + HtmlEscape(words) + "</p>\n";
}

std::string OverviewSection(Project& project, const ReportData& data) {
  std::string out = "<section id=\"overview\"><h2>Overview</h2>\n";
  // Respondents by role and by each respondent variable with few values.
  const std::vector<Respondent> respondents = ListRespondents(project);
  std::vector<std::string> roles;
  std::map<std::string, int64_t> per_role;
  std::map<std::string, std::map<std::string, std::map<std::string, int64_t>>> values;
  for (const Respondent& respondent : respondents) {
    if (per_role[respondent.role]++ == 0) roles.push_back(respondent.role);
    for (const auto& [name, value] : RespondentValues(project, respondent.id)) {
      values[name][value][respondent.role]++;
    }
  }
  std::sort(roles.begin(), roles.end());
  std::string roles_words;
  for (const auto& role : roles) {
    roles_words += (roles_words.empty() ? "" : ", ") +
                   std::to_string(per_role[role]) + " " + (role.empty() ? "without a role" : role);
  }
  out += "<p>" + HtmlEscape(Count(static_cast<int64_t>(respondents.size()), "respondent",
                                  "respondents") +
                            (roles_words.empty() ? "" : ": " + roles_words) + ".") + "</p>\n";
  for (const Variable& variable : ListVariables(project, VariableSubject::kRespondent)) {
    const auto it = values.find(variable.name);
    if (it == values.end() || it->second.size() > kMaxLevels) continue;
    Table table{{variable.label.empty() ? variable.name : variable.label}, {}, {false}};
    for (const auto& role : roles) {
      table.columns.push_back(role.empty() ? "(no role)" : role);
      table.numeric.push_back(true);
    }
    for (const auto& [value, counts] : it->second) {
      std::vector<std::string> row = {value};
      for (const auto& role : roles) {
        const auto n = counts.find(role);
        row.push_back(std::to_string(n == counts.end() ? 0 : n->second));
      }
      table.AddRow(std::move(row));
    }
    out += "<h3>Respondents by " + HtmlEscape(variable.name) + "</h3>\n" + HtmlTable(table);
  }
  // Stories by kind and wave.
  std::set<int> waves;
  bool no_wave = false;
  std::map<std::string, std::map<int, int64_t>> kinds;  // kind -> wave (-1: none) -> n
  for (const Story& story : data.all_stories) {
    const int wave = story.wave.value_or(-1);
    if (story.wave) waves.insert(wave); else no_wave = true;
    kinds[story.kind][wave]++;
  }
  Table table{{"kind"}, {}, {false}};
  std::vector<int> columns;
  if (no_wave) columns.push_back(-1);
  columns.insert(columns.end(), waves.begin(), waves.end());
  for (int wave : columns) {
    table.columns.push_back(wave < 0 ? "no wave" : "wave " + std::to_string(wave));
    table.numeric.push_back(true);
  }
  table.columns.push_back("all");
  table.numeric.push_back(true);
  for (const auto& [kind, per_wave] : kinds) {
    std::vector<std::string> row = {kind};
    int64_t total = 0;
    for (int wave : columns) {
      const auto n = per_wave.find(wave);
      const int64_t count = n == per_wave.end() ? 0 : n->second;
      total += count;
      row.push_back(std::to_string(count));
    }
    row.push_back(std::to_string(total));
    table.AddRow(std::move(row));
  }
  out += "<h3>Stories by kind and wave</h3>\n" + HtmlTable(table);
  return out + "</section>\n";
}

namespace {

// Which stories a table counts, in words: "all stories" or "stories with role
// statushouder", so a reader knows a filtered matrix is not the whole study.
std::string StoriesInWords(const StoryFilter& filter) {
  std::string words;
  auto add = [&](const std::string& part) { words += (words.empty() ? "" : ", ") + part; };
  if (filter.role) add("role " + *filter.role);
  if (filter.kind) add("kind " + *filter.kind);
  if (filter.wave) add("wave " + std::to_string(*filter.wave));
  if (filter.language) add("language " + *filter.language);
  return words.empty() ? "all stories" : "stories with " + words;
}

}  // namespace

std::string MatrixSection(Project& project, const ReportData& data, const ReportOptions& options) {
  const DimensionSpec row_spec = ParseDimension(options.rows);
  const DimensionSpec col_spec = ParseDimension(options.cols);
  std::vector<int64_t> ids;
  for (const Story& story : data.stories) ids.push_back(story.id);
  const ResolvedDimension rows =
      ResolveDimension(project, row_spec, data.stories, MixedPolicy::kExclude, &data.coders);
  const ResolvedDimension cols =
      ResolveDimension(project, col_spec, data.stories, MixedPolicy::kExclude, &data.coders);
  const Matrix overall = BuildMatrix(ids, rows, cols, nullptr);
  const CrossTab& all = overall.tables.front();
  // The corner of each table names the dimensions briefly ("motivatie", "stijl").
  const std::string rows_name = row_spec.name.empty() ? rows.label : row_spec.name;
  const std::string cols_name = col_spec.name.empty() ? cols.label : col_spec.name;

  std::string out = "<section id=\"matrix\"><h2>Matrix: " + HtmlEscape(rows.title) + " \u00d7 " +
                    HtmlEscape(cols.title) + "</h2>\n";
  out += "<figure>" + CrossTabHtml(all,
                                   StoriesInWords(options.filter) + " (n = " +
                                       std::to_string(all.total) + ")",
                                   rows_name, cols_name) +
         "<figcaption>Each cell: number of stories and share of its row, shaded by that share; "
         "* marks a cell with clearly more or fewer stories than expected (|adjusted residual| "
         "\u2265 1.96). Counted: stories. Codings: " + HtmlEscape(overall.codings) +
         ".</figcaption></figure>\n";
  out += TestsInWords(all);
  if (!all.left_out.empty()) {
    out += "<p class=\"note\">Left out: " + HtmlEscape(LeftOutWords(all.left_out)) + ".</p>\n";
  }
  out += "<details><summary>All statistics</summary>" + HtmlTable(CrossTabGrid(all)) +
         HtmlTable(CrossTabTests(all)) + "</details>\n";

  if (!options.by.empty()) {
    const DimensionSpec by_spec = ParseDimension(options.by);
    const ResolvedDimension by =
        ResolveDimension(project, by_spec, data.stories, MixedPolicy::kExclude, &data.coders);
    const Matrix grouped = BuildMatrix(ids, rows, cols, &by);
    out += "<h3>Per " + HtmlEscape(by.title) + "</h3>\n";
    for (const CrossTab& tab : grouped.tables) {
      out += "<div class=\"group\">" +
             CrossTabHtml(tab, by.title + " = " + tab.group + " (n = " + std::to_string(tab.total) +
                                   ")",
                          rows_name, cols_name) +
             TestsInWords(tab) + "</div>\n";
    }
    if (!grouped.left_out_by.empty()) {
      out += "<p class=\"note\">In no group of " + HtmlEscape(by.title) + ": " +
             HtmlEscape(LeftOutWords(grouped.left_out_by)) + ".</p>\n";
    }
    if (grouped.comparison) {
      out += "<h3>Do the groups differ?</h3>\n<p>The groups against the matrix cells:</p>\n" +
             TestsInWords(*grouped.comparison);
    }
  }

  out += "<h3>The stories behind the numbers</h3>\n";
  const std::vector<std::string> prefer = PreferredCodes(row_spec, col_spec);
  for (size_t r = 0; r < all.row_levels.size(); ++r) {
    for (size_t c = 0; c < all.col_levels.size(); ++c) {
      std::vector<int64_t> cell;
      for (int64_t id : ids) {
        const auto row = rows.level_of.find(id);
        const auto col = cols.level_of.find(id);
        if (row == rows.level_of.end() || col == cols.level_of.end()) continue;
        if (row->second == static_cast<int>(r) && col->second == static_cast<int>(c)) {
          cell.push_back(id);
        }
      }
      out += "<details><summary>" + HtmlEscape(all.row_levels[r]) + " \u00d7 " +
             HtmlEscape(all.col_levels[c]) + ": " +
             Count(static_cast<int64_t>(cell.size()), "story", "stories") + "</summary>\n";
      for (const Story* story : PickStories(data, cell, options.quotes)) {
        out += QuoteHtml(data, *story, prefer);
      }
      out += "</details>\n";
    }
  }
  return out + "</section>\n";
}

std::string ScatterSection(Project& project, const ReportData& data,
                           const ReportOptions& options) {
  std::string x = options.x;
  std::string y = options.y;
  if (x.empty() || y.empty()) {
    const DimensionSpec rows = ParseDimension(options.rows);
    const DimensionSpec cols = ParseDimension(options.cols);
    if (rows.source != DimensionSource::kDyad || cols.source != DimensionSource::kDyad) return "";
    x = options.cols;  // the matrix's columns run left to right
    y = options.rows;
  }
  std::optional<ResolvedDimension> groups;
  if (!options.by.empty()) {
    groups = ResolveDimension(project, ParseDimension(options.by), data.stories,
                              MixedPolicy::kExclude, &data.coders);
  }
  const SliderScatter scatter = BuildSliderScatter(project, ParseDimension(SliderDimension(x)),
                                                   ParseDimension(SliderDimension(y)),
                                                   data.stories, groups ? &*groups : nullptr);
  return "<section id=\"scatter\"><h2>Story scatter</h2>\n<figure>" +
         InlineSvg(SliderScatterSvg(scatter)) + "<figcaption>Each dot is one story, placed by " +
         "its storyteller on both sliders" +
         (groups ? ", coloured by " + HtmlEscape(groups->title) : std::string()) +
         ".</figcaption></figure>\n" + HtmlTable(SliderQuadrantTable(scatter)) + "</section>\n";
}

std::string CodesSection(Project& project, const ReportData& data, const ReportOptions& options) {
  struct Counts {
    std::set<int64_t> stories;
    int64_t manual = 0;
    int64_t rules = 0;
    std::vector<int64_t> story_order;  // stories with a coding of the code, first seen first
  };
  std::map<int64_t, Counts> counts;
  for (const Coding& coding : data.codings) {
    Counts& c = counts[coding.code_id];
    (IsManual(coding) ? c.manual : c.rules)++;
    if (c.stories.insert(coding.story_id).second) c.story_order.push_back(coding.story_id);
  }
  int64_t most = 1;
  for (const auto& [id, c] : counts) most = std::max<int64_t>(most, c.stories.size());
  std::string rows;
  std::string quotes;
  for (const Code& code : ListCodes(project)) {
    if (code.retired) continue;
    const auto it = counts.find(code.id);
    const int64_t stories = it == counts.end() ? 0 : static_cast<int64_t>(it->second.stories.size());
    const int width = static_cast<int>(160.0 * static_cast<double>(stories) / static_cast<double>(most));
    rows += "<tr><td>" + HtmlEscape(code.path) + "</td><td class=\"num\">" +
            std::to_string(stories) + "</td><td><span class=\"bar\" style=\"width:" +
            std::to_string(width) + "px\"></span></td><td class=\"num\">" +
            std::to_string(it == counts.end() ? 0 : it->second.manual) + "</td><td class=\"num\">" +
            std::to_string(it == counts.end() ? 0 : it->second.rules) + "</td></tr>\n";
    if (it == counts.end()) continue;
    quotes += "<details><summary>" + HtmlEscape(code.path) + ": " +
              Count(it->second.manual + it->second.rules, "coding", "codings") + " in " +
              Count(stories, "story", "stories") + "</summary>\n";
    for (const Story* story : PickStories(data, it->second.story_order, options.quotes)) {
      quotes += QuoteHtml(data, *story, {code.path});
    }
    quotes += "</details>\n";
  }
  return "<section id=\"codes\"><h2>Codes</h2>\n<p class=\"note\">Stories per code, from the " +
         HtmlEscape(data.coders.Describe()) + "; quotes come from the same codings.</p>\n<table><thead><tr><th>code</th>"
         "<th class=\"num\">stories</th><th></th><th class=\"num\">codings by hand</th>"
         "<th class=\"num\">codings by rules</th></tr></thead><tbody>\n" +
         rows + "</tbody></table>\n<h3>Quotes per code</h3>\n" + quotes + "</section>\n";
}

std::string AgreementSection(Project& project, const ReportOptions& options) {
  std::string out = "<section id=\"agreement\"><h2>Agreement between coders</h2>\n";
  AgreementSummary summary;
  try {
    summary = SummarizeAgreement(project, options.coders);
  } catch (const Error& e) {
    return out + "<p class=\"note\">" + HtmlEscape(e.message()) + "</p>\n</section>\n";
  }
  std::string coders;
  for (const auto& coder : summary.coders) coders += (coders.empty() ? "" : ", ") + coder;
  out += "<p>Coders compared: " + HtmlEscape(coders) +
         ". For a dimension each story counts once with the level each coder chose; for a "
         "code, whether each coder used it in the story. Kappa and alpha above 0.80 mean "
         "almost perfect agreement, 0.60\u20130.80 substantial, 0.40\u20130.60 moderate "
         "(Landis &amp; Koch).</p>\n" + HtmlTable(summary.table);
  if (!summary.problems.empty()) {
    out += "<details><summary>" +
           Count(static_cast<int64_t>(summary.problems.size()), "data problem", "data problems") +
           "</summary><ul>";
    for (const auto& problem : summary.problems) out += "<li>" + HtmlEscape(problem) + "</li>";
    out += "</ul></details>\n";
  }
  return out + "</section>\n";
}

}  // namespace verhaal
