#include "workbench/json_view.h"

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
                       {"title", row.title},
                       {"respondent", row.respondent},
                       {"role", row.role},
                       {"kind", row.kind},
                       {"wave", row.wave ? json(*row.wave) : json(nullptr)},
                       {"snippet", row.snippet},
                       {"coded", row.coded}});
  }
  return {{"total", page.total}, {"offset", offset}, {"limit", limit}, {"stories", stories}};
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
  out["coding"] = now ? CodingJson(*now, viewer)
                      : CodingJson(undo ? *outcome.after : *outcome.before, viewer);
  return out;
}

}  // namespace verhaal
