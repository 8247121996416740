#include "corpus/files.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "corpus/error.h"

namespace verhaal {

std::string ReadWholeFile(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw MissingError(file.string() + " does not exist");
  }
  if (std::filesystem::is_directory(file, ec)) {
    throw DataError(file.string() + " is a folder; give a file");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw IoError("cannot read " + file.string() + ": " + std::strerror(errno));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw IoError("cannot read " + file.string());
  return std::move(bytes).str();
}

AtomicFileWriter::AtomicFileWriter(std::filesystem::path file) : file_(std::move(file)) {
  temporary_ = file_;
  temporary_ += ".tmp-" + std::to_string(::getpid());
  out_ = std::fopen(temporary_.c_str(), "wb");
  if (out_ == nullptr) {
    throw Error(ErrorKind::kCannotCreate,
                "cannot create " + file_.string() + ": " + std::strerror(errno) +
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
