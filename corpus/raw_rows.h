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

// Prepares `sql` on `db`, calls `bind(statement)` once, then `row(statement)`
// for every result row. Errors are kIo: "cannot read WHAT: ..." when the
// statement cannot be prepared, "reading WHAT failed: ..." when a step fails.
template <typename Bind, typename Row>
void ForEachRawRow(sqlite3* db, const char* sql, const char* what, Bind bind, Row row) {
  const RawStatement statement = PrepareRaw(db, sql, what);
  bind(statement.get());
  int status;
  while ((status = sqlite3_step(statement.get())) == SQLITE_ROW) row(statement.get());
  if (status != SQLITE_DONE) {
    throw IoError(std::string("reading ") + what + " failed: " + sqlite3_errmsg(db));
  }
}

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_RAW_ROWS_H_
