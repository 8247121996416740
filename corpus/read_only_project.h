// A project opened for reading only: for a server that changes the project
// through one connection and reads through others beside it.
#ifndef VERHAAL_CORPUS_READ_ONLY_PROJECT_H_
#define VERHAAL_CORPUS_READ_ONLY_PROJECT_H_

#include <filesystem>

#include "corpus/project.h"

namespace verhaal {

// Opens an existing project as Project::Open does, then makes the connection
// read-only (SQLite's query_only): any change through it throws (SQLite's
// "attempt to write a readonly database", passed on by the corpus functions
// as it is or as kIo) and changes nothing. Each read sees the changes other connections committed
// before it began (write-ahead log). Errors as Project::Open.
Project OpenProjectForReading(const std::filesystem::path& file);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_READ_ONLY_PROJECT_H_
