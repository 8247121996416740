#include "exporters/sav_segment_names.h"

#include <cstdint>
#include <cstring>
#include <set>
#include <string_view>

#include "base/error.h"

namespace verhaal {
namespace {

// The layout of a system file (PSPP's "System File Format" appendix): a
// 176-byte header, then one type-2 record per 8 bytes of a case: rec_type,
// type (0 number, width of a string, -1 continuation), has_var_label,
// n_missing_values, print, write, name[8]; then an optional label (length,
// text padded to 4 bytes) and |n_missing_values| 8-byte values.
constexpr size_t kHeaderBytes = 176;
constexpr size_t kVariableRecordBytes = 32;
constexpr size_t kNameOffset = 24;
constexpr int32_t kVariableRecordType = 2;

int32_t ReadInt32(const std::string& bytes, size_t offset) {
  if (offset + 4 > bytes.size()) {
    throw DataError("the SPSS dictionary ReadStat wrote ends early; export --format csv");
  }
  int32_t value = 0;
  std::memcpy(&value, bytes.data() + offset, sizeof(value));
  return value;
}

struct NameSlot {
  size_t offset;  // of the 8-byte name in the dictionary
  bool segment;   // a very long string's second or later segment
  std::string base;
};

std::string ShortName(const std::string& bytes, size_t offset) {
  std::string name = bytes.substr(offset, 8);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return name;
}

// The offsets of the variable records that are not continuations, in order.
std::vector<size_t> VariableRecords(const std::string& dictionary) {
  std::vector<size_t> records;
  size_t at = kHeaderBytes;
  while (at + kVariableRecordBytes <= dictionary.size() &&
         ReadInt32(dictionary, at) == kVariableRecordType) {
    const int32_t type = ReadInt32(dictionary, at + 4);
    const int32_t has_label = ReadInt32(dictionary, at + 8);
    const int32_t missing = ReadInt32(dictionary, at + 12);
    if (type != -1) records.push_back(at);
    at += kVariableRecordBytes;
    if (has_label != 0) at += 4 + (static_cast<size_t>(ReadInt32(dictionary, at)) + 3) / 4 * 4;
    at += 8 * static_cast<size_t>(missing < 0 ? -missing : missing);
  }
  return records;
}

std::string Base36(size_t number, size_t digits) {
  static constexpr std::string_view kDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::string text(digits, '0');
  for (size_t i = digits; i-- > 0; number /= 36) text[i] = kDigits[number % 36];
  return text;
}

}  // namespace

size_t SavSegments(size_t width) {
  return width > kSavMaxShortString ? (width + kSavSegmentBytes - 1) / kSavSegmentBytes : 1;
}

void RenameSavSegments(std::string& dictionary, const std::vector<size_t>& widths) {
  const std::vector<size_t> records = VariableRecords(dictionary);
  std::vector<NameSlot> slots;
  for (size_t width : widths) {
    const size_t segments = SavSegments(width);
    for (size_t s = 0; s < segments; ++s) {
      if (slots.size() >= records.size()) break;
      const size_t offset = records[slots.size()] + kNameOffset;
      slots.push_back({offset, s > 0, s > 0 ? slots.back().base : ShortName(dictionary, offset)});
    }
  }
  if (slots.size() != records.size()) {
    throw DataError("the SPSS dictionary ReadStat wrote has " + std::to_string(records.size()) +
                    " variable records where " + std::to_string(slots.size()) +
                    " were expected; export --format csv");
  }
  std::set<std::string> taken;
  for (const auto& slot : slots) {
    if (!slot.segment) taken.insert(slot.base);
  }
  // Each segment: the first five letters of its variable and three base-36
  // digits, the first such name no other record has.
  size_t counter = 0;
  for (const auto& slot : slots) {
    if (!slot.segment) continue;
    std::string name;
    do {
      if (++counter >= 36 * 36 * 36) {
        throw DataError("too many very long string segments for SPSS; export --format csv");
      }
      name = slot.base.substr(0, 5) + Base36(counter, 3);
    } while (taken.count(name) != 0);
    taken.insert(name);
    name.resize(8, ' ');
    dictionary.replace(slot.offset, 8, name);
  }
}

}  // namespace verhaal
