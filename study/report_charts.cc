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

std::string DyadHistogram(Project& project, const Signifier& dyad,
                          const std::map<int64_t, const Story*>& stories, Language language) {
  std::map<std::string, std::vector<double>> bins;  // role -> counts per bin
  ForEachSignifierValue(project, dyad, [&](int64_t id, const SignifierValue& value) {
    const auto story = stories.find(id);
    if (story == stories.end() || value.not_applicable) return;
    auto& counts = bins[story->second->role];
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

std::string TriadPlot(Project& project, const Signifier& triad,
                      const std::map<int64_t, const Story*>& stories, Language language) {
  TernaryChart chart;
  chart.title = Title(triad);
  chart.corners = {Option(triad, 0), Option(triad, 1), Option(triad, 2)};
  chart.language = language;
  chart.series.push_back({std::string(Say(language, Word::kStoriesColumn)), {}, std::nullopt});
  ForEachSignifierValue(project, triad, [&](int64_t id, const SignifierValue& value) {
    if (!stories.count(id) || value.not_applicable) return;
    chart.series[0].points.push_back({value.triad.top, value.triad.left, value.triad.right});
  });
  return TernaryPlotSvg(chart);
}

std::string ListBars(Project& project, const Signifier& list,
                     const std::map<int64_t, const Story*>& stories, Language language) {
  BarChart chart;
  chart.title = Title(list);
  chart.language = language;
  chart.value_label = Say(language, Word::kStoriesColumn);
  chart.series.push_back({chart.value_label, std::vector<double>(list.options.size(), 0)});
  for (size_t i = 0; i < list.options.size(); ++i) chart.categories.push_back(Option(list, i));
  ForEachSignifierValue(project, list, [&](int64_t id, const SignifierValue& value) {
    if (!stories.count(id) || value.not_applicable) return;
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

std::string SignifierChartSvg(Project& project, const Signifier& signifier,
                              const std::vector<Story>& stories, Language language) {
  std::map<int64_t, const Story*> by_id;
  for (const Story& story : stories) by_id[story.id] = &story;
  switch (signifier.type) {
    case SignifierType::kDyad:
      return DyadHistogram(project, signifier, by_id, language);
    case SignifierType::kTriad:
      return TriadPlot(project, signifier, by_id, language);
    case SignifierType::kList:
      return ListBars(project, signifier, by_id, language);
    default:
      return "";
  }
}

std::string SignifierSection(Project& project, const ReportData& data) {
  const std::vector<Signifier> signifiers = ListSignifiers(project);
  if (signifiers.empty()) return "";
  const Language language = data.language;
  std::string out = "<section id=\"signifiers\"><h2>" +
                    std::string(Say(language, Word::kSignifiers)) + "</h2>\n<p>" +
                    std::string(Say(language, Word::kSignifiersLead)) + "</p>\n";
  for (const Signifier& signifier : signifiers) {
    const std::string svg = SignifierChartSvg(project, signifier, data.all_stories, language);
    if (svg.empty()) continue;
    const SignifierCounts counts = CountSignifierValues(project, signifier);
    out += "<h3>" + HtmlEscape(signifier.title.empty() ? signifier.key : signifier.title) +
           " <small>(" + HtmlEscape(signifier.key) + ", " + TypeName(language, signifier.type) +
           ")</small></h3>\n<figure>" + InlineSvg(svg) + "<figcaption>" +
           Say(language, Word::kAnswerCounts,
               {LocalCount(counts.answered, language), LocalCount(counts.not_applicable, language),
                LocalCount(counts.skipped, language)}) +
           "</figcaption></figure>\n";
  }
  // The figures behind the charts, per role (exporters/summary.h).
  const ResolvedDimension roles =
      ResolveDimension(project, ParseDimension("role"), data.all_stories);
  const SummaryStories groups = SummaryStoriesOf(data.all_stories, &roles);
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
