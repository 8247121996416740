#include "corpus/files.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "corpus/error.h"
#include "corpus/output_guard.h"

namespace verhaal {

std::string ReadWholeFile(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw MissingError(file.string() + " does not exist");
  }
  if (std::filesystem::is_directory(file, ec)) {
    throw DataError(file.string() + " is a folder; give a file");
  }
  const auto status = std::filesystem::status(file, ec);
  if (std::filesystem::is_character_file(status) || std::filesystem::is_block_file(status)) {
    throw DataError(file.string() + " is a device, not a file; give a file");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError("cannot read " + file.string() + ": " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw IoError("cannot read " + file.string());
  return std::move(bytes).str();
}

bool SameFileBytes(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(a, ec);
  if (ec || std::filesystem::file_size(b, ec) != size || ec) return false;
  std::ifstream left(a, std::ios::binary);
  std::ifstream right(b, std::ios::binary);
  if (!left || !right) return false;
  std::vector<char> x(1 << 20);
  std::vector<char> y(1 << 20);
  while (left && right) {
    left.read(x.data(), static_cast<std::streamsize>(x.size()));
    right.read(y.data(), static_cast<std::streamsize>(y.size()));
    if (left.gcount() != right.gcount() ||
        !std::equal(x.begin(), x.begin() + left.gcount(), y.begin())) {
      return false;
    }
  }
  return left.eof() && right.eof();
}

std::filesystem::path TemporaryBeside(const std::filesystem::path& file) {
  static std::atomic<int> counter{0};
  std::filesystem::path temporary = file;
  temporary += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  return temporary;
}

void RemoveStaleTemporaries(const std::filesystem::path& file) { RemoveStaleFiles(file, ".tmp-"); }

void RemoveStaleFiles(const std::filesystem::path& file, std::string_view marker) {
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  const std::string prefix = file.filename().string() + std::string(marker);
  std::error_code ec;
  std::vector<std::filesystem::path> stale;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      stale.push_back(entry.path());
    }
  }
  for (const auto& path : stale) std::filesystem::remove(path, ec);
}

AtomicFileWriter::AtomicFileWriter(std::filesystem::path file) : file_(std::move(file)) {
  CheckOutputFile(file_);
  RemoveStaleTemporaries(file_);
  temporary_ = TemporaryBeside(file_);
  out_ = std::fopen(temporary_.c_str(), "wb");
  if (out_ == nullptr) {
    throw Error(ErrorKind::kCannotCreate, "cannot create " + file_.string() + ": " +
                                              std::strerror(errno) +
                                              "; check that the folder exists and is writable");
  }
}

AtomicFileWriter::~AtomicFileWriter() {
  if (out_ != nullptr) {
    std::fclose(out_);
    std::error_code ec;
    std::filesystem::remove(temporary_, ec);
  }
}

void AtomicFileWriter::Write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) {
    throw IoError("cannot write " + file_.string() + ": " + std::strerror(errno) +
                  " (is the disk full?); the file was not written");
  }
}

void AtomicFileWriter::Commit() {
  const bool flushed = std::fflush(out_) == 0 && ::fsync(::fileno(out_)) == 0;
  const int saved = errno;
  const bool closed = std::fclose(out_) == 0;
  out_ = nullptr;
  std::error_code ec;
  if (!flushed || !closed) {
    std::filesystem::remove(temporary_, ec);
    throw IoError("cannot write " + file_.string() + ": " + std::strerror(saved) +
                  " (is the disk full?); the file was not written");
  }
  std::filesystem::rename(temporary_, file_, ec);
  if (ec) {
    std::filesystem::remove(temporary_, ec);
    throw Error(ErrorKind::kCannotCreate, "cannot create " + file_.string() + ": " + ec.message());
  }
}

void WriteWholeFile(const std::filesystem::path& file, std::string_view bytes) {
  AtomicFileWriter writer(file);
  writer.Write(bytes);
  writer.Commit();
}

}  // namespace verhaal
