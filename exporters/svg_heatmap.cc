#include "exporters/svg_heatmap.h"

#include <algorithm>
#include <cmath>

#include "exporters/matrix_report.h"
#include "exporters/svg.h"

namespace verhaal {
namespace {

constexpr double kCellWidth = 120;
constexpr double kCellHeight = 64;
constexpr double kLabelWidth = 150;  // row labels left of each panel
constexpr double kGap = 50;          // between panels
constexpr double kTop = 110;         // title, panel heading, column labels

}  // namespace

std::string MatrixHeatmapSvg(const Matrix& matrix) {
  const size_t rows = matrix.tables.front().row_levels.size();
  const size_t cols = matrix.tables.front().col_levels.size();
  const double panel_width = kLabelWidth + kCellWidth * cols;
  const double width =
      30 + matrix.tables.size() * panel_width + (matrix.tables.size() - 1) * kGap + 20;
  const double grid_height = kCellHeight * rows;
  const double height = kTop + grid_height + 90;
  const std::string title =
      matrix.rows + " x " + matrix.cols + (matrix.by.empty() ? "" : " by " + matrix.by);
  SvgDocument svg(width, height, title);
  svg.Text(width / 2, 26, title, 16, "middle", true);
  for (size_t p = 0; p < matrix.tables.size(); ++p) {
    const CrossTab& tab = matrix.tables[p];
    const double left = 30 + p * (panel_width + kGap);
    const double grid_left = left + kLabelWidth;
    std::string heading = tab.group.empty() ? "all stories" : matrix.by + " = " + tab.group;
    heading += " (n = " + std::to_string(tab.total) + ")";
    svg.Text(grid_left + kCellWidth * cols / 2, 54, heading, 13, "middle", true);
    svg.Text(grid_left + kCellWidth * cols / 2, 76, matrix.cols, 12, "middle", false, 0, "#555555");
    svg.Text(left + 12, kTop + grid_height / 2, matrix.rows, 12, "middle", false, -90, "#555555");
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
  svg.Text(280, legend_y + 12,
           "* adjusted residual |z| >= 1.96 (the cell departs from independence at 5%)", 11);
  return svg.Finish();
}

}  // namespace verhaal
