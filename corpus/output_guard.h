// The one check before any output is written. Every path that writes an
// output (AtomicFileWriter, SVG, XLSX, .qdpx, codebook YAML, a new project of
// merge or export-for-coder, the exports of a study run) calls
// CheckOutputFile first, so that `verhaal report -o study.verhaal` cannot
// replace months of coding with HTML.
#ifndef VERHAAL_CORPUS_OUTPUT_GUARD_H_
#define VERHAAL_CORPUS_OUTPUT_GUARD_H_

#include <filesystem>

namespace verhaal {

// Remembers `project` as a file no output may overwrite, for the life of the
// process. Project::Open and Project::Create call it; paths are compared
// afresh on every check, so a file removed later stops counting.
void ProtectProjectFile(const std::filesystem::path& project);

// Throws kCannotCreate (exit 73) when `output` is a folder, or a protected
// project file
// (the same file by device and inode, so also through a symbolic or hard
// link or a path with `..`) or one of its companions: its -wal, -shm and
// -journal files, a study run's working copy (.NAME.run*) and the full-text
// side index (NAME.fts-side-*). Does nothing otherwise.
void CheckOutputFile(const std::filesystem::path& output);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_OUTPUT_GUARD_H_
