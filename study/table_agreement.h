// Agreement from a reliability data table that researchers bring from
// elsewhere (a spreadsheet, another tool) rather than from a project's
// codings: `verhaal agreement --from-table`, and any front end that offers
// it. One coefficient per table: Krippendorff's alpha at a measurement
// level, Cohen's kappa (two coders; weighted linearly for ordinal data,
// quadratically for interval and ratio) or Fleiss' kappa (nominal, from the
// values or from a count table). See docs/agreement.md, "Tables from
// elsewhere"; the table's layouts are in importers/reliability_table.h.
#ifndef VERHAAL_STUDY_TABLE_AGREEMENT_H_
#define VERHAAL_STUDY_TABLE_AGREEMENT_H_

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "importers/byte_source.h"
#include "importers/reliability_table.h"
#include "stats/krippendorff_alpha.h"

namespace verhaal {

enum class AgreementCoefficient { kAlpha, kCohen, kFleiss };

// "alpha", "cohen", "fleiss"; kUsage for another name.
AgreementCoefficient ParseAgreementCoefficient(std::string_view name);
std::string_view AgreementCoefficientName(AgreementCoefficient coefficient);

// "nominal", "ordinal", "interval", "ratio"; kUsage for another name.
stats::MeasurementLevel ParseMeasurementLevel(std::string_view name);
std::string_view MeasurementLevelName(stats::MeasurementLevel level);

// "units-by-coders", "coders-by-units"; kUsage for another name.
TableLayout ParseTableLayout(std::string_view name);

struct TableAgreementRequest {
  AgreementCoefficient coefficient = AgreementCoefficient::kAlpha;
  stats::MeasurementLevel level = stats::MeasurementLevel::kNominal;
  TableLayout layout = TableLayout::kUnitsByCoders;
  // The table counts coders per subject and category (Fleiss' kappa only).
  bool counts = false;
};

// The coefficient of one table.
struct TableAgreement {
  AgreementCoefficient coefficient = AgreementCoefficient::kAlpha;
  stats::MeasurementLevel level = stats::MeasurementLevel::kNominal;
  // The table's units; for Cohen's kappa the units both coders coded.
  int64_t units = 0;
  std::optional<int64_t> coders;  // none for a count table
  double value = std::nan("");    // NaN when undefined (see `note`)
  std::string note;               // why undefined, units left out; "; " between
};

// Reads the table named `file_name` from `source` and computes the
// coefficient. Throws kUsage, before reading, for a request that does not go
// together (`counts` without Fleiss' kappa; Fleiss' kappa beyond nominal
// data); kData for the table's own errors (located, see
// importers/reliability_table.h) and for Cohen's kappa over other than two
// coders.
TableAgreement ComputeTableAgreement(std::unique_ptr<ByteSource> source,
                                     const std::string& file_name,
                                     const TableAgreementRequest& request);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_TABLE_AGREEMENT_H_
