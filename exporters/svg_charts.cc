#include "exporters/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "exporters/report_words.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

constexpr double kTitleHeight = 46;  // title and subtitle
constexpr const char* kAxis = "#555555";
constexpr const char* kGrid = "#E3E3E3";

// A count as an integer, anything else with one decimal.
std::string Value(double value, Language language) {
  char buffer[32];
  if (std::floor(value) == value && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
  }
  return LocalNumber(buffer, language);
}

// A step of 1, 2 or 5 times a power of ten giving at most ~5 ticks to `most`.
double TickStep(double most) {
  if (most <= 0) return 1;
  const double raw = most / 5;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * power >= raw) return std::max(1.0, m * power);
  }
  return std::max(1.0, 10 * power);
}

// The axis maximum: `most` rounded up to a whole step.
double AxisMax(double most, double step) { return std::max(step, std::ceil(most / step) * step); }

// Rough text width in pixels at `size` (DejaVu Sans averages ~0.6 em).
double TextWidth(const std::string& text, double size) {
  size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80;  // code points
  return static_cast<double>(chars) * size * 0.6;
}

void Title(SvgDocument& svg, const std::string& title, const std::string& subtitle) {
  svg.Text(16, 24, title, 15, "start", true);
  if (!subtitle.empty()) svg.Text(16, 40, subtitle, 11, "start", false, 0, "#666666");
}

// A legend of coloured squares from (x, y) downwards; returns its height.
double Legend(SvgDocument& svg, double x, double y, const std::vector<std::string>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    const double row = y + 18 * static_cast<double>(i);
    svg.Rect(x, row, 11, 11, SvgPaletteColour(static_cast<int>(i)));
    svg.Text(x + 17, row + 10, names[i], 11);
  }
  return 18 * static_cast<double>(names.size());
}

double LegendWidth(const std::vector<std::string>& names) {
  double widest = 0;
  for (const auto& name : names) widest = std::max(widest, TextWidth(name, 11));
  return names.size() < 2 ? 0 : widest + 40;
}

std::vector<std::string> SeriesNames(const std::vector<ChartSeries>& series) {
  std::vector<std::string> names;
  for (const auto& s : series) names.push_back(s.name);
  return names;
}

}  // namespace

std::string BarChartSvg(const BarChart& chart) {
  const size_t per_row = std::max<size_t>(1, chart.series.size());
  const double bar = 14, gap = 8, row = bar * static_cast<double>(per_row) + gap;
  double label = 60;
  for (const auto& category : chart.categories) label = std::max(label, TextWidth(category, 11));
  label = std::min(label, 320.0) + 24;
  const double plot = 360, top = kTitleHeight + 8;
  const std::vector<std::string> names = SeriesNames(chart.series);
  const double legend = LegendWidth(names);
  double most = 0;
  for (const auto& s : chart.series) {
    for (double v : s.values) most = std::max(most, v);
  }
  const double step = TickStep(most), axis_max = AxisMax(most, step);
  const double plot_h = row * static_cast<double>(chart.categories.size());
  SvgDocument svg(label + plot + 50 + legend,
                  std::max(top + plot_h + 52, top + 18 * static_cast<double>(names.size()) + 20),
                  chart.title);
  Title(svg, chart.title, chart.subtitle);
  for (double t = 0; t <= axis_max + step / 2; t += step) {
    const double x = label + plot * t / axis_max;
    svg.Line(x, top, x, top + plot_h, kGrid);
    svg.Text(x, top + plot_h + 16, Value(t, chart.language), 10, "middle", false, 0, kAxis);
  }
  svg.Line(label, top, label, top + plot_h, kAxis);
  svg.Line(label, top + plot_h, label + plot, top + plot_h, kAxis);
  svg.Text(label + plot / 2, top + plot_h + 36, chart.value_label, 12, "middle");
  const bool labelled = chart.categories.size() * per_row <= 400;  // values beside the bars
  for (size_t c = 0; c < chart.categories.size(); ++c) {
    const double y = top + row * static_cast<double>(c) + gap / 2;
    svg.Text(label - 8, y + row / 2, chart.categories[c], 11, "end");
    for (size_t s = 0; s < chart.series.size(); ++s) {
      const double value = c < chart.series[s].values.size() ? chart.series[s].values[c] : 0;
      const double w = plot * value / axis_max, by = y + bar * static_cast<double>(s);
      if (w > 0) svg.Rect(label, by + 1, w, bar - 2, SvgPaletteColour(static_cast<int>(s)));
      if (labelled)
        svg.Text(label + w + 4, by + bar - 3, Value(value, chart.language), 10, "start", false, 0,
                 kAxis);
    }
  }
  if (names.size() >= 2) Legend(svg, label + plot + 40, top, names);
  return svg.Finish();
}

