// What `verhaal --version` prints: verhaal's version and the versions of
// the libraries this binary is built with.
#ifndef VERHAAL_CLI_VERSION_H_
#define VERHAAL_CLI_VERSION_H_

#include <string>
#include <utility>
#include <vector>

namespace verhaal {

// (library, version) for each library verhaal links, in a fixed order. A
// shared library's version is the one loaded at run time where the library
// can say (SQLite, ICU, OpenSSL, libsodium, Hyperscan, libzip); the others
// give the version of the headers compiled in.
std::vector<std::pair<std::string, std::string>> LibraryVersions();

// "verhaal X.Y.Z\n" and a line "  NAME  VERSION" per library.
std::string VersionText();

}  // namespace verhaal

#endif  // VERHAAL_CLI_VERSION_H_
