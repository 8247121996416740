// Importing stories from a CSV/TSV file with an import mapping
// (docs/import-mapping.md): one story per record, its respondent, typed
// variables and self-signification answers. Streams the file: memory does
// not grow with its size.
#ifndef VERHAAL_IMPORTERS_CSV_IMPORT_H_
#define VERHAAL_IMPORTERS_CSV_IMPORT_H_

#include <functional>
#include <memory>

#include "corpus/project.h"
#include "importers/csv_reader.h"
#include "importers/import_report.h"
#include "importers/mapping.h"

namespace verhaal {

// Reads every record of `reader` (the first is the header) into `project`
// as `mapping` says. Run it inside one Transaction. kData Errors, located in
// the CSV or the mapping: a mapped column that is not in the header (with the
// closest one), a duplicate story key, empty text, an invalid wave, date,
// typed value or signifier answer, plus the reader's own errors.
// Opens the same input again from its start, for the text of a line that an
// error names after the reader has gone past it.
using CsvReopen = std::function<std::unique_ptr<CsvReader>()>;

// Imports the records of `reader` (its header line first) as `mapping` says,
// within the caller's transaction. Reading and checking the rows runs on a
// second thread while this one writes them. `reopen`, when given, lets errors
// found while writing (a key given twice, a respondent with two roles) show
// their line.
ImportReport ImportCsv(Project& project, CsvReader& reader, const ImportMapping& mapping,
                       const ImportOptions& options, CsvReopen reopen = nullptr);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_CSV_IMPORT_H_
