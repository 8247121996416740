#include "workbench/json_view.h"

#include <algorithm>

#include "exporters/matrix_report.h"
#include "study/coding_id.h"

namespace verhaal {
namespace {

using nlohmann::json;

json OptionalInt(const std::optional<int64_t>& value) {
  return value ? json(*value) : json(nullptr);
}

json SignifierJson(const Signifier& signifier, const SignifierValue& value) {
  json labels = json::array();
  json values = json::array();
  json out = {{"key", signifier.key},
              {"type", std::string(SignifierTypeName(signifier.type))},
              {"title", signifier.title},
              {"not_applicable", value.not_applicable}};
  switch (signifier.type) {
    case SignifierType::kDyad:
      labels = {signifier.x_low, signifier.x_high};
      if (!value.not_applicable) values.push_back(value.x);
      break;
    case SignifierType::kTriad:
      for (const SignifierOption& o : signifier.options) labels.push_back(o.label);
      if (!value.not_applicable) {
        values = {value.triad.top, value.triad.left, value.triad.right};
      }
      break;
    case SignifierType::kStones: {
      json stones = json::array();
      for (size_t i = 0; i < signifier.options.size(); ++i) {
        labels.push_back(signifier.options[i].label);
        const bool placed = i < value.stones.size() && value.stones[i].has_value();
        stones.push_back(placed ? json{value.stones[i]->x, value.stones[i]->y} : json(nullptr));
      }
      out["axes"] = {signifier.x_low, signifier.x_high, signifier.y_low, signifier.y_high};
      if (!value.not_applicable) values = stones;
      break;
    }
    case SignifierType::kList: {
      json chosen = json::array();
      for (const SignifierOption& o : signifier.options) labels.push_back(o.label);
      for (int item : value.items) {
        if (item >= 0 && static_cast<size_t>(item) < signifier.options.size()) {
          chosen.push_back(signifier.options[static_cast<size_t>(item)].label);
        }
      }
      out["chosen"] = chosen;
      break;
    }
    case SignifierType::kFreetext:
      out["text"] = value.text;
      break;
  }
  out["labels"] = labels;
  out["values"] = values;
  return out;
}

}  // namespace

json CodingJson(const Coding& coding, const Viewer& viewer) {
  return {{"id", FormatCodingId(coding)}, {"story", coding.story_key},
          {"code", coding.code_path},     {"coder", coding.coder},
          {"start", coding.start},        {"end", coding.end},
          {"memo", coding.memo},          {"origin", coding.origin},
          {"created", coding.created},    {"mine", coding.coder == viewer.coder}};
}

json StoryPageJson(const StoryPage& page, int64_t offset, int64_t limit) {
  json stories = json::array();
  for (const StoryPageRow& row : page.rows) {
    stories.push_back({{"key", row.key},
                       {"id", row.id},
                       {"title", row.title},
                       {"respondent", row.respondent},
                       {"role", row.role},
                       {"kind", row.kind},
                       {"wave", row.wave ? json(*row.wave) : json(nullptr)},
                       {"snippet", row.snippet},
                       {"coded", row.coded}});
  }
  return {{"total", page.total},
          {"total_exact", page.total_exact},
          {"offset", offset},
          {"limit", limit},
          {"stories", stories}};
}

json StoryJson(const StoryView& view, const Viewer& viewer) {
  const Story& s = view.story;
  json signifiers = json::array();
  for (const auto& [signifier, value] : view.answers) {
    signifiers.push_back(SignifierJson(signifier, value));
  }
  json turns = json::array();
  for (const SpeakerTurn& t : view.turns) {
    turns.push_back({{"speaker", t.speaker},
                     {"interviewer", t.interviewer},
                     {"start", t.start},
                     {"end", t.end},
                     {"timestamp", t.timestamp}});
  }
  json memos = json::array();
  for (const Memo& m : view.memos) {
    memos.push_back({{"id", m.id},
                     {"author", m.author},
                     {"title", m.title},
                     {"text", m.text},
                     {"start", OptionalInt(m.start)},
                     {"end", OptionalInt(m.end)},
                     {"created", m.created}});
  }
  json codings = json::array();
  for (const Coding& c : view.codings) codings.push_back(CodingJson(c, viewer));
  return {{"key", s.key},
          {"id", s.id},
          {"title", s.title},
          {"text", s.text},
          {"length", view.length},
          {"respondent", s.respondent_key},
          {"role", s.role},
          {"kind", s.kind},
          {"wave", s.wave ? json(*s.wave) : json(nullptr)},
          {"date", s.date},
          {"language", s.language},
          {"variables", view.variables},
          {"signifiers", signifiers},
          {"turns", turns},
          {"memos", memos},
          {"codings", codings}};
}

json CodeJson(const CodeWithCounts& entry) {
  const Code& c = entry.code;
  return {{"path", c.path},
          {"name", c.name},
          {"parent", entry.parent_path},
          {"colour", c.colour},
          {"description", c.description},
          {"codable", c.codable},
          {"dimension", c.dimension},
          {"retired", c.retired},
          {"codings", entry.codings},
          {"total", entry.total}};
}

json UndoJson(const UndoOutcome& outcome, const Viewer& viewer, bool undo) {
  json out = {{undo ? "undone" : "redone", outcome.action},
              {"story", outcome.story_key},
              {"undo", outcome.remaining.undo},
              {"redo", outcome.remaining.redo}};
  if (outcome.before) out["before"] = CodingJson(*outcome.before, viewer);
  if (outcome.after) out["after"] = CodingJson(*outcome.after, viewer);
  // The coding as it is now: after an undo the state before the step.
  const auto& now = undo ? outcome.before : outcome.after;
  out["present"] = now.has_value();
  out["coding"] =
      now ? CodingJson(*now, viewer) : CodingJson(undo ? *outcome.after : *outcome.before, viewer);
  return out;
}

namespace {

std::string CombineName(CoderCombine combine) {
  switch (combine) {
    case CoderCombine::kAny:
      return "any";
    case CoderCombine::kAll:
      return "all";
    case CoderCombine::kEach:
      return "each";
  }
  return "any";
}

std::string MixedName(MixedPolicy mixed) {
  switch (mixed) {
    case MixedPolicy::kExclude:
      return "exclude";
    case MixedPolicy::kLevel:
      return "level";
    case MixedPolicy::kEach:
      return "each";
  }
  return "exclude";
}

json DimensionJson(const DimensionSpec& spec, const ResolvedDimension& dim) {
  return {{"dim", spec.text},
          {"title", dim.title},
          {"source", spec.source == DimensionSource::kCode ? "code" : "other"},
          {"code", spec.source == DimensionSource::kCode ? spec.name : ""},
          {"coders", spec.coders},
          {"levels", dim.levels},
          {"codings", dim.codings}};
}

}  // namespace

// Whose codings an answer counts, for the Matrix, Code and Signifiers pages.
json CoderSelectionJson(const CoderSelection& c) {
  return {{"names", c.names},
          {"combine", CombineName(c.combine)},
          {"min_coders", c.min_coders},
          {"speaker", c.speaker.empty() ? json(nullptr) : json(c.speaker)},
          {"source", c.source},
          {"text", c.Describe()}};
}

json MatrixAnswerJson(const MatrixAnswer& answer) {
  const Matrix& matrix = answer.matrix;
  json coders = nullptr;
  if (answer.coders) {
    coders = CoderSelectionJson(*answer.coders);
  }
  json text = json::array();
  auto describe = [&](const CrossTab& tab, bool comparison) {
    json tests = json::array();
    // The Dutch rows are the English ones in the words of the Dutch report.
    const Table english = CrossTabTests(tab);
    const Table dutch = CrossTabTests(tab, Language::kDutch);
    for (size_t i = 0; i < english.rows.size(); ++i) {
      tests.push_back(
          {{"statistic", english.rows[i][0]},
           {"value", english.rows[i][1]},
           {"value_nl", i < dutch.rows.size() ? dutch.rows[i][1] : english.rows[i][1]}});
    }
    text.push_back({{"group", tab.group},
                    {"comparison", comparison},
                    {"used", MatrixUsedLine(tab, matrix.multiple_response && !comparison)},
                    {"tests", tests}});
  };
  for (const CrossTab& tab : matrix.tables) describe(tab, false);
  if (matrix.comparison) describe(*matrix.comparison, true);
  json dimensions = {{"rows", DimensionJson(answer.row_spec, answer.rows)},
                     {"cols", DimensionJson(answer.col_spec, answer.cols)}};
  if (answer.by && answer.by_spec) dimensions["by"] = DimensionJson(*answer.by_spec, *answer.by);
  return {{"matrix", json(MatrixJson(matrix))},
          {"header", MatrixHeaderLine(matrix)},
          {"multiple_response", matrix.multiple_response},
          {"segment_unit", matrix.segment_unit},
          {"mixed", MixedName(answer.mixed)},
          {"coders", coders},
          {"dimensions", dimensions},
          {"text", text},
          {"residual_flag", kResidualFlag}};
}

json CellQuotesJson(const CellQuotes& quotes, const std::string& row, const std::string& col,
                    const std::string& group) {
  json list = json::array();
  for (const MatrixQuote& q : quotes.quotes) {
    list.push_back({{"story", q.story},
                    {"story_id", q.story_id},
                    {"respondent", q.respondent},
                    {"coder", q.coder},
                    {"code", q.code},
                    {"start", q.start},
                    {"end", q.end},
                    {"text", q.text}});
  }
  return {{"row", row},          {"col", col},    {"group", group}, {"stories", quotes.stories},
          {"more", quotes.more}, {"quotes", list}};
}

json CodePassagesJson(const std::string& code, const CodePassages& passages, int64_t offset,
                      int64_t limit) {
  const CoderSelection& c = passages.coders;
  json list = json::array();
  const auto total = static_cast<int64_t>(passages.quotes.size());
  for (int64_t i = std::clamp<int64_t>(offset, 0, total);
       i < std::clamp<int64_t>(offset + limit, 0, total); ++i) {
    const Quote& q = passages.quotes[static_cast<size_t>(i)];
    list.push_back({{"story", q.coding.story_key},
                    {"story_id", q.coding.story_id},
                    {"respondent", q.respondent},
                    {"role", q.role},
                    {"kind", q.kind},
                    {"wave", q.wave ? json(*q.wave) : json(nullptr)},
                    {"code", q.coding.code_path},
                    {"coder", q.coding.coder},
                    {"start", q.coding.start},
                    {"end", q.coding.end},
                    {"before", q.before},
                    {"text", q.text},
                    {"after", q.after},
                    {"memo", q.coding.memo}});
  }
  return {{"code", code},   {"coders", CoderSelectionJson(c)},
          {"total", total}, {"offset", offset},
          {"limit", limit}, {"passages", list}};
}

json MemoListJson(const MemoList& list, int64_t offset, int64_t limit) {
  json memos = json::array();
  for (const MemoEntry& m : list.memos) {
    const auto optional = [](const std::optional<int64_t>& value) {
      return value ? json(*value) : json(nullptr);
    };
    memos.push_back({{"kind", m.kind},
                     {"id", m.id ? json(m.id) : json(nullptr)},
                     {"coding", m.coding_id.empty() ? json(nullptr) : json(m.coding_id)},
                     {"author", m.author},
                     {"title", m.title},
                     {"text", m.text},
                     {"created", m.created},
                     {"story", m.story_key},
                     {"code", m.code_path},
                     {"start", optional(m.start)},
                     {"end", optional(m.end)},
                     {"passage", m.passage}});
  }
  return {{"total", list.total},
          {"offset", offset},
          {"limit", limit},
          {"authors", list.authors},
          {"memos", memos}};
}

namespace {

json RulePartsJson(const std::vector<RulePart>& parts) {
  json out = json::array();
  for (const RulePart& part : parts) {
    out.push_back({{"key", part.key}, {"value", part.value}, {"within", part.within}});
  }
  return out;
}

json RuleCodingJson(const RuleCodingView& view) {
  const Coding& c = view.coding;
  const RuleReason& r = view.reason;
  json reason = {{"found", r.found}};
  if (r.found) {
    reason["match_start"] = r.match_start;
    reason["match_end"] = r.match_end;
    reason["before"] = r.before;
    reason["matched"] = r.matched;
    reason["after"] = r.after;
  }
  return {{"id", FormatCodingId(c)},
          {"story", c.story_key},
          {"code", c.code_path},
          {"start", c.start},
          {"end", c.end},
          {"text", view.text},
          {"created", c.created},
          {"rule", r.rule},
          {"rule_text", r.text},
          {"rule_parts", RulePartsJson(r.parts)},
          {"reason", reason},
          {"decision", view.review ? json(view.review->decision) : json(nullptr)},
          {"reviewer", view.review ? view.review->reviewer : ""},
          {"decided", view.review ? view.review->decided : ""},
          {"yours", view.yours}};
}

}  // namespace

json RuleCodingListJson(const RuleCodingList& list, int64_t offset, int64_t limit) {
  json codings = json::array();
  for (const RuleCodingView& view : list.codings) codings.push_back(RuleCodingJson(view));
  return {{"total", list.total},
          {"offset", offset},
          {"limit", limit},
          {"rules_error", list.rules_error},
          {"codings", codings}};
}

json RulePrecisionsJson(const std::vector<RulePrecision>& rules) {
  json out = json::array();
  for (const RulePrecision& r : rules) {
    const json parts = RulePartsJson(r.parts);
    out.push_back({{"code", r.code},
                   {"rule", r.rule},
                   {"text", r.text},
                   {"parts", parts},
                   {"codings", r.codings},
                   {"accepted", r.accepted},
                   {"rejected", r.rejected},
                   {"precision", r.precision ? json(*r.precision) : json(nullptr)}});
  }
  return {{"rules", out}};
}

json RuleDecisionJson(const RuleDecisionOutcome& outcome, const Viewer& viewer) {
  json out = RuleCodingJson(outcome.coding);
  out["added"] = outcome.added ? CodingJson(*outcome.added, viewer) : json(nullptr);
  out["removed"] = outcome.removed ? CodingJson(*outcome.removed, viewer) : json(nullptr);
  return out;
}

json DimensionChoicesJson(const std::vector<MatrixDimensionChoice>& choices) {
  json out = json::array();
  for (const MatrixDimensionChoice& c : choices) {
    out.push_back({{"dim", c.dim}, {"source", c.source}, {"label", c.label}});
  }
  return out;
}

}  // namespace verhaal
