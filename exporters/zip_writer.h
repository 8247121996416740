// Writing a zip archive (libzip) whole or not at all: libzip writes to a
// temporary file beside the target and renames it on success.
#ifndef VERHAAL_EXPORTERS_ZIP_WRITER_H_
#define VERHAAL_EXPORTERS_ZIP_WRITER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/clock.h"

namespace verhaal {

struct ZipEntry {
  std::string name;  // path inside the archive, "/" between folders
  std::string bytes;
};

// Writes `entries` (deflated) to `file`, replacing it. Every entry gets the
// time `entry_time` (seconds since 1970, UTC; written as the UTC date and
// time, so the bytes do not depend on the time zone; before 1980 becomes
// 1980-01-01), so the same entries give the same bytes (corpus/clock.h).
// kCannotCreate when the file cannot be created, kIo when writing fails.
// Entry names are written as given; callers check them.
void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries,
              int64_t entry_time = kEarliestExportTime);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_ZIP_WRITER_H_
