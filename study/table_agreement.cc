#include "study/table_agreement.h"

#include <stdexcept>

#include "base/error.h"
#include "stats/cohen_kappa.h"
#include "stats/fleiss_kappa.h"

namespace verhaal {
namespace {

void AddNote(std::string& notes, const std::string& note) {
  if (note.empty() || notes.find(note) != std::string::npos) return;
  notes += (notes.empty() ? "" : "; ") + note;
}

void CheckRequest(const TableAgreementRequest& request) {
  if (request.counts && request.coefficient != AgreementCoefficient::kFleiss) {
    throw UsageError(
        "--counts reads a subjects x categories table, which only --coefficient "
        "fleiss uses");
  }
  if (request.coefficient == AgreementCoefficient::kFleiss &&
      request.level != stats::MeasurementLevel::kNominal) {
    throw UsageError("Fleiss' kappa is for nominal data; use --coefficient alpha for --level " +
                     std::string(MeasurementLevelName(request.level)));
  }
}

TableAgreement FromValues(std::unique_ptr<ByteSource> source, const std::string& file,
                          const TableAgreementRequest& request) {
  const bool nominal = request.level == stats::MeasurementLevel::kNominal;
  const ReliabilityTable t = ReadReliabilityTable(std::move(source), file, request.layout, nominal);
  TableAgreement out;
  out.coefficient = request.coefficient;
  out.level = request.level;
  out.units = static_cast<int64_t>(t.units.size());
  out.coders = static_cast<int64_t>(t.coders.size());
  switch (request.coefficient) {
    case AgreementCoefficient::kAlpha: {
      const auto result = stats::KrippendorffAlpha(t.data, request.level);
      out.value = result.alpha;
      out.note = result.note;
      break;
    }
    case AgreementCoefficient::kFleiss: {
      const auto result = stats::FleissKappa(t.data);
      out.value = result.value;
      out.note = result.note;
      break;
    }
    case AgreementCoefficient::kCohen: {
      if (t.coders.size() != 2) {
        throw DataError(file + " has " + std::to_string(t.coders.size()) +
                        " coders; Cohen's kappa compares exactly two (use --coefficient "
                        "alpha or fleiss for more)");
      }
      const auto weighting = nominal ? stats::KappaWeighting::kUnweighted
                             : request.level == stats::MeasurementLevel::kOrdinal
                                 ? stats::KappaWeighting::kLinear
                                 : stats::KappaWeighting::kQuadratic;
      const auto result = stats::CohenKappa(t.data, weighting);
      out.units = result.n;
      out.value = result.kappa;
      out.note = result.note;
      if (result.units_skipped > 0) {
        AddNote(out.note,
                std::to_string(result.units_skipped) + " units left out (a coder's value missing)");
      }
      break;
    }
  }
  return out;
}

}  // namespace

AgreementCoefficient ParseAgreementCoefficient(std::string_view name) {
  if (name == "alpha") return AgreementCoefficient::kAlpha;
  if (name == "cohen") return AgreementCoefficient::kCohen;
  if (name == "fleiss") return AgreementCoefficient::kFleiss;
  throw UsageError("unknown coefficient '" + std::string(name) + "'; use alpha, cohen or fleiss");
}

std::string_view AgreementCoefficientName(AgreementCoefficient coefficient) {
  switch (coefficient) {
    case AgreementCoefficient::kAlpha:
      return "alpha";
    case AgreementCoefficient::kCohen:
      return "cohen";
    case AgreementCoefficient::kFleiss:
      return "fleiss";
  }
  return "alpha";
}

stats::MeasurementLevel ParseMeasurementLevel(std::string_view name) {
  if (name == "nominal") return stats::MeasurementLevel::kNominal;
  if (name == "ordinal") return stats::MeasurementLevel::kOrdinal;
  if (name == "interval") return stats::MeasurementLevel::kInterval;
  if (name == "ratio") return stats::MeasurementLevel::kRatio;
  throw UsageError("unknown level '" + std::string(name) +
                   "'; use nominal, ordinal, interval or ratio");
}

std::string_view MeasurementLevelName(stats::MeasurementLevel level) {
  switch (level) {
    case stats::MeasurementLevel::kNominal:
      return "nominal";
    case stats::MeasurementLevel::kOrdinal:
      return "ordinal";
    case stats::MeasurementLevel::kInterval:
      return "interval";
    case stats::MeasurementLevel::kRatio:
      return "ratio";
  }
  return "nominal";
}

TableLayout ParseTableLayout(std::string_view name) {
  if (name == "units-by-coders") return TableLayout::kUnitsByCoders;
  if (name == "coders-by-units") return TableLayout::kCodersByUnits;
  throw UsageError("unknown layout '" + std::string(name) +
                   "'; use units-by-coders (a column per coder) or coders-by-units");
}

TableAgreement ComputeTableAgreement(std::unique_ptr<ByteSource> source,
                                     const std::string& file_name,
                                     const TableAgreementRequest& request) {
  CheckRequest(request);
  try {
    if (!request.counts) return FromValues(std::move(source), file_name, request);
    const CountTable t = ReadCountTable(std::move(source), file_name);
    const auto result = stats::FleissKappa(t.counts);
    TableAgreement out;
    out.coefficient = AgreementCoefficient::kFleiss;
    out.level = stats::MeasurementLevel::kNominal;
    out.units = static_cast<int64_t>(t.counts.size());
    out.value = result.value;
    out.note = result.note;
    return out;
  } catch (const std::invalid_argument& e) {
    // The statistics' own checks (e.g. subjects with unequal numbers of
    // ratings), which know no file.
    throw DataError(file_name + ": " + e.what());
  }
}

}  // namespace verhaal
