#include "base/error.h"

#include <utility>

#include "base/text.h"

namespace verhaal {
namespace {

std::string Prefix(const Location& at) {
  if (at.file.empty()) return "";
  std::string out = at.file;
  if (at.line > 0) {
    out += ":" + std::to_string(at.line);
    if (at.column > 0) out += ":" + std::to_string(at.column);
  }
  return out + ": ";
}

}  // namespace

Error::Error(ErrorKind kind, std::string message, Location location, int sqlite_code)
    : std::runtime_error(Prefix(location) + message),
      kind_(kind),
      message_(std::move(message)),
      location_(std::move(location)),
      sqlite_code_(sqlite_code) {}

std::string Error::Describe() const {
  std::string out = what();
  if (!location_.text.empty()) {
    out += "\n  " + location_.text + "\n  ";
    // The caret sits under the column; tabs are kept so it lines up.
    int column = 1;
    for (char32_t c : DecodeUtf8Lenient(location_.text)) {
      if (column >= location_.column) break;
      out += c == U'\t' ? '\t' : ' ';
      ++column;
    }
    if (location_.column > 0) out += "^";
  }
  return out;
}

Error DataError(std::string message, Location location) {
  return Error(ErrorKind::kData, std::move(message), std::move(location));
}
Error UsageError(std::string message) { return Error(ErrorKind::kUsage, std::move(message)); }
Error MissingError(std::string message, Location location) {
  return Error(ErrorKind::kMissing, std::move(message), std::move(location));
}
Error IoError(std::string message, Location location) {
  return Error(ErrorKind::kIo, std::move(message), std::move(location));
}

Error SqliteIoError(std::string message, int sqlite_code) {
  return Error(ErrorKind::kIo, std::move(message), {}, sqlite_code);
}

}  // namespace verhaal
