#include "study/coding_id.h"

#include <array>
#include <charconv>

#include "study/request_error.h"

namespace verhaal {

std::string FormatCodingId(const Coding& coding) {
  return std::to_string(coding.story_id) + "." + std::to_string(coding.code_id) + "." +
         std::to_string(coding.coder_id) + "." + std::to_string(coding.start) + "." +
         std::to_string(coding.end);
}

Coding ParseCodingId(std::string_view id) {
  std::array<int64_t, 5> parts{};
  const char* at = id.data();
  const char* end = id.data() + id.size();
  for (size_t i = 0; i < parts.size(); ++i) {
    const auto [next, ec] = std::from_chars(at, end, parts[i]);
    const bool last = i + 1 == parts.size();
    if (ec != std::errc() || parts[i] < 0 || (last ? next != end : (next == end || *next != '.'))) {
      throw RequestError(
          ErrorKind::kMissing,
          "no coding has the id '" + std::string(id) + "'; take ids from GET /api/stories/{key}",
          "id");
    }
    at = last ? next : next + 1;
  }
  Coding key;
  key.story_id = parts[0];
  key.code_id = parts[1];
  key.coder_id = parts[2];
  key.start = parts[3];
  key.end = parts[4];
  return key;
}

}  // namespace verhaal
