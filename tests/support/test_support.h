// Helpers for verhaal's tests: temporary folders, running the real verhaal
// binary end to end, and finding the shared fixtures.
#ifndef VERHAAL_TESTS_SUPPORT_TEST_SUPPORT_H_
#define VERHAAL_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace verhaal::testing {

// A fresh folder under the system temp dir, removed with its contents when
// the object goes. Not copyable: it owns the folder.
class TempDir {
 public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `content` to a file in the folder and returns its path.
  std::filesystem::path Write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the verhaal binary with `args` in folder `cwd`, with optional stdin,
// and collects its exit code and output. With `max_file_bytes`, no file the
// program writes may grow beyond that size (RLIMIT_FSIZE; writes past it fail
// as on a full disk).
RunResult RunVerhaal(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                     const std::string& stdin_text = "",
                     std::optional<uint64_t> max_file_bytes = std::nullopt);

// The source tree (for examples/ and docs/).
std::filesystem::path SourceDir();

// ../shared beside the repository, when present.
std::optional<std::filesystem::path> SharedDir();

std::string ReadFile(const std::filesystem::path& file);

}  // namespace verhaal::testing

// Skips the current test with a message when ../shared is absent.
#define VERHAAL_REQUIRE_SHARED(dir)                                                  \
  auto dir##_optional = ::verhaal::testing::SharedDir();                             \
  if (!dir##_optional) GTEST_SKIP() << "../shared is absent; skipping fixture test"; \
  const std::filesystem::path dir = *dir##_optional

#endif  // VERHAAL_TESTS_SUPPORT_TEST_SUPPORT_H_
