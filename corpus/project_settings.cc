#include "corpus/project_settings.h"

#include <SQLiteCpp/Statement.h>

namespace verhaal {

std::optional<std::string> GetProjectSetting(Project& project, std::string_view key) {
  SQLite::Statement get(project.db(), "SELECT value FROM project_info WHERE key = ?");
  get.bind(1, std::string(key));
  if (!get.executeStep()) return std::nullopt;
  return get.getColumn(0).getString();
}

void SetProjectSetting(Project& project, std::string_view key, std::string_view value) {
  SQLite::Statement put(project.db(),
                        "INSERT INTO project_info(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  put.bind(1, std::string(key));
  put.bind(2, std::string(value));
  put.exec();
}

void ClearProjectSetting(Project& project, std::string_view key) {
  SQLite::Statement clear(project.db(), "DELETE FROM project_info WHERE key = ?");
  clear.bind(1, std::string(key));
  clear.exec();
}

}  // namespace verhaal
