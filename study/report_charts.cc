// The report's signifier charts: a histogram per dyad (stacked by role), a
// ternary plot per triad and bars per list, each with its answered, N/A and
// skipped counts.
#include <algorithm>
#include <cmath>
#include <map>

#include "coding/dimension.h"
#include "exporters/summary.h"
#include "exporters/svg_charts.h"
#include "study/report_html.h"

namespace verhaal {
namespace {

constexpr int kBins = 10;

std::string Option(const Signifier& signifier, size_t i) {
  if (i >= signifier.options.size()) return "?";
  const auto& option = signifier.options[i];
  return option.label.empty() ? option.key : option.label;
}

std::string Title(const Signifier& signifier) {
  return signifier.title.empty() ? signifier.key : signifier.title;
}

// Counts each story `visit`ed into `counts`: answered or N/A (the charts'
// pass gives the figures under them; skipped is left to the caller).
void CountAnswer(const SignifierValue& value, SignifierCounts& counts) {
  ++(value.not_applicable ? counts.not_applicable : counts.answered);
}

std::string DyadHistogram(Project& project, const Signifier& dyad, const StoryRoles& stories,
                          Language language, SignifierCounts& counts) {
  std::map<std::string, std::vector<double>> bins;  // role -> counts per bin
  ForEachSignifierValue(project, dyad, [&](int64_t id, const SignifierValue& value) {
    CountAnswer(value, counts);
    const std::string* role = stories.Of(id);
    if (role == nullptr || value.not_applicable) return;
    auto& counts = bins[*role];
    counts.resize(kBins, 0);
    counts[static_cast<size_t>(std::clamp(static_cast<int>(value.x * kBins), 0, kBins - 1))]++;
  });
  HistogramChart chart;
  chart.title = Title(dyad);
  chart.low_label = dyad.x_low;
  chart.high_label = dyad.x_high;
  chart.value_label = Say(language, Word::kStoriesColumn);
  chart.stacked = true;
  chart.language = language;
  for (auto& [role, counts] : bins) {
    chart.series.push_back(
        {role.empty() ? std::string(Say(language, Word::kNoRole)) : role, std::move(counts)});
  }
  return HistogramSvg(chart);
}

std::string TriadPlot(Project& project, const Signifier& triad, const StoryRoles& stories,
                      Language language, SignifierCounts& counts) {
  TernaryChart chart;
  chart.title = Title(triad);
  chart.corners = {Option(triad, 0), Option(triad, 1), Option(triad, 2)};
  chart.language = language;
  chart.series.push_back({std::string(Say(language, Word::kStoriesColumn)), {}, std::nullopt});
  ForEachSignifierValue(project, triad, [&](int64_t id, const SignifierValue& value) {
    CountAnswer(value, counts);
    if (stories.Of(id) == nullptr || value.not_applicable) return;
    chart.series[0].points.push_back({value.triad.top, value.triad.left, value.triad.right});
  });
  return TernaryPlotSvg(chart);
}

std::string ListBars(Project& project, const Signifier& list, const StoryRoles& stories,
                     Language language, SignifierCounts& counts) {
  BarChart chart;
  chart.title = Title(list);
  chart.language = language;
  chart.value_label = Say(language, Word::kStoriesColumn);
  chart.series.push_back({chart.value_label, std::vector<double>(list.options.size(), 0)});
  for (size_t i = 0; i < list.options.size(); ++i) chart.categories.push_back(Option(list, i));
  ForEachSignifierValue(project, list, [&](int64_t id, const SignifierValue& value) {
    CountAnswer(value, counts);
    if (stories.Of(id) == nullptr || value.not_applicable) return;
    for (int item : value.items) {
      if (item >= 0 && static_cast<size_t>(item) < list.options.size()) {
        chart.series[0].values[static_cast<size_t>(item)]++;
      }
    }
  });
  return BarChartSvg(chart);
}

}  // namespace

// The type's name in `language`: dyad, triad, ...
std::string TypeName(Language language, SignifierType type) {
  switch (type) {
    case SignifierType::kDyad:
      return std::string(Say(language, Word::kDyad));
    case SignifierType::kTriad:
      return std::string(Say(language, Word::kTriad));
    case SignifierType::kStones:
      return std::string(Say(language, Word::kStones));
    case SignifierType::kList:
      return std::string(Say(language, Word::kList));
    case SignifierType::kFreetext:
      return std::string(Say(language, Word::kFreeText));
  }
  return std::string(SignifierTypeName(type));
}

const std::string* StoryRoles::Of(int64_t id) const {
  static const std::string kNone;
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return nullptr;
  const int32_t r = role[static_cast<size_t>(it - ids.begin())];
  return r < 0 ? &kNone : &names[static_cast<size_t>(r)];
}

std::string SignifierChartSvg(Project& project, const Signifier& signifier,
                              const StoryRoles& stories, Language language,
                              SignifierCounts* counts) {
  SignifierCounts ignored;
  SignifierCounts& count = counts != nullptr ? *counts : ignored;
  count = {};
  count.skipped = static_cast<int64_t>(stories.ids.size());
  std::string svg;
  switch (signifier.type) {
    case SignifierType::kDyad:
      svg = DyadHistogram(project, signifier, stories, language, count);
      break;
    case SignifierType::kTriad:
      svg = TriadPlot(project, signifier, stories, language, count);
      break;
    case SignifierType::kList:
      svg = ListBars(project, signifier, stories, language, count);
      break;
    default:
      return "";
  }
  count.skipped -= count.answered + count.not_applicable;
  return svg;
}

std::string SignifierSection(Project& project, const ReportData& data) {
  const std::vector<Signifier> signifiers = ListSignifiers(project);
  if (signifiers.empty()) return "";
  const Language language = data.language;
  std::string out = "<section id=\"signifiers\"><h2>" +
                    std::string(Say(language, Word::kSignifiers)) + "</h2>\n<p>" +
                    std::string(Say(language, Word::kSignifiersLead)) + "</p>\n";
  // Every story's role (those without one have none: "" in the charts, no
  // group in the figures), and its respondent for the figures.
  const ResolvedDimension roles = ResolveDimension(project, ParseDimension("role"), data.ids);
  StoryRoles story_roles;
  story_roles.names = roles.levels;
  SummaryStories groups;
  groups.groups = roles.levels;
  for (const StoryOwner& owner : ListStoryOwners(project)) {
    const auto level = roles.level_of.find(owner.id);
    const int32_t role = level == roles.level_of.end() ? -1 : level->second;
    story_roles.ids.push_back(owner.id);
    story_roles.role.push_back(role);
    groups.ids.push_back(owner.id);
    groups.respondents.push_back(owner.respondent_id.value_or(0));
    groups.group.push_back(role);
  }
  groups.IndexIds();
  for (const Signifier& signifier : signifiers) {
    SignifierCounts counts;
    const std::string svg = SignifierChartSvg(project, signifier, story_roles, language, &counts);
    if (svg.empty()) continue;
    out += "<h3>" + HtmlEscape(signifier.title.empty() ? signifier.key : signifier.title) +
           " <small>(" + HtmlEscape(signifier.key) + ", " + TypeName(language, signifier.type) +
           ")</small></h3>\n<figure>" + InlineSvg(svg) + "<figcaption>" +
           Say(language, Word::kAnswerCounts,
               {LocalCount(counts.answered, language), LocalCount(counts.not_applicable, language),
                LocalCount(counts.skipped, language)}) +
           "</figcaption></figure>\n";
  }
  // The figures behind the charts, per role (exporters/summary.h).
  out +=
      "<details><summary>" + std::string(Say(language, Word::kSignifiersInFigures)) + "</summary>" +
      HtmlTable(DyadSummaryTable(groups, SummarizeDyads(project, groups), language), "", language) +
      HtmlTable(TriadSummaryTable(groups, SummarizeTriads(project, groups), language), "",
                language) +
      HtmlTable(ListSummaryTable(groups, SummarizeLists(project, groups), language), "", language) +
      "</details>\n";
  return out + "</section>\n";
}

}  // namespace verhaal
