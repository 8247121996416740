#include "corpus/output_guard.h"

#include <sys/stat.h>

#include <mutex>
#include <set>
#include <string>
#include <system_error>

#include "corpus/error.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;

struct Registry {
  std::mutex mutex;
  std::set<fs::path> projects;  // weakly canonical paths
};

Registry& Protected() {
  static Registry registry;
  return registry;
}

fs::path Canonical(const fs::path& file) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(fs::absolute(file, ec), ec);
  return ec ? fs::absolute(file, ec).lexically_normal() : canonical;
}

// True when both files exist and are the same file.
bool SameFile(const fs::path& a, const fs::path& b) {
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// What `output` is of `project`, or empty when it is not one of its files.
std::string Companion(const fs::path& output, const fs::path& canonical_output,
                      const fs::path& project) {
  if (SameFile(output, project)) return "the project file";
  const std::string name = project.filename().string();
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const fs::path companion = project.string() + suffix;
    if (canonical_output == companion || SameFile(output, companion)) {
      return std::string("the project's ") + (suffix + 1) + " file";
    }
  }
  if (canonical_output == project) return "the project file";
  if (canonical_output.parent_path() != project.parent_path()) return "";
  const std::string out = canonical_output.filename().string();
  if (StartsWith(out, "." + name + ".run")) return "a study run's working copy of the project";
  if (StartsWith(out, name + ".fts-side-")) return "the project's full-text side index";
  return "";
}

}  // namespace

void ProtectProjectFile(const fs::path& project) {
  Registry& registry = Protected();
  std::lock_guard lock(registry.mutex);
  registry.projects.insert(Canonical(project));
}

void CheckOutputFile(const fs::path& output) {
  std::error_code ec;
  if (fs::is_directory(output, ec)) {
    throw Error(ErrorKind::kCannotCreate, "cannot create " + output.string() +
                                              ": it is a folder; give the name of a file to write");
  }
  const fs::path canonical = Canonical(output);
  Registry& registry = Protected();
  std::lock_guard lock(registry.mutex);
  for (const fs::path& project : registry.projects) {
    const std::string what = Companion(output, canonical, project);
    if (what.empty()) continue;
    throw Error(ErrorKind::kCannotCreate, "refusing to write " + output.string() + ": it is " +
                                              what + " (" + project.string() +
                                              "); choose another output file; nothing was written");
  }
}

}  // namespace verhaal
