#include "corpus/story_extras.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

std::optional<double> OptionalReal(SQLite::Statement& row, int column) {
  if (row.getColumn(column).isNull()) return std::nullopt;
  return row.getColumn(column).getDouble();
}

template <typename T>
void BindOptional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

std::optional<int64_t> SignifierId(Project& project, const std::string& key) {
  SQLite::Statement find(project.db(), "SELECT id FROM signifier WHERE key = ?");
  find.bind(1, key);
  if (!find.executeStep()) return std::nullopt;
  return find.getColumn(0).getInt64();
}

}  // namespace

std::vector<SignifierDefinition> ListSignifierDefinitions(Project& project) try {
  std::vector<SignifierDefinition> out;
  SQLite::Statement all(project.db(),
                        "SELECT id, key, type, title, multiple, x_low, x_high, y_low, y_high, "
                        "source FROM signifier ORDER BY id");
  SQLite::Statement options(project.db(),
                            "SELECT key, label FROM signifier_option WHERE signifier_id = ? "
                            "ORDER BY position");
  while (all.executeStep()) {
    SignifierDefinition d;
    d.key = all.getColumn(1).getString();
    d.type = all.getColumn(2).getString();
    d.title = all.getColumn(3).getString();
    d.multiple = all.getColumn(4).getInt() != 0;
    d.x_low = all.getColumn(5).getString();
    d.x_high = all.getColumn(6).getString();
    d.y_low = all.getColumn(7).getString();
    d.y_high = all.getColumn(8).getString();
    d.source = all.getColumn(9).getString();
    options.bind(1, all.getColumn(0).getInt64());
    while (options.executeStep()) {
      d.options.emplace_back(options.getColumn(0).getString(), options.getColumn(1).getString());
    }
    options.reset();
    out.push_back(std::move(d));
  }
  return out;
} catch (...) {
  RethrowSqlite(project);
}

void EnsureSignifierDefinition(Project& project, const SignifierDefinition& definition) try {
  if (SignifierId(project, definition.key)) {
    for (const auto& existing : ListSignifierDefinitions(project)) {
      if (existing.key != definition.key) continue;
      if (existing.type != definition.type || existing.options != definition.options ||
          existing.multiple != definition.multiple) {
        throw DataError("signifier '" + definition.key + "' is a " + existing.type +
                        " question in one project and a different " + definition.type +
                        " question in the other; give one of them another key before merging");
      }
    }
    return;
  }
  SQLite::Statement insert(project.db(),
                           "INSERT INTO signifier(key, type, title, multiple, x_low, x_high, "
                           "y_low, y_high, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, definition.key);
  insert.bind(2, definition.type);
  insert.bind(3, definition.title);
  insert.bind(4, definition.multiple ? 1 : 0);
  insert.bind(5, definition.x_low);
  insert.bind(6, definition.x_high);
  insert.bind(7, definition.y_low);
  insert.bind(8, definition.y_high);
  insert.bind(9, definition.source);
  insert.exec();
  const int64_t id = project.db().getLastInsertRowid();
  SQLite::Statement option(project.db(),
                           "INSERT INTO signifier_option(signifier_id, position, key, label) "
                           "VALUES (?, ?, ?, ?)");
  for (size_t i = 0; i < definition.options.size(); ++i) {
    option.bind(1, id);
    option.bind(2, static_cast<int64_t>(i));
    option.bind(3, definition.options[i].first);
    option.bind(4, definition.options[i].second);
    option.exec();
    option.reset();
  }
} catch (...) {
  RethrowSqlite(project);
}

StoryExtras ReadStoryExtras(Project& project, int64_t story_id) try {
  StoryExtras extras;
  SQLite::Statement answers(project.db(),
                            "SELECT s.key, v.option, v.not_applicable, v.a, v.b, v.c, v.text "
                            "FROM signifier_value v JOIN signifier s ON s.id = v.signifier_id "
                            "WHERE v.story_id = ? ORDER BY s.id, v.option");
  answers.bind(1, story_id);
  while (answers.executeStep()) {
    SignifierAnswer a;
    a.signifier_key = answers.getColumn(0).getString();
    a.option = answers.getColumn(1).getInt();
    a.not_applicable = answers.getColumn(2).getInt() != 0;
    a.a = OptionalReal(answers, 3);
    a.b = OptionalReal(answers, 4);
    a.c = OptionalReal(answers, 5);
    if (!answers.getColumn(6).isNull()) a.text = answers.getColumn(6).getString();
    extras.answers.push_back(std::move(a));
  }
  SQLite::Statement turns(project.db(),
                          "SELECT position, speaker, interviewer, start, end, timestamp "
                          "FROM speaker_turn WHERE story_id = ? ORDER BY position");
  turns.bind(1, story_id);
  while (turns.executeStep()) {
    extras.turns.push_back({turns.getColumn(0).getInt(), turns.getColumn(1).getString(),
                            turns.getColumn(2).getInt() != 0, turns.getColumn(3).getInt64(),
                            turns.getColumn(4).getInt64(), turns.getColumn(5).getString()});
  }
  return extras;
} catch (...) {
  RethrowSqlite(project);
}

void WriteStoryExtras(Project& project, int64_t story_id, const StoryExtras& extras) try {
  SQLite::Statement answer(project.db(),
                           "INSERT INTO signifier_value(story_id, signifier_id, option, "
                           "not_applicable, a, b, c, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& a : extras.answers) {
    const auto signifier = SignifierId(project, a.signifier_key);
    if (!signifier) {
      throw DataError("signifier '" + a.signifier_key +
                      "' is not defined in the project; add its definition first");
    }
    answer.bind(1, story_id);
    answer.bind(2, *signifier);
    answer.bind(3, a.option);
    answer.bind(4, a.not_applicable ? 1 : 0);
    BindOptional(answer, 5, a.a);
    BindOptional(answer, 6, a.b);
    BindOptional(answer, 7, a.c);
    BindOptional(answer, 8, a.text);
    answer.exec();
    answer.reset();
  }
  SQLite::Statement turn(project.db(),
                         "INSERT INTO speaker_turn(story_id, position, speaker, interviewer, "
                         "start, end, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const auto& t : extras.turns) {
    turn.bind(1, story_id);
    turn.bind(2, t.position);
    turn.bind(3, t.speaker);
    turn.bind(4, t.interviewer ? 1 : 0);
    turn.bind(5, t.start);
    turn.bind(6, t.end);
    turn.bind(7, t.timestamp);
    turn.exec();
    turn.reset();
  }
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
