#include "corpus/read_snapshot.h"

#include <sqlite3.h>

#include "corpus/sqlite_errors.h"

namespace verhaal {

ReadSnapshot::ReadSnapshot(Project& project) try : project_(project) {
  sqlite3* db = project.db().getHandle();
  if (sqlite3_get_autocommit(db) == 0) return;
  began_ = sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
} catch (...) {
  RethrowSqlite(project);
}

ReadSnapshot::~ReadSnapshot() {
  // Nothing was written: ending it cannot lose anything, so a failure is
  // not worth an exception from a destructor.
  if (began_) sqlite3_exec(project_.db().getHandle(), "COMMIT", nullptr, nullptr, nullptr);
}

}  // namespace verhaal
