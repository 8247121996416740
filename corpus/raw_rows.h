// Reading many rows through SQLite's C API: for passes over millions of rows,
// where SQLiteCpp's per-column objects cost more than the reading. Private to
// corpus/.
// Private to corpus/.
#ifndef VERHAAL_CORPUS_RAW_ROWS_H_
#define VERHAAL_CORPUS_RAW_ROWS_H_

#include <sqlite3.h>

#include <memory>
#include <string>

#include "corpus/error.h"

namespace verhaal {

// A prepared statement that finalizes itself.
using RawStatement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

// `sql` prepared on `db`, for a cursor the caller steps itself. kIo "cannot
// read WHAT: ..." when it cannot be prepared.
inline RawStatement PrepareRaw(sqlite3* db, const char* sql, const char* what) {
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &prepared, nullptr) != SQLITE_OK) {
    sqlite3_finalize(prepared);
    throw IoError(std::string("cannot read ") + what + ": " + sqlite3_errmsg(db));
  }
  return RawStatement(prepared, sqlite3_finalize);
}

// Steps `statement` of `db`: true on a row, false when done. kIo "reading
// WHAT failed: ..." when the step fails.
inline bool StepRaw(sqlite3* db, sqlite3_stmt* statement, const char* what) {
  const int status = sqlite3_step(statement);
  if (status == SQLITE_ROW) return true;
  if (status != SQLITE_DONE) {
    throw IoError(std::string("reading ") + what + " failed: " + sqlite3_errmsg(db));
  }
  return false;
}

// Prepares `sql` on `db`, calls `bind(statement)` once, then `row(statement)`
// for every result row. Errors are kIo: "cannot read WHAT: ..." when the
// statement cannot be prepared, "reading WHAT failed: ..." when a step fails.
template <typename Bind, typename Row>
void ForEachRawRow(sqlite3* db, const char* sql, const char* what, Bind bind, Row row) {
  const RawStatement statement = PrepareRaw(db, sql, what);
  bind(statement.get());
  while (StepRaw(db, statement.get(), what)) row(statement.get());
}

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_RAW_ROWS_H_
