#include "corpus/project.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <utility>

#include "corpus/error.h"
#include "corpus/output_guard.h"
#include "corpus/schema.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// A Project's connection is used by one thread at a time (helper threads read
// through their own ReadConnection), so SQLite need not lock a mutex around
// every call: about 5% of a bulk write's time.
constexpr int kOneThread = SQLITE_OPEN_NOMUTEX;

// How long a command waits for another process that holds the write lock.
constexpr int kBusyTimeoutMs = 30000;

// SQLite's memory statistics take a global mutex on every allocation;
// verhaal never reads them. Only possible before SQLite initialises, so this
// runs once, before the first connection opens.
void ConfigureSqliteOnce() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // SQLITE_MISUSE if too late: harmless
    return true;
  }();
  (void)done;
}

// Runs `sql`, retrying while another connection holds a lock, up to the busy
// timeout. SQLite does not call the busy handler when waiting could
// deadlock: a connection that read (a shared lock) and now wants to write,
// as a journal mode switch does, gets SQLITE_BUSY at once while another one
// writes. Each try here starts afresh without a lock, so waiting is safe.
void ExecWaiting(SQLite::Database& db, const char* sql) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    try {
      db.exec(sql);
      return;
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) {
        throw;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void Configure(SQLite::Database& db) {
  db.setBusyTimeout(kBusyTimeoutMs);
  ExecWaiting(db, "PRAGMA journal_mode = WAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = NORMAL");
}

std::string Show(const std::filesystem::path& file) { return file.string(); }

}  // namespace

Project::Project(std::filesystem::path file, std::unique_ptr<SQLite::Database> db)
    : file_(std::move(file)), db_(std::move(db)) {
  ProtectProjectFile(file_);
}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::CreateAtVersion(const std::filesystem::path& file, std::string_view name,
                                 int version) try {
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    throw Error(ErrorKind::kCannotCreate,
                Show(file) + " already exists; choose another name or open it with -p");
  }
  ConfigureSqliteOnce();
  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(
        file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | kOneThread);
    Configure(*db);
    db->exec("BEGIN IMMEDIATE");
    MigrateSchema(*db, 0, version);
    SQLite::Statement put(*db, "INSERT INTO project_info(key, value) VALUES (?, ?)");
    for (auto [key, value] : {std::pair<std::string, std::string>{"name", std::string(name)},
                              {"application", "verhaal"}}) {
      put.bind(1, key);
      put.bind(2, value);
      put.exec();
      put.reset();
    }
    db->exec("COMMIT");
  } catch (const SQLite::Exception& e) {
    db.reset();
    std::filesystem::remove(file, ec);
    throw Error(ErrorKind::kCannotCreate, "cannot create " + Show(file) + ": " + e.what());
  }
  return Project(file, std::move(db));
} catch (...) {
  RethrowSqlite(file);
}

Project Project::Create(const std::filesystem::path& file, std::string_view name) try {
  return CreateAtVersion(file, name, kSchemaVersion);
} catch (...) {
  RethrowSqlite(file);
}

