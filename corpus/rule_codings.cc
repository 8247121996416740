#include "corpus/rule_codings.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <algorithm>
#include <exception>
#include <string>
#include <tuple>
#include <utility>

#include "corpus/clock.h"
#include "corpus/codings.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// Rows per INSERT statement: one statement run per row cost about a third of
// the time of writing the codings (statement start and end, per-row calls).
constexpr size_t kRowsPerInsert = 128;
constexpr int kColumns = 7;
constexpr const char* kAsideTable = "temp.verhaal_codings_set_aside";

std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(statement);
    throw SqliteIoError(std::string("cannot prepare writing codings: ") + sqlite3_errmsg(db),
                        sqlite3_errcode(db));
  }
  return {statement, sqlite3_finalize};
}

std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> PrepareInsert(sqlite3* db, size_t rows) {
  std::string sql =
      "INSERT INTO coding(story_id, code_id, coder_id, start, end, origin_id, memo) VALUES ";
  for (size_t i = 0; i < rows; ++i) sql += i ? ", (?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?)";
  return Prepare(db, sql);
}

// True for a coding a rule made.
constexpr const char* kByRule =
    "origin_id IN (SELECT id FROM coding_origin WHERE origin LIKE 'rule:%')";

// " AND code_id IN (?, ...)" for `code_ids`, or nothing when empty. With
// `by_story`, written "+code_id" so that SQLite reads a range of stories by
// the coding key rather than every coding of those codes by the index
// coding_code_coder.
std::string CodeFilter(const std::vector<int64_t>& code_ids, bool by_story = false) {
  if (code_ids.empty()) return "";
  std::string sql = by_story ? " AND +code_id IN (" : " AND code_id IN (";
  for (size_t i = 0; i < code_ids.size(); ++i) sql += i ? ", ?" : "?";
  return sql + ")";
}

}  // namespace

std::vector<CoderCoding> ListCoderCodings(Project& project, int64_t coder_id,
                                          const std::vector<int64_t>& code_ids, int64_t after,
                                          int64_t up_to) try {
  const std::string sql = std::string("SELECT story_id, code_id, start, end, ") + kByRule +
                          " FROM coding WHERE story_id > ? AND story_id <= ? AND coder_id = ?" +
                          CodeFilter(code_ids, true);
  std::vector<CoderCoding> rows;
  try {
    SQLite::Statement query(project.db(), sql);
    int index = 1;
    query.bind(index++, after);
    query.bind(index++, up_to);
    query.bind(index++, coder_id);
    for (int64_t id : code_ids) query.bind(index++, id);
    while (query.executeStep()) {
      rows.push_back(
          CoderCoding{SegmentKey{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
                                 query.getColumn(2).getInt64(), query.getColumn(3).getInt64()},
                      query.getColumn(4).getInt() != 0});
    }
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot read the codings: ") + e.what(), e.getErrorCode());
  }
  // In key order already when read in the table's own order; sorted anyway,
  // as SQLite may choose another plan.
  if (!std::is_sorted(rows.begin(), rows.end())) std::sort(rows.begin(), rows.end());
  return rows;
} catch (...) {
  RethrowSqlite(project);
}

bool HasRuleCodings(Project& project, int64_t coder_id, const std::vector<int64_t>& code_ids) try {
  try {
    SQLite::Statement query(project.db(),
                            std::string("SELECT EXISTS (SELECT 1 FROM coding WHERE coder_id = ?") +
                                CodeFilter(code_ids) + " AND " + kByRule + ")");
    int index = 1;
    query.bind(index++, coder_id);
    for (int64_t id : code_ids) query.bind(index++, id);
    query.executeStep();
    return query.getColumn(0).getInt() != 0;
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot read the codings: ") + e.what(), e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project);
}

CodingBulkWriter::CodingBulkWriter(Project& project, int64_t coder_id) try
    : project_(project),
      coder_id_(coder_id),
      insert_many_(PrepareInsert(project.db().getHandle(), kRowsPerInsert)),
      insert_one_(PrepareInsert(project.db().getHandle(), 1)),
      delete_(project.db(),
              "DELETE FROM coding WHERE story_id = ? AND code_id = ? AND coder_id = ? AND "
              "start = ? AND end = ?") {
  try {
    created_ = UtcStampNow();
    delete_.bind(3, coder_id_);
    // The triggers that take a story out of story_uncoded, count codings
    // per code and coder and keep each story's codes per coder for every
    // coding made inserting 1.7 million codings 70% slower; suspended (only
    // inside a transaction: otherwise the DROP would be committed at once)
    // and made up for at once by Flush().
    if (sqlite3_get_autocommit(project.db().getHandle()) == 0) {
      SQLite::Statement trigger(project.db(),
                                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                                "name IN ('story_uncoded_coding_insert', 'coding_count_insert', "
                                "'coding_count_delete', 'story_code_set_insert', "
                                "'story_code_set_delete')");
      while (trigger.executeStep()) {
        suspended_.push_back({trigger.getColumn(0).getString(), trigger.getColumn(1).getString()});
      }
      trigger.reset();
      for (const auto& [name, sql] : suspended_) project.db().exec("DROP TRIGGER " + name);
    }
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot prepare writing codings: ") + e.what(),
                        e.getErrorCode());
  }
  rows_.reserve(kRowsPerInsert);
} catch (...) {
  RethrowSqlite(project);
}

