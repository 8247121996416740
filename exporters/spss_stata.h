// Writes an ExportSource as an SPSS system file (.sav) or a Stata data set
// (.dta, format 118, UTF-8) with ReadStat: variable labels, value labels,
// measure levels (SPSS) and missing values. See docs/exports.md.
#ifndef VERHAAL_EXPORTERS_SPSS_STATA_H_
#define VERHAAL_EXPORTERS_SPSS_STATA_H_

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "corpus/clock.h"
#include "exporters/export_table.h"

namespace verhaal {

enum class StatFormat { kSav, kDta };

// The SPSS user-missing code of a not-applicable answer.
inline constexpr double kSpssNotApplicable = -9;
// Stata stores text of at most this many bytes in a str# variable; a
// column with longer text is written as a strL.
inline constexpr size_t kStataMaxString = 2045;

// Reads `source` once (keeping its rows in a temporary file, RowSpill,
// while it finds the row count and string widths ReadStat needs up front)
// and writes `file` atomically. Warnings (SPSS
// text over 32,767 bytes, labels over the format's limits, cut at a
// character boundary, naming the variables) go to `warnings`. Errors:
// kCannotCreate / kIo for the file, kData when ReadStat refuses the data
// (its message included).
// Returns the number of rows written. `file_time` (seconds since 1970;
// ExportTime in corpus/clock.h) is the creation time in the file's header.
// `notes` become SPSS document records or Stata notes, in order (a line of
// at most 80 bytes each for SPSS; e.g. PseudonymisedNoteLines).
// `syntax`, when not empty, is the syntax companion written beside it
// (StatSyntaxPath): an SPSS .sps for kSav, a Stata .do for kDta, that reads
// `csv_name` (the CSV export of the same shape, --locale en) and labels it
// as the data file is labelled: variable labels, value labels, formats and
// the not-applicable code, cut at the same limits (docs/exports.md).
// `formats`, when given, gets each column's format as written: the display
// format of a number (F8.0, SDATE10, %8.0g, ...), the storage type of a
// text (SPSS A12; Stata str12 or strL), for the codebook document.
// `shown_as`, when not empty, is the name warnings, errors and the syntax
// companion give the data file instead of `file`: for a caller that writes
// to a temporary file and renames it (a study run's outputs).
int64_t WriteStatFile(ExportSource& source, StatFormat format, const std::filesystem::path& file,
                      std::ostream& warnings, int64_t file_time = kEarliestExportTime,
                      const std::vector<std::string>& notes = {},
                      const std::filesystem::path& syntax = {}, const std::string& csv_name = {},
                      std::vector<std::string>* formats = nullptr,
                      const std::filesystem::path& shown_as = {});

// `file` with the extension of its syntax companion: .sps for kSav, .do for kDta.
std::filesystem::path StatSyntaxPath(const std::filesystem::path& file, StatFormat format);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SPSS_STATA_H_
