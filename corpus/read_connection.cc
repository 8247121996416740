#include "corpus/read_connection.h"

#include <sqlite3.h>

#include <string>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

ReadConnection::ReadConnection(Project& project) try : db_(project.db().getHandle()) {
  const char* file = sqlite3_db_filename(db_, "main");
  if (file == nullptr || *file == '\0' || sqlite3_get_autocommit(db_) == 0) return;
  if (sqlite3_open_v2(file, &own_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    const std::string why = own_ ? sqlite3_errmsg(own_) : "out of memory";
    sqlite3_close(own_);
    throw Error(ErrorKind::kIo, std::string("cannot open '") + file + "' for reading: " + why);
  }
  sqlite3_busy_timeout(own_, 5000);
  db_ = own_;
} catch (...) {
  RethrowSqlite(project);
}

ReadConnection::~ReadConnection() { sqlite3_close(own_); }

}  // namespace verhaal