// Buffered rows not flushed are dropped: the transaction they belong to
// fails anyway when Flush() was not reached. The suspended triggers are
// restored all the same, in case the caller commits.
CodingBulkWriter::~CodingBulkWriter() {
  if ((suspended_.empty() && index_sql_.empty()) || std::uncaught_exceptions() > 0) return;
  try {
    RestoreTriggers();
  } catch (...) {
    // The caller's transaction fails to commit or rolls back; nothing to add.
  }
}

bool CodingBulkWriter::Suspended(std::string_view trigger) const {
  return std::any_of(suspended_.begin(), suspended_.end(),
                     [trigger](const auto& t) { return t.first == trigger; });
}

void CodingBulkWriter::RestoreTriggers() try {
  if (suspended_.empty() && index_sql_.empty()) return;
  // The stories that got a coding leave story_uncoded: one pass over the
  // part of it the written codings span.
  if (Suspended("story_uncoded_coding_insert") && written_from_ <= written_to_) {
    SQLite::Statement coded(project_.db(),
                            "DELETE FROM story_uncoded WHERE story_id BETWEEN ? AND ? AND "
                            "EXISTS (SELECT 1 FROM coding g WHERE g.story_id = "
                            "story_uncoded.story_id)");
    coded.bind(1, written_from_);
    coded.bind(2, written_to_);
    coded.exec();
  }
  if (Suspended("coding_count_insert")) {
    SQLite::Statement add(project_.db(),
                          "INSERT INTO coding_count(code_id, coder_id, n) VALUES (?, ?, ?) "
                          "ON CONFLICT(code_id, coder_id) DO UPDATE SET n = n + excluded.n");
    for (const auto& [key, delta] : count_delta_) {
      if (delta == 0) continue;
      add.reset();
      add.bind(1, key.first);
      add.bind(2, key.second);
      add.bind(3, delta);
      add.exec();
    }
    project_.db().exec("DELETE FROM coding_count WHERE n <= 0");
    count_delta_.clear();
  }
  // This coder's codes per story, computed again from its codings for the
  // stories written or deleted in (the other coders' codings are only ever
  // set aside and written back as they were).
  if (Suspended("story_code_set_insert") && touched_from_ <= touched_to_) {
    SQLite::Statement clear(project_.db(),
                            "DELETE FROM story_code_set WHERE coder_id = ? AND story_id BETWEEN ? "
                            "AND ?");
    clear.bind(1, coder_id_);
    clear.bind(2, touched_from_);
    clear.bind(3, touched_to_);
    clear.exec();
    SQLite::Statement fill(
        project_.db(),
        "INSERT INTO story_code_set(coder_id, story_id, codes) "
        "SELECT ?1, story_id, ',' || group_concat(code_id, ',') || ',' FROM "
        "(SELECT DISTINCT story_id, code_id FROM coding WHERE story_id BETWEEN ?2 AND ?3 "
        "AND coder_id = ?1) GROUP BY story_id");
    fill.bind(1, coder_id_);
    fill.bind(2, touched_from_);
    fill.bind(3, touched_to_);
    fill.exec();
  }
  for (const auto& [name, sql] : suspended_) project_.db().exec(sql);
  suspended_.clear();
  if (!index_sql_.empty()) {
    project_.db().exec(index_sql_);
    index_sql_.clear();
  }
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::SuspendCodeIndex() try {
  // Done already, or outside a transaction (where the DROP would be
  // committed at once).
  if (!index_sql_.empty() || sqlite3_get_autocommit(project_.db().getHandle()) != 0) return;
  SQLite::Statement index(project_.db(),
                          "SELECT sql FROM sqlite_master WHERE type = 'index' AND "
                          "name = 'coding_code_coder'");
  if (!index.executeStep()) return;
  index_sql_ = index.getColumn(0).getString();
  index.reset();
  project_.db().exec("DROP INDEX coding_code_coder");
} catch (...) {
  RethrowSqlite(project_);
}

int64_t CodingBulkWriter::Origin(std::string_view origin) try {
  try {
    return EnsureCodingOrigin(project_, origin, created_);
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot write a coding's origin: ") + e.what(),
                        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::SetAside() try {
  sqlite3* db = project_.db().getHandle();
  SuspendCodeIndex();
  try {
    project_.db().exec(std::string("DROP TABLE IF EXISTS ") + kAsideTable);
    // In key order, so read back by rowid in key order.
    project_.db().exec(std::string("CREATE TABLE ") + kAsideTable +
                       " AS SELECT story_id, code_id, coder_id, start, end, origin_id, memo "
                       "FROM coding ORDER BY story_id, code_id, coder_id, start, end");
    project_.db().exec("DELETE FROM coding");
    // Every coding is written back by Flush() and counted then.
    if (Suspended("coding_count_delete")) project_.db().exec("DELETE FROM coding_count");
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot set the codings aside: ") + e.what(), e.getErrorCode());
  }
  aside_ = Prepare(db, std::string("SELECT story_id, code_id, coder_id, start, end, origin_id, "
                                   "memo FROM ") +
                           kAsideTable + " ORDER BY rowid");
  next_aside_.reset();
  aside_done_ = false;
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::TakeAsideBefore(const Row* row) try {
  sqlite3* db = project_.db().getHandle();
  for (;;) {
    if (!next_aside_) {
      if (aside_done_) return;
      const int status = sqlite3_step(aside_.get());
      if (status == SQLITE_DONE) {
        aside_done_ = true;  // stepping again would start over
        return;
      }
      if (status != SQLITE_ROW) {
        throw SqliteIoError(std::string("cannot read the codings set aside: ") + sqlite3_errmsg(db),
                            sqlite3_errcode(db));
      }
      sqlite3_stmt* r = aside_.get();
      const auto* memo = reinterpret_cast<const char*>(sqlite3_column_text(r, 6));
      next_aside_ = Row{SegmentKey{sqlite3_column_int64(r, 0), sqlite3_column_int64(r, 1),
                                   sqlite3_column_int64(r, 3), sqlite3_column_int64(r, 4)},
                        sqlite3_column_int64(r, 2), sqlite3_column_int64(r, 5),
                        memo == nullptr ? std::string() : std::string(memo)};
    }
    // The table's primary key order.
    auto order = [](const Row& r) {
      return std::tie(r.key.story_id, r.key.code_id, r.coder_id, r.key.start, r.key.end);
    };
    if (row != nullptr && order(*next_aside_) >= order(*row)) return;
    Push(std::move(*next_aside_));
    next_aside_.reset();
  }
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::Push(Row row) try {
  rows_.push_back(std::move(row));
  if (rows_.size() == kRowsPerInsert) {
    Write(insert_many_.get(), 0, kRowsPerInsert);
    rows_.clear();
  }
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::Insert(const SegmentKey& key, int64_t origin_id) try {
  Row row{key, coder_id_, origin_id, {}};
  if (aside_) TakeAsideBefore(&row);
  Push(std::move(row));
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::Flush() try {
  if (aside_) {
    TakeAsideBefore(nullptr);
    aside_.reset();
    try {
      project_.db().exec(std::string("DROP TABLE ") + kAsideTable);
    } catch (const SQLite::Exception& e) {
      throw SqliteIoError(std::string("cannot write codings: ") + e.what(), e.getErrorCode());
    }
  }
  for (size_t i = 0; i < rows_.size(); ++i) Write(insert_one_.get(), i, 1);
  rows_.clear();
  try {
    RestoreTriggers();
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot write codings: ") + e.what(), e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::Write(sqlite3_stmt* statement, size_t from, size_t count) try {
  int column = 1;
  for (size_t i = from; i < from + count; ++i) {
    const Row& row = rows_[i];
    written_from_ = std::min(written_from_, row.key.story_id);
    written_to_ = std::max(written_to_, row.key.story_id);
    touched_from_ = std::min(touched_from_, row.key.story_id);
    touched_to_ = std::max(touched_to_, row.key.story_id);
    ++count_delta_[{row.key.code_id, row.coder_id}];
    sqlite3_bind_int64(statement, column++, row.key.story_id);
    sqlite3_bind_int64(statement, column++, row.key.code_id);
    sqlite3_bind_int64(statement, column++, row.coder_id);
    sqlite3_bind_int64(statement, column++, row.key.start);
    sqlite3_bind_int64(statement, column++, row.key.end);
    sqlite3_bind_int64(statement, column++, row.origin_id);
    sqlite3_bind_text(statement, column++, row.memo.data(), static_cast<int>(row.memo.size()),
                      SQLITE_STATIC);
  }
  static_assert(kColumns == 7, "the binds above write seven columns");
  const int status = sqlite3_step(statement);
  sqlite3_reset(statement);
  if (status != SQLITE_DONE) {
    throw SqliteIoError(
        std::string("cannot write codings: ") + sqlite3_errmsg(project_.db().getHandle()),
        sqlite3_errcode(project_.db().getHandle()));
  }
} catch (...) {
  RethrowSqlite(project_);
}

void CodingBulkWriter::Delete(const SegmentKey& key) try {
  if (aside_)
    throw Error(ErrorKind::kInternal, "a coding was deleted while codings were set aside");
  try {
    delete_.reset();
    delete_.bind(1, key.story_id);
    delete_.bind(2, key.code_id);
    delete_.bind(4, key.start);
    delete_.bind(5, key.end);
    if (delete_.exec() > 0) {
      --count_delta_[{key.code_id, coder_id_}];
      touched_from_ = std::min(touched_from_, key.story_id);
      touched_to_ = std::max(touched_to_, key.story_id);
    }
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot delete a coding: ") + e.what(), e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

}  // namespace verhaal
