#include "study/agreement_summary.h"

#include <cmath>

#include "corpus/codings.h"
#include "exporters/matrix_report.h"
#include "exporters/report_words.h"
#include "study/agreement.h"

namespace verhaal {

AgreementSummary SummarizeAgreement(Project& project, const std::vector<std::string>& coders,
                                    Language language) {
  auto say = [&](Word word) { return std::string(Say(language, word)); };
  AgreementSummary summary;
  AgreementSelection selection;
  selection.coders = coders.empty() ? ListManualCoders(project) : coders;
  summary.coders = selection.coders;
  summary.table =
      Table{{say(Word::kCode), say(Word::kUnit), say(Word::kStoriesColumn),
             say(Word::kPercentAgreement), say(Word::kCohensKappa), say(Word::kKrippendorffsAlpha)},
            {},
            {false, false, true, true, true, true}};
  for (AgreementUnit unit : {AgreementUnit::kDimension, AgreementUnit::kPresence}) {
    // The rows `verhaal agreement` computes (study/agreement.h); of each code
    // the one that compares every coder: the pair's with two, "all (N)" with more.
    const AgreementTable table = TabulateAgreement(project, unit, selection);
    const std::string unit_name =
        unit == AgreementUnit::kDimension ? say(Word::kUnitDimension) : say(Word::kUnitPresence);
    for (const AgreementRow& row : table.rows) {
      if (row.names.size() != table.coders.size()) continue;
      // n is the stories every figure of the row is computed from: those
      // that two or more coders rated (a dimension's story where a coder
      // gave no level does not enter), not all the stories listed.
      std::vector<std::string> cells = {row.code, unit_name, std::to_string(row.n)};
      if (!row.compared) {
        cells.insert(cells.end(), {"-", "-", "-"});  // no story to compute from
      } else {
        cells.push_back(FormatFixed(100 * row.agreement, 1));
        cells.push_back(row.kappa ? FormatFixed(*row.kappa, 2) : "-");
        cells.push_back(FormatFixed(row.alpha, 2));
      }
      summary.table.AddRow(std::move(cells));
    }
    summary.problems.insert(summary.problems.end(), table.problems.begin(), table.problems.end());
  }
  return summary;
}

}  // namespace verhaal
