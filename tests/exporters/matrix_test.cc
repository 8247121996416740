// Tests of exporters/matrix.{h,cc} and matrix_report.cc: every figure of a
// matrix with known counts, checked against values computed by hand (and R).
#include "exporters/matrix.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "base/error.h"
#include "exporters/matrix_report.h"
#include "exporters/svg.h"
#include "exporters/svg_heatmap.h"

namespace verhaal {
namespace {

// motivatie x stijl for statushouders as the example study designed it.
stats::ContingencyTable Designed() { return stats::ContingencyTable({{14, 4}, {5, 13}}); }

TEST(MatrixTest, EveryFigureOfATwoByTwo) {
  const CrossTab tab =
      MakeCrossTab("", {"moeten", "willen"}, {"dwingend", "aanmoedigend"}, Designed());
  EXPECT_EQ(tab.total, 36);
  EXPECT_EQ(tab.row_totals, (std::vector<int64_t>{18, 18}));
  EXPECT_EQ(tab.col_totals, (std::vector<int64_t>{19, 17}));
  struct Expect {
    int r, c;
    int64_t count;
    double row, col, total, expected, residual;
  };
  // residual = (O - E) / sqrt(E (1 - 18/36)(1 - C/36)) = +-3.00464
  const Expect cells[] = {
      {0, 0, 14, 77.7778, 73.6842, 38.8889, 9.5, 3.004640},
      {0, 1, 4, 22.2222, 23.5294, 11.1111, 8.5, -3.004640},
      {1, 0, 5, 27.7778, 26.3158, 13.8889, 9.5, -3.004640},
      {1, 1, 13, 72.2222, 76.4706, 36.1111, 8.5, 3.004640},
  };
  for (const auto& e : cells) {
    const MatrixCell& cell = tab.cells[e.r][e.c];
    EXPECT_EQ(cell.count, e.count);
    EXPECT_NEAR(cell.row_percent, e.row, 1e-4);
    EXPECT_NEAR(cell.col_percent, e.col, 1e-4);
    EXPECT_NEAR(cell.total_percent, e.total, 1e-4);
    EXPECT_NEAR(cell.expected, e.expected, 1e-12);
    EXPECT_NEAR(cell.residual, e.residual, 1e-5);
    EXPECT_TRUE(cell.flagged);
  }
  const MatrixTests& t = tab.tests;
  ASSERT_TRUE(t.computed);
  // R: chisq.test(matrix(c(14,5,4,13),2), correct=FALSE): X-squared = 9.0279, p = 0.002659
  EXPECT_NEAR(t.chi_square.statistic, 9.027864, 1e-6);
  EXPECT_EQ(t.chi_square.df, 1);
  EXPECT_NEAR(t.chi_square.p_value, 0.0026590, 1e-6);
  EXPECT_FALSE(t.chi_square.yates_corrected);
  // R: fisher.test(...)$p.value = 0.00671
  EXPECT_NEAR(t.fisher.p_value, 0.0067095, 1e-6);
  EXPECT_EQ(t.fisher.method, stats::FisherMethod::kExact);
  EXPECT_NEAR(t.cramers_v.v, 0.500773, 1e-6);
  ASSERT_TRUE(t.odds_ratio.has_value());
  EXPECT_NEAR(t.odds_ratio->odds_ratio, 9.1, 1e-9);
  EXPECT_NEAR(t.odds_ratio->lower, 1.998066, 1e-5);
  EXPECT_NEAR(t.odds_ratio->upper, 41.44508, 1e-4);
  EXPECT_TRUE(t.cochran.satisfied);
  EXPECT_TRUE(t.dropped.empty());
}

TEST(MatrixTest, YatesOnRequestAndOnlyFor2x2) {
  MatrixOptions options;
  options.yates = true;
  const CrossTab tab = MakeCrossTab("", {"a", "b"}, {"x", "y"}, Designed(), options);
  EXPECT_TRUE(tab.tests.chi_square.yates_corrected);
  EXPECT_NEAR(tab.tests.chi_square.statistic, 7.133127, 1e-6);
  EXPECT_NEAR(tab.tests.chi_square.p_value, 0.0075673, 1e-6);
  const CrossTab wide = MakeCrossTab("", {"a", "b"}, {"x", "y", "z"},
                                     stats::ContingencyTable({{5, 3, 2}, {1, 4, 6}}), options);
  EXPECT_FALSE(wide.tests.chi_square.yates_corrected);
  EXPECT_EQ(wide.tests.note, "Yates' correction applies to 2x2 tables only; not applied");
  EXPECT_FALSE(wide.tests.odds_ratio.has_value());
  EXPECT_FALSE(wide.tests.cochran.satisfied);  // small expected counts
}

TEST(MatrixTest, EmptyRowsAreShownButNotTested) {
  const CrossTab tab = MakeCrossTab("", {"moeten", "mixed", "willen"}, {"x", "y"},
                                    stats::ContingencyTable({{14, 4}, {0, 0}, {5, 13}}));
  EXPECT_EQ(tab.tests.dropped, (std::vector<std::string>{"row 'mixed'"}));
  ASSERT_TRUE(tab.tests.computed);
  EXPECT_NEAR(tab.tests.chi_square.statistic, 9.027864, 1e-6);  // as without the row
  EXPECT_TRUE(std::isnan(tab.cells[1][0].row_percent));
  const CrossTab single =
      MakeCrossTab("", {"a", "b"}, {"x", "y"}, stats::ContingencyTable({{3, 0}, {2, 0}}));
  EXPECT_FALSE(single.tests.computed);
  EXPECT_EQ(single.tests.note, "no tests: fewer than two rows or columns have stories");
}

ResolvedDimension Dim(std::string label, std::vector<std::string> levels,
                      std::map<int64_t, int> level_of,
                      std::map<int64_t, std::string_view> left_out = {}) {
  ResolvedDimension dim;
  dim.label = label;
  dim.title = label;
  dim.levels = std::move(levels);
  dim.level_of = std::move(level_of);
  dim.left_out = std::move(left_out);
  return dim;
}

TEST(MatrixTest, BuildCountsLeftOutAndGroups) {
  // Stories 1..8: rows/cols levels; 7 is N/A on rows, 8 has no coding on cols.
  const auto rows =
      Dim("r", {"a", "b"}, {{1, 0}, {2, 0}, {3, 1}, {4, 1}, {5, 0}, {6, 1}, {8, 0}}, {{7, "N/A"}});
  const auto cols = Dim("c", {"x", "y"}, {{1, 0}, {2, 1}, {3, 1}, {4, 1}, {5, 0}, {6, 0}, {7, 0}},
                        {{8, "no coding"}});
  const auto by = Dim("role", {"km", "sh"},
                      {{1, 1}, {2, 1}, {3, 1}, {4, 1}, {5, 0}, {6, 0}, {7, 1}}, {{8, "no value"}});
  const std::vector<int64_t> ids = {1, 2, 3, 4, 5, 6, 7, 8};
  const Matrix all = BuildMatrix(ids, rows, cols, nullptr);
  ASSERT_EQ(all.tables.size(), 1u);
  EXPECT_EQ(all.tables[0].total, 6);
  EXPECT_EQ(all.tables[0].left_out,
            (std::map<std::string, int64_t>{{"r: N/A", 1}, {"c: no coding", 1}}));
  EXPECT_EQ(all.tables[0].cells[0][0].count, 2);  // 1, 5
  EXPECT_EQ(all.tables[0].cells[1][1].count, 2);  // 3, 4
  EXPECT_FALSE(all.comparison.has_value());

  const Matrix grouped = BuildMatrix(ids, rows, cols, &by);
  ASSERT_EQ(grouped.tables.size(), 2u);
  EXPECT_EQ(grouped.tables[0].group, "km");
  EXPECT_EQ(grouped.tables[0].total, 2);
  EXPECT_EQ(grouped.tables[1].total, 4);
  EXPECT_EQ(grouped.tables[1].left_out, (std::map<std::string, int64_t>{{"r: N/A", 1}}));
  EXPECT_EQ(grouped.left_out_by, (std::map<std::string, int64_t>{{"role: no value", 1}}));
  ASSERT_TRUE(grouped.comparison.has_value());
  EXPECT_EQ(grouped.comparison->col_levels,
            (std::vector<std::string>{"a / x", "a / y", "b / x", "b / y"}));
  // km: 5 = a/x, 6 = b/x; sh: 1 = a/x, 2 = a/y, 3 = b/y, 4 = b/y
  EXPECT_EQ(grouped.comparison->cells[0][0].count, 1);
  EXPECT_EQ(grouped.comparison->cells[0][2].count, 1);
  EXPECT_EQ(grouped.comparison->cells[1][3].count, 2);
  EXPECT_EQ(grouped.comparison->total, 6);

  const auto empty = Dim("e", {}, {});
  EXPECT_THROW(BuildMatrix(ids, rows, empty, nullptr), Error);
}

TEST(MatrixReportTest, TextReportGolden) {
  const auto rows = Dim("m", {"moeten", "willen"}, {{1, 0}, {2, 0}, {3, 0}, {4, 1}});
  const auto cols = Dim("s", {"dw", "aan"}, {{1, 0}, {2, 0}, {3, 1}, {4, 1}}, {});
  std::ostringstream out;
  WriteMatrix(out, BuildMatrix({1, 2, 3, 4, 5}, rows, cols, nullptr), TableFormat::kText);
  const std::string cochran =
      "not met: 4 of 4 cells have an expected count below 5 and 2 below 1 (smallest 0.50); the "
      "chi-square approximation may be poor: use Fisher's exact test or merge categories";
  EXPECT_EQ(out.str(),
            "counted: stories; codings: none (no code dimension)\n"
            "\n"
            "m (rows) x s (columns)\n"
            "4 stories used, 1 left out: m: no value 1\n"
            "\n"
            "        measure      dw    aan  total\n"
            "------  --------  -----  -----  -----\n"
            "moeten  count         2      1      3\n"
            "        row %      66.7   33.3  100.0\n"
            "        col %     100.0   50.0   75.0\n"
            "        total %    50.0   25.0   75.0\n"
            "        expected   1.50   1.50       \n"
            "        residual  +1.15  -1.15       \n"
            "willen  count         0      1      1\n"
            "        row %       0.0  100.0  100.0\n"
            "        col %       0.0   50.0   25.0\n"
            "        total %     0.0   25.0   25.0\n"
            "        expected   0.50   0.50       \n"
            "        residual  -1.15  +1.15       \n"
            "total   count         2      2      4\n"
            "        total %    50.0   50.0  100.0\n"
            "\n"
            "statistic            value\n"
            "-------------------  " +
                std::string(cochran.size(), '-') +
                "\n"
                "chi-square           X2 = 1.333, df = 1, p = 0.2482 (unreliable: expected "
                "counts too small; read Fisher's exact test)\n"
                "Fisher's exact test  p = 1 (exact)\n"
                // CI: p > 0.025 gives 0; X2 = 1.333 is the 2.5th percentile
                // only for a lambda above 4 = N, so the upper bound is capped.
                "Cramér's V           0.577, 95% CI 0.000 to 1.000\n"
                // Haldane: cells 2.5 1.5 / 0.5 1.5, SE = sqrt(3.7333) = 1.9322
                "odds ratio           5.000, 95% CI 0.113 to 220.621 (0.5 added to every cell)\n"
                "Cochran's rule       " +
                cochran +
                "\n"
                "\n"
                "* |adjusted residual| >= 1.96 (5% level)\n");
}

TEST(MatrixReportTest, CsvAndJsonCarryEveryCell) {
  const CrossTab tab =
      MakeCrossTab("", {"moeten", "willen"}, {"dwingend", "aanmoedigend"}, Designed());
  Matrix matrix;
  matrix.rows = "motivatie";
  matrix.cols = "stijl";
  matrix.tables = {tab};
  std::ostringstream csv;
  WriteMatrix(csv, matrix, TableFormat::kCsv);
  EXPECT_NE(csv.str().find("group,row,col,count,row_percent,col_percent,total_percent,expected,"
                           "residual,flagged\r\n,moeten,dwingend,14,77.78,73.68,38.89,9.5000,"
                           "3.0046,yes\r\n"),
            std::string::npos)
      << csv.str();
  EXPECT_NE(csv.str().find(",Fisher's exact test,p = 0.00671 (exact)\r\n"), std::string::npos)
      << csv.str();
  std::ostringstream json;
  WriteMatrix(json, matrix, TableFormat::kJson);
  EXPECT_NE(json.str().find("\"method\": \"exact\""), std::string::npos);
  EXPECT_NE(json.str().find("\"count\": 13"), std::string::npos);
  EXPECT_NE(json.str().find("\"df\": 1"), std::string::npos);
}

TEST(MatrixReportTest, MonteCarloShowsSeedAndDraws) {
  MatrixOptions options;
  options.fisher.force_monte_carlo = true;
  options.fisher.draws = 2000;
  options.fisher.seed = 7;
  const CrossTab tab = MakeCrossTab("", {"a", "b"}, {"x", "y"}, Designed(), options);
  const Table tests = CrossTabTests(tab);
  EXPECT_EQ(tests.rows[1][0], "Fisher's exact test");
  EXPECT_EQ(tests.rows[1][1].substr(tests.rows[1][1].find('(')),
            "(Monte Carlo, 2000 draws, seed 7)");
}

TEST(MatrixReportTest, HeatmapIsDeterministicAndLabelled) {
  Matrix matrix;
  matrix.rows = "motivatie";
  matrix.cols = "stijl";
  matrix.by = "role";
  matrix.tables = {
      MakeCrossTab("statushouder", {"moeten", "willen"}, {"dwingend", "aanmoedigend"}, Designed())};
  const std::string svg = MatrixHeatmapSvg(matrix);
  EXPECT_EQ(svg, MatrixHeatmapSvg(matrix));
  EXPECT_NE(svg.find("<title>motivatie x stijl by role</title>"), std::string::npos);
  EXPECT_NE(svg.find(">role = statushouder (n = 36)</text>"), std::string::npos);
  EXPECT_NE(svg.find(">14*</text>"), std::string::npos);
  EXPECT_NE(svg.find(">77.8% of row</text>"), std::string::npos);
}

// The layout defects the issue named: a rotated row title longer than the
// grid ran over the row labels and off the chart, and the footnote was cut
// at the chart's right edge.
TEST(MatrixReportTest, HeatmapLabelsDoNotOverlapOrRunOff) {
  Matrix matrix;
  matrix.rows = "motivatie (moeten samenwerken / willen samenwerken)";
  matrix.cols = "stijl";
  matrix.tables = {MakeCrossTab("", {"moeten samenwerken", "willen samenwerken"},
                                {"dwingend", "aanmoedigend"}, Designed())};
  const std::string svg = MatrixHeatmapSvg(matrix);
  auto number_after = [&](const std::string& marker, size_t from = 0) {
    const size_t at = svg.find(marker, from);
    EXPECT_NE(at, std::string::npos) << marker;
    return std::stod(svg.substr(at + marker.size()));
  };
  // Two rows of 64 px: the full title (about 300 px at 12 px) does not fit,
  // so the axis says the dimension's name; the rows name the levels.
  const size_t title = svg.find(">motivatie</text>");
  ASSERT_NE(title, std::string::npos) << svg;
  EXPECT_NE(svg.rfind("rotate(-90", title), std::string::npos);
  const double title_x = number_after("<text x=\"", svg.rfind("<text", title));
  // The row labels end 8 px left of the grid; the longest (18 bold
  // characters, about 143 px) starts right of the rotated title.
  const size_t label = svg.find(">moeten samenwerken</text>");
  const double label_end = number_after("<text x=\"", svg.rfind("<text", label));
  EXPECT_GT(label_end - ApproxTextWidth("moeten samenwerken", 12, true), title_x + 8);
  // The footnote (from x = 280) fits in the width.
  const double width = number_after("width=\"");
  EXPECT_GE(width, 280 + ApproxTextWidth("* adjusted residual |z| >= 1.96 (the cell departs from "
                                         "independence at 5%)",
                                         11));
}

}  // namespace
}  // namespace verhaal
