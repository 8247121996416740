#include "corpus/story_lookup.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

struct StoryLookup::State {
  explicit State(Project& project)
      : project(project),
        text(project.db(), "SELECT text FROM story WHERE id = ?"),
        keys(project.db(), "SELECT key FROM story WHERE respondent_id = ? ORDER BY id") {}

  Project& project;
  SQLite::Statement text;
  SQLite::Statement keys;
};

StoryLookup::StoryLookup(Project& project)
    : state_(TranslateSqlite(project, [&] { return std::make_unique<State>(project); })) {}

StoryLookup::~StoryLookup() = default;

std::string StoryLookup::TextOf(int64_t id) {
  return TranslateSqlite(state_->project, [&] { return ReadText(id); });
}

std::vector<std::string> StoryLookup::KeysOfRespondent(int64_t respondent_id) {
  return TranslateSqlite(state_->project, [&] { return ReadKeys(respondent_id); });
}

std::string StoryLookup::ReadText(int64_t id) try {
  SQLite::Statement& find = state_->text;
  find.reset();
  find.bind(1, id);
  if (!find.executeStep()) throw MissingError("no story with id " + std::to_string(id));
  const SQLite::Column text = find.getColumn(0);
  std::string bytes(static_cast<const char*>(text.getText()), static_cast<size_t>(text.getBytes()));
  find.reset();  // no read left open on the connection
  return bytes;
} catch (...) {
  RethrowSqlite(state_->project);
}

std::vector<std::string> StoryLookup::ReadKeys(int64_t respondent_id) try {
  SQLite::Statement& find = state_->keys;
  find.reset();
  find.bind(1, respondent_id);
  std::vector<std::string> keys;
  while (find.executeStep()) keys.push_back(find.getColumn(0).getString());
  return keys;
} catch (...) {
  RethrowSqlite(state_->project);
}

}  // namespace verhaal
