// Private to corpus/: keeping SQLite's exceptions inside corpus/. Every
// corpus function that runs SQLite ends in a function-try-block whose
// handler is RethrowSqlite (or runs its statements through TranslateSqlite),
// so that its callers (other modules, the workbench, any front end) get a
// verhaal::Error with the failure's kind (a full disk, an I/O failure or a
// lock is kIo, a damaged file kData, anything else kInternal with SQLite's
// result code), never an SQLite::Exception they cannot name.
// scripts/check-sqlite-errors (run by scripts/check-sql) lists a function
// that forgets.
#ifndef VERHAAL_CORPUS_SQLITE_ERRORS_H_
#define VERHAAL_CORPUS_SQLITE_ERRORS_H_

#include <SQLiteCpp/Exception.h>

#include <filesystem>
#include <utility>

#include "base/error.h"
#include "corpus/error.h"
#include "corpus/project.h"

namespace verhaal {

// The Error for SQLite's exception `e` on `project`: SqliteFailure's advice
// for a full disk, an I/O failure, a lock or a damaged file (the error the
// CLI's last catch made of it), else kInternal with SQLite's message and
// result code (a bug: a statement that cannot run).
inline Error SqliteExceptionOn(const std::filesystem::path& file, const SQLite::Exception& e) {
  Error advised = SqliteFailure(e.getErrorCode() & 0xff, e.what(), file.string());
  if (advised.kind() != ErrorKind::kInternal) return advised;
  return Error(ErrorKind::kInternal, e.what(), {}, e.getErrorCode());
}
inline Error SqliteExceptionOn(const Project& project, const SQLite::Exception& e) {
  return SqliteExceptionOn(project.file(), e);
}

// The handler of a corpus function's function-try-block: rethrows the
// exception being handled, an SQLite::Exception as SqliteExceptionOn's Error
// for `file`, anything else (a verhaal::Error, a visitor's exception) as it
// is.
//   std::vector<Memo> ListMemos(Project& project, const MemoFilter& filter) try {
//     ...
//   } catch (...) {
//     RethrowSqlite(project);
//   }
[[noreturn]] inline void RethrowSqlite(const std::filesystem::path& file) {
  try {
    throw;
  } catch (const SQLite::Exception& e) {
    throw SqliteExceptionOn(file, e);
  }
}
[[noreturn]] inline void RethrowSqlite(const Project& project) { RethrowSqlite(project.file()); }

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
