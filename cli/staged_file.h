// A new project file built under a temporary name beside its final one and
// renamed into place only when complete, so a failing merge or export leaves
// no file behind (DESIGN.md: every command that writes does so whole).
#ifndef VERHAAL_CLI_STAGED_FILE_H_
#define VERHAAL_CLI_STAGED_FILE_H_

#include <filesystem>

namespace verhaal {

// Owns the temporary file (and its SQLite -wal/-shm/-journal companions)
// until Publish(); the destructor removes them otherwise. Not copyable: it
// owns files on disk.
class StagedFile {
 public:
  // kCannotCreate when `final_path` exists already or its folder is missing.
  explicit StagedFile(std::filesystem::path final_path);
  StagedFile(const StagedFile&) = delete;
  StagedFile& operator=(const StagedFile&) = delete;
  ~StagedFile();

  // Where to build the file.
  const std::filesystem::path& temporary() const { return temporary_; }
  const std::filesystem::path& final_path() const { return final_; }

  // Renames the temporary file to the final name; close every connection to
  // it first. kCannotCreate when the rename fails.
  void Publish();

 private:
  std::filesystem::path final_;
  std::filesystem::path temporary_;
  bool published_ = false;
};

}  // namespace verhaal

#endif  // VERHAAL_CLI_STAGED_FILE_H_
