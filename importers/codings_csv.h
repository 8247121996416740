// Codings made in a spreadsheet: a CSV file with one coding per row, applied
// with `verhaal code --from FILE.csv`. Columns (by header name, any order):
// story, code, coder (optional), quote (with optional occurrence) or
// start and end (code points), and memo (optional). See docs/codings-csv.md.
#ifndef VERHAAL_IMPORTERS_CODINGS_CSV_H_
#define VERHAAL_IMPORTERS_CODINGS_CSV_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "corpus/project.h"
#include "importers/byte_source.h"

namespace verhaal {

struct CodingsCsvOptions {
  std::string default_coder;      // for rows without a coder
  std::string origin = "manual";  // stored with each coding
};

// What an import did.
struct CodingsCsvResult {
  int64_t rows = 0;
  int64_t added = 0;
  int64_t duplicates = 0;  // rows naming a coding that already existed
};

// Reads the CSV from `source` (named `file_name` in messages) and adds its
// codings. The caller owns the Transaction, so a failure leaves nothing
// behind. Throws kData Errors located at the offending cell (FILE:LINE:COL)
// for a missing column, an unknown story or code, a retired or group code, a
// quote that does not occur exactly once, or a bad span; the CSV reader's
// errors for malformed CSV.
CodingsCsvResult ImportCodingsCsv(Project& project, std::unique_ptr<ByteSource> source,
                                  const std::string& file_name, const CodingsCsvOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_CODINGS_CSV_H_
