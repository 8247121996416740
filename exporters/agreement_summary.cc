#include "exporters/agreement_summary.h"

#include <set>
#include <stdexcept>

#include "coding/reliability.h"
#include "corpus/codings.h"
#include "exporters/matrix_report.h"
#include "exporters/report_words.h"
#include "stats/cohen_kappa.h"
#include "stats/krippendorff_alpha.h"
#include "stats/percent_agreement.h"

namespace verhaal {

AgreementSummary SummarizeAgreement(Project& project, const std::vector<std::string>& coders,
                                    Language language) {
  auto say = [&](Word word) { return std::string(Say(language, word)); };
  AgreementSummary summary;
  AgreementSelection selection;
  selection.coders = coders;
  if (selection.coders.empty()) {
    std::set<std::string> manual;
    for (const Coding& coding : ListCodings(project)) {
      if (coding.origin == "manual" || coding.origin.rfind("import:", 0) == 0) {
        manual.insert(coding.coder);
      }
    }
    selection.coders.assign(manual.begin(), manual.end());
  }
  summary.coders = selection.coders;
  summary.table =
      Table{{say(Word::kCode), say(Word::kUnit), say(Word::kStoriesColumn),
             say(Word::kPercentAgreement), say(Word::kCohensKappa), say(Word::kKrippendorffsAlpha)},
            {},
            {false, false, true, true, true, true}};
  for (AgreementUnit unit : {AgreementUnit::kDimension, AgreementUnit::kPresence}) {
    ForEachCodeReliability(project, unit, selection, [&](const CodeReliability& r) {
      std::string unit_name(AgreementUnitName(unit));
      if (unit == AgreementUnit::kDimension) unit_name = say(Word::kUnitDimension);
      if (unit == AgreementUnit::kPresence) unit_name = say(Word::kUnitPresence);
      std::vector<std::string> row = {r.code, unit_name, std::to_string(r.data.units.size())};
      try {
        // n is the stories every figure of the row is computed from: those
        // that two or more coders rated (a dimension's story where a coder
        // gave no level does not enter), not all the stories listed.
        const stats::AgreementResult percent = stats::PercentAgreement(r.data);
        row[2] = std::to_string(percent.units);
        row.push_back(FormatFixed(100 * percent.value, 1));
        row.push_back(r.coders.size() == 2 ? FormatFixed(stats::CohenKappa(r.data).kappa, 2) : "-");
        row.push_back(FormatFixed(
            stats::KrippendorffAlpha(r.data, stats::MeasurementLevel::kNominal).alpha, 2));
      } catch (const std::invalid_argument&) {
        row.resize(3);
        row.insert(row.end(), {"-", "-", "-"});  // too few units or categories to compute
      }
      summary.table.AddRow(std::move(row));
      summary.problems.insert(summary.problems.end(), r.problems.begin(), r.problems.end());
    });
  }
  return summary;
}

}  // namespace verhaal
