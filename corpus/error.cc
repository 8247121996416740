#include "corpus/error.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <filesystem>
#include <system_error>
#include <utility>

namespace verhaal {
namespace {

// Whether a study run holds `file` now: its working copy (.NAME.run-PID-N,
// see `verhaal run`) is beside it.
bool StudyRunInProgress(std::string_view file) {
  const std::filesystem::path project(file);
  const std::filesystem::path folder = project.parent_path().empty() ? "." : project.parent_path();
  const std::string prefix = "." + project.filename().string() + ".run-";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) return true;
  }
  return false;
}

}  // namespace

Error WithSqliteAdvice(const Error& error, std::string_view file) {
  if (!error.location().file.empty() ||
      (error.kind() != ErrorKind::kIo && error.kind() != ErrorKind::kInternal)) {
    return error;
  }
  if (error.sqlite_code() == 0) return error;
  const Error advised = SqliteFailure(error.sqlite_code() & 0xff, error.message(), file);
  return advised.kind() == ErrorKind::kInternal ? error : advised;
}

Error SqliteFailure(int code, std::string_view message, std::string_view file) {
  const std::string what = " (" + std::string(message) + ")";
  const std::string name(file);
  const std::string unchanged = "; the command changed nothing";
  switch (code) {
    case SQLITE_FULL:
      return IoError("the disk is full: cannot write " + name + what +
                     "; free some space and run the command again" + unchanged);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return IoError("cannot read or write " + name + what +
                     "; check the disk and the permissions of the file and its folder" + unchanged);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      if (StudyRunInProgress(file)) {
        return IoError("busy: a study run is in progress on " + name + what +
                       "; wait until `verhaal run` is done and run the command again" + unchanged);
      }
      return IoError(name + " is in use by another program" + what +
                     "; wait until it is done and run the command again" + unchanged);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DataError(name + " is damaged" + what + "; restore it from a backup (`sqlite3 " +
                       name + " 'PRAGMA integrity_check'` shows what is damaged)");
    default:
      return Error(ErrorKind::kInternal, std::string(message));
  }
}

std::optional<Error> SqliteExceptionError(const std::exception& e, std::string_view file) {
  const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
  if (sqlite == nullptr) return std::nullopt;
  return SqliteFailure(sqlite->getErrorCode(), sqlite->what(), file);
}

}  // namespace verhaal
