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
  size_t source_position = 0;
  size_t stored_position = 0;
  icu::UnicodeString chunk;
  size_t chunk_length = 0;  // in source positions
  std::string bytes;

  // A chunk from source_position of `source_length` positions that became
  // `stored_length` stored positions; runs of 1 -> 1 chunks merge.
  auto add_chunk = [&](size_t source_length, size_t stored_length) {
    const bool single = source_length == 1 && stored_length == 1;
    if (!(single && !single_.empty() && single_.back())) {
      source_starts_.push_back(source_position);
      stored_starts_.push_back(stored_position);
      single_.push_back(single);
    }
    source_position += source_length;
    stored_position += stored_length;
  };
  auto flush = [&]() {
    if (chunk_length == 0) return;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normal = nfc.normalize(chunk, status);
    if (U_FAILURE(status)) {
      throw Error(ErrorKind::kInternal,
                  std::string("ICU normalisation failed: ") + u_errorName(status));
    }
    bytes.clear();
    normal.toUTF8String(bytes);
    stored_ += bytes;
    add_chunk(chunk_length, static_cast<size_t>(normal.countChar32()));
    chunk.remove();
    chunk_length = 0;
  };
  auto push_line_break = [&](size_t length) {
    flush();
    stored_ += '\n';
    add_chunk(length, 1);
  };

  const auto* s = reinterpret_cast<const uint8_t*>(source.data());
  const int32_t length = static_cast<int32_t>(source.size());
  int32_t i = 0;
  while (i < length) {
    if (s[i] < 0x80 && s[i] != '\r') {
      // ASCII is its own NFC, one position in both texts; a combining mark
      // after it may still compose with it, so it starts a chunk.
      if (i + 1 < length && s[i + 1] >= 0x80) {
        flush();
        chunk.append(static_cast<UChar32>(s[i]));
        chunk_length = 1;
        ++i;
        continue;
      }
      flush();
      stored_ += static_cast<char>(s[i]);
      add_chunk(1, 1);
      ++i;
      continue;
    }
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
    if (nfc.hasBoundaryBefore(c)) flush();
    chunk.append(c);
    ++chunk_length;
  }
  flush();
  // The end, as a chunk boundary.
  source_starts_.push_back(source_position);
  stored_starts_.push_back(stored_position);
  single_.push_back(false);
}

std::optional<size_t> SourcePositionMap::StartOf(size_t source_position) const {
  if (source_position > source_length()) return std::nullopt;
  const size_t k = static_cast<size_t>(
      std::upper_bound(source_starts_.begin(), source_starts_.end(), source_position) - 1 -
      source_starts_.begin());
  if (single_[k]) return stored_starts_[k] + (source_position - source_starts_[k]);
  return stored_starts_[k];
}

std::optional<size_t> SourcePositionMap::EndOf(size_t source_position) const {
  if (source_position > source_length()) return std::nullopt;
  const size_t k = static_cast<size_t>(
      std::upper_bound(source_starts_.begin(), source_starts_.end(), source_position) - 1 -
      source_starts_.begin());
  if (source_starts_[k] == source_position) return stored_starts_[k];
  if (single_[k]) return stored_starts_[k] + (source_position - source_starts_[k]);
  return stored_starts_[k + 1];
}

}  // namespace verhaal
