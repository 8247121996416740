#include "corpus/undo_steps.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

std::string ToJson(const std::optional<Coding>& coding) {
  if (!coding) return "";
  const nlohmann::json j = {{"story_id", coding->story_id}, {"code_id", coding->code_id},
                            {"coder_id", coding->coder_id}, {"start", coding->start},
                            {"end", coding->end},           {"origin", coding->origin},
                            {"memo", coding->memo},         {"created", coding->created}};
  return j.dump();
}

std::optional<Coding> FromJson(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const nlohmann::json j = nlohmann::json::parse(text);
  Coding c;
  c.story_id = j.at("story_id").get<int64_t>();
  c.code_id = j.at("code_id").get<int64_t>();
  c.coder_id = j.at("coder_id").get<int64_t>();
  c.start = j.at("start").get<int64_t>();
  c.end = j.at("end").get<int64_t>();
  c.origin = j.at("origin").get<std::string>();
  c.memo = j.at("memo").get<std::string>();
  c.created = j.at("created").get<std::string>();
  return c;
}

std::optional<UndoStep> FindStep(Project& project, int64_t coder_id, bool done) {
  SQLite::Statement find(project.db(),
                         std::string("SELECT id, action, before, after FROM undo_step "
                                     "WHERE coder_id = ? AND done = ? ORDER BY id ") +
                             (done ? "DESC" : "ASC") + " LIMIT 1");
  find.bind(1, coder_id);
  find.bind(2, done ? 1 : 0);
  if (!find.executeStep()) return std::nullopt;
  UndoStep step;
  step.id = find.getColumn(0).getInt64();
  step.coder_id = coder_id;
  step.action = find.getColumn(1).getString();
  step.before = FromJson(find.getColumn(2).getString());
  step.after = FromJson(find.getColumn(3).getString());
  return step;
}

}  // namespace

int64_t PushUndoStep(Project& project, const UndoStep& step) try {
  SQLite::Statement drop(project.db(), "DELETE FROM undo_step WHERE coder_id = ? AND done = 0");
  drop.bind(1, step.coder_id);
  drop.exec();
  SQLite::Statement insert(project.db(),
                           "INSERT INTO undo_step(coder_id, action, before, after) "
                           "VALUES (?, ?, ?, ?)");
  insert.bind(1, step.coder_id);
  insert.bind(2, step.action);
  insert.bind(3, ToJson(step.before));
  insert.bind(4, ToJson(step.after));
  insert.exec();
  return project.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project);
}

std::optional<UndoStep> LastDoneStep(Project& project, int64_t coder_id) try {
  return FindStep(project, coder_id, true);
} catch (...) {
  RethrowSqlite(project);
}

std::optional<UndoStep> FirstUndoneStep(Project& project, int64_t coder_id) try {
  return FindStep(project, coder_id, false);
} catch (...) {
  RethrowSqlite(project);
}

void MarkUndoStep(Project& project, int64_t step_id, bool done) try {
  SQLite::Statement mark(project.db(), "UPDATE undo_step SET done = ? WHERE id = ?");
  mark.bind(1, done ? 1 : 0);
  mark.bind(2, step_id);
  mark.exec();
} catch (...) {
  RethrowSqlite(project);
}

void DropUndoStep(Project& project, int64_t step_id) try {
  SQLite::Statement drop(project.db(), "DELETE FROM undo_step WHERE id = ?");
  drop.bind(1, step_id);
  drop.exec();
} catch (...) {
  RethrowSqlite(project);
}

UndoCounts CountUndoSteps(Project& project, int64_t coder_id) try {
  SQLite::Statement count(project.db(),
                          "SELECT coalesce(sum(done = 1), 0), coalesce(sum(done = 0), 0) "
                          "FROM undo_step WHERE coder_id = ?");
  count.bind(1, coder_id);
  count.executeStep();
  return {count.getColumn(0).getInt64(), count.getColumn(1).getInt64()};
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
