// Writing a zip archive whole or not at all, as a stream: the archive is
// written to a temporary file beside the target, entry by entry in the order
// added, and renamed on Close(). An entry's bytes are deflated (zlib, or ISA-L
// for kZipFast) as they come, either all at once (AddBytes) or piece by piece (BeginEntry,
// WriteEntry, EndEntry), so an entry larger than memory can be written; the
// central directory is spooled to an unnamed temporary file, so an archive
// of a million entries holds one entry's bytes at a time and no per-entry
// bookkeeping (issue 25). Zip64 records are written where a size, an offset
// or the number of entries needs them.
#ifndef VERHAAL_EXPORTERS_ZIP_WRITER_H_
#define VERHAAL_EXPORTERS_ZIP_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/clock.h"

namespace verhaal {

struct ZipEntry {
  std::string name;  // path inside the archive, "/" between folders
  std::string bytes;
};

// zlib's default level: what an entry gets unless told otherwise.
inline constexpr int kZipDefaultLevel = 6;
// "Level" 0: ISA-L's igzip at its level 1 (issue 25), far faster than
// zlib's fastest level and smaller, for the REFI export's gigabytes of XML.
// On the 100,000-story bench project's project.qde (708 MB): 0.47 s for
// 13.9% of the size, against 2.2 s for 15.8% at zlib's level 1; its 100,000
// stories, an entry each: 0.57 s for 53%, against 0.9 s for 56% with zlib's
// runs only (Z_RLE). The same entries give the same bytes from the same
// ISA-L on the same kind of processor.
inline constexpr int kZipFast = 0;
// "Level" -1: Huffman codes and runs only (zlib's Z_RLE strategy at level
// 1). For short prose it compresses about as well as level 1 (56% against
// 54% of the size for the bench projects' stories) in two thirds of the
// time. For the REFI export's sources: igzip gave a few of them other
// bytes from one run to the next (a different Huffman table for the same
// text, one or two bytes longer; valid either way), which zlib never does.
inline constexpr int kZipRunsOnly = -1;

// Every entry gets the time `entry_time` (seconds since 1970, UTC; written as
// the UTC date and time, so the bytes do not depend on the time zone; before
// 1980 becomes 1980-01-01) and the same attributes, so the same entries give
// the same bytes (corpus/clock.h). Entry names are written as given; callers
// check them.
class ZipWriter {
 public:
  // Creates a temporary file beside `file` (which is replaced on Close()).
  // kCannotCreate when it cannot be created or `file` is the project
  // (CheckOutputFile).
  explicit ZipWriter(const std::filesystem::path& file, int64_t entry_time = kEarliestExportTime);
  // Removes the temporary file when Close() was not reached: `file` is
  // untouched.
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

  // An entry of `bytes`, deflated at `level` (kZipFast, kZipRunsOnly, or
  // zlib's 1 fastest to 9; an empty entry is stored).
  void AddBytes(const std::string& name, std::string_view bytes, int level = kZipDefaultLevel);

  // An entry written in pieces: BeginEntry, any number of WriteEntry, then
  // EndEntry. Its local header carries a Zip64 field (its size is not known
  // yet), which is filled in when it ends.
  void BeginEntry(const std::string& name, int level = kZipDefaultLevel);
  void WriteEntry(std::string_view bytes);
  void EndEntry();

  // Writes the central directory and renames the archive to `file`. kIo
  // when writing fails (the disk may be full).
  void Close();

  struct State;

 private:
  std::unique_ptr<State> state_;
};

// Writes `entries` to `file`, replacing it (see ZipWriter).
void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries,
              int64_t entry_time = kEarliestExportTime);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_ZIP_WRITER_H_
