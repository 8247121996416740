// Whole-project copies: a consistent snapshot of a project file through
// SQLite's online backup API, and trimming a copy down to one coder's work
// (the blind copy of `verhaal export-for-coder`, see docs/merge.md).
#ifndef VERHAAL_CORPUS_BACKUP_H_
#define VERHAAL_CORPUS_BACKUP_H_

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "corpus/project.h"

namespace verhaal {

// Writes a consistent copy of `project` to `to`, which must not exist
// (kCannotCreate when it does or cannot be written; kIo when the copy
// fails, in which case the partial file is removed). The copy is a complete
// project with the same schema; it is not opened.
void BackupProject(Project& project, const std::filesystem::path& to);

// What KeepOnlyCoder removed.
struct TrimCounts {
  int64_t codings = 0;     // codings by other coders
  int64_t coders = 0;      // other coders
  int64_t memos = 0;       // memos written by someone else (author not empty)
  int64_t undo_steps = 0;  // other coders' workbench undo history
};

// Removes every coding, coder, authored memo and undo step that does not belong to
// `coder`, so the project shows the stories and the codebook and nothing of
// what others coded. The caller runs it inside a Transaction. `coder` is
// kept (and added when missing) so it is known in the copy.
TrimCounts KeepOnlyCoder(Project& project, std::string_view coder);

// Rebuilds the file (VACUUM) so that removed rows leave no trace in free
// pages, as a blind copy must. Run outside any transaction; kIo on failure.
void CompactProject(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_BACKUP_H_
