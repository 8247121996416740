// Files in and out, with verhaal's errors: reading a whole file, and writing
// an output so that it appears whole or not at all (temporary file, flush,
// rename), which keeps a full disk from leaving half a file behind.
#ifndef VERHAAL_CORPUS_FILES_H_
#define VERHAAL_CORPUS_FILES_H_

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace verhaal {

// The bytes of `file`. kMissing when it does not exist, kIo when unreadable.
std::string ReadWholeFile(const std::filesystem::path& file);

// Whether the two files hold the same bytes, read a chunk at a time (memory
// does not grow with their size). False when either cannot be read.
bool SameFileBytes(const std::filesystem::path& a, const std::filesystem::path& b);

// Writes `file` atomically. Use Write() any number of times, then Commit();
// destroying an uncommitted writer removes the temporary file. Errors:
// kCannotCreate when the folder is not writable, kIo when a write fails (the
// message says the disk may be full). Not copyable: it owns an open file.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::filesystem::path file);
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  void Write(std::string_view bytes);
  void Commit();
  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::filesystem::path temporary_;
  std::FILE* out_ = nullptr;
};

// A temporary name beside `file` that belongs to this process:
// FILE.tmp-PID-N (N counts up, so two writers in one process differ).
std::filesystem::path TemporaryBeside(const std::filesystem::path& file);

// Removes the temporary files beside `file` (FILE.tmp-PID...) whose process
// is gone: what a killed command left behind. Errors are ignored.
void RemoveStaleTemporaries(const std::filesystem::path& file);

// The same for FILE<marker>PID... (e.g. ".fts-side-"): the files beside
// `file` named so by a process that is gone, with their companions.
void RemoveStaleFiles(const std::filesystem::path& file, std::string_view marker);

// Writes `bytes` to `file` atomically in one call.
void WriteWholeFile(const std::filesystem::path& file, std::string_view bytes);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_FILES_H_