std::string HistogramSvg(const HistogramChart& chart) {
  size_t bins = 0;
  for (const auto& s : chart.series) bins = std::max(bins, s.values.size());
  bins = std::max<size_t>(bins, 1);
  const std::vector<std::string> names = SeriesNames(chart.series);
  const double legend = LegendWidth(names);
  const double left = 70, top = kTitleHeight + 14, plot_w = 440, plot_h = 200;
  double most = 0;
  for (size_t b = 0; b < bins; ++b) {
    double stack = 0;
    for (const auto& s : chart.series) {
      const double v = b < s.values.size() ? s.values[b] : 0;
      stack += v;
      most = std::max(most, v);
    }
    if (chart.stacked) most = std::max(most, stack);
  }
  const double step = TickStep(most), axis_max = AxisMax(most, step);
  SvgDocument svg(left + plot_w + 30 + legend, top + plot_h + 64, chart.title);
  Title(svg, chart.title, chart.subtitle);
  for (double t = 0; t <= axis_max + step / 2; t += step) {
    const double y = top + plot_h - plot_h * t / axis_max;
    svg.Line(left, y, left + plot_w, y, kGrid);
    svg.Text(left - 6, y + 4, Value(t, chart.language), 10, "end", false, 0, kAxis);
  }
  svg.Line(left, top, left, top + plot_h, kAxis);
  svg.Line(left, top + plot_h, left + plot_w, top + plot_h, kAxis);
  svg.Text(22, top + plot_h / 2, chart.value_label, 12, "middle", false, -90);
  const double band = plot_w / static_cast<double>(bins);
  const size_t series = std::max<size_t>(1, chart.series.size());
  const double bar = chart.stacked ? band - 6 : (band - 6) / static_cast<double>(series);
  const bool labelled = !chart.stacked && bins * series <= 30;
  for (size_t b = 0; b < bins; ++b) {
    const double x0 = left + band * static_cast<double>(b) + 3;
    double base = top + plot_h;
    for (size_t s = 0; s < chart.series.size(); ++s) {
      const double v = b < chart.series[s].values.size() ? chart.series[s].values[b] : 0;
      const double h = plot_h * v / axis_max;
      const double x = chart.stacked ? x0 : x0 + bar * static_cast<double>(s);
      const double y = chart.stacked ? base - h : top + plot_h - h;
      if (h > 0) svg.Rect(x, y, bar - 1, h, SvgPaletteColour(static_cast<int>(s)));
      if (chart.stacked) base -= h;
      if (labelled)
        svg.Text(x + bar / 2, y - 3, Value(v, chart.language), 10, "middle", false, 0, kAxis);
    }
  }
  for (size_t b = 0; b <= bins; ++b) {
    char edge[16];
    std::snprintf(edge, sizeof edge, "%g", static_cast<double>(b) / static_cast<double>(bins));
    svg.Text(left + band * static_cast<double>(b), top + plot_h + 15,
             LocalNumber(edge, chart.language), 10, "middle", false, 0, kAxis);
  }
  svg.Text(left, top + plot_h + 34, chart.low_label.empty() ? "0" : chart.low_label, 12, "start",
           true);
  svg.Text(left + plot_w, top + plot_h + 34, chart.high_label.empty() ? "1" : chart.high_label, 12,
           "end", true);
  if (names.size() >= 2) Legend(svg, left + plot_w + 20, top, names);
  return svg.Finish();
}

