// A project held for a study run: `verhaal run` changes a copy of the project
// and must lose no write that another command makes meanwhile. HeldProject
// takes the project's write lock when the run starts and keeps it until the
// copy's content is written back, so other writers wait (up to the busy
// timeout, then a "busy" error) instead of writing to a file that is about to
// be replaced. Readers are not blocked (WAL mode).
#ifndef VERHAAL_CORPUS_HELD_PROJECT_H_
#define VERHAAL_CORPUS_HELD_PROJECT_H_

#include <filesystem>

#include "corpus/project.h"

namespace verhaal {

class HeldProject {
 public:
  // Opens `file` (migrating it, as Project::Open) and begins a write
  // transaction on it, waiting up to the busy timeout for another writer.
  // Project::Open's errors; kIo (busy) when the lock does not come.
  explicit HeldProject(const std::filesystem::path& file);
  // Holds a lock and a connection; a copy would release them twice.
  HeldProject(const HeldProject&) = delete;
  HeldProject& operator=(const HeldProject&) = delete;
  // Releases the lock, changing nothing unless ReplaceWith committed.
  ~HeldProject();

  // Writes a consistent copy of the held project to `to`, which must not
  // exist (BackupProject's errors).
  void CopyTo(const std::filesystem::path& to);

  // Replaces every row of the held project with the rows of `copy` (a copy
  // made by CopyTo and changed since, closed, with the same schema), in the
  // held transaction, and commits. The file keeps its inode, so connections
  // other programs have open see the new content. kIo when writing fails
  // (nothing changed then); kInternal when the schemas differ.
  void ReplaceWith(const std::filesystem::path& copy);

 private:
  Project project_;
  bool open_ = false;  // the write transaction is open
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_HELD_PROJECT_H_
