// Where importers read their bytes from: a narrow seam (STYLE.md item 8) so
// that readers stream a file in chunks in production and read an in-memory
// string in tests.
#ifndef VERHAAL_IMPORTERS_BYTE_SOURCE_H_
#define VERHAAL_IMPORTERS_BYTE_SOURCE_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

namespace verhaal {

// A stream of bytes, read front to back. Not copyable: it owns a position
// (and for files an open handle).
class ByteSource {
 public:
  ByteSource() = default;
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;
  virtual ~ByteSource() = default;

  // Reads up to buffer.size() bytes into `buffer` and returns how many; 0
  // means the end. Throws a kIo Error when reading fails.
  virtual size_t Read(std::span<char> buffer) = 0;

  // The total size in bytes when known (for progress), else 0.
  virtual uint64_t Size() const { return 0; }
};

// Streams `file`. Throws kMissing when it does not exist, kIo when it cannot
// be opened (e.g. a folder or no permission).
std::unique_ptr<ByteSource> OpenFileSource(const std::filesystem::path& file);

// Serves `bytes` from memory, for tests and small inputs.
std::unique_ptr<ByteSource> StringSource(std::string bytes);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_BYTE_SOURCE_H_
