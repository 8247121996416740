#include "corpus/backup.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>
#include <system_error>

#include "corpus/codings.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

void BackupProject(Project& project, const std::filesystem::path& to) try {
  std::error_code ec;
  if (std::filesystem::exists(to, ec)) {
    throw Error(ErrorKind::kCannotCreate,
                to.string() + " already exists; choose another name or remove it first");
  }
  sqlite3* target = nullptr;
  const int opened = sqlite3_open_v2(to.string().c_str(), &target,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (opened != SQLITE_OK) {
    const std::string why = target ? sqlite3_errmsg(target) : sqlite3_errstr(opened);
    sqlite3_close(target);
    std::filesystem::remove(to, ec);
    throw Error(ErrorKind::kCannotCreate, "cannot create " + to.string() + ": " + why);
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", project.db().getHandle(), "main");
  std::string why;
  if (backup == nullptr) {
    why = sqlite3_errmsg(target);
  } else {
    const int status = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (status != SQLITE_DONE) why = sqlite3_errstr(status);
  }
  sqlite3_close(target);
  if (!why.empty()) {
    std::filesystem::remove(to, ec);
    std::filesystem::remove(to.string() + "-journal", ec);
    throw IoError("cannot copy " + project.file().string() + " to " + to.string() + ": " + why +
                  "; check the disk space and the folder's permissions");
  }
} catch (...) {
  RethrowSqlite(project);
}

TrimCounts KeepOnlyCoder(Project& project, std::string_view coder) try {
  const int64_t keep = EnsureCoder(project, coder);
  TrimCounts counts;
  SQLite::Statement codings(project.db(), "DELETE FROM coding WHERE coder_id <> ?");
  codings.bind(1, keep);
  counts.codings = codings.exec();
  // Origins and times only the removed codings had (which rules other
  // coders ran, and when) go with them.
  project.db().exec("DELETE FROM coding_origin WHERE id NOT IN (SELECT origin_id FROM coding)");
  // Other coders' undo history refers to codings the copy no longer has.
  SQLite::Statement steps(project.db(), "DELETE FROM undo_step WHERE coder_id <> ?");
  steps.bind(1, keep);
  counts.undo_steps = steps.exec();
  SQLite::Statement coders(project.db(), "DELETE FROM coder WHERE id <> ?");
  coders.bind(1, keep);
  counts.coders = coders.exec();
  SQLite::Statement memos(project.db(), "DELETE FROM memo WHERE author <> '' AND author <> ?");
  memos.bind(1, std::string(coder));
  counts.memos = memos.exec();
  return counts;
} catch (...) {
  RethrowSqlite(project);
}

void CompactProject(Project& project) try {
  try {
    project.db().exec("VACUUM");
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(
        "cannot compact " + project.file().string() + ": " + e.what() + "; check the disk space",
        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
