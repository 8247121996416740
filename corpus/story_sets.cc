#include "corpus/story_sets.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

#include "base/text.h"
#include "corpus/clock.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

constexpr const char* kSelect =
    "SELECT t.id, t.name, t.created_by, t.created, "
    "(SELECT count(*) FROM story_set_member m WHERE m.set_id = t.id) FROM story_set t";

StorySet Read(SQLite::Statement& row) {
  StorySet set;
  set.id = row.getColumn(0).getInt64();
  set.name = row.getColumn(1).getString();
  set.created_by = row.getColumn(2).getString();
  set.created = row.getColumn(3).getString();
  set.stories = row.getColumn(4).getInt64();
  return set;
}

void RefuseTakenName(Project& project, std::string_view name) {
  if (FindStorySet(project, name)) {
    throw DataError("there is already a story set '" + std::string(name) +
                    "'; choose another name, or delete or rename that set first");
  }
}

}  // namespace

void CheckStorySetName(std::string_view name) {
  if (name.empty()) throw UsageError("a story set needs a name, e.g. 'sterk willen'");
  try {
    ValidateUtf8(name, {});
  } catch (const Error&) {
    throw UsageError("a story set's name must be valid UTF-8");
  }
  if (CodePointCount(name) > kMaxStorySetName) {
    throw UsageError("a story set's name has at most " + std::to_string(kMaxStorySetName) +
                     " characters");
  }
  if (std::any_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    throw UsageError("a story set's name cannot hold a control character (tab, newline, ...)");
  }
  if (name.find('/') != std::string_view::npos) {
    throw UsageError("a story set's name cannot hold '/'; e.g. 'willen-aanmoedigend'");
  }
  if (name.front() == ' ' || name.back() == ' ') {
    throw UsageError("a story set's name cannot start or end with a space");
  }
}

std::vector<StorySet> ListStorySets(Project& project) try {
  SQLite::Statement query(project.db(), std::string(kSelect) + " ORDER BY t.name");
  std::vector<StorySet> sets;
  while (query.executeStep()) sets.push_back(Read(query));
  return sets;
} catch (...) {
  RethrowSqlite(project);
}

std::optional<StorySet> FindStorySet(Project& project, std::string_view name) try {
  SQLite::Statement query(project.db(), std::string(kSelect) + " WHERE t.name = ?");
  query.bind(1, std::string(name));
  if (!query.executeStep()) return std::nullopt;
  return Read(query);
} catch (...) {
  RethrowSqlite(project);
}

StorySet RequireStorySet(Project& project, std::string_view name) try {
  if (auto set = FindStorySet(project, name)) return *set;
  std::string known;
  for (const StorySet& set : ListStorySets(project)) {
    known += (known.empty() ? "" : ", ") + set.name;
  }
  throw MissingError("no story set '" + std::string(name) + "'; " +
                     (known.empty() ? "the project has none yet (save one in the workbench's "
                                      "Signifiers view)"
                                    : "the project has: " + known));
} catch (...) {
  RethrowSqlite(project);
}

StorySet CreateStorySet(Project& project, std::string_view name,
                        const std::vector<int64_t>& story_ids, std::string_view created_by) try {
  CheckStorySetName(name);
  RefuseTakenName(project, name);
  std::vector<int64_t> ids = story_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  SQLite::Statement exists(project.db(), "SELECT 1 FROM story WHERE id = ?");
  for (const int64_t id : ids) {
    exists.bind(1, id);
    const bool found = exists.executeStep();
    exists.reset();
    if (!found) throw DataError("there is no story with id " + std::to_string(id));
  }
  SQLite::Statement insert(project.db(),
                           "INSERT INTO story_set (name, created_by, created) VALUES (?, ?, ?)");
  insert.bind(1, std::string(name));
  insert.bind(2, std::string(created_by));
  insert.bind(3, UtcStampNow());
  insert.exec();
  const int64_t set_id = project.db().getLastInsertRowid();
  SQLite::Statement member(project.db(),
                           "INSERT INTO story_set_member (set_id, story_id) VALUES (?, ?)");
  for (const int64_t id : ids) {
    member.bind(1, set_id);
    member.bind(2, id);
    member.exec();
    member.reset();
  }
  return *FindStorySet(project, name);
} catch (...) {
  RethrowSqlite(project);
}

StorySet RenameStorySet(Project& project, std::string_view name, std::string_view new_name) try {
  const StorySet set = RequireStorySet(project, name);
  CheckStorySetName(new_name);
  if (new_name == name) return set;
  RefuseTakenName(project, new_name);
  SQLite::Statement rename(project.db(), "UPDATE story_set SET name = ? WHERE id = ?");
  rename.bind(1, std::string(new_name));
  rename.bind(2, set.id);
  rename.exec();
  return *FindStorySet(project, new_name);
} catch (...) {
  RethrowSqlite(project);
}

bool DeleteStorySet(Project& project, std::string_view name) try {
  SQLite::Statement remove(project.db(), "DELETE FROM story_set WHERE name = ?");
  remove.bind(1, std::string(name));
  return remove.exec() > 0;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<int64_t> StorySetMembers(Project& project, int64_t set_id) try {
  SQLite::Statement query(
      project.db(), "SELECT story_id FROM story_set_member WHERE set_id = ? ORDER BY story_id");
  query.bind(1, set_id);
  std::vector<int64_t> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
  return ids;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
