// Private to corpus/: keeping SQLite's exceptions inside corpus/. A reader or
// writer whose statements may fail runs them through TranslateSqlite, so
// that its callers (other modules, the workbench, any front end) get a
// verhaal::Error with the failure's kind (a full disk or a lock is kIo, a
// damaged file kData, anything else kInternal) and SQLite's result code,
// never an SQLite::Exception they cannot name.
#ifndef VERHAAL_CORPUS_SQLITE_ERRORS_H_
#define VERHAAL_CORPUS_SQLITE_ERRORS_H_

#include <SQLiteCpp/Exception.h>

#include <utility>

#include "base/error.h"
#include "corpus/error.h"
#include "corpus/project.h"

namespace verhaal {

// The Error for SQLite's exception `e` on `project`: SqliteFailure's advice
// for a full disk, an I/O failure, a lock or a damaged file (the error the
// CLI's last catch made of it), else kInternal with SQLite's message and
// result code (a bug: a statement that cannot run).
inline Error SqliteExceptionOn(const Project& project, const SQLite::Exception& e) {
  Error advised = SqliteFailure(e.getErrorCode(), e.what(), project.file().string());
  if (advised.kind() != ErrorKind::kInternal) return advised;
  return Error(ErrorKind::kInternal, e.what(), {}, e.getErrorCode());
}

// Returns `work()`; an SQLite::Exception it throws becomes
// SqliteExceptionOn's Error. verhaal::Errors (a visitor's too) pass as they
// are.
template <typename Work>
decltype(auto) TranslateSqlite(const Project& project, Work&& work) {
  try {
    return std::forward<Work>(work)();
  } catch (const SQLite::Exception& e) {
    throw SqliteExceptionOn(project, e);
  }
}

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SQLITE_ERRORS_H_
