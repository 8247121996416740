#include "corpus/respondents.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

Respondent Read(SQLite::Statement& row) {
  return Respondent{row.getColumn(0).getInt64(), row.getColumn(1).getString(),
                    row.getColumn(2).getString()};
}

}  // namespace

int64_t AddRespondent(Project& project, const Respondent& respondent) try {
  if (respondent.key.empty()) throw DataError("a respondent needs a key");
  if (FindRespondent(project, respondent.key)) {
    throw DataError("respondent " + respondent.key + " already exists");
  }
  SQLite::Statement insert(project.db(), "INSERT INTO respondent(key, role) VALUES (?, ?)");
  insert.bind(1, respondent.key);
  insert.bind(2, respondent.role);
  insert.exec();
  return project.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Respondent> FindRespondent(Project& project, std::string_view key) try {
  SQLite::Statement find(project.db(), "SELECT id, key, role FROM respondent WHERE key = ?");
  find.bind(1, std::string(key));
  if (!find.executeStep()) return std::nullopt;
  return Read(find);
} catch (...) {
  RethrowSqlite(project);
}

int64_t EnsureRespondent(Project& project, std::string_view key, std::string_view role) try {
  if (auto existing = FindRespondent(project, key)) {
    if (!role.empty() && existing->role != role) {
      if (!existing->role.empty()) {
        throw DataError("respondent " + existing->key + " has role " + existing->role + ", not " +
                        std::string(role) + "; use one role per respondent");
      }
      SQLite::Statement update(project.db(), "UPDATE respondent SET role = ? WHERE id = ?");
      update.bind(1, std::string(role));
      update.bind(2, existing->id);
      update.exec();
    }
    return existing->id;
  }
  return AddRespondent(project, Respondent{0, std::string(key), std::string(role)});
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Respondent> ListRespondents(Project& project) try {
  SQLite::Statement all(project.db(), "SELECT id, key, role FROM respondent ORDER BY key");
  std::vector<Respondent> out;
  while (all.executeStep()) out.push_back(Read(all));
  return out;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
