#include "importers/refi_package.h"

#include <zip.h>

#include <algorithm>
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
    package.project_xml = ReadWholeFile(file);
    package.bare_project = true;
    return package;
  }
  int code = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(file.c_str(), ZIP_RDONLY, &code));
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw DataError("cannot open as a .qdpx (zip) archive: " + why +
                        "; give a .qdpx exported by a QDA tool, or its project.qde",
                    Location{file.string(), 0, 0, ""});
  }
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  uint64_t total = 0;
  std::vector<std::pair<zip_uint64_t, std::string>> qde_entries;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
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
    if ((stat.valid & ZIP_STAT_SIZE) == 0 || stat.size > limits.max_entry_bytes) {
      throw DataError("the archive entry '" + name + "' is larger than " +
                          std::to_string(limits.max_entry_bytes >> 20) +
                          " MiB uncompressed; refusing to read it (a damaged or hostile "
                          "archive?)",
                      Location{file.string(), 0, 0, ""});
    }
    total += stat.size;
    if (total > limits.max_total_bytes) {
      throw DataError("the archive's texts are larger than " +
                          std::to_string(limits.max_total_bytes >> 20) +
                          " MiB together; refusing to read them",
                      Location{file.string(), 0, 0, ""});
    }
    if (is_qde) {
      qde_entries.emplace_back(static_cast<zip_uint64_t>(i), name);
      continue;
    }
    package.sources[lower.substr(8)] =
        ReadEntry(archive.get(), static_cast<zip_uint64_t>(i), stat.size, file.string(), name);
  }
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
  zip_stat_t stat;
  zip_stat_index(archive.get(), chosen->first, 0, &stat);
  package.project_name = chosen->second;
  package.project_xml =
      ReadEntry(archive.get(), chosen->first, stat.size, file.string(), chosen->second);
  return package;
}

}  // namespace verhaal
