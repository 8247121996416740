#include "corpus/project_settings.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "corpus/sqlite_errors.h"

namespace verhaal {

std::optional<std::string> GetProjectSetting(Project& project, std::string_view key) try {
  SQLite::Statement get(project.db(), "SELECT value FROM project_info WHERE key = ?");
  get.bind(1, std::string(key));
  if (!get.executeStep()) return std::nullopt;
  return get.getColumn(0).getString();
} catch (...) {
  RethrowSqlite(project);
}

void SetProjectSetting(Project& project, std::string_view key, std::string_view value) try {
  SQLite::Statement put(project.db(),
                        "INSERT INTO project_info(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  put.bind(1, std::string(key));
  put.bind(2, std::string(value));
  put.exec();
} catch (...) {
  RethrowSqlite(project);
}

void ClearProjectSetting(Project& project, std::string_view key) try {
  SQLite::Statement clear(project.db(), "DELETE FROM project_info WHERE key = ?");
  clear.bind(1, std::string(key));
  clear.exec();
} catch (...) {
  RethrowSqlite(project);
}

std::optional<PseudonymisationNote> ReadPseudonymisationNote(Project& project) try {
  const auto recorded = GetProjectSetting(project, "pseudonymised");
  if (!recorded) return std::nullopt;
  const nlohmann::json note = nlohmann::json::parse(*recorded, nullptr, false);
  if (!note.is_object()) return std::nullopt;
  PseudonymisationNote out;
  if (note.contains("counts") && note["counts"].is_object()) {
    for (const auto& [category, n] : note["counts"].items()) {
      if (n.is_number_integer()) out.replacements += n.get<int64_t>();
    }
  }
  auto text = [&](const char* key) {
    return note.contains(key) && note[key].is_string() ? note[key].get<std::string>() : "";
  };
  out.source = text("source");
  out.date = text("date").substr(0, 10);
  out.style = text("style") == "names" ? "names" : "tags";
  return out;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
