// The JSON shapes of docs/serve.md, built from what study/ returns. One
// function per resource; no logic beyond naming fields. Private to
// workbench/.
// Private to workbench/.
#ifndef VERHAAL_WORKBENCH_JSON_VIEW_H_
#define VERHAAL_WORKBENCH_JSON_VIEW_H_

#include <nlohmann/json.hpp>

#include "corpus/codings.h"
#include "corpus/story_pages.h"
#include "study/code_passages.h"
#include "study/codebook_edit.h"
#include "study/coding_actions.h"
#include "study/matrix_query.h"
#include "study/memo_list.h"
#include "study/rule_review.h"
#include "study/story_browse.h"
#include "study/team.h"
#include "study/viewer.h"

namespace verhaal {

nlohmann::json CodingJson(const Coding& coding, const Viewer& viewer);
nlohmann::json StoryPageJson(const StoryPage& page, int64_t offset, int64_t limit);
nlohmann::json StoryJson(const StoryView& view, const Viewer& viewer);
nlohmann::json CodeJson(const CodeWithCounts& code);
nlohmann::json UndoJson(const UndoOutcome& outcome, const Viewer& viewer, bool undo);
nlohmann::json MatrixAnswerJson(const MatrixAnswer& answer);
// Whose codings an answer counts: names, combine, min_coders, speaker,
// source and the CLI's text, so a page can say it in its language.
nlohmann::json CoderSelectionJson(const CoderSelection& coders);
nlohmann::json CellQuotesJson(const CellQuotes& quotes, const std::string& row,
                              const std::string& col, const std::string& group);
// The Code view's passages: the coders, the total and passages [offset,
// offset + limit).
nlohmann::json CodePassagesJson(const std::string& code, const CodePassages& passages,
                                int64_t offset, int64_t limit);
// The Memos view's list: the total, the authors and memos [offset, offset + limit).
nlohmann::json MemoListJson(const MemoList& list, int64_t offset, int64_t limit);
// The Rules view's shapes: the rule codings with their reasons and
// decisions, each rule's precision, and what a decision did.
nlohmann::json RuleCodingListJson(const RuleCodingList& list, int64_t offset, int64_t limit);
nlohmann::json RulePrecisionsJson(const std::vector<RulePrecision>& rules);
nlohmann::json RuleDecisionJson(const RuleDecisionOutcome& outcome, const Viewer& viewer);
nlohmann::json DimensionChoicesJson(const std::vector<MatrixDimensionChoice>& choices);

// The Team view's shapes (team_json.cc).
nlohmann::json TeamOverviewJson(const TeamOverview& overview, const Viewer& viewer);
nlohmann::json TeamDisagreementsJson(const TeamDisagreements& list, const Viewer& viewer);
nlohmann::json TeamDisagreementJson(const TeamDisagreement& disagreement);

}  // namespace verhaal

#endif  // VERHAAL_WORKBENCH_JSON_VIEW_H_