std::string TernaryPlotSvg(const TernaryChart& chart) {
  const double side = 360, height = side * std::sqrt(3.0) / 2;
  const double left = 90, top = kTitleHeight + 34;
  const double tx = left + side / 2, ty = top, lx = left, ly = top + height, rx = left + side,
               ry = top + height;
  struct Point {
    double x, y;
  };
  // Where proportions (top, left, right) lie; nothing when they sum to 0.
  auto place = [&](const std::array<double, 3>& p) -> std::optional<Point> {
    const double sum = p[0] + p[1] + p[2];
    if (!(sum > 0)) return std::nullopt;
    return Point{(p[0] * tx + p[1] * lx + p[2] * rx) / sum,
                 (p[0] * ty + p[1] * ly + p[2] * ry) / sum};
  };
  std::vector<std::string> names;
  for (const auto& s : chart.series) {
    std::string count = LocalCount(static_cast<int64_t>(s.points.size()), chart.language);
    if (s.points.size() > chart.max_points) {
      count = Say(chart.language, Word::kShown,
                  {count, LocalCount(static_cast<int64_t>(chart.max_points), chart.language)});
    }
    names.push_back(s.name + " (" + count + ")");
  }
  const bool any_mean = std::any_of(chart.series.begin(), chart.series.end(),
                                    [](const TernarySeries& s) { return s.mean.has_value(); });
  double legend = 0;
  for (const auto& name : names) legend = std::max(legend, TextWidth(name, 11) + 40);
  if (any_mean) legend = std::max(legend, 200.0);
  SvgDocument svg(left * 2 + side + legend, top + height + 50, chart.title);
  Title(svg, chart.title, chart.subtitle);
  auto grid = [&](const std::array<double, 3>& from, const std::array<double, 3>& to) {
    const Point a = *place(from), b = *place(to);
    svg.Line(a.x, a.y, b.x, b.y, kGrid);
  };
  // Grid lines where one part is 0.2, 0.4, 0.6, 0.8.
  for (int k = 1; k < 5; ++k) {
    const double f = k / 5.0;
    grid({f, 1 - f, 0}, {f, 0, 1 - f});
    grid({1 - f, f, 0}, {0, f, 1 - f});
    grid({1 - f, 0, f}, {0, 1 - f, f});
  }
  svg.Line(tx, ty, lx, ly, kAxis);
  svg.Line(lx, ly, rx, ry, kAxis);
  svg.Line(rx, ry, tx, ty, kAxis);
  svg.Text(tx, ty - 10, chart.corners[0], 12, "middle", true);
  svg.Text(lx, ly + 22, chart.corners[1], 12, "middle", true);
  svg.Text(rx, ry + 22, chart.corners[2], 12, "middle", true);
  for (size_t s = 0; s < chart.series.size(); ++s) {
    const auto& points = chart.series[s].points;
    const size_t every = points.size() > chart.max_points
                             ? (points.size() + chart.max_points - 1) / chart.max_points
                             : 1;
    const std::string colour = SvgPaletteColour(static_cast<int>(s));
    // Dense clouds get small dots without a rim, so the means stay visible.
    const bool dense = points.size() / every > 300;
    for (size_t i = 0; i < points.size(); i += every) {
      if (const auto at = place(points[i])) {
        svg.Circle(at->x, at->y, dense ? 1.6 : 3.5, colour, dense ? "none" : "#FFFFFF");
      }
    }
  }
  for (size_t s = 0; s < chart.series.size(); ++s) {
    const auto& mean = chart.series[s].mean;
    const auto at = mean ? place(*mean) : std::nullopt;
    if (!at) continue;
    const std::string colour = SvgPaletteColour(static_cast<int>(s));
    svg.Circle(at->x, at->y, 9, "#FFFFFF", colour);
    svg.Circle(at->x, at->y, 5, colour, "#000000");
  }
  const double lx0 = left + side + 40;
  const double used = Legend(svg, lx0, top, names);
  if (any_mean) {
    svg.Circle(lx0 + 5, top + used + 12, 7, "#FFFFFF", "#000000");
    svg.Circle(lx0 + 5, top + used + 12, 4, "#000000");
    svg.Text(lx0 + 17, top + used + 16,
             std::string(Say(chart.language, Word::kClosedGeometricMean)), 11);
  }
  return svg.Finish();
}

}  // namespace verhaal
