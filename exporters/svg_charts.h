// Charts shared by the HTML report (report_charts.cc) and `verhaal summary
// --svg` (summary_charts.cc): grouped bars, histograms over [0, 1] and
// ternary plots, each a self-contained SVG document with a title, axis
// labels and a legend, the same bytes for the same data (svg.h).
#ifndef VERHAAL_EXPORTERS_SVG_CHARTS_H_
#define VERHAAL_EXPORTERS_SVG_CHARTS_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "corpus/language.h"

namespace verhaal {

// The values of one series: one colour, one legend entry.
struct ChartSeries {
  std::string name;
  std::vector<double> values;  // one per category (bars) or bin (histogram)
};

// Horizontal bars: a row per category, in it a bar per series.
struct BarChart {
  std::string title;
  std::string subtitle;     // under the title, e.g. "120 stories"; may be empty
  std::string value_label;  // the axis under the bars, e.g. "stories"
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;         // a legend is drawn when there are two or more
  Language language = Language::kEnglish;  // of numbers (decimal comma in Dutch)
};

std::string BarChartSvg(const BarChart& chart);

// A histogram of positions in [0, 1]: a band per bin, the series side by
// side in it (or stacked), the bin edges and the poles under the axis.
struct HistogramChart {
  std::string title;
  std::string subtitle;
  std::string low_label;            // the pole at 0
  std::string high_label;           // the pole at 1
  std::string value_label;          // the vertical axis, e.g. "stories"
  std::vector<ChartSeries> series;  // the same number of bins each
  bool stacked = false;
  Language language = Language::kEnglish;  // of numbers (decimal comma in Dutch)
};

std::string HistogramSvg(const HistogramChart& chart);

// Points on a triangle (top, left, right proportions), a colour per series,
// each series' mean as a ringed marker.
struct TernarySeries {
  std::string name;
  std::vector<std::array<double, 3>> points;  // top, left, right
  std::optional<std::array<double, 3>> mean;
};

struct TernaryChart {
  std::string title;
  std::string subtitle;
  std::array<std::string, 3> corners;  // top, left, right
  std::vector<TernarySeries> series;
  // Points drawn per series at most; more are thinned evenly (every k-th)
  // and the legend says how many are shown.
  size_t max_points = 2000;
  Language language = Language::kEnglish;  // of the legend's words and numbers
};

std::string TernaryPlotSvg(const TernaryChart& chart);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SVG_CHARTS_H_
