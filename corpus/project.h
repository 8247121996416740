// A verhaal project: one SQLite file per study (*.verhaal). See DESIGN.md,
// "The project file". Opening migrates an older file forward; a file written
// by a newer verhaal is refused. Entity access lives in the other corpus
// headers (respondents.h, stories.h, codes.h, ...), as functions over a
// Project.
#ifndef VERHAAL_CORPUS_PROJECT_H_
#define VERHAAL_CORPUS_PROJECT_H_

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace verhaal {

// The schema version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 10;

class Project {
 public:
  // Creates a new project file. Fails (kCannotCreate) when the file exists
  // or cannot be written.
  static Project Create(const std::filesystem::path& file, std::string_view name);

  // Opens an existing project and migrates it to kSchemaVersion. Fails with
  // kMissing when the file does not exist, kData when it is not a verhaal
  // project or was written by a newer schema.
  static Project Open(const std::filesystem::path& file);

  // For tests of migrations: creates a file at an older schema version.
  static Project CreateAtVersion(const std::filesystem::path& file, std::string_view name,
                                 int version);

  Project(Project&&) noexcept;
  Project& operator=(Project&&) noexcept;
  ~Project();

  const std::filesystem::path& file() const { return file_; }
  std::string name();
  int schema_version();

  // The SQLite connection. Only the corpus module's own files use it; every
  // other module goes through the typed functions.
  SQLite::Database& db() { return *db_; }

 private:
  Project(std::filesystem::path file, std::unique_ptr<SQLite::Database> db);
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
};

// SQLite's PRAGMA data_version for this connection: it changes when another
// connection (another process, e.g. the CLI beside `verhaal serve`) commits
// a change to the file, and not for this connection's own commits. Cheap:
// no file is read. kIo Error when SQLite fails.
int64_t DataVersion(Project& project);

// How many rows this connection has changed since it was opened (SQLite's
// total_changes). With DataVersion it tells a cache whether the project may
// have changed since it looked: DataVersion counts the other connections'
// commits, this one its own. Cheap.
int64_t OwnChanges(Project& project);

// The size of the project's main file in bytes (pages times page size; the
// write-ahead log aside), without a system call. kIo Error when SQLite fails.
int64_t ProjectFileBytes(Project& project);

// One write transaction (BEGIN IMMEDIATE). Rolls back in the destructor
// unless Commit() ran, so a command that throws leaves the file unchanged.
// Not copyable or movable: it is tied to one scope.
class Transaction {
 public:
  explicit Transaction(Project& project);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  // Makes the changes durable. Fails with kIo (e.g. disk full).
  void Commit();

 private:
  Project& project_;
  bool done_ = false;
};

// For a command that writes a lot at once (a large import): while it lives,
// the project uses SQLite's rollback journal instead of the write-ahead log.
// SQLite journals only the pages that existed before the transaction, so
// data appended to the file is written once instead of twice (to the log,
// then again at the checkpoint). The transaction is just as atomic. The
// destructor puts the project back in WAL mode (Open does so too, should the
// process die first). When another connection has the project open, the
// switch cannot be made and the command simply runs in WAL mode.
// It also turns foreign key checks off for its lifetime (two lookups per
// signifier answer, one per story): a bulk writer must keep the references
// right by construction, writing only ids it has just inserted or looked up.
// Create it before the Transaction, so that it outlives it.
class BulkWrite {
 public:
  explicit BulkWrite(Project& project);
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;
  ~BulkWrite();

  // True when the project is in rollback-journal mode now.
  bool active() const { return active_; }

 private:
  Project& project_;
  bool active_ = false;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_PROJECT_H_
