// Inter-coder agreement of a whole project in one table: per dimension (one
// unit per story, the level each coder chose) and per code (one unit per
// story, whether each coder used it), with percent agreement, Cohen's kappa
// (two coders) and Krippendorff's alpha (nominal). Used by the HTML report
// and the `agreement` export of `verhaal run`. The figures are the rows of
// TabulateAgreement (study/agreement.h) that compare every coder (the pair's
// with two, "all (N)" with more): the numbers `verhaal agreement` prints,
// which has the full set of coefficients and units.
// Private to study/.
#ifndef VERHAAL_STUDY_AGREEMENT_SUMMARY_H_
#define VERHAAL_STUDY_AGREEMENT_SUMMARY_H_

#include <string>
#include <vector>

#include "corpus/language.h"
#include "corpus/project.h"
#include "exporters/table.h"

namespace verhaal {

struct AgreementSummary {
  std::vector<std::string> coders;    // compared, in order
  Table table;                        // code, unit, stories, % agreement, kappa, alpha
  std::vector<std::string> problems;  // data problems, one line each
};

// Compares `coders` (empty: every coder with codings by hand, i.e. origin
// "manual" or "import:...", ListManualCoders). Throws the kData Errors of
// ForEachCodeReliability (coding/reliability.h), e.g. when fewer than two
// coders remain. `problems` are TabulateAgreement's ("CODE: PROBLEM"). The
// table's words are in `language` (the report's; numbers stay in English
// form, exporters/report_words.h).
AgreementSummary SummarizeAgreement(Project& project, const std::vector<std::string>& coders,
                                    Language language = Language::kEnglish);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_AGREEMENT_SUMMARY_H_
