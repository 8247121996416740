// The versions of the libraries the corpus module is built on, for
// `verhaal --version`. Here because SQLite is named only in corpus/.
#ifndef VERHAAL_CORPUS_LIBRARIES_H_
#define VERHAAL_CORPUS_LIBRARIES_H_

#include <string>

namespace verhaal {

// SQLite's version as the library loaded at run time reports it ("3.40.1").
std::string SqliteVersion();

// SQLiteCpp's version, from the headers compiled in ("3.2.1").
std::string SqliteCppVersion();

// ICU's version as the library loaded at run time reports it ("72.1").
std::string IcuVersion();

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_LIBRARIES_H_
