// RFC 4180 CSV output: fields quoted when they hold the delimiter, a quote,
// CR or LF; "\r\n" between records. Optionally neutralises cells that a
// spreadsheet would execute (CSV injection) and writes Excel's BOM.
// Private to exporters/.
#ifndef VERHAAL_EXPORTERS_CSV_WRITER_H_
#define VERHAAL_EXPORTERS_CSV_WRITER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

struct CsvOptions {
  char delimiter = ',';
  bool byte_order_mark = false;  // Excel needs it to read UTF-8
  bool neutralise_formulas = true;
};

// A text cell beginning with = + - @ TAB or CR gets a leading apostrophe,
// unless the whole cell is a number (so "-0.5" stays a number).
std::string NeutraliseFormula(std::string_view cell);

// Quotes one field if needed.
std::string CsvField(std::string_view cell, char delimiter);

class CsvWriter {
 public:
  CsvWriter(std::ostream& out, CsvOptions options = {});
  void WriteRow(const std::vector<std::string>& cells);

 private:
  std::ostream& out_;
  CsvOptions options_;
};

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_CSV_WRITER_H_
