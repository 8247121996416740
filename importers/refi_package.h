// The files of a REFI-QDA exchange: the project XML (project.qde, or however
// the tool named it) and the plain-text sources of its flat sources folder.
// ReadRefiPackage opens a .qdpx zip safely or takes a bare .qde, and reads
// nothing but the archive's directory: the project XML is read as a stream
// and each source's text when it is imported (issue 26: memory grows with
// the largest source, not the archive). Tests build a RefiPackage in memory.
// See docs/refi-qda.md.
#ifndef VERHAAL_IMPORTERS_REFI_PACKAGE_H_
#define VERHAAL_IMPORTERS_REFI_PACKAGE_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace verhaal {

// Limits that keep a hostile archive from filling memory or disk.
struct RefiPackageLimits {
  uint64_t max_entry_bytes = 256ull << 20;  // one source, uncompressed
  uint64_t max_total_bytes = 16ull << 30;   // all sources together
  // The project XML, read as a stream (its size costs time, not memory).
  uint64_t max_project_bytes = 16ull << 30;
};

class RefiArchive;  // an open .qdpx (refi_package.cc)

struct RefiPackage {
  std::string file;          // the .qdpx or .qde, for messages
  std::string project_name;  // entry name of the project XML ("project.qde")
  // The project XML when given in memory (tests); else it is read from the
  // archive or, for a bare .qde, from `file`.
  std::string project_xml;
  // Plain-text files of the sources folder given in memory (tests), keyed
  // by their file name in lower case (GUIDs appear in either case).
  std::map<std::string, std::string> sources;
  // The .qdpx, open, when ReadRefiPackage read one: the sources are read
  // from it when asked for.
  std::shared_ptr<RefiArchive> archive;
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

// Reads the project XML a piece at a time: into `buffer` at most `size`
// bytes; 0 at its end. kData when it is larger than the limit or the
// archive is damaged; kIo when the file cannot be read.
std::function<size_t(char* buffer, size_t size)> OpenRefiProjectXml(const RefiPackage& package);

// The text of the sources folder's file `name` (lower case), read now; nothing
// when there is no such file. kData when the archive entry is damaged.
std::optional<std::string> ReadRefiSource(const RefiPackage& package, const std::string& name);

// True when `name` could escape the folder it is extracted to.
bool IsUnsafeEntryName(const std::string& name);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_PACKAGE_H_
