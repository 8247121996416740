// The report's signifier charts: a histogram per dyad (stacked by role), a
// ternary plot per triad and bars per list, each with its answered, N/A and
// skipped counts.
#include <algorithm>
#include <cmath>
#include <map>

#include "coding/dimension.h"
#include "exporters/report_html.h"
#include "exporters/summary.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

constexpr int kBins = 10;

std::string Option(const Signifier& signifier, size_t i) {
  if (i >= signifier.options.size()) return "?";
  const auto& option = signifier.options[i];
  return option.label.empty() ? option.key : option.label;
}

std::string DyadHistogram(Project& project, const Signifier& dyad,
                          const std::map<int64_t, const Story*>& stories) {
  std::vector<std::string> roles;
  std::map<std::string, std::vector<int>> bins;  // role -> counts per bin
  ForEachSignifierValue(project, dyad, [&](int64_t id, const SignifierValue& value) {
    const auto story = stories.find(id);
    if (story == stories.end() || value.not_applicable) return;
    const std::string& role = story->second->role;
    if (!bins.count(role)) {
      bins[role].assign(kBins, 0);
      roles.push_back(role);
    }
    bins[role][std::clamp(static_cast<int>(value.x * kBins), 0, kBins - 1)]++;
  });
  std::sort(roles.begin(), roles.end());
  int most = 1;
  for (int b = 0; b < kBins; ++b) {
    int total = 0;
    for (const auto& role : roles) total += bins[role][b];
    most = std::max(most, total);
  }
  const double left = 40, top = 20, plot_w = 400, plot_h = 160, bar = plot_w / kBins;
  SvgDocument svg(left + plot_w + 170, top + plot_h + 50, dyad.key);
  svg.Line(left, top + plot_h, left + plot_w, top + plot_h, "#888888");
  for (int b = 0; b < kBins; ++b) {
    double y = top + plot_h;
    for (size_t r = 0; r < roles.size(); ++r) {
      const double h = plot_h * bins[roles[r]][b] / most;
      if (h <= 0) continue;
      y -= h;
      svg.Rect(left + b * bar + 2, y, bar - 4, h, SvgPaletteColour(static_cast<int>(r)));
    }
  }
  svg.Text(left - 6, top + 10, std::to_string(most), 10, "end", false, 0, "#666666");
  svg.Text(left - 6, top + plot_h, "0", 10, "end", false, 0, "#666666");
  svg.Text(left, top + plot_h + 18, dyad.x_low.empty() ? "0" : dyad.x_low, 11, "start");
  svg.Text(left + plot_w, top + plot_h + 18, dyad.x_high.empty() ? "1" : dyad.x_high, 11, "end");
  for (size_t r = 0; r < roles.size(); ++r) {
    svg.Rect(left + plot_w + 20, top + 4 + 20 * r, 12, 12, SvgPaletteColour(static_cast<int>(r)));
    svg.Text(left + plot_w + 38, top + 14 + 20 * r, roles[r].empty() ? "(no role)" : roles[r], 11);
  }
  return svg.Finish();
}

std::string TriadPlot(Project& project, const Signifier& triad,
                      const std::map<int64_t, const Story*>& stories) {
  const double side = 320, left = 110, top = 40;
  const double height = side * std::sqrt(3.0) / 2;
  // Corners: top, left (bottom left), right (bottom right).
  const double tx = left + side / 2, ty = top, lx = left, ly = top + height, rx = left + side,
               ry = top + height;
  SvgDocument svg(left * 2 + side, top + height + 40, triad.key);
  svg.Line(tx, ty, lx, ly, "#888888");
  svg.Line(lx, ly, rx, ry, "#888888");
  svg.Line(rx, ry, tx, ty, "#888888");
  svg.Text(tx, ty - 10, Option(triad, 0), 12, "middle", true);
  svg.Text(lx - 6, ly + 18, Option(triad, 1), 12, "middle", true);
  svg.Text(rx + 6, ry + 18, Option(triad, 2), 12, "middle", true);
  ForEachSignifierValue(project, triad, [&](int64_t id, const SignifierValue& value) {
    if (!stories.count(id) || value.not_applicable) return;
    const double sum = value.triad.top + value.triad.left + value.triad.right;
    if (sum <= 0) return;
    const double x = (value.triad.top * tx + value.triad.left * lx + value.triad.right * rx) / sum;
    const double y = (value.triad.top * ty + value.triad.left * ly + value.triad.right * ry) / sum;
    svg.Circle(x, y, 5, SvgPaletteColour(0), "#FFFFFF");
  });
  return svg.Finish();
}

