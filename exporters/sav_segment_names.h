// Private to exporters/, for spss_stata.cc: gives the segments of SPSS very
// long strings unique short names. ReadStat (1.1.8) names a string's
// segments after its first five letters plus one base-36 digit, so a text
// of more than 36 segments (about 9 KB) repeats names, which PSPP and SPSS
// rename or refuse. See docs/exports.md.
#ifndef VERHAAL_EXPORTERS_SAV_SEGMENT_NAMES_H_
#define VERHAAL_EXPORTERS_SAV_SEGMENT_NAMES_H_

#include <cstddef>
#include <string>
#include <vector>

namespace verhaal {

// Bytes of text one segment of an SPSS very long string holds; a string
// wider than 255 bytes takes ceil(width / 252) segments.
inline constexpr size_t kSavSegmentBytes = 252;
inline constexpr size_t kSavMaxShortString = 255;

// The number of segments (variable records) of a column `width` bytes wide
// (1 for numbers, width 0).
size_t SavSegments(size_t width);

// Renames, in `dictionary` (a .sav file's header and dictionary as ReadStat
// wrote it), every segment after the first of each very long string so that
// no two variable records share a short name. `widths` holds each
// variable's string width in ReadStat's order (0 for numbers). Throws
// kData when the dictionary does not have the variable records `widths`
// implies (a ReadStat that writes another layout).
void RenameSavSegments(std::string& dictionary, const std::vector<size_t>& widths);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SAV_SEGMENT_NAMES_H_
