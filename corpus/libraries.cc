#include "corpus/libraries.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unicode/uversion.h>

#include <cstdio>

namespace verhaal {

std::string SqliteVersion() { return sqlite3_libversion(); }

std::string SqliteCppVersion() {
  // SQLITECPP_VERSION is "3.02.01": numbers with leading zeros.
  int major = 0, minor = 0, patch = 0;
  std::sscanf(SQLITECPP_VERSION, "%d.%d.%d", &major, &minor, &patch);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string IcuVersion() {
  UVersionInfo info;
  u_getVersion(info);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, text);
  return text;
}

}  // namespace verhaal
