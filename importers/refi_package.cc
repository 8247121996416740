#include "importers/refi_package.h"

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include "base/error.h"
#include "base/text.h"
#include "corpus/files.h"

namespace verhaal {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

uint64_t NameHash(std::string_view name) { return std::hash<std::string_view>()(name); }

std::string ReadEntry(zip_t* archive, zip_uint64_t index, uint64_t size, const std::string& file,
                      const std::string& name) {
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> entry(zip_fopen_index(archive, index, 0),
                                                          zip_fclose);
  if (!entry) {
    throw DataError("cannot read '" + name + "' in the archive: " + zip_strerror(archive) +
                        "; the .qdpx may be damaged, export it again",
                    Location{file, 0, 0, ""});
  }
  std::string bytes(size, '\0');
  uint64_t done = 0;
  while (done < size) {
    const zip_int64_t n = zip_fread(entry.get(), bytes.data() + done, size - done);
    if (n < 0) {
      throw DataError("cannot read '" + name + "' in the archive: " +
                          zip_file_strerror(entry.get()) + "; export the .qdpx again",
                      Location{file, 0, 0, ""});
    }
    if (n == 0) break;
    done += static_cast<uint64_t>(n);
  }
  if (done != size) {
    throw DataError("'" + name +
                        "' in the archive is shorter than its header says; export "
                        "the .qdpx again",
                    Location{file, 0, 0, ""});
  }
  return bytes;
}

}  // namespace

// An open .qdpx: the project XML's entry and, for each text of the sources
// folder, the hash of its lower-case name and its index (16 bytes a source,
// sorted by hash; the name itself stays in libzip's directory).
class RefiArchive {
 public:
  RefiArchive(zip_t* archive, std::string file) : archive_(archive), file_(std::move(file)) {}
  ~RefiArchive() { zip_discard(archive_); }
  // Owns the open archive.
  RefiArchive(const RefiArchive&) = delete;
  RefiArchive& operator=(const RefiArchive&) = delete;

  zip_t* get() const { return archive_; }
  const std::string& file() const { return file_; }

  std::vector<std::pair<uint64_t, zip_uint64_t>> sources;  // (name hash, index), by hash
  zip_uint64_t project_index = 0;
  std::string project_name;
  uint64_t max_project_bytes = 0;

 private:
  zip_t* archive_;
  std::string file_;
};

bool IsUnsafeEntryName(const std::string& name) {
  if (name.empty()) return false;
  if (name[0] == '/' || name[0] == '\\') return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // C:\ or C:/
  std::string part;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/' || name[i] == '\\') {
      if (part == "..") return true;
      part.clear();
    } else {
      part += name[i];
    }
  }
  return false;
}

RefiPackage ReadRefiPackage(const std::filesystem::path& file, const RefiPackageLimits& limits) {
  RefiPackage package;
  package.file = file.string();
  package.base_folder = file.parent_path();
  package.limits = limits;
  if (!std::filesystem::exists(file)) {
    throw MissingError(file.string() + " does not exist; give the path of a .qdpx or .qde file");
  }
  if (AsciiLower(file.extension().string()) == ".qde") {
    package.project_name = file.filename().string();
    package.bare_project = true;
    return package;
  }
  int code = 0;
  zip_t* opened = zip_open(file.c_str(), ZIP_RDONLY, &code);
  if (opened == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw DataError("cannot open as a .qdpx (zip) archive: " + why +
                        "; give a .qdpx exported by a QDA tool, or its project.qde",
                    Location{file.string(), 0, 0, ""});
  }
  auto archive = std::make_shared<RefiArchive>(opened, file.string());
  const zip_int64_t count = zip_get_num_entries(archive->get(), 0);
  uint64_t total = 0;
  std::vector<std::pair<zip_uint64_t, std::string>> qde_entries;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive->get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
        stat.name == nullptr) {
      throw DataError("cannot read entry " + std::to_string(i) +
                          " of the archive; export the "
                          ".qdpx again",
                      Location{file.string(), 0, 0, ""});
    }
    const std::string name = stat.name;
    if (IsUnsafeEntryName(name)) {
      throw DataError("the archive has an entry '" + name +
                          "' that points outside its folder (zip slip); refusing to import it. "
                          "Export the project again from its tool",
                      Location{file.string(), 0, 0, ""});
    }
    if (!name.empty() && name.back() == '/') continue;  // a folder
    const std::string lower = AsciiLower(name);
    const bool is_qde = EndsWith(lower, ".qde") && lower.find('/') == std::string::npos;
    const bool in_sources = lower.rfind("sources/", 0) == 0;
    const bool is_text = in_sources && EndsWith(lower, ".txt");
    if (!is_qde && !is_text) {
      if (in_sources) package.other_files.push_back(lower.substr(8));
      continue;
    }
    const uint64_t limit = is_qde ? limits.max_project_bytes : limits.max_entry_bytes;
    if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > limit) {
      throw DataError("the archive entry '" + name + "' is larger than " +
                          std::to_string(limit >> 20) +
                          " MiB uncompressed; refusing to read it (a damaged or hostile "
                          "archive?)",
                      Location{file.string(), 0, 0, ""});
    }
    if (is_qde) {
      qde_entries.emplace_back(static_cast<zip_uint64_t>(i), name);
      continue;
    }
    total += stat.size;
    if (total > limits.max_total_bytes) {
      throw DataError("the archive's texts are larger than " +
                          std::to_string(limits.max_total_bytes >> 20) +
                          " MiB together; refusing to read them",
                      Location{file.string(), 0, 0, ""});
    }
    archive->sources.emplace_back(NameHash(lower.substr(8)), static_cast<zip_uint64_t>(i));
  }
  std::sort(archive->sources.begin(), archive->sources.end());
  if (qde_entries.empty()) {
    throw DataError(
        "the archive holds no .qde project file at its top; is this a REFI-QDA "
        ".qdpx export?",
        Location{file.string(), 0, 0, ""});
  }
  // Prefer project.qde; otherwise the one .qde (ATLAS.ti names it after the project).
  auto chosen = std::find_if(qde_entries.begin(), qde_entries.end(),
                             [](const auto& e) { return AsciiLower(e.second) == "project.qde"; });
  if (chosen == qde_entries.end()) {
    if (qde_entries.size() > 1) {
      throw DataError(
          "the archive holds several .qde files and none is project.qde; cannot "
          "tell which is the project",
          Location{file.string(), 0, 0, ""});
    }
    chosen = qde_entries.begin();
  }
  package.project_name = chosen->second;
  archive->project_index = chosen->first;
  archive->project_name = chosen->second;
  archive->max_project_bytes = limits.max_project_bytes;
  package.archive = std::move(archive);
  return package;
}

