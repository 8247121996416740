#include "study/table_agreement.h"

#include <gtest/gtest.h>

#include <string>

#include "base/error.h"
#include "importers/byte_source.h"

namespace verhaal {
namespace {

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the
// example with four observers and missing values (coders by units).
constexpr const char* kKrippendorff =
    "observer,1,2,3,4,5,6,7,8,9,10,11,12\n"
    "A,1,2,3,3,2,1,4,1,2,*,*,*\n"
    "B,1,2,3,3,2,2,4,1,2,5,*,*\n"
    "C,*,3,3,3,2,3,4,2,2,5,1,3\n"
    "D,1,2,3,3,2,4,4,1,2,5,1,*\n";

// Fleiss (1971): 10 subjects, 14 raters, 5 categories, kappa 0.210.
constexpr const char* kFleissCounts =
    "subject,1,2,3,4,5\n1,0,0,0,0,14\n2,0,2,6,4,2\n3,0,0,3,5,6\n4,0,3,9,2,0\n"
    "5,2,2,8,1,1\n6,7,7,0,0,0\n7,3,2,6,3,0\n8,2,5,3,2,2\n9,6,5,2,1,0\n10,0,2,2,3,7\n";

TableAgreement Compute(const std::string& table, const TableAgreementRequest& request) {
  return ComputeTableAgreement(StringSource(table), "t.csv", request);
}

TEST(TableAgreementTest, PublishedValues) {
  TableAgreementRequest interval;
  interval.layout = TableLayout::kCodersByUnits;
  interval.level = stats::MeasurementLevel::kInterval;
  const TableAgreement alpha = Compute(kKrippendorff, interval);
  EXPECT_EQ(alpha.units, 12);
  EXPECT_EQ(alpha.coders, 4);
  EXPECT_NEAR(alpha.value, 0.849, 0.0005);

  TableAgreementRequest counts;
  counts.coefficient = AgreementCoefficient::kFleiss;
  counts.counts = true;
  const TableAgreement fleiss = Compute(kFleissCounts, counts);
  EXPECT_EQ(fleiss.units, 10);
  EXPECT_FALSE(fleiss.coders);
  EXPECT_NEAR(fleiss.value, 0.2099, 0.00005);
}

TEST(TableAgreementTest, CohenCountsTheUnitsBothCodersCoded) {
  TableAgreementRequest cohen;
  cohen.coefficient = AgreementCoefficient::kCohen;
  const TableAgreement k = Compute("unit,a,b\n1,ja,ja\n2,nee,nee\n3,ja,\n4,ja,nee\n", cohen);
  EXPECT_EQ(k.units, 3);
  EXPECT_EQ(k.coders, 2);
  EXPECT_NEAR(k.value, 0.4, 1e-9);  // p_o = 2/3, p_e = 4/9
  EXPECT_EQ(k.note, "1 units left out (a coder's value missing)");
}

TEST(TableAgreementTest, RequestsThatDoNotGoTogetherAreUsageErrors) {
  struct Case {
    TableAgreementRequest request;
    ErrorKind kind;
    std::string message;
  };
  TableAgreementRequest counts_alpha;
  counts_alpha.counts = true;
  TableAgreementRequest fleiss_ordinal;
  fleiss_ordinal.coefficient = AgreementCoefficient::kFleiss;
  fleiss_ordinal.level = stats::MeasurementLevel::kOrdinal;
  TableAgreementRequest cohen_four;
  cohen_four.coefficient = AgreementCoefficient::kCohen;
  cohen_four.layout = TableLayout::kCodersByUnits;
  const Case cases[] = {
      {counts_alpha, ErrorKind::kUsage,
       "--counts reads a subjects x categories table, which only --coefficient fleiss uses"},
      {fleiss_ordinal, ErrorKind::kUsage,
       "Fleiss' kappa is for nominal data; use --coefficient alpha for --level ordinal"},
      {cohen_four, ErrorKind::kData,
       "t.csv has 4 coders; Cohen's kappa compares exactly two (use --coefficient alpha or "
       "fleiss for more)"},
  };
  for (const Case& c : cases) {
    try {
      Compute(kKrippendorff, c.request);
      ADD_FAILURE() << c.message;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), c.kind) << c.message;
      EXPECT_EQ(e.message(), c.message);
    }
  }
  EXPECT_EQ(ParseAgreementCoefficient("fleiss"), AgreementCoefficient::kFleiss);
  EXPECT_EQ(MeasurementLevelName(ParseMeasurementLevel("ratio")), "ratio");
  try {
    ParseTableLayout("rows");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUsage);
  }
}

}  // namespace
}  // namespace verhaal
