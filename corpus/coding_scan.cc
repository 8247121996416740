#include "corpus/coding_scan.h"

#include <sqlite3.h>

#include <string>

#include "corpus/error.h"

namespace verhaal {

void CodingScan::Visit(const char* sql, bool with_segment, int64_t from, int64_t to,
                       const std::function<void(const CodingSpan&)>& visit) {
  sqlite3* db = connection_.get();
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &prepared, nullptr) != SQLITE_OK) {
    sqlite3_finalize(prepared);
    throw Error(ErrorKind::kIo, std::string("cannot read the codings: ") + sqlite3_errmsg(db));
  }
  // SQLiteCpp's Column objects would cost more than the scan at millions of
  // rows, hence the C API.
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> row(prepared, sqlite3_finalize);
  sqlite3_bind_int64(row.get(), 1, from);
  sqlite3_bind_int64(row.get(), 2, to);
  CodingSpan span;
  int status;
  while ((status = sqlite3_step(row.get())) == SQLITE_ROW) {
    span.story_id = sqlite3_column_int64(row.get(), 0);
    span.code_id = sqlite3_column_int64(row.get(), 1);
    if (with_segment) {
      span.start = sqlite3_column_int64(row.get(), 2);
      span.end = sqlite3_column_int64(row.get(), 3);
    }
    visit(span);
  }
  if (status != SQLITE_DONE) {
    throw Error(ErrorKind::kIo, std::string("reading the codings failed: ") + sqlite3_errmsg(db));
  }
}

// Both read the coding table in its own order (its primary key starts with
// these columns).
void CodingScan::ForEachCodingSpan(const std::function<void(const CodingSpan&)>& visit) {
  Visit("SELECT story_id, code_id, start, end FROM coding WHERE story_id BETWEEN ?1 AND ?2 "
        "ORDER BY story_id, code_id, coder_id, start, end",
        true, INT64_MIN, INT64_MAX, visit);
}

void CodingScan::ForEachStoryCode(const std::function<void(const CodingSpan&)>& visit,
                                  int64_t from, int64_t to) {
  Visit("SELECT story_id, code_id FROM coding WHERE story_id >= ?1 AND story_id < ?2 "
        "ORDER BY story_id, code_id",
        false, from, to, visit);
}

}  // namespace verhaal
