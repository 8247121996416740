#include "importers/encoding.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

#include "corpus/error.h"

namespace verhaal {
namespace {

// Converts chunk by chunk with ucnv_convertEx, which keeps the state of a
// multi-byte sequence that straddles two chunks.
class DecodingSource : public ByteSource {
 public:
  DecodingSource(std::unique_ptr<ByteSource> source, UConverter* from, UConverter* to)
      : source_(std::move(source)), from_(from), to_(to), input_(1 << 16) {}
  ~DecodingSource() override {
    ucnv_close(from_);
    ucnv_close(to_);
  }

  size_t Read(std::span<char> buffer) override {
    char* target = buffer.data();
    char* const target_limit = buffer.data() + buffer.size();
    while (target == buffer.data() && !(done_ && input_at_ == input_end_)) {
      if (input_at_ == input_end_ && !eof_) {
        input_end_ = source_->Read(input_);
        input_at_ = 0;
        eof_ = input_end_ == 0;
      }
      const char* source = input_.data() + input_at_;
      const char* const source_limit = input_.data() + input_end_;
      UErrorCode status = U_ZERO_ERROR;
      ucnv_convertEx(to_, from_, &target, target_limit, &source, source_limit, pivot_,
                     &pivot_source_, &pivot_target_, pivot_ + kPivot, false, eof_, &status);
      input_at_ = static_cast<size_t>(source - input_.data());
      if (status == U_BUFFER_OVERFLOW_ERROR) break;  // the caller's buffer is full
      if (U_FAILURE(status)) {
        throw DataError(std::string("cannot convert the input to UTF-8: ") + u_errorName(status));
      }
      if (eof_ && input_at_ == input_end_) done_ = true;
    }
    return static_cast<size_t>(target - buffer.data());
  }
  uint64_t Size() const override { return source_->Size(); }

 private:
  static constexpr int kPivot = 1024;
  std::unique_ptr<ByteSource> source_;
  UConverter* from_;
  UConverter* to_;
  std::vector<char> input_;
  size_t input_at_ = 0;
  size_t input_end_ = 0;
  bool eof_ = false;
  bool done_ = false;
  UChar pivot_[kPivot];
  UChar* pivot_source_ = pivot_;
  UChar* pivot_target_ = pivot_;
};

}  // namespace

bool IsUtf8EncodingName(std::string_view encoding) {
  std::string plain;
  for (char c : encoding) {
    if (c != '-' && c != '_') plain += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return plain == "utf8" || plain.empty();
}

std::unique_ptr<ByteSource> DecodeToUtf8(std::unique_ptr<ByteSource> source,
                                         std::string_view encoding) {
  if (IsUtf8EncodingName(encoding)) return source;
  const std::string name(encoding);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) {
    throw UsageError("unknown encoding '" + name +
                     "'; use utf-8, windows-1252, latin-1 or another name ICU knows");
  }
  UConverter* to = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) {
    ucnv_close(from);
    throw Error(ErrorKind::kInternal, "ICU has no UTF-8 converter");
  }
  return std::make_unique<DecodingSource>(std::move(source), from, to);
}

std::string ReadTextFile(const std::filesystem::path& file, std::string_view encoding) {
  auto source = DecodeToUtf8(OpenFileSource(file), encoding);
  std::string out;
  std::vector<char> chunk(1 << 16);
  while (const size_t n = source->Read(chunk)) out.append(chunk.data(), n);
  if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
  return out;
}

}  // namespace verhaal
