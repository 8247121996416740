#include "importers/byte_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/error.h"

namespace verhaal {
namespace {

class FileSource : public ByteSource {
 public:
  FileSource(std::filesystem::path file, std::FILE* in, uint64_t size)
      : file_(std::move(file)), in_(in), size_(size) {}
  ~FileSource() override { std::fclose(in_); }

  size_t Read(std::span<char> buffer) override {
    const size_t n = std::fread(buffer.data(), 1, buffer.size(), in_);
    if (n < buffer.size() && std::ferror(in_)) {
      throw IoError("cannot read " + file_.string() + ": " + std::strerror(errno));
    }
    return n;
  }
  uint64_t Size() const override { return size_; }

 private:
  std::filesystem::path file_;
  std::FILE* in_;
  uint64_t size_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  size_t Read(std::span<char> buffer) override {
    const size_t n = std::min(buffer.size(), bytes_.size() - position_);
    std::memcpy(buffer.data(), bytes_.data() + position_, n);
    position_ += n;
    return n;
  }
  uint64_t Size() const override { return bytes_.size(); }

 private:
  std::string bytes_;
  size_t position_ = 0;
};

}  // namespace

std::unique_ptr<ByteSource> OpenFileSource(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw MissingError("cannot find " + file.string() + "; check the path");
  }
  if (std::filesystem::is_directory(file, ec)) {
    throw IoError(file.string() + " is a folder; give a file");
  }
  // A device never ends (/dev/zero, /dev/urandom) or blocks (a terminal):
  // the encoding guess and the reader would run forever.
  if (std::filesystem::is_character_file(file, ec) || std::filesystem::is_block_file(file, ec)) {
    throw DataError(file.string() + " is a device, not a file; give a file");
  }
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (in == nullptr) {
    throw IoError("cannot open " + file.string() + ": " + std::strerror(errno));
  }
  const auto size = std::filesystem::file_size(file, ec);
  return std::make_unique<FileSource>(file, in, ec ? 0 : static_cast<uint64_t>(size));
}

std::unique_ptr<ByteSource> StringSource(std::string bytes) {
  return std::make_unique<MemorySource>(std::move(bytes));
}

}  // namespace verhaal
