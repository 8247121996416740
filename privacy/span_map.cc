#include "privacy/span_map.h"

#include <algorithm>

namespace verhaal {

SpanMap::SpanMap(std::vector<Replaced> replaced) : replaced_(std::move(replaced)) {}

int64_t SpanMap::Start(int64_t old) const { return Map(old, false); }
int64_t SpanMap::End(int64_t old) const { return Map(old, true); }

int64_t SpanMap::Map(int64_t old, bool is_end) const {
  int64_t shift = 0;
  for (const Replaced& r : replaced_) {
    if (old <= r.start) break;
    const int64_t new_start = r.start + shift;
    if (old < r.end) return is_end ? new_start + r.length : new_start;
    shift += r.length - (r.end - r.start);
  }
  return old + shift;
}

}  // namespace verhaal
