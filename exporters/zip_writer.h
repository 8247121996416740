// Writing a zip archive (libzip) whole or not at all: libzip writes to a
// temporary file beside the target and renames it on success.
#ifndef VERHAAL_EXPORTERS_ZIP_WRITER_H_
#define VERHAAL_EXPORTERS_ZIP_WRITER_H_

#include <filesystem>
#include <string>
#include <vector>

namespace verhaal {

struct ZipEntry {
  std::string name;   // path inside the archive, "/" between folders
  std::string bytes;
};

// Writes `entries` (deflated) to `file`, replacing it. kCannotCreate when the
// file cannot be created, kIo when writing fails. Entry names are written
// as given; callers check them.
void WriteZip(const std::filesystem::path& file, const std::vector<ZipEntry>& entries);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_ZIP_WRITER_H_
