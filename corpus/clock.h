// The time stamps verhaal writes: into the project (when a coding or memo
// was made) and into export files (zip entry times of .qdpx and .xlsx, the
// creation time in .xlsx properties, the header time of .sav and .dta).
// Both follow SOURCE_DATE_EPOCH when it is set, as reproducible builds do
// (https://reproducible-builds.org/specs/source-date-epoch/), so a study run
// twice gives the same bytes. See docs/exports.md ("The same bytes").
#ifndef VERHAAL_CORPUS_CLOCK_H_
#define VERHAAL_CORPUS_CLOCK_H_

#include <cstdint>
#include <optional>
#include <string>

#include "corpus/project.h"

namespace verhaal {

// The seconds since 1970 in $SOURCE_DATE_EPOCH, or nullopt when it is unset
// or empty. kUsage when it is set to anything but a whole number of seconds
// from 0 to 253402300799 (9999-12-31T23:59:59Z).
std::optional<int64_t> SourceDateEpoch();

// Now, as verhaal stamps it: SOURCE_DATE_EPOCH when set, else the system
// clock (seconds since 1970, UTC).
int64_t NowSeconds();

// `seconds` since 1970 as ISO 8601 UTC, "2025-03-01T09:30:00Z".
std::string UtcStamp(int64_t seconds);

// UtcStamp(NowSeconds()): the `created` of new codings and memos.
std::string UtcStampNow();

// 1980-01-01T00:00:00Z, the earliest time a zip entry can hold: the export
// time of a project without any time stamp.
inline constexpr int64_t kEarliestExportTime = 315532800;

// The time written into export files of `project`: SOURCE_DATE_EPOCH when
// set, else the project's newest time stamp (the latest `created` of its
// codings and memos, the last change verhaal records), else
// kEarliestExportTime. Never the wall clock, so exporting the same project
// twice gives the same bytes.
int64_t ExportTime(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CLOCK_H_