Project Project::Open(const std::filesystem::path& file) try {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw MissingError(Show(file) + " does not exist; create it with `verhaal init " + Show(file) +
                       "` or give another -p");
  }
  if (std::filesystem::is_directory(file, ec)) {
    throw DataError(Show(file) + " is a folder, not a verhaal project file");
  }
  ConfigureSqliteOnce();
  std::unique_ptr<SQLite::Database> db;
  int version = 0;
  try {
    db = std::make_unique<SQLite::Database>(file.string(), SQLite::OPEN_READWRITE | kOneThread);
    db->setBusyTimeout(kBusyTimeoutMs);
    version = db->execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) {
      throw DataError(Show(file) + " is not a verhaal project (not an SQLite database)");
    }
    throw SqliteIoError("cannot open " + Show(file) + ": " + e.what(), e.getErrorCode());
  }
  try {
    const bool ours = db->tableExists("project_info");
    if (version == 0 || !ours) {
      throw DataError(Show(file) +
                      " is an SQLite database but not a verhaal project; create one with "
                      "`verhaal init`");
    }
    if (version < 0) {
      throw DataError(Show(file) + " has schema version " + std::to_string(version) +
                      ", which no verhaal writes; the file is damaged or was changed by another "
                      "program (`sqlite3 " +
                      Show(file) + " 'PRAGMA user_version'` shows it)");
    }
    if (version > kSchemaVersion) {
      throw DataError(Show(file) + " was written by a newer verhaal (schema " +
                      std::to_string(version) + "; this verhaal reads up to " +
                      std::to_string(kSchemaVersion) + "); upgrade verhaal to open it");
    }
    Configure(*db);
    if (version < kSchemaVersion) {
      db->exec("BEGIN IMMEDIATE");
      try {
        MigrateSchema(*db, version, kSchemaVersion);
        db->exec("COMMIT");
      } catch (...) {
        db->exec("ROLLBACK");
        throw;
      }
    }
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError("cannot read " + Show(file) + ": " + e.what(), e.getErrorCode());
  }
  return Project(file, std::move(db));
} catch (...) {
  RethrowSqlite(file);
}

std::string Project::name() try {
  SQLite::Statement get(*db_, "SELECT value FROM project_info WHERE key = 'name'");
  return get.executeStep() ? get.getColumn(0).getString() : std::string();
} catch (...) {
  RethrowSqlite(*this);
}

int Project::schema_version() try {
  return db_->execAndGet("PRAGMA user_version").getInt();
} catch (...) {
  RethrowSqlite(*this);
}

int64_t DataVersion(Project& project) try {
  try {
    return project.db().execAndGet("PRAGMA data_version").getInt64();
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError("cannot read " + project.file().string() + ": " + e.what(),
                        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project);
}

int64_t OwnChanges(Project& project) try { return project.db().getTotalChanges(); } catch (...) {
  RethrowSqlite(project);
}

int64_t ProjectFileBytes(Project& project) try {
  try {
    return project.db().execAndGet("PRAGMA page_count").getInt64() *
           project.db().execAndGet("PRAGMA page_size").getInt64();
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError("cannot read " + project.file().string() + ": " + e.what(),
                        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project);
}

Transaction::Transaction(Project& project) try : project_(project) {
  try {
    project_.db().exec("BEGIN IMMEDIATE");
  } catch (const SQLite::Exception& e) {
    // By SQLite's code, not its text: busy (another writer kept the lock past
    // the busy timeout), a read-only or damaged file, ...
    throw SqliteFailure(
        e.getErrorCode(),
        "cannot start a transaction on " + project_.file().string() + ": " + e.what(),
        project_.file().string());
  }
} catch (...) {
  RethrowSqlite(project);
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    project_.db().exec("ROLLBACK");
  } catch (...) {
    // Nothing to do: SQLite rolls back an unfinished transaction itself.
  }
}

void Transaction::Commit() try {
  try {
    project_.db().exec("COMMIT");
    done_ = true;
  } catch (const SQLite::Exception& e) {
    const Error failure = SqliteFailure(
        e.getErrorCode(), "cannot write " + project_.file().string() + ": " + e.what(),
        project_.file().string());
    if (failure.kind() != ErrorKind::kInternal) throw failure;
    throw SqliteIoError(
        "cannot write " + project_.file().string() + ": " + e.what() + "; nothing was changed",
        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

BulkWrite::BulkWrite(Project& project) try : project_(project) {
  try {
    active_ = project_.db().execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
  } catch (const SQLite::Exception&) {
    active_ = false;  // busy: another connection reads; stay in WAL mode
  }
  project_.db().exec("PRAGMA foreign_keys = OFF");
} catch (...) {
  RethrowSqlite(project);
}

BulkWrite::~BulkWrite() {
  try {
    project_.db().exec("PRAGMA foreign_keys = ON");
    if (active_) project_.db().exec("PRAGMA journal_mode = WAL");
  } catch (...) {
    // The next Open switches both back.
  }
}

}  // namespace verhaal
