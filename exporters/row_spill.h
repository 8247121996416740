// Rows of an export kept on disk between two passes of a writer: a writer
// that must know the row count and every string's width before it writes
// (SPSS, Stata) reads its source once, spills each row here while measuring,
// and writes from the spill, so the project is read once and memory stays
// flat. The file is an unnamed temporary (tmpfile), gone when the spill is.
// Private to exporters/.
#ifndef VERHAAL_EXPORTERS_ROW_SPILL_H_
#define VERHAAL_EXPORTERS_ROW_SPILL_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>

#include "exporters/export_table.h"

namespace verhaal {

class RowSpill {
 public:
  // Opens the temporary file; kIo when it cannot be made.
  RowSpill();
  // Owns a FILE*: not copied.
  RowSpill(const RowSpill&) = delete;
  RowSpill& operator=(const RowSpill&) = delete;
  ~RowSpill();

  // Appends one row (compactly: whole numbers 0-239 in one byte, runs of
  // zeros in two). kIo when the disk is full.
  void Append(const ExportRow& row);
  int64_t rows() const { return rows_; }

  // Calls `visit` with each appended row, in order, each with `columns`
  // cells as they were appended. May be called more than once.
  void ForEachRow(size_t columns, const std::function<void(const ExportRow&)>& visit);

 private:
  std::FILE* file_ = nullptr;
  std::string buffer_;
  int64_t rows_ = 0;
};

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_ROW_SPILL_H_
