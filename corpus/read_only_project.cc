#include "corpus/read_only_project.h"

#include <SQLiteCpp/Exception.h>

#include "base/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

Project OpenProjectForReading(const std::filesystem::path& file) try {
  Project project = Project::Open(file);
  try {
    project.db().exec("PRAGMA query_only = ON");
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError("cannot read " + file.string() + ": " + e.what(), e.getErrorCode());
  }
  return project;
} catch (...) {
  RethrowSqlite(file);
}

}  // namespace verhaal
