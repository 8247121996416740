// The report's sections: overview, matrix with quotes per cell, scatter,
// code frequencies with quotes per code, and inter-coder agreement.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "base/error.h"
#include "coding/dimension.h"
#include "corpus/codes.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/story_tallies.h"
#include "corpus/variables.h"
#include "exporters/matrix_report.h"
#include "exporters/slider_scatter.h"
#include "exporters/svg.h"
#include "study/agreement_summary.h"
#include "study/report_html.h"

namespace verhaal {
namespace {

constexpr size_t kMaxLevels = 12;  // overview tables of variables with at most this many values

std::string Stories(Language language, int64_t n) {
  return Counted(language, n, Word::kStoryOne, Word::kStoryMany);
}

constexpr int64_t kFewestForStrength = 20;

Word Strength(double v) {
  if (!std::isfinite(v)) return Word::kUndefined;
  if (v < 0.1) return Word::kNegligible;
  if (v < 0.3) return Word::kWeak;
  if (v < 0.5) return Word::kModerate;
  return Word::kStrong;
}

// A number with `decimals` decimals in `language`.
std::string Fixed(Language language, double value, int decimals) {
  return LocalNumber(FormatFixed(value, decimals), language);
}

std::string LeftOutWords(const std::map<std::string, int64_t>& left_out, Language language) {
  std::string out;
  for (const auto& [reason, n] : left_out) {
    out += (out.empty() ? "" : ", ") + ReasonText(language, reason) + " (" +
           LocalCount(n, language) + ")";
  }
  return out;
}

// Whose codings a matrix read, as Matrix::codings says in English: for each
// code dimension "LABEL: codings of ...", else that there is none.
std::string MatrixCodings(const ReportData& data, const std::vector<const DimensionSpec*>& specs,
                          const std::vector<const ResolvedDimension*>& dims) {
  const Language language = data.language;
  std::string out;
  for (size_t i = 0; i < dims.size(); ++i) {
    if (dims[i]->codings.empty()) continue;
    std::string codings;
    if (!specs[i]->coders.empty()) {
      std::string names;
      for (const auto& name : specs[i]->coders) names += (names.empty() ? "" : " + ") + name;
      codings = Say(language, Word::kCodersWhereTheyAgree, {names, specs[i]->text});
    } else {
      codings = data.coders.Describe(language);
    }
    out += (out.empty() ? "" : "; ") + dims[i]->label + ": " + codings;
  }
  return out.empty() ? std::string(Say(language, Word::kNoCodeDimension)) : out;
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
                         const std::string& rows_title, const std::string& cols_title,
                         Language language) {
  const std::string total(Say(language, Word::kTotal));
  std::string out = "<table class=\"heat\"><caption>" + HtmlEscape(heading) +
                    "</caption><thead><tr><th>" + HtmlEscape(rows_title) + " \u2193 / " +
                    HtmlEscape(cols_title) + " \u2192</th>";
  for (const auto& level : tab.col_levels)
    out += "<th class=\"num\">" + HtmlEscape(level) + "</th>";
  out += "<th class=\"num\">" + total + "</th></tr></thead><tbody>\n";
  for (size_t r = 0; r < tab.row_levels.size(); ++r) {
    out += "<tr><th>" + HtmlEscape(tab.row_levels[r]) + "</th>";
    for (size_t c = 0; c < tab.col_levels.size(); ++c) {
      const MatrixCell& cell = tab.cells[r][c];
      const double share = std::isfinite(cell.row_percent) ? cell.row_percent / 100 : 0;
      out += "<td class=\"num\" style=\"background:" + SvgBlueScale(share) +
             (share > 0.55 ? ";color:#fff" : "") + "\"><b>" + LocalCount(cell.count, language) +
             (cell.flagged ? "*" : "") + "</b><br><small>" +
             Say(language, Word::kOfRow, {Fixed(language, cell.row_percent, 1)}) + "</small></td>";
    }
    out += "<td class=\"num\">" + LocalCount(tab.row_totals[r], language) + "</td></tr>\n";
  }
  out += "<tr><th>" + total + "</th>";
  for (int64_t n : tab.col_totals) out += "<td class=\"num\">" + LocalCount(n, language) + "</td>";
  return out + "<td class=\"num\">" + LocalCount(tab.total, language) +
         "</td></tr></tbody></table>\n";
}

}  // namespace

std::string TestsInWords(const CrossTab& tab, Language language) {
  const MatrixTests& tests = tab.tests;
  if (!tests.computed) {
    return "<p class=\"words\">" +
           HtmlEscape(Say(language, Word::kNoTest, {MatrixNoteText(language, tests.note)})) +
           "</p>\n";
  }
  const double p = tests.fisher.p_value;
  const std::string p_text = LocalNumber(FormatP(p), language);
  std::string words = Say(language, Word::kOfThese,
                          {Stories(language, tab.total),
                           Say(language, p < 0.05 ? Word::kUnlikelyChance : Word::kCouldBeChance)});
  words += Say(language, Word::kFisherInWords, {p_text});
  if (std::isfinite(tests.chi_square.statistic)) {
    words +=
        Say(language, Word::kChiSquareInWords,
            {std::to_string(tests.chi_square.df), Fixed(language, tests.chi_square.statistic, 2),
             LocalNumber(FormatP(tests.chi_square.p_value), language)});
  }
  words += Say(language, Word::kCramersVInWords, {Fixed(language, tests.cramers_v.v, 2)});
  // Below this many stories, or with small expected counts, V swings with
  // a single story: no word for its strength.
  if (tab.total < kFewestForStrength || !tests.cochran.satisfied) {
    words += Say(language, Word::kTooFewForStrength,
                 {Stories(language, tab.total),
                  tests.cochran.satisfied ? "" : Say(language, Word::kAndSmallExpected)});
  } else {
    words += Say(language, Word::kAssociation, {Say(language, Strength(tests.cramers_v.v))});
  }
  if (tests.odds_ratio && std::isfinite(tests.odds_ratio->odds_ratio)) {
    words += Say(
        language, Word::kOddsRatioInWords,
        {Fixed(language, tests.odds_ratio->odds_ratio, 1),
         Fixed(language, tests.odds_ratio->lower, 1), Fixed(language, tests.odds_ratio->upper, 1)});
  }
  std::string more;
  std::string fewer;
  for (size_t r = 0; r < tab.row_levels.size(); ++r) {
    for (size_t c = 0; c < tab.col_levels.size(); ++c) {
      const MatrixCell& cell = tab.cells[r][c];
      if (!cell.flagged) continue;
      std::string& list = cell.residual > 0 ? more : fewer;
      list += (list.empty() ? "" : ", ") +
              Say(language, Word::kCellExpected,
                  {tab.row_levels[r], tab.col_levels[c], LocalCount(cell.count, language),
                   Fixed(language, cell.expected, 1)});
    }
  }
  if (!more.empty()) words += Say(language, Word::kMoreThanExpected, {more});
  if (!fewer.empty()) words += Say(language, Word::kFewerThanExpected, {fewer});
  if (!tests.cochran.satisfied) words += Say(language, Word::kTrustFisher);
  return "<p class=\"words\">" + HtmlEscape(words) + "</p>\n";
}

std::string OverviewSection(Project& project, const ReportData& data) {
  const Language language = data.language;
  auto say = [&](Word word) { return std::string(Say(language, word)); };
  std::string out = "<section id=\"overview\"><h2>" + say(Word::kOverview) + "</h2>\n";
  // Respondents by role and by each respondent variable with few values,
  // counted by SQLite (corpus/story_tallies.h).
  std::vector<std::string> roles;
  std::map<std::string, int64_t> per_role;
  int64_t respondents = 0;
  for (const auto& [role, n] : CountRespondentsByRole(project)) {
    if (per_role.count(role) == 0) roles.push_back(role);
    per_role[role] += n;
    respondents += n;
  }
  std::map<std::string, std::map<std::string, std::map<std::string, int64_t>>> values;
  for (const RespondentValueCount& count : CountRespondentValues(project)) {
    values[count.variable][count.value][count.role] += count.respondents;
  }
  std::sort(roles.begin(), roles.end());
  std::string roles_words;
  for (const auto& role : roles) {
    roles_words += (roles_words.empty() ? "" : ", ") + LocalCount(per_role[role], language) + " " +
                   (role.empty() ? say(Word::kWithoutRole) : role);
  }
  out += "<p>" +
         HtmlEscape(Counted(language, respondents, Word::kRespondentOne, Word::kRespondentMany) +
                    (roles_words.empty() ? "" : ": " + roles_words) + ".") +
         "</p>\n";
  for (const Variable& variable : ListVariables(project, VariableSubject::kRespondent)) {
    const auto it = values.find(variable.name);
    if (it == values.end() || it->second.size() > kMaxLevels) continue;
    Table table{{variable.label.empty() ? variable.name : variable.label}, {}, {false}};
    for (const auto& role : roles) {
      table.columns.push_back(role.empty() ? say(Word::kNoRole) : role);
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
    out += "<h3>" + HtmlEscape(Say(language, Word::kRespondentsBy, {variable.name})) + "</h3>\n" +
           HtmlTable(table, "", language);
  }
  // Stories by kind and wave.
  std::set<int> waves;
  bool no_wave = false;
  std::map<std::string, std::map<int, int64_t>> kinds;  // kind -> wave (-1: none) -> n
  for (const StoryGroupCount& count : data.story_groups) {
    const int wave = count.wave.value_or(-1);
    if (count.wave)
      waves.insert(wave);
    else
      no_wave = true;
    kinds[count.kind][wave] += count.stories;
  }
  Table table{{say(Word::kKind)}, {}, {false}};
  std::vector<int> columns;
  if (no_wave) columns.push_back(-1);
  columns.insert(columns.end(), waves.begin(), waves.end());
  for (int wave : columns) {
    table.columns.push_back(wave < 0 ? say(Word::kNoWave)
                                     : Say(language, Word::kWaveN, {std::to_string(wave)}));
    table.numeric.push_back(true);
  }
  table.columns.push_back(say(Word::kAll));
  table.numeric.push_back(true);
  for (const auto& [kind, per_wave] : kinds) {
    std::vector<std::string> row = {KindName(language, kind)};
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
  out += "<h3>" + say(Word::kStoriesByKindAndWave) + "</h3>\n" + HtmlTable(table, "", language);
  return out + "</section>\n";
}

namespace {

// Which stories a table counts, in words: "all stories" or "stories with role
// statushouder", so a reader knows a filtered matrix is not the whole study.
std::string StoriesInWords(const StoryFilter& filter, Language language) {
  std::string words;
  auto add = [&](const std::string& part) { words += (words.empty() ? "" : ", ") + part; };
  if (filter.role) add(Say(language, Word::kRoleIs, {*filter.role}));
  if (filter.kind) add(Say(language, Word::kKindIs, {KindName(language, *filter.kind)}));
  if (filter.wave) add(Say(language, Word::kWaveIs, {std::to_string(*filter.wave)}));
  if (filter.language) add(Say(language, Word::kLanguageIs, {*filter.language}));
  return words.empty() ? std::string(Say(language, Word::kAllStories))
                       : Say(language, Word::kStoriesWith, {words});
}

}  // namespace

std::string MatrixSection(const ReportData& data, const ReportOptions& options,
                          const MatrixAnswer& answer, const MatrixAnswer* grouped_answer) {
  // The matrix `verhaal matrix` computes (study/matrix_query.h), its
  // dimensions named in the report's language.
  const DimensionSpec& row_spec = answer.row_spec;
  const DimensionSpec& col_spec = answer.col_spec;
  const ResolvedDimension& rows = answer.rows;
  const ResolvedDimension& cols = answer.cols;
  const std::vector<int64_t>& ids = answer.stories;
  const Matrix& overall = answer.matrix;
  const CrossTab& all = overall.tables.front();
  // The corner of each table names the dimensions briefly ("motivatie", "stijl").
  const std::string rows_name = row_spec.name.empty() ? rows.label : row_spec.name;
  const std::string cols_name = col_spec.name.empty() ? cols.label : col_spec.name;
  const Language language = data.language;
  auto say = [&](Word word) { return std::string(Say(language, word)); };
  const std::string codings = language == Language::kEnglish
                                  ? overall.codings
                                  : MatrixCodings(data, {&row_spec, &col_spec}, {&rows, &cols});

  std::string out = "<section id=\"matrix\"><h2>" +
                    HtmlEscape(Say(language, Word::kMatrixHeading, {rows.title, cols.title})) +
                    "</h2>\n";
  out += "<figure>" +
         CrossTabHtml(all,
                      StoriesInWords(options.filter, language) +
                          " (n = " + LocalCount(all.total, language) + ")",
                      rows_name, cols_name, language) +
         "<figcaption>" + HtmlEscape(Say(language, Word::kMatrixCaption, {codings})) +
         "</figcaption></figure>\n";
  out += TestsInWords(all, language);
  if (!all.left_out.empty()) {
    out += "<p class=\"note\">" +
           HtmlEscape(Say(language, Word::kLeftOut, {LeftOutWords(all.left_out, language)})) +
           "</p>\n";
  }
  out += "<details><summary>" + say(Word::kAllStatistics) + "</summary>" +
         HtmlTable(CrossTabGrid(all, language), "", language) +
         HtmlTable(CrossTabTests(all, language), "", language) + "</details>\n";

  if (grouped_answer != nullptr) {
    const ResolvedDimension& by = *grouped_answer->by;
    const Matrix& grouped = grouped_answer->matrix;
    out += "<h3>" + HtmlEscape(Say(language, Word::kPer, {by.title})) + "</h3>\n";
    for (const CrossTab& tab : grouped.tables) {
      out +=
          "<div class=\"group\">" +
          CrossTabHtml(
              tab, by.title + " = " + tab.group + " (n = " + LocalCount(tab.total, language) + ")",
              rows_name, cols_name, language) +
          TestsInWords(tab, language) + "</div>\n";
    }
    if (!grouped.left_out_by.empty()) {
      out += "<p class=\"note\">" +
             HtmlEscape(Say(language, Word::kInNoGroup,
                            {by.title, LeftOutWords(grouped.left_out_by, language)})) +
             "</p>\n";
    }
    if (grouped.comparison) {
      out += "<h3>" + say(Word::kGroupsDiffer) + "</h3>\n<p>" + say(Word::kGroupsAgainstCells) +
             "</p>\n" + TestsInWords(*grouped.comparison, language);
    }
  }

  out += "<h3>" + say(Word::kStoriesBehindNumbers) + "</h3>\n";
  const std::vector<std::string> prefer = PreferredCodes(row_spec, col_spec);
  // The stories of each cell, in one pass.
  const size_t width = all.col_levels.size();
  std::vector<std::vector<int64_t>> cells(all.row_levels.size() * width);
  for (int64_t id : ids) {
    const auto row = rows.level_of.find(id);
    const auto col = cols.level_of.find(id);
    if (row == rows.level_of.end() || col == cols.level_of.end()) continue;
    if (row->second < 0 || col->second < 0) continue;
    const auto r = static_cast<size_t>(row->second);
    const auto c = static_cast<size_t>(col->second);
    if (r < all.row_levels.size() && c < width) cells[r * width + c].push_back(id);
  }
  for (size_t r = 0; r < all.row_levels.size(); ++r) {
    for (size_t c = 0; c < width; ++c) {
      const std::vector<int64_t>& cell = cells[r * width + c];
      out += "<details><summary>" + HtmlEscape(all.row_levels[r]) + " \u00d7 " +
             HtmlEscape(all.col_levels[c]) + ": " +
             Stories(language, static_cast<int64_t>(cell.size())) + "</summary>\n";
      for (int64_t story : PickStories(data, cell, options.quotes)) {
        out += QuoteHtml(data, story, prefer);
      }
      out += "</details>\n";
    }
  }
  return out + "</section>\n";
}

void ScatterSection(Project& project, const ReportData& data, const ReportOptions& options,
                    const std::vector<int64_t>& stories, const ResolvedDimension* groups,
                    const std::function<void(std::string_view)>& write) {
  std::string x = options.x;
  std::string y = options.y;
  if (x.empty() || y.empty()) {
    const DimensionSpec rows = ParseDimension(options.rows);
    const DimensionSpec cols = ParseDimension(options.cols);
    if (rows.source != DimensionSource::kDyad || cols.source != DimensionSource::kDyad) return;
    x = options.cols;  // the matrix's columns run left to right
    y = options.rows;
  }
  const SliderScatter scatter =
      BuildSliderScatter(project, ParseDimension(SliderDimension(x)),
                         ParseDimension(SliderDimension(y)), stories, groups);
  const Language language = data.language;
  write("<section id=\"scatter\"><h2>" + std::string(Say(language, Word::kScatter)) +
        "</h2>\n<figure>");
  // A point a story: written as it is drawn, inline (without the XML
  // declaration, as InlineSvg gives it).
  bool inline_svg = false;
  WriteSliderScatterSvg(scatter, language, [&](std::string_view part) {
    if (!inline_svg) {
      const size_t start = part.find("<svg");
      if (start == std::string_view::npos) return;
      part.remove_prefix(start);
      inline_svg = true;
    }
    write(part);
  });
  write("<figcaption>" +
        HtmlEscape(
            Say(language, Word::kScatterCaption,
                {groups ? Say(language, Word::kColouredBy, {groups->title}) : std::string()})) +
        "</figcaption></figure>\n" +
        HtmlTable(SliderQuadrantTable(scatter, language), "", language) + "</section>\n");
}

namespace {

// A code's memos: who wrote each and when, its title and text.
std::string CodeMemosHtml(const std::vector<Memo>& memos, Language language) {
  std::string out = "<div class=\"memos\"><p class=\"note\">" +
                    HtmlEscape(std::string(Say(language, Word::kCodeMemos))) + "</p>\n";
  for (const Memo& memo : memos) {
    std::string paragraphs;
    size_t start = 0;
    while (start <= memo.text.size()) {
      const size_t end = std::min(memo.text.find('\n', start), memo.text.size());
      if (end > start)
        paragraphs += "<p>" + HtmlEscape(memo.text.substr(start, end - start)) + "</p>";
      start = end + 1;
    }
    out += "<blockquote class=\"memo\">" +
           (memo.title.empty() ? "" : "<p><strong>" + HtmlEscape(memo.title) + "</strong></p>") +
           paragraphs + "<footer>" + HtmlEscape(memo.author.empty() ? "-" : memo.author) + ", " +
           HtmlEscape(memo.created.substr(0, 10)) + "</footer></blockquote>\n";
  }
  return out + "</div>\n";
}

}  // namespace

std::string CodesSection(Project& project, const ReportData& data, const ReportOptions& options) {
  const std::vector<Code> codes = ListCodes(project);
  // Memos about a code as a whole (not about a story): the researcher's
  // notes on what the code means, shown with its quotes.
  std::map<int64_t, std::vector<Memo>> code_memos;
  for (Memo& memo : ListMemos(project)) {
    if (memo.code_id && !memo.story_id) code_memos[*memo.code_id].push_back(std::move(memo));
  }
  // Counted when the report read the codings (ReportData::code_figures).
  const std::map<int64_t, CodeFigures>& counts = data.code_figures;
  int64_t most = 1;
  for (const auto& [id, c] : counts) most = std::max<int64_t>(most, c.stories);
  const Language language = data.language;
  auto say = [&](Word word) { return std::string(Say(language, word)); };
  std::string rows;
  std::string quotes;
  for (const Code& code : codes) {
    if (code.retired) continue;
    const auto it = counts.find(code.id);
    const int64_t stories = it == counts.end() ? 0 : it->second.stories;
    const int width =
        static_cast<int>(160.0 * static_cast<double>(stories) / static_cast<double>(most));
    rows += "<tr><td>" + HtmlEscape(code.path) + "</td><td class=\"num\">" +
            LocalCount(stories, language) +
            "</td><td><span class=\"bar\" style=\"width:" + std::to_string(width) +
            "px\"></span></td><td class=\"num\">" +
            LocalCount(it == counts.end() ? 0 : it->second.manual, language) +
            "</td><td class=\"num\">" +
            LocalCount(it == counts.end() ? 0 : it->second.rules, language) + "</td></tr>\n";
    const auto memos = code_memos.find(code.id);
    const bool quoted = it != counts.end() && it->second.own;
    if (!quoted && memos == code_memos.end()) continue;
    quotes += "<details><summary>" +
              HtmlEscape(quoted ? Say(language, Word::kCodingsInStories,
                                      {code.path,
                                       Counted(language, it->second.manual + it->second.rules,
                                               Word::kCodingOne, Word::kCodingMany),
                                       Stories(language, stories)})
                                : code.path) +
              "</summary>\n";
    if (memos != code_memos.end()) quotes += CodeMemosHtml(memos->second, language);
    if (quoted) {
      for (int64_t story : PickStories(data, it->second.picks, options.quotes)) {
        quotes += QuoteHtml(data, story, {code.path});
      }
    }
    quotes += "</details>\n";
  }
  return "<section id=\"codes\"><h2>" + say(Word::kCodes) + "</h2>\n<p class=\"note\">" +
         HtmlEscape(Say(language, Word::kStoriesPerCode, {data.coders.Describe(language)})) +
         "</p>\n<table><thead><tr><th>" + say(Word::kCode) + "</th><th class=\"num\">" +
         say(Word::kStoriesColumn) + "</th><th></th><th class=\"num\">" +
         say(Word::kCodingsByHand) + "</th><th class=\"num\">" + say(Word::kCodingsByRules) +
         "</th></tr></thead><tbody>\n" + rows + "</tbody></table>\n<h3>" +
         say(Word::kQuotesPerCode) + "</h3>\n" + quotes + "</section>\n";
}

std::string AgreementSection(Project& project, const ReportData& data,
                             const ReportOptions& options) {
  const Language language = data.language;
  std::string out =
      "<section id=\"agreement\"><h2>" + std::string(Say(language, Word::kAgreement)) + "</h2>\n";
  AgreementSummary summary;
  try {
    summary = SummarizeAgreement(project, options.coders, language);
  } catch (const Error& e) {
    return out + "<p class=\"note\">" + HtmlEscape(e.message()) + "</p>\n</section>\n";
  }
  std::string coders;
  for (const auto& coder : summary.coders) coders += (coders.empty() ? "" : ", ") + coder;
  out += "<p>" + HtmlEscape(Say(language, Word::kAgreementLead, {coders})) + "</p>\n" +
         HtmlTable(summary.table, "", language);
  if (!summary.problems.empty()) {
    out += "<details><summary>" +
           Counted(language, static_cast<int64_t>(summary.problems.size()), Word::kDataProblemOne,
                   Word::kDataProblemMany) +
           "</summary><ul>";
    for (const auto& problem : summary.problems) out += "<li>" + HtmlEscape(problem) + "</li>";
    out += "</ul></details>\n";
  }
  return out + "</section>\n";
}

}  // namespace verhaal
