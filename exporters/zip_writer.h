// Writing a zip archive (libzip) whole or not at all: libzip writes to a
// temporary file beside the target and renames it on success. Entries are
// written in the order added, when the archive is closed; an entry's bytes
// may come from memory, from an open file, or from a function called only
// when that entry is written, so that an archive of a million files holds
// one file's bytes at a time.
#ifndef VERHAAL_EXPORTERS_ZIP_WRITER_H_
#define VERHAAL_EXPORTERS_ZIP_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/clock.h"

struct zip;

namespace verhaal {

struct ZipEntry {
  std::string name;  // path inside the archive, "/" between folders
  std::string bytes;
};

// Every entry is deflated and gets the time `entry_time` (seconds since
// 1970, UTC; written as the UTC date and time, so the bytes do not depend on
// the time zone; before 1980 becomes 1980-01-01), so the same entries give
// the same bytes whichever way they were added (corpus/clock.h). Entry names
// are written as given; callers check them.
class ZipWriter {
 public:
  // Opens `file` for writing (it is replaced on Close()). kCannotCreate when
  // the file cannot be created or is the project (CheckOutputFile).
  explicit ZipWriter(const std::filesystem::path& file, int64_t entry_time = kEarliestExportTime);
  // Discards the archive when Close() was not reached: `file` is untouched.
  ~ZipWriter();
  // Owns the open archive and the entries' state.
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // An entry of `bytes`, which must stay valid until Close().
  void AddBytes(const std::string& name, std::string_view bytes);

  // An entry of the whole of `file`, read from its start when written; the
  // writer takes the file over and closes it. `level`: the deflate level,
  // 1 (fastest) to 9; 0 is libzip's default (9).
  void AddFile(const std::string& name, std::FILE* file, int level = 0);

  // An entry whose bytes `read` gives when Close() writes it (it may be
  // called twice, and must give the same bytes); they are dropped once
  // written. An exception from `read` comes out of Close().
  void AddLazy(const std::string& name, std::function<std::string()> read);

  // Writes the archive. kIo when writing fails (the disk may be full).
  void Close();

  struct LazyEntry;  // the state of an AddLazy entry, for libzip's callback

 private:
  uint64_t Add(const std::string& name, void* source);  // returns the index

  std::filesystem::path file_;
  uint16_t dos_time_ = 0;
  uint16_t dos_date_ = 0;
  zip* archive_ = nullptr;
  std::vector<std::unique_ptr<LazyEntry>> lazy_;
  std::exception_ptr failure_;  // what a lazy entry's `read` threw
};

// Writes `entries` to `file`, replacing it (see ZipWriter).
void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries,
              int64_t entry_time = kEarliestExportTime);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_ZIP_WRITER_H_
