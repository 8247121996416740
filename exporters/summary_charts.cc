// The summary as SVG charts (exporters/summary.h), drawn by svg_charts.h.
#include <cmath>

#include "exporters/matrix_report.h"
#include "exporters/summary.h"
#include "exporters/svg_charts.h"

namespace verhaal {
namespace {

// Charts compare at most this many groups; more would not be readable.
constexpr size_t kMaxChartGroups = 12;

size_t ChartGroups(const SummaryStories& stories) {
  return std::min(stories.groups.size(), kMaxChartGroups);
}

// "; the first 12 of 40 groups" when groups were left out of a chart.
std::string GroupsNote(const SummaryStories& stories) {
  if (stories.groups.size() <= kMaxChartGroups) return "";
  return "; the first " + std::to_string(kMaxChartGroups) + " of " +
         std::to_string(stories.groups.size()) + " groups";
}

// A signifier's key as a file name part: letters, digits, '-' and '_' kept.
std::string FilePart(const std::string& key) {
  std::string out;
  for (char c : key) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    out += plain ? c : '_';
  }
  return out.empty() ? "_" : out;
}

std::string Title(const Signifier& signifier) {
  return signifier.title.empty() ? signifier.key : signifier.title + " (" + signifier.key + ")";
}

std::string OptionName(const Signifier& signifier, size_t i) {
  if (i >= signifier.options.size()) return "?";
  const auto& option = signifier.options[i];
  return option.label.empty() ? option.key : option.label;
}

double Percent(int64_t part, int64_t whole) {
  return whole == 0 ? 0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

SummaryChart CodeFrequencyChart(const SummaryStories& stories, const CodeCounts& counts) {
  const bool grouped = stories.groups.size() > 1;
  BarChart chart;
  chart.title = "Code frequencies";
  std::string sizes;
  for (size_t g = 0; g < ChartGroups(stories); ++g) {
    sizes += (g ? ", " : "") + (grouped ? stories.groups[g] + " " : "") +
             std::to_string(counts.group_sizes[g]);
  }
  chart.subtitle = "Stories with a coding of the code or a descendant (" + sizes + " stories" +
                   GroupsNote(stories) + ")";
  chart.value_label = grouped ? "% of the group's stories" : "stories";
  for (size_t c = 0; c < counts.codes.size(); ++c) {
    if (!counts.codes[c].retired) chart.categories.push_back(counts.codes[c].path);
  }
  for (size_t g = 0; g < ChartGroups(stories); ++g) {
    ChartSeries series{stories.groups[g], {}};
    for (size_t c = 0; c < counts.codes.size(); ++c) {
      if (counts.codes[c].retired) continue;
      const int64_t with = counts.stories[g][c];
      series.values.push_back(grouped ? std::round(Percent(with, counts.group_sizes[g]) * 10) / 10
                                      : static_cast<double>(with));
    }
    chart.series.push_back(std::move(series));
  }
  return {"codes.svg", BarChartSvg(chart)};
}

std::vector<SummaryChart> DyadCharts(const SummaryStories& stories,
                                     const std::vector<SignifierSummary<DyadGroup>>& dyads) {
  std::vector<SummaryChart> out;
  for (const auto& dyad : dyads) {
    HistogramChart chart;
    chart.title = Title(dyad.signifier);
    chart.low_label = dyad.signifier.x_low;
    chart.high_label = dyad.signifier.x_high;
    chart.value_label = "stories";
    std::string figures;
    for (size_t g = 0; g < ChartGroups(stories); ++g) {
      const DyadGroup& group = dyad.groups[g];
      figures += (g ? "; " : "") + (stories.groups.size() > 1 ? stories.groups[g] + ": " : "") +
                 "n " + std::to_string(group.summary.n) + ", mean " +
                 FormatFixed(group.summary.mean, 2);
      std::vector<double> bins;
      for (int64_t count : group.histogram.counts) bins.push_back(static_cast<double>(count));
      chart.series.push_back({stories.groups[g], std::move(bins)});
    }
    chart.subtitle = "Dyad, five bins of 0.2 (" + figures + GroupsNote(stories) + ")";
    out.push_back({"dyad-" + FilePart(dyad.signifier.key) + ".svg", HistogramSvg(chart)});
  }
  return out;
}

std::vector<SummaryChart> TriadCharts(const SummaryStories& stories,
                                      const std::vector<SignifierSummary<TriadGroup>>& triads) {
  std::vector<SummaryChart> out;
  for (const auto& triad : triads) {
    TernaryChart chart;
    chart.title = Title(triad.signifier);
    chart.subtitle = "Triad: each story a point, each group's closed geometric mean ringed" +
                     GroupsNote(stories);
    chart.corners = {OptionName(triad.signifier, 0), OptionName(triad.signifier, 1),
                     OptionName(triad.signifier, 2)};
    for (size_t g = 0; g < ChartGroups(stories); ++g) {
      const TriadGroup& group = triad.groups[g];
      TernarySeries series{stories.groups[g], group.points, std::nullopt};
      if (!group.points.empty() && std::isfinite(group.mean.mean[0])) series.mean = group.mean.mean;
      chart.series.push_back(std::move(series));
    }
    out.push_back({"triad-" + FilePart(triad.signifier.key) + ".svg", TernaryPlotSvg(chart)});
  }
  return out;
}

std::vector<SummaryChart> ListCharts(const SummaryStories& stories,
                                     const std::vector<SignifierSummary<ListGroup>>& lists) {
  std::vector<SummaryChart> out;
  const bool grouped = stories.groups.size() > 1;
  for (const auto& list : lists) {
    BarChart chart;
    chart.title = Title(list.signifier);
    chart.value_label = grouped ? "% of the group's answers" : "stories";
    for (size_t i = 0; i < list.signifier.options.size(); ++i) {
      chart.categories.push_back(OptionName(list.signifier, i));
    }
    std::string answered;
    for (size_t g = 0; g < ChartGroups(stories); ++g) {
      const ListGroup& group = list.groups[g];
      answered += (g ? ", " : "") + (grouped ? stories.groups[g] + " " : "") +
                  std::to_string(group.answered);
      ChartSeries series{stories.groups[g], {}};
      for (size_t i = 0; i < list.signifier.options.size(); ++i) {
        const int64_t chosen = i < group.chosen.size() ? group.chosen[i] : 0;
        series.values.push_back(grouped ? std::round(Percent(chosen, group.answered) * 10) / 10
                                        : static_cast<double>(chosen));
      }
      chart.series.push_back(std::move(series));
    }
    chart.subtitle =
        "List: stories choosing each item (" + answered + " answered" + GroupsNote(stories) + ")";
    out.push_back({"list-" + FilePart(list.signifier.key) + ".svg", BarChartSvg(chart)});
  }
  return out;
}

}  // namespace verhaal
