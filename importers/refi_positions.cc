#include "importers/refi_positions.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "base/text.h"

namespace verhaal {
namespace {

const icu::Normalizer2& Nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) {
    throw Error(ErrorKind::kInternal, "ICU NFC normaliser unavailable");
  }
  return *nfc;
}

}  // namespace

SourcePositionMap::SourcePositionMap(std::string_view source, LineBreakCounting counting,
                                     const Location& where) {
  ValidateUtf8(source, where);
  const icu::Normalizer2& nfc = Nfc();
  stored_.reserve(source.size());
  source_starts_.push_back(0);
  stored_starts_.push_back(0);
  size_t source_position = 0;
  size_t stored_position = 0;
  icu::UnicodeString chunk;
  size_t chunk_length = 0;  // in source positions

  auto flush = [&]() {
    if (chunk_length == 0) return;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normal = nfc.normalize(chunk, status);
    if (U_FAILURE(status)) {
      throw Error(ErrorKind::kInternal,
                  std::string("ICU normalisation failed: ") + u_errorName(status));
    }
    std::string bytes;
    normal.toUTF8String(bytes);
    stored_ += bytes;
    source_position += chunk_length;
    stored_position += static_cast<size_t>(normal.countChar32());
    source_starts_.push_back(source_position);
    stored_starts_.push_back(stored_position);
    chunk.remove();
    chunk_length = 0;
  };
  auto push_line_break = [&](size_t length) {
    flush();
    stored_ += '\n';
    source_position += length;
    stored_position += 1;
    source_starts_.push_back(source_position);
    stored_starts_.push_back(stored_position);
  };

  const auto* s = reinterpret_cast<const uint8_t*>(source.data());
  const int32_t length = static_cast<int32_t>(source.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == '\r') {
      if (i < length && s[i] == '\n') {
        ++i;
        push_line_break(counting == LineBreakCounting::kCrlfAsOne ? 1 : 2);
      } else {
        push_line_break(1);
      }
      continue;
    }
    if (c < 0x80 || nfc.hasBoundaryBefore(c)) flush();
    chunk.append(c);
    ++chunk_length;
  }
  flush();
}

std::optional<size_t> SourcePositionMap::StartOf(size_t source_position) const {
  if (source_position > source_length()) return std::nullopt;
  const auto it =
      std::upper_bound(source_starts_.begin(), source_starts_.end(), source_position) - 1;
  return stored_starts_[static_cast<size_t>(it - source_starts_.begin())];
}

std::optional<size_t> SourcePositionMap::EndOf(size_t source_position) const {
  if (source_position > source_length()) return std::nullopt;
  const auto it =
      std::upper_bound(source_starts_.begin(), source_starts_.end(), source_position) - 1;
  const size_t k = static_cast<size_t>(it - source_starts_.begin());
  if (source_starts_[k] == source_position) return stored_starts_[k];
  return stored_starts_[k + 1];
}

}  // namespace verhaal
