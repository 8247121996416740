// The one error type of verhaal. Library code throws verhaal::Error; the CLI
// catches it once, prints "verhaal: error: " + Describe(), and exits with the
// code that belongs to its kind (sysexits, docs/design.md). What SQLite's
// failures mean for the user is corpus/error.h's.
#ifndef VERHAAL_BASE_ERROR_H_
#define VERHAAL_BASE_ERROR_H_

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace verhaal {

// What went wrong, which decides the exit code.
enum class ErrorKind {
  kInternal = 1,       // a bug in verhaal
  kUsage = 2,          // wrong command line
  kData = 65,          // bad input data (malformed file, unknown code, ...)
  kMissing = 66,       // an input file or object does not exist
  kCannotCreate = 73,  // an output cannot be created
  kIo = 74,            // reading or writing failed
};

// Where in an input the problem is. Lines and columns count from 1; 0 means
// "not known". `text` is the offending line, shown with a caret under
// `column` (a column counts code points).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  std::string text;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, Location location = {}, int sqlite_code = 0);

  ErrorKind kind() const { return kind_; }
  // The SQLite result code of the failure this error reports (0: none):
  // kept as a number so that the advice for it never depends on its text.
  int sqlite_code() const { return sqlite_code_; }
  const std::string& message() const { return message_; }
  const Location& location() const { return location_; }

  // "FILE:LINE:COL: message", followed by the offending text and a caret line
  // when the location has text. This is what the CLI prints after
  // "verhaal: error: ".
  std::string Describe() const;

 private:
  ErrorKind kind_;
  std::string message_;
  Location location_;
  int sqlite_code_ = 0;
};

// Shorthands for the common kinds.
Error DataError(std::string message, Location location = {});
Error UsageError(std::string message);
Error MissingError(std::string message, Location location = {});
Error IoError(std::string message, Location location = {});
// An IoError about a failed SQLite call, with its result code (sqlite_code).
Error SqliteIoError(std::string message, int sqlite_code);

}  // namespace verhaal

#endif  // VERHAAL_BASE_ERROR_H_