std::function<size_t(char*, size_t)> OpenRefiProjectXml(const RefiPackage& package) {
  if (!package.project_xml.empty() || (!package.archive && !package.bare_project)) {
    auto offset = std::make_shared<size_t>(0);
    const std::string* xml = &package.project_xml;
    return [xml, offset](char* buffer, size_t size) {
      const size_t n = std::min(size, xml->size() - *offset);
      std::copy_n(xml->data() + *offset, n, buffer);
      *offset += n;
      return n;
    };
  }
  if (!package.archive) {
    const std::filesystem::path file = package.file;
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
      throw DataError(file.string() + " is a folder; give a file");
    }
    auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
    if (!*in) throw IoError("cannot read " + file.string() + ": " + std::strerror(errno));
    return [in, file](char* buffer, size_t size) {
      in->read(buffer, static_cast<std::streamsize>(size));
      if (in->bad()) throw IoError("cannot read " + file.string() + ": " + std::strerror(errno));
      return static_cast<size_t>(in->gcount());
    };
  }
  std::shared_ptr<RefiArchive> archive = package.archive;
  // Checked before the shared_ptr takes it: a shared_ptr calls its deleter on
  // a null pointer too, and zip_fclose(nullptr) crashes (found by qdpx_fuzz).
  zip_file_t* opened = zip_fopen_index(archive->get(), archive->project_index, 0);
  if (opened == nullptr) {
    throw DataError("cannot read '" + archive->project_name +
                        "' in the archive: " + zip_strerror(archive->get()) +
                        "; the .qdpx may be damaged, export it again",
                    Location{archive->file(), 0, 0, ""});
  }
  std::shared_ptr<zip_file_t> entry(opened, zip_fclose);
  auto read = std::make_shared<uint64_t>(0);
  return [archive, entry, read](char* buffer, size_t size) -> size_t {
    const zip_int64_t n = zip_fread(entry.get(), buffer, size);
    if (n < 0) {
      throw DataError("cannot read '" + archive->project_name + "' in the archive: " +
                          zip_file_strerror(entry.get()) + "; export the .qdpx again",
                      Location{archive->file(), 0, 0, ""});
    }
    *read += static_cast<uint64_t>(n);
    if (*read > archive->max_project_bytes) {
      throw DataError("the archive entry '" + archive->project_name + "' is larger than " +
                          std::to_string(archive->max_project_bytes >> 20) +
                          " MiB uncompressed; refusing to read it (a damaged or hostile "
                          "archive?)",
                      Location{archive->file(), 0, 0, ""});
    }
    return static_cast<size_t>(n);
  };
}

std::optional<std::string> ReadRefiSource(const RefiPackage& package, const std::string& name) {
  if (auto found = package.sources.find(name); found != package.sources.end()) {
    return found->second;
  }
  if (!package.archive) return std::nullopt;
  const RefiArchive& archive = *package.archive;
  const uint64_t hash = NameHash(name);
  auto it = std::lower_bound(archive.sources.begin(), archive.sources.end(),
                             std::pair<uint64_t, zip_uint64_t>{hash, 0});
  for (; it != archive.sources.end() && it->first == hash; ++it) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), it->second, 0, &stat) != 0 || stat.name == nullptr) continue;
    const std::string entry_name = stat.name;
    if (AsciiLower(entry_name).substr(8) != name) continue;
    return ReadEntry(archive.get(), it->second, stat.size, archive.file(), entry_name);
  }
  return std::nullopt;
}

}  // namespace verhaal
