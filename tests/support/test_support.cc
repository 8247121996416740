#include "tests/support/test_support.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace verhaal::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("verhaal-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()) + "-" +
           std::to_string(counter++));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::Write(const std::string& name, const std::string& content) const {
  const auto file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
  return file;
}

std::string ReadFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult RunVerhaal(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                     const std::string& stdin_text, std::optional<uint64_t> max_file_bytes) {
  // Output goes to files to avoid pipe deadlocks with large outputs.
  TempDir io;
  const auto in_file = io.Write("stdin", stdin_text);
  const auto out_file = io / "stdout";
  const auto err_file = io / "stderr";
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    const int in = ::open(in_file.c_str(), O_RDONLY);
    const int out = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    if (max_file_bytes) {
      const rlimit limit{*max_file_bytes, *max_file_bytes};
      ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails instead of killing
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
    }
    std::vector<char*> argv;
    std::string binary = VERHAAL_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFile(out_file);
  result.err = ReadFile(err_file);
  return result;
}

std::filesystem::path SourceDir() { return VERHAAL_SOURCE_DIR; }

std::optional<std::filesystem::path> SharedDir() {
  std::filesystem::path shared = VERHAAL_SHARED_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(shared / "fixtures", ec)) return shared;
  return std::nullopt;
}

}  // namespace verhaal::testing
