#include "stats/contingency_table.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace verhaal::stats {
namespace {

TEST(ContingencyTableTest, TotalsAndExpectedCounts) {
  const ContingencyTable table({{10, 20}, {30, 40}});
  EXPECT_EQ(table.rows(), 2);
  EXPECT_EQ(table.cols(), 2);
  EXPECT_EQ(table.RowTotal(0), 30);
  EXPECT_EQ(table.ColTotal(1), 60);
  EXPECT_EQ(table.Total(), 100);
  const auto expected = ExpectedCounts(table);
  EXPECT_DOUBLE_EQ(expected[0][0], 30.0 * 40.0 / 100.0);
  EXPECT_DOUBLE_EQ(expected[1][1], 70.0 * 60.0 / 100.0);
}

TEST(ContingencyTableTest, AddFillsCells) {
  ContingencyTable table(2, 3);
  table.Add(1, 2);
  table.Add(1, 2, 4);
  EXPECT_EQ(table.at(1, 2), 5);
  EXPECT_EQ(table.Total(), 5);
  EXPECT_THROW(table.Add(0, 0, -1), std::invalid_argument);
  EXPECT_THROW(table.Add(2, 0), std::out_of_range);
}

TEST(ContingencyTableTest, RejectsBadShapesAndNegativeCounts) {
  EXPECT_THROW(ContingencyTable({}), std::invalid_argument);
  EXPECT_THROW(ContingencyTable({{1, 2}, {3}}), std::invalid_argument);
  EXPECT_THROW(ContingencyTable({{1, -2}, {3, 4}}), std::invalid_argument);
  EXPECT_THROW(ContingencyTable(0, 2), std::invalid_argument);
}

}  // namespace
}  // namespace verhaal::stats
