#include "corpus/fts_side_index.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <system_error>
#include <utility>

#include "corpus/error.h"
#include "corpus/files.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// The shadow tables of an external-content FTS5 table (no _content), as
// https://sqlite.org/fts5.html describes them, with their columns.
struct ShadowTable {
  const char* name;
  const char* columns;
  const char* placeholders;
};
constexpr ShadowTable kShadowTables[] = {
    {"story_fts_data", "id, block", "?, ?"},
    {"story_fts_idx", "segid, term, pgno", "?, ?, ?"},
    {"story_fts_docsize", "id, sz", "?, ?"},
    {"story_fts_config", "k, v", "?, ?"},
};

// PROJECT.fts-side-PID-N: unique among running processes and within this one.
std::filesystem::path SideFile(const Project& project) {
  static std::atomic<int> created{0};
  std::filesystem::path file = project.file();
  file += ".fts-side-" + std::to_string(getpid()) + "-" + std::to_string(created++);
  return file;
}

// The raw API's statements, for copying values from one connection to
// another as they are (integers, text, blobs) without per-column objects.
struct Finalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using RawStatement = std::unique_ptr<sqlite3_stmt, Finalize>;

RawStatement Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
  RawStatement statement(s);
  if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
  return statement;
}

// Runs `write` once per row of `read`, bound to that row's values.
void CopyRows(sqlite3* from, const std::string& read_sql, sqlite3* to,
              const std::string& write_sql) {
  RawStatement read = Prepare(from, read_sql);
  RawStatement write = Prepare(to, write_sql);
  const int columns = sqlite3_column_count(read.get());
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(read.get())) == SQLITE_ROW) {
    for (int i = 0; i < columns; ++i) {
      sqlite3_bind_value(write.get(), i + 1, sqlite3_column_value(read.get(), i));
    }
    const int written = sqlite3_step(write.get());
    sqlite3_reset(write.get());
    if (written != SQLITE_DONE) throw SQLite::Exception(to, written);
  }
  if (rc != SQLITE_DONE) throw SQLite::Exception(from, rc);
}

// (number of rows, largest id) of `table`'s integer key `id`.
std::pair<int64_t, int64_t> CountAndLargestId(SQLite::Database& db, const std::string& table) {
  SQLite::Statement s(db, "SELECT count(*), coalesce(max(id), 0) FROM " + table);
  s.executeStep();
  return {s.getColumn(0).getInt64(), s.getColumn(1).getInt64()};
}

// The CREATE VIRTUAL TABLE statement of the project's full-text index.
std::string Definition(Project& project) {
  return project.db()
      .execAndGet("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'story_fts'")
      .getString();
}

}  // namespace

FtsSideIndex::FtsSideIndex(Project& project, int hash_bytes) try : file_(SideFile(project)) {
  try {
    const std::string definition = Definition(project);
    // Side indexes of killed imports (this process id reused, or another's).
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
    RemoveStaleFiles(project.file(), ".fts-side-");
    // One thread at a time (see the header): no mutex around every call.
    db_ = std::make_unique<SQLite::Database>(
        file_.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    // A scratch file: no journal, no syncing, one transaction (FTS5 writes
    // its buffered terms at every commit).
    db_->exec("PRAGMA journal_mode = OFF");
    db_->exec("PRAGMA synchronous = OFF");
    db_->exec("PRAGMA locking_mode = EXCLUSIVE");
    db_->exec("PRAGMA cache_size = -16384");
    db_->exec("BEGIN");
    db_->exec(definition);
    // The project's settings (page size, merging, rank...), then the buffer.
    CopyRows(project.db().getHandle(), "SELECT k, v FROM story_fts_config WHERE k <> 'version'",
             db_->getHandle(), "INSERT INTO story_fts(story_fts, rank) VALUES (?, ?)");
    db_->exec("INSERT INTO story_fts(story_fts, rank) VALUES ('hashsize', " +
              std::to_string(hash_bytes) + ")");
    insert_ = std::make_unique<SQLite::Statement>(
        *db_, "INSERT INTO story_fts(rowid, title, text) VALUES (?, ?, ?)");
  } catch (const SQLite::Exception& e) {
    insert_.reset();
    db_.reset();
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
    throw SqliteIoError("cannot create the full-text index beside the project (" + file_.string() +
                            "): " + e.what(),
                        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project);
}

FtsSideIndex::~FtsSideIndex() {
  insert_.reset();
  db_.reset();
  std::error_code ignored;
  std::filesystem::remove(file_, ignored);
}

void FtsSideIndex::Add(int64_t id, const std::string& title, const std::string& text) try {
  try {
    insert_->bind(1, id);
    insert_->bindNoCopy(2, title);
    insert_->bindNoCopy(3, text);
    insert_->exec();
    insert_->reset();
  } catch (const SQLite::Exception& e) {
    insert_->tryReset();
    throw SqliteIoError(
        "cannot build the full-text index beside the project (" + file_.string() + "): " + e.what(),
        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(file_);
}

void FtsSideIndex::CopyInto(Project& project) try {
  try {
    db_->exec("COMMIT");  // writes the last buffered terms
    const auto indexed = CountAndLargestId(*db_, "story_fts_docsize");
    const auto stored = CountAndLargestId(project.db(), "story");
    if (indexed != stored) {
      throw Error(ErrorKind::kInternal, "the full-text index built beside the project has " +
                                            std::to_string(indexed.first) + " stories up to id " +
                                            std::to_string(indexed.second) + ", the project " +
                                            std::to_string(stored.first) + " up to id " +
                                            std::to_string(stored.second) +
                                            "; nothing was imported");
    }
    // A new table first: FTS5 keeps the index's structure cached in the
    // connection and would not notice rows changed under it (it checks
    // only for other connections' writes). Dropping the table drops that
    // cache (and whatever the old index held); then its rows are replaced.
    const std::string definition = Definition(project);
    project.db().exec("DROP TABLE story_fts");
    project.db().exec(definition);
    for (const ShadowTable& table : kShadowTables) {
      project.db().exec(std::string("DELETE FROM ") + table.name);
    }
    for (const ShadowTable& table : kShadowTables) {
      const std::string columns = table.columns;
      CopyRows(db_->getHandle(), "SELECT " + columns + " FROM " + table.name,
               project.db().getHandle(),
               std::string("INSERT INTO ") + table.name + "(" + columns + ") VALUES (" +
                   table.placeholders + ")");
    }
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(
        std::string("cannot copy the full-text index into the project: ") + e.what(),
        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
