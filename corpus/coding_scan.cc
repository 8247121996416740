#include "corpus/coding_scan.h"

#include <sqlite3.h>

#include "corpus/raw_rows.h"

namespace verhaal {

void CodingScan::Visit(std::string sql, bool with_segment, int64_t from, int64_t to,
                       const std::function<void(const CodingSpan&)>& visit) {
  if (coders_) {
    const size_t order = sql.find(" ORDER BY");
    sql.insert(order, " AND " + CodingCondition(*coders_));
  }
  CodingSpan span;
  ForEachRawRow(
      connection_.get(), sql.c_str(), "the codings",
      [&](sqlite3_stmt* row) {
        sqlite3_bind_int64(row, 1, from);
        sqlite3_bind_int64(row, 2, to);
      },
      [&](sqlite3_stmt* row) {
        span.story_id = sqlite3_column_int64(row, 0);
        span.code_id = sqlite3_column_int64(row, 1);
        if (with_segment) {
          span.start = sqlite3_column_int64(row, 2);
          span.end = sqlite3_column_int64(row, 3);
        }
        visit(span);
      });
}

// Both read the coding table in its own order (its primary key starts with
// these columns).
void CodingScan::ForEachCodingSpan(const std::function<void(const CodingSpan&)>& visit) {
  Visit(
      "SELECT story_id, code_id, start, end FROM coding WHERE story_id BETWEEN ?1 AND ?2 "
      "ORDER BY story_id, code_id, coder_id, start, end",
      true, INT64_MIN, INT64_MAX, visit);
}

void CodingScan::ForEachStoryCode(const std::function<void(const CodingSpan&)>& visit, int64_t from,
                                  int64_t to) {
  Visit(
      "SELECT story_id, code_id FROM coding WHERE story_id >= ?1 AND story_id < ?2 "
      "ORDER BY story_id, code_id",
      false, from, to, visit);
}

}  // namespace verhaal
