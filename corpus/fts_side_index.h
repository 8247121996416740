// The full-text index of a first import, built beside the project while the
// stories are written: a StoryWriter into a project without stories can take
// it in Finish() instead of indexing every story itself, so that indexing
// runs on another core (docs/project-file.md, "Imports").
#ifndef VERHAAL_CORPUS_FTS_SIDE_INDEX_H_
#define VERHAAL_CORPUS_FTS_SIDE_INDEX_H_

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "corpus/project.h"

namespace verhaal {

// An FTS5 table with the definition and settings of the project's
// `story_fts`, in a temporary SQLite file beside the project
// (`PROJECT.fts-side-PID-N`) with its own connection. The file is removed
// when the object goes, whatever happened.
//
// Threads: the constructor and CopyInto run on the project's thread; Add may
// run on one other thread (one at a time), which must be done with it before
// CopyInto. Not copyable or movable: it owns the file and its connection.
class FtsSideIndex {
 public:
  // Creates the side file, reading story_fts's definition and settings from
  // `project` (on the calling thread); `hash_bytes` is the index's buffer of
  // new terms (its 'hashsize'). kIo when the file cannot be created.
  FtsSideIndex(Project& project, int hash_bytes);
  FtsSideIndex(const FtsSideIndex&) = delete;
  FtsSideIndex& operator=(const FtsSideIndex&) = delete;
  // Closes and removes the side file.
  ~FtsSideIndex();

  // Indexes story `id` with its stored title and text. kIo when SQLite
  // fails (a full disk).
  void Add(int64_t id, const std::string& title, const std::string& text);

  // Replaces the project's full-text index with this one: inside the
  // project's transaction, through the project's connection, row by row
  // into its shadow tables. The project must hold exactly the stories this
  // index was given (no more, no fewer: checked by count and largest id,
  // kInternal otherwise). kIo when SQLite fails.
  void CopyInto(Project& project);

  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<SQLite::Statement> insert_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_FTS_SIDE_INDEX_H_