std::string ListBars(Project& project, const Signifier& list,
                     const std::map<int64_t, const Story*>& stories) {
  std::vector<int> counts(list.options.size(), 0);
  ForEachSignifierValue(project, list, [&](int64_t id, const SignifierValue& value) {
    if (!stories.count(id) || value.not_applicable) return;
    for (int item : value.items) {
      if (item >= 0 && static_cast<size_t>(item) < counts.size()) counts[item]++;
    }
  });
  const int most = std::max(1, counts.empty() ? 1 : *std::max_element(counts.begin(), counts.end()));
  const double label = 160, plot = 300, row = 24;
  SvgDocument svg(label + plot + 60, 20 + row * counts.size(), list.key);
  for (size_t i = 0; i < counts.size(); ++i) {
    const double y = 10 + row * i;
    svg.Text(label - 8, y + 15, Option(list, i), 12, "end");
    svg.Rect(label, y + 3, plot * counts[i] / most, row - 8, SvgPaletteColour(0));
    svg.Text(label + plot * counts[i] / most + 6, y + 15, std::to_string(counts[i]), 11);
  }
  return svg.Finish();
}

}  // namespace

std::string SignifierChartSvg(Project& project, const Signifier& signifier,
                              const std::vector<Story>& stories) {
  std::map<int64_t, const Story*> by_id;
  for (const Story& story : stories) by_id[story.id] = &story;
  switch (signifier.type) {
    case SignifierType::kDyad: return DyadHistogram(project, signifier, by_id);
    case SignifierType::kTriad: return TriadPlot(project, signifier, by_id);
    case SignifierType::kList: return ListBars(project, signifier, by_id);
    default: return "";
  }
}

std::string SignifierSection(Project& project, const ReportData& data) {
  const std::vector<Signifier> signifiers = ListSignifiers(project);
  if (signifiers.empty()) return "";
  std::string out = "<section id=\"signifiers\"><h2>Signifiers</h2>\n<p>How the storytellers "
                    "placed their own stories (all stories).</p>\n";
  for (const Signifier& signifier : signifiers) {
    const std::string svg = SignifierChartSvg(project, signifier, data.all_stories);
    if (svg.empty()) continue;
    const SignifierCounts counts = CountSignifierValues(project, signifier);
    out += "<h3>" + HtmlEscape(signifier.title.empty() ? signifier.key : signifier.title) +
           " <small>(" + HtmlEscape(signifier.key) + ", " +
           std::string(SignifierTypeName(signifier.type)) + ")</small></h3>\n<figure>" +
           InlineSvg(svg) + "<figcaption>" + std::to_string(counts.answered) + " answered, " +
           std::to_string(counts.not_applicable) + " not applicable, " +
           std::to_string(counts.skipped) + " skipped or not asked.</figcaption></figure>\n";
  }
  // The figures behind the charts, per role (exporters/summary.h).
  const ResolvedDimension roles =
      ResolveDimension(project, ParseDimension("role"), data.all_stories);
  const SummaryGroups groups = MakeSummaryGroups(data.all_stories, &roles);
  out += "<details><summary>Dyads, triads and lists in figures, per role</summary>" +
         HtmlTable(DyadSummaryTable(project, groups)) +
         HtmlTable(TriadSummaryTable(project, groups)) +
         HtmlTable(ListSummaryTable(project, groups)) + "</details>\n";
  return out + "</section>\n";
}

}  // namespace verhaal
