#include "exporters/svg_heatmap.h"

#include <algorithm>
#include <cmath>

#include "exporters/matrix_report.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

constexpr double kCellWidth = 120;
constexpr double kCellHeight = 64;
constexpr double kAxisWidth = 24;  // the rotated row title left of the labels
constexpr double kGap = 50;        // between panels
constexpr double kTop = 110;       // title, panel heading, column labels

// The row title, rotated along the grid: the full title when it fits the
// grid's height, else the dimension's name without its levels ("motivatie"
// of "motivatie (moeten / willen)": the row labels name the levels), cut
// with an ellipsis if even that is too long.
std::string RowTitle(const std::string& title, double room) {
  if (ApproxTextWidth(title, 12) <= room) return title;
  std::string name = title.substr(0, title.find(" ("));
  while (!name.empty() && ApproxTextWidth(name + "\u2026", 12) > room) {
    do {
      name.pop_back();
    } while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80);
    if (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0xC0) name.pop_back();
  }
  return ApproxTextWidth(title.substr(0, title.find(" (")), 12) <= room ? name : name + "\u2026";
}

}  // namespace

std::string MatrixHeatmapSvg(const Matrix& matrix) {
  const size_t rows = matrix.tables.front().row_levels.size();
  const size_t cols = matrix.tables.front().col_levels.size();
  // Row labels get the room their longest needs, so none runs into the
  // rotated row title.
  double label_width = 60;
  for (const CrossTab& tab : matrix.tables) {
    for (const auto& level : tab.row_levels) {
      label_width = std::max(label_width, ApproxTextWidth(level, 12, true) + 16);
    }
  }
  const double panel_width = kAxisWidth + label_width + kCellWidth * cols;
  const std::string title =
      matrix.rows + " x " + matrix.cols + (matrix.by.empty() ? "" : " by " + matrix.by);
  const std::string footnote =
      "* adjusted residual |z| >= 1.96 (the cell departs from independence at 5%)";
  // Wide enough for the panels, the title and the footnote beside the legend.
  const double width =
      std::max({30 + matrix.tables.size() * panel_width + (matrix.tables.size() - 1) * kGap + 20,
                ApproxTextWidth(title, 16, true) + 40, 280 + ApproxTextWidth(footnote, 11) + 20});
  const double grid_height = kCellHeight * rows;
  const double height = kTop + grid_height + 90;
  const std::string row_title = RowTitle(matrix.rows, grid_height - 8);
  SvgDocument svg(width, height, title);
  svg.Text(width / 2, 26, title, 16, "middle", true);
  for (size_t p = 0; p < matrix.tables.size(); ++p) {
    const CrossTab& tab = matrix.tables[p];
    const double left = 30 + p * (panel_width + kGap);
    const double grid_left = left + kAxisWidth + label_width;
    std::string heading = tab.group.empty() ? "all stories" : matrix.by + " = " + tab.group;
    heading += " (n = " + std::to_string(tab.total) + ")";
    svg.Text(grid_left + kCellWidth * cols / 2, 54, heading, 13, "middle", true);
    svg.Text(grid_left + kCellWidth * cols / 2, 76, matrix.cols, 12, "middle", false, 0, "#555555");
    svg.Text(left + 12, kTop + grid_height / 2, row_title, 12, "middle", false, -90, "#555555");
    for (size_t c = 0; c < cols; ++c) {
      svg.Text(grid_left + kCellWidth * (c + 0.5), kTop - 10, tab.col_levels[c], 12, "middle",
               true);
    }
    for (size_t r = 0; r < rows; ++r) {
      const double y = kTop + kCellHeight * r;
      svg.Text(grid_left - 8, y + kCellHeight / 2 + 4, tab.row_levels[r], 12, "end", true);
      for (size_t c = 0; c < cols; ++c) {
        const MatrixCell& cell = tab.cells[r][c];
        const double share = std::isfinite(cell.row_percent) ? cell.row_percent / 100 : 0;
        const double x = grid_left + kCellWidth * c;
        svg.Rect(x, y, kCellWidth, kCellHeight, SvgBlueScale(share), "#FFFFFF");
        const std::string ink = share > 0.55 ? "#FFFFFF" : "#222222";
        svg.Text(x + kCellWidth / 2, y + 28, std::to_string(cell.count) + (cell.flagged ? "*" : ""),
                 16, "middle", true, 0, ink);
        svg.Text(x + kCellWidth / 2, y + 48, FormatFixed(cell.row_percent, 1) + "% of row", 11,
                 "middle", false, 0, ink);
      }
    }
  }
  // Legend: the shading scale.
  const double legend_y = kTop + grid_height + 30;
  svg.Text(30, legend_y + 12, "row %", 11, "start");
  for (int i = 0; i < 10; ++i) {
    svg.Rect(75 + i * 18, legend_y, 18, 16, SvgBlueScale((i + 0.5) / 10));
  }
  svg.Text(75, legend_y + 30, "0", 10, "middle");
  svg.Text(75 + 180, legend_y + 30, "100", 10, "middle");
  svg.Text(280, legend_y + 12, footnote, 11);
  return svg.Finish();
}

}  // namespace verhaal
