// What an SQLite failure means for the user: the advice for a full disk, an
// I/O failure, a lock or a damaged file, decided by SQLite's result code
// (never by its text). The error type itself is base/error.h's.
#ifndef VERHAAL_CORPUS_ERROR_H_
#define VERHAAL_CORPUS_ERROR_H_

#include <exception>
#include <optional>
#include <string_view>

#include "base/error.h"

namespace verhaal {

// What to report when an SQLite call on `file` failed with `code` (its
// primary result code) and no caller turned it into a located Error: a full
// disk, an input/output failure, a lock held by another program or a
// damaged file, each saying what to do; kInternal for anything else (a bug).
Error SqliteFailure(int code, std::string_view message, std::string_view file);

// SqliteFailure's error for `e` on `file` when `e` is SQLite's exception
// (SQLiteCpp's, which no caller turned into an Error); nullopt for any other
// exception. For a front end's last catch, so that SQLite's types stay
// inside corpus/.
std::optional<Error> SqliteExceptionError(const std::exception& e, std::string_view file);

// `error` as the CLI reports it. Code that wraps an SQLite failure
// ("cannot write codings: database or disk is full") does so with
// SqliteIoError, which keeps SQLite's result code; for an unlocated error
// with a code of a full disk, an I/O failure, a lock or a damaged file this
// is SqliteFailure's error for `file` with the whole message inside. Any
// other error is returned as it is. The message's text is never read.
Error WithSqliteAdvice(const Error& error, std::string_view file);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_ERROR_H_
