// Where a position of a text lands after some of its spans were replaced
// by text of another length: what keeps codings, memo spans and speaker
// turns on the same words in the clean copy. Positions are code points.
// Private to privacy/.
#ifndef VERHAAL_PRIVACY_SPAN_MAP_H_
#define VERHAAL_PRIVACY_SPAN_MAP_H_

#include <cstdint>
#include <vector>

namespace verhaal {

struct Replaced {
  int64_t start = 0;  // in the old text, end exclusive
  int64_t end = 0;
  int64_t length = 0;  // of the replacement, in code points
};

class SpanMap {
 public:
  // `replaced` sorted by start, not overlapping.
  explicit SpanMap(std::vector<Replaced> replaced);

  // The new position of a segment's start: a start inside a replaced span
  // moves to the start of its replacement.
  int64_t Start(int64_t old) const;
  // The new position of a segment's end: an end inside a replaced span
  // moves to the end of its replacement.
  int64_t End(int64_t old) const;

 private:
  int64_t Map(int64_t old, bool is_end) const;
  std::vector<Replaced> replaced_;
};

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_SPAN_MAP_H_
