// Reliability data from a table researchers bring from elsewhere (a
// spreadsheet, another tool), for `verhaal agreement --from-table`. See
// docs/agreement.md, "Tables from elsewhere".
//
// units-by-coders (the default): a header line naming the coders after a
// first cell for the unit column; then one line per unit, its name first,
// then each coder's value. coders-by-units is the transposed form
// (Krippendorff's layout): a header of unit names, one line per coder.
// A missing value is an empty cell, "NA", "*" or ".". Values are numbers,
// or (nominal data only) category labels, numbered in sorted order.
//
// A count table (Fleiss' kappa with --counts): a header naming the
// categories after a first cell; one line per subject (unit), its name
// first, then how many coders put it in each category (empty = 0).
#ifndef VERHAAL_IMPORTERS_RELIABILITY_TABLE_H_
#define VERHAAL_IMPORTERS_RELIABILITY_TABLE_H_

#include <memory>
#include <string>
#include <vector>

#include "importers/byte_source.h"
#include "stats/reliability_data.h"

namespace verhaal {

enum class TableLayout { kUnitsByCoders, kCodersByUnits };

struct ReliabilityTable {
  std::vector<std::string> coders;
  std::vector<std::string> units;       // unit names, in order
  std::vector<std::string> categories;  // labels of values 0..k-1 when labels were used
  stats::ReliabilityData data;          // units x coders
};

// Reads a reliability data table. With `labels_allowed` false every value
// must be a number. kData Errors carry FILE:LINE:COL and say what to fix:
// a value that is not a number ("'hoog' is not a number; ..."), a table
// without units or with fewer than two coders, a duplicate coder name, and
// the CSV reader's own errors.
ReliabilityTable ReadReliabilityTable(std::unique_ptr<ByteSource> source,
                                      const std::string& file_name, TableLayout layout,
                                      bool labels_allowed);

struct CountTable {
  std::vector<std::string> categories;
  std::vector<std::string> units;
  stats::CategoryCounts counts;  // units x categories
};

// Reads a subjects x categories count table. kData (located) for a count
// that is not a whole number of 0 or more, or a table without subjects.
CountTable ReadCountTable(std::unique_ptr<ByteSource> source, const std::string& file_name);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_RELIABILITY_TABLE_H_
