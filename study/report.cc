// The report page: reading the project once, the page frame with its CSS,
// and the helpers the sections share (report_html.h).
#include "study/report.h"

#include <algorithm>
#include <functional>
#include <map>
#include <unordered_map>

#include "base/error.h"
#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/coding_listing.h"
#include "corpus/project_settings.h"
#include "corpus/story_tallies.h"
#include "study/matrix_query.h"
#include "study/report_html.h"

namespace verhaal {
namespace {

constexpr size_t kOpeningCodePoints = 280;  // a quote without a coding: the story's opening

constexpr std::string_view kCss = R"(
:root { --ink: #222; --muted: #666; --line: #ddd; --accent: #0072B2; }
* { box-sizing: border-box; }
body { font: 16px/1.5 "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink);
       max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 1.9em; margin: 0 0 4px; }
h2 { font-size: 1.35em; border-bottom: 2px solid var(--accent); padding-bottom: 4px;
     margin-top: 2.2em; }
h3 { font-size: 1.1em; margin: 1.4em 0 0.4em; }
p.lead, p.note { color: var(--muted); }
nav { margin: 12px 0 24px; padding: 8px 12px; background: #f4f7fa; border-radius: 6px; }
nav a { margin-right: 14px; color: var(--accent); text-decoration: none; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left;
         vertical-align: top; }
th { background: #f4f7fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
svg { max-width: 100%; height: auto; }
figure { margin: 12px 0 20px; }
figcaption { color: var(--muted); font-size: 0.9em; }
.bar { display: inline-block; height: 0.8em; background: var(--accent); vertical-align: middle;
       border-radius: 2px; }
details { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px;
          margin: 8px 0; }
summary { cursor: pointer; font-weight: bold; }
blockquote { margin: 10px 0 10px 4px; padding: 4px 12px; border-left: 4px solid var(--accent);
             background: #fafafa; }
blockquote p { margin: 0 0 4px; }
blockquote footer { color: var(--muted); font-size: 0.88em; }
blockquote.memo { border-left-color: var(--muted); background: #fffdf4; }
.words { background: #f4f7fa; padding: 8px 12px; border-radius: 6px; }
table.heat td { min-width: 110px; text-align: center; border: 2px solid #fff; padding: 8px; }
table.heat caption { text-align: left; font-weight: bold; padding: 4px 0; }
table.heat small { font-size: 0.8em; }
.group { margin: 8px 0 20px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  section + section { break-before: page; }
  h2, h3, caption, summary { break-after: avoid; }
  figure, svg, table, blockquote, .group, .words { break-inside: avoid; }
  svg { max-height: 230mm; }
  details { border: none; padding: 0; }
  summary { list-style: none; }
  summary::-webkit-details-marker { display: none; }
}
)";

// Opens every <details> before printing, so the quotes are on paper too.
constexpr std::string_view kScript =
    "window.addEventListener('beforeprint', function () {"
    " document.querySelectorAll('details').forEach(function (d) { d.open = true; }); });";

// A clean copy of `verhaal pseudonymise` says so at the top (what was
// replaced, how, when and from which project), as its project file records;
// empty for any other project.
std::string PseudonymisedNote(Project& project, Language language) {
  const auto note = ReadPseudonymisationNote(project);
  if (!note) return "";
  return "<p class=\"note pseudonymised\">" +
         HtmlEscape(
             Say(language, Word::kPseudonymised,
                 {Say(language, Word::kReplacements, {LocalCount(note->replacements, language)}),
                  note->style, note->date, note->source})) +
         "</p>";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HtmlTable(const Table& table, std::string_view css_class, Language language) {
  auto numeric = [&](size_t c) { return c < table.numeric.size() && table.numeric[c]; };
  std::string out =
      "<table" + (css_class.empty() ? std::string() : " class=\"" + std::string(css_class) + "\"") +
      "><thead><tr>";
  for (size_t c = 0; c < table.columns.size(); ++c) {
    out += std::string(numeric(c) ? "<th class=\"num\">" : "<th>") + HtmlEscape(table.columns[c]) +
           "</th>";
  }
  out += "</tr></thead><tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (size_t c = 0; c < row.size(); ++c) {
      out += std::string(numeric(c) ? "<td class=\"num\">" : "<td>") +
             HtmlEscape(numeric(c) ? LocalNumber(row[c], language) : row[c]) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string InlineSvg(const std::string& svg) {
  const size_t start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

bool IsManual(const Coding& coding) {
  return coding.origin == "manual" || coding.origin.rfind("import:", 0) == 0;
}

int64_t ReportData::IndexOf(int64_t id) const {
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  return it == ids.end() || *it != id ? -1 : it - ids.begin();
}

std::string_view ReportData::Key(size_t index) const {
  const size_t begin = index == 0 ? 0 : key_ends[index - 1];
  return std::string_view(keys).substr(begin, key_ends[index] - begin);
}

namespace {

// PickStories' order: stories with manual codings first, then by key.
bool PickedBefore(const ReportData& data, size_t a, size_t b) {
  const bool ca = data.Manual(a);
  const bool cb = data.Manual(b);
  if (ca != cb) return ca;
  return data.Key(a) < data.Key(b);
}

}  // namespace

std::vector<int64_t> PickStories(const ReportData& data, const std::vector<int64_t>& ids,
                                 int count) {
  std::vector<size_t> stories;
  for (int64_t id : ids) {
    const int64_t index = data.IndexOf(id);
    if (index >= 0) stories.push_back(static_cast<size_t>(index));
  }
  const size_t keep = std::min(stories.size(), static_cast<size_t>(std::max(count, 0)));
  std::partial_sort(stories.begin(), stories.begin() + static_cast<std::ptrdiff_t>(keep),
                    stories.end(), [&](size_t a, size_t b) { return PickedBefore(data, a, b); });
  std::vector<int64_t> picked;
  for (size_t i = 0; i < keep; ++i) picked.push_back(data.ids[stories[i]]);
  return picked;
}

std::string QuoteHtml(const ReportData& data, int64_t story_id,
                      const std::vector<std::string>& prefer) {
  // The story's text and codings are read now: the report holds neither.
  const std::optional<Story> full = FindStoryById(*data.project, story_id);
  if (!full) return "";
  const Story& story = *full;
  CodingFilter filter;
  filter.story_id = story.id;
  filter.coders = data.coders.Set();
  const std::vector<Coding> codings = ListCodings(*data.project, filter);
  const Coding* best = nullptr;
  int best_rank = 3;  // a rule coding of another code is not a quote
  {
    for (const Coding& c : codings) {
      const Coding* coding = &c;
      if (coding->end <= coding->start) continue;
      // Preferred codes first (by people, then by rules), then other manual codings.
      bool preferred = false;
      for (const auto& path : prefer) {
        const std::string& code = coding->code_path;
        if (code == path || code.rfind(path + "/", 0) == 0) preferred = true;
      }
      const int rank = (preferred ? 0 : 2) + (IsManual(*coding) ? 0 : 1);
      if (rank < best_rank) {
        best = coding;
        best_rank = rank;
      }
    }
  }
  const Language language = data.language;
  std::string text;
  std::string source;
  if (best != nullptr) {
    text = std::string(SliceCodePoints(story.text, static_cast<size_t>(best->start),
                                       static_cast<size_t>(best->end)));
    source = Say(language, Word::kCodedBy, {best->code_path, best->coder});
  } else {
    const size_t length = CodePointCount(story.text);
    text = std::string(SliceCodePoints(story.text, 0, std::min(length, kOpeningCodePoints)));
    if (length > kOpeningCodePoints) text += " \u2026";
    source = Say(language, Word::kOpeningOfStory);
  }
  std::string paragraphs;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) paragraphs += "<p>" + HtmlEscape(text.substr(begin, end - begin)) + "</p>";
    begin = end + 2;
  }
  const std::string who =
      story.respondent_key.empty()
          ? std::string(Say(language, Word::kNoRespondent))
          : story.respondent_key + (story.role.empty() ? "" : ", " + story.role);
  return "<blockquote>" + paragraphs + "<footer>" + HtmlEscape(who) + " \u2014 " +
         HtmlEscape(Say(language, Word::kStoryKey, {story.key})) +
         (story.title.empty() ? "" : " \u201c" + HtmlEscape(story.title) + "\u201d") + " \u00b7 " +
         HtmlEscape(source) + "</footer></blockquote>\n";
}

std::string SliderDimension(std::string_view text) {
  if (text.find(':') != std::string_view::npos) return std::string(text);
  return "dyad:" + std::string(text);
}

Language ReportLanguage(const std::vector<Story>& stories) {
  std::map<std::string, int64_t> counts;
  for (const Story& story : stories) ++counts[story.language];
  return MostStoriesLanguage(
      std::vector<std::pair<std::string, int64_t>>(counts.begin(), counts.end()));
}

namespace {

bool Filters(const StoryFilter& filter) {
  return filter.role || filter.kind || filter.wave || filter.language || filter.set ||
         !filter.keys.empty();
}

// One pass over the codings of the report's coders, in story order: how
// many, which stories have codings by people, and each code's figures
// (CodeFigures) with the `quotes` stories to quote for it.
void CountCodings(Project& project, ReportData& data, int quotes) {
  const std::vector<Code> codes = ListCodes(project);
  std::unordered_map<int64_t, size_t> index;  // code id -> position in `codes`
  for (size_t c = 0; c < codes.size(); ++c) index[codes[c].id] = c;
  // Each code with the codes above it: a coding counts for them all.
  std::vector<std::vector<size_t>> chains(codes.size());
  for (size_t c = 0; c < codes.size(); ++c) {
    std::optional<int64_t> id = codes[c].id;
    for (int depth = 0; id && depth < 1000; ++depth) {
      const auto found = index.find(*id);
      if (found == index.end()) break;
      chains[c].push_back(found->second);
      id = codes[found->second].parent_id;
    }
  }
  std::vector<CodeFigures> figures(codes.size());
  std::vector<std::vector<size_t>> pick_stories(codes.size());
  std::vector<bool> counted(codes.size(), false);
  data.manual.assign(data.ids.size(), false);
  int64_t story_id = -1;
  bool story_manual = false;
  std::vector<size_t> touched;  // the codes the current story counts for
  auto finish = [&] {
    if (story_id < 0) return;
    const int64_t found = data.IndexOf(story_id);
    const size_t story = static_cast<size_t>(found);
    if (found >= 0 && story_manual) data.manual[story] = true;
    for (size_t c : touched) {
      counted[c] = false;
      CodeFigures& f = figures[c];
      ++f.stories;
      if (found < 0 || quotes <= 0) continue;
      // Keep the best `quotes` stories (PickStories' order) as they come.
      auto& picks = pick_stories[c];
      auto before = [&](size_t other) { return PickedBefore(data, story, other); };
      if (picks.size() == static_cast<size_t>(quotes) && !before(picks.back())) continue;
      picks.insert(std::find_if(picks.begin(), picks.end(), before), story);
      if (picks.size() > static_cast<size_t>(quotes)) picks.pop_back();
    }
    touched.clear();
  };
  int64_t last_code = -1;
  size_t last_position = 0;
  ForEachCodingByWhom(project, data.coders.Set(), [&](const CodingByWhom& coding) {
    if (coding.story_id != story_id) {
      finish();
      story_id = coding.story_id;
      story_manual = false;
    }
    ++data.codings;
    story_manual = story_manual || coding.manual;
    if (coding.code_id != last_code) {
      const auto found = index.find(coding.code_id);
      if (found == index.end()) return;
      last_code = coding.code_id;
      last_position = found->second;
    }
    figures[last_position].own = true;
    for (size_t c : chains[last_position]) {
      (coding.manual ? figures[c].manual : figures[c].rules)++;
      if (!counted[c]) {
        counted[c] = true;
        touched.push_back(c);
      }
    }
  });
  finish();
  for (size_t c = 0; c < codes.size(); ++c) {
    if (figures[c].stories == 0) continue;
    for (size_t story : pick_stories[c]) figures[c].picks.push_back(data.ids[story]);
    data.code_figures[codes[c].id] = std::move(figures[c]);
  }
}

}  // namespace

void WriteReport(Project& project, const ReportOptions& options,
                 const std::function<void(std::string_view)>& write) {
  ReportData data;
  data.project = &project;
  {
    StoryKeys keys = ListStoryKeys(project);
    data.ids = std::move(keys.ids);
    data.keys = std::move(keys.keys);
    data.key_ends = std::move(keys.ends);
  }
  const bool empty =
      Filters(options.filter) ? ListStoryIds(project, options.filter).empty() : data.ids.empty();
  if (empty) {
    throw DataError(
        "no stories for the report; import stories first, or loosen its role, kind "
        "or wave filter");
  }
  data.coders = ResolveCoderSelection(project, options.analysis);
  if (data.coders.combine == CoderCombine::kEach) {
    throw UsageError("the report takes --combine any or all; it shows one matrix of the coders");
  }
  CountCodings(project, data, options.quotes);
  data.story_groups = CountStoriesByKindWaveAndLanguage(project);
  if (options.language) {
    data.language = *options.language;
  } else {
    std::map<std::string, int64_t> languages;
    for (const StoryGroupCount& group : data.story_groups)
      languages[group.language] += group.stories;
    data.language = MostStoriesLanguage(
        std::vector<std::pair<std::string, int64_t>>(languages.begin(), languages.end()));
  }
  const Language language = data.language;
  auto say = [&](Word word) { return std::string(Say(language, word)); };

  const std::string title = options.title.empty() ? project.name() : options.title;
  std::string page = "<!DOCTYPE html>\n<html lang=\"" + std::string(LanguageCode(language)) +
                     "\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>" +
                     HtmlEscape(title) + "</title>\n<style>" + std::string(kCss) +
                     "</style>\n<script>" + std::string(kScript) + "</script>\n</head>\n<body>\n";
  page += "<header><h1>" + HtmlEscape(title) + "</h1><p class=\"lead\">" +
          HtmlEscape(Say(language, Word::kLead,
                         {project.file().filename().string(),
                          Counted(language, static_cast<int64_t>(data.ids.size()), Word::kStoryOne,
                                  Word::kStoryMany),
                          Counted(language, data.codings, Word::kCodingOne, Word::kCodingMany),
                          data.coders.Describe(language)})) +
          "</p>" + PseudonymisedNote(project, language) + "</header>\n";
  page += "<nav><a href=\"#overview\">" + say(Word::kOverview) + "</a><a href=\"#matrix\">" +
          say(Word::kMatrix) + "</a><a href=\"#scatter\">" + say(Word::kScatterShort) +
          "</a><a href=\"#codes\">" + say(Word::kCodes) + "</a><a href=\"#signifiers\">" +
          say(Word::kSignifiers) + "</a><a href=\"#agreement\">" + say(Word::kAgreementShort) +
          "</a></nav>\n";
  write(page);
  page.clear();
  page.shrink_to_fit();

  write(OverviewSection(project, data));
  // The matrices as `verhaal matrix` computes them: all the report's stories,
  // and with --by one per group (whose groups colour the scatter). Only the
  // groups are kept past the matrix section.
  std::vector<int64_t> stories;  // the report's, ascending
  std::optional<ResolvedDimension> groups;
  {
    MatrixQuery query;
    query.rows = options.rows;
    query.cols = options.cols;
    if (!options.by.empty()) query.by = options.by;
    query.coders = options.analysis;
    query.stories = options.filter;
    query.language = language;
    const MatrixPlan plan = PlanMatrix(project, query);
    const std::optional<CoderSelection> run = plan.Runs().front();
    MatrixPlan all_stories = plan;
    all_stories.by.reset();
    MatrixAnswer overall = ComputeMatrix(project, all_stories, run);
    std::optional<MatrixAnswer> grouped;
    if (plan.by) grouped = ComputeMatrix(project, plan, run);
    write(MatrixSection(data, options, overall, grouped ? &*grouped : nullptr));
    if (grouped) groups = std::move(grouped->by);
    stories = std::move(overall.stories);
  }
  ScatterSection(project, data, options, stories, groups ? &*groups : nullptr, write);
  groups.reset();
  stories = {};
  write(CodesSection(project, data, options));
  write(SignifierSection(project, data));
  write(AgreementSection(project, data, options));
  write("</body>\n</html>\n");
}

std::string BuildReport(Project& project, const ReportOptions& options) {
  std::string page;
  WriteReport(project, options, [&](std::string_view part) { page += part; });
  return page;
}

}  // namespace verhaal
