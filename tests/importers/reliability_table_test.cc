// Reliability tables from elsewhere (importers/reliability_table.h): both
// layouts, missing values, labels, count tables, and located errors.
#include "importers/reliability_table.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "stats/fleiss_kappa.h"
#include "stats/krippendorff_alpha.h"

namespace verhaal {
namespace {

constexpr std::optional<double> _ = std::nullopt;

// Krippendorff (2011), section C, in his layout: one line per observer.
constexpr const char* kKrippendorff =
    "observer,1,2,3,4,5,6,7,8,9,10,11,12\n"
    "A,1,2,3,3,2,1,4,1,2,*,*,*\n"
    "B,1,2,3,3,2,2,4,1,2,5,*,*\n"
    "C,*,3,3,3,2,3,4,2,2,5,1,3\n"
    "D,1,2,3,3,2,4,4,1,2,5,1,*\n";

TEST(ReliabilityTableTest, CodersByUnitsReproducesKrippendorffsExample) {
  const auto t = ReadReliabilityTable(StringSource(kKrippendorff), "k.csv",
                                      TableLayout::kCodersByUnits, false);
  EXPECT_EQ(t.coders, (std::vector<std::string>{"A", "B", "C", "D"}));
  ASSERT_EQ(t.units.size(), 12u);
  EXPECT_EQ(t.data.units[0], (std::vector<std::optional<double>>{1, 1, _, 1}));
  EXPECT_EQ(t.data.units[11], (std::vector<std::optional<double>>{_, _, 3, _}));
  struct Case {
    stats::MeasurementLevel level;
    double published;
  };
  for (const Case& c : {Case{stats::MeasurementLevel::kNominal, 0.743},
                        Case{stats::MeasurementLevel::kOrdinal, 0.815},
                        Case{stats::MeasurementLevel::kInterval, 0.849},
                        Case{stats::MeasurementLevel::kRatio, 0.797}}) {
    EXPECT_NEAR(stats::KrippendorffAlpha(t.data, c.level).alpha, c.published, 0.0005);
  }
}

TEST(ReliabilityTableTest, UnitsByCodersWithLabelsAndMissingValues) {
  const auto t = ReadReliabilityTable(
      StringSource("verhaal;anna;bram\nSH-01;willen;willen\nSH-02;moeten;NA\nSH-03;;moeten\n"),
      "t.csv", TableLayout::kUnitsByCoders, true);
  EXPECT_EQ(t.categories, (std::vector<std::string>{"moeten", "willen"}));
  EXPECT_EQ(t.data.units,
            (std::vector<std::vector<std::optional<double>>>{{1, 1}, {0, _}, {_, 0}}));
  EXPECT_EQ(t.units[2], "SH-03");
}

TEST(ReliabilityTableTest, DecimalCommasAreNumbers) {
  const auto t = ReadReliabilityTable(StringSource("u;a;b\n1;\"0,5\";1\n"), "t.csv",
                                      TableLayout::kUnitsByCoders, false);
  EXPECT_EQ(t.data.units[0], (std::vector<std::optional<double>>{0.5, 1}));
}

TEST(ReliabilityTableTest, ErrorsAreLocatedAndSayWhatToDo) {
  struct Case {
    std::string csv;
    bool labels;
    std::string expected;
  };
  const Case cases[] = {
      {"unit,a,b\n1,2,hoog\n", false,
       "t.csv:2:5: 'hoog' is not a number; this level needs numbers (use --level nominal for "
       "category labels)\n  1,2,hoog\n      ^"},
      {"unit,a\n1,2\n", false,
       "t.csv has 1 coder; agreement needs two or more columns after the unit column"},
      {"unit,a,b\n", false,
       "t.csv has no units; put one line per unit (see `verhaal agreement --help` for the "
       "layouts)"},
      {"unit,a,a\n1,2,2\n", false, "t.csv names coder 'a' twice; give each coder one column"},
  };
  for (const auto& c : cases) {
    try {
      ReadReliabilityTable(StringSource(c.csv), "t.csv", TableLayout::kUnitsByCoders, c.labels);
      ADD_FAILURE() << "no error for " << c.csv;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kData);
      EXPECT_EQ(e.Describe(), c.expected);
    }
  }
}

TEST(CountTableTest, WikipediaFleissExample) {
  const auto t = ReadCountTable(StringSource("subject,1,2,3,4,5\n"
                                             "1,0,0,0,0,14\n2,0,2,6,4,2\n3,0,0,3,5,6\n"
                                             "4,0,3,9,2,0\n5,2,2,8,1,1\n6,7,7,0,0,0\n"
                                             "7,3,2,6,3,0\n8,2,5,3,2,2\n9,6,5,2,1,0\n"
                                             "10,0,2,2,3,7\n"),
                                "f.csv");
  ASSERT_EQ(t.counts.size(), 10u);
  EXPECT_NEAR(stats::FleissKappa(t.counts).value, 0.210, 0.0005);
  try {
    ReadCountTable(StringSource("s,a,b\n1,2,-1\n"), "f.csv");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.Describe(),
              "f.csv:2:5: '-1' is not a count; each cell says how many coders chose the "
              "category (a whole number of 0 or more, empty = 0)\n  1,2,-1\n      ^");
  }
}

}  // namespace
}  // namespace verhaal
