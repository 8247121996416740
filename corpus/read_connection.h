// A second, read-only connection to a project's file for long reads over
// millions of rows: without SQLite's mutex around every call, and usable on
// another thread while the Project is used on this one. Falls back to the
// project's own connection when the project is not a file or has a
// transaction open (whose uncommitted rows another connection would miss).
#ifndef VERHAAL_CORPUS_READ_CONNECTION_H_
#define VERHAAL_CORPUS_READ_CONNECTION_H_

#include "corpus/project.h"

struct sqlite3;

namespace verhaal {

class ReadConnection {
 public:
  // Decides on this thread; `project` must outlive the connection. kIo when
  // the file cannot be opened.
  explicit ReadConnection(Project& project);
  ~ReadConnection();
  // Owns a connection; a copy would close it twice.
  ReadConnection(const ReadConnection&) = delete;
  ReadConnection& operator=(const ReadConnection&) = delete;

  // The connection to read through: its own, or the project's.
  sqlite3* get() const { return db_; }
  // Whether it is its own (so it may be used on another thread, one at a time).
  bool own() const { return own_ != nullptr; }

 private:
  sqlite3* own_ = nullptr;
  sqlite3* db_ = nullptr;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_READ_CONNECTION_H_
