// The files of a REFI-QDA exchange: the project XML (project.qde, or however
// the tool named it) and the plain-text sources of its flat sources folder.
// ReadRefiPackage opens a .qdpx zip safely or takes a bare .qde; tests build
// a RefiPackage in memory. See docs/refi-qda.md.
#ifndef VERHAAL_IMPORTERS_REFI_PACKAGE_H_
#define VERHAAL_IMPORTERS_REFI_PACKAGE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace verhaal {

// Limits that keep a hostile archive from filling memory or disk.
struct RefiPackageLimits {
  uint64_t max_entry_bytes = 256ull << 20;   // one uncompressed entry
  uint64_t max_total_bytes = 1024ull << 20;  // all entries read
};

struct RefiPackage {
  std::string file;          // the .qdpx or .qde, for messages
  std::string project_name;  // entry name of the project XML ("project.qde")
  std::string project_xml;
  // Plain-text files of the sources folder ("sources/" or "Sources/"), keyed
  // by their file name in lower case (GUIDs appear in either case).
  std::map<std::string, std::string> sources;
  // Other files of the sources folder (PDF, pictures, media), by lower-case
  // name, without their bytes: the import reports them as skipped.
  std::vector<std::string> other_files;
  bool bare_project = false;          // a .qde on its own: there are no source files
  std::filesystem::path base_folder;  // for relative:// paths
  RefiPackageLimits limits;           // also for the files a bare .qde points to
};

// Reads a .qdpx (zip) or a bare .qde. Errors: kMissing when the file does not
// exist; kData when the zip is damaged, holds no .qde, has an entry whose name
// contains ".." or starts with "/" or a drive letter (zip slip), or an entry
// larger than the limits; kIo when reading fails.
RefiPackage ReadRefiPackage(const std::filesystem::path& file,
                            const RefiPackageLimits& limits = {});

// True when `name` could escape the folder it is extracted to.
bool IsUnsafeEntryName(const std::string& name);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_PACKAGE_H_
