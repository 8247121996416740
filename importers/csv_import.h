// Importing stories from a CSV/TSV file with an import mapping
// (docs/import-mapping.md): one story per record, its respondent, typed
// variables and self-signification answers. Streams the file: memory does
// not grow with its size.
#ifndef VERHAAL_IMPORTERS_CSV_IMPORT_H_
#define VERHAAL_IMPORTERS_CSV_IMPORT_H_

#include "corpus/project.h"
#include "importers/csv_reader.h"
#include "importers/mapping.h"
#include "importers/story_import.h"

namespace verhaal {

// Reads every record of `reader` (the first is the header) into `project`
// as `mapping` says. Run it inside one Transaction. kData Errors, located in
// the CSV or the mapping: a mapped column that is not in the header (with the
// closest one), a duplicate story key, empty text, an invalid wave, date,
// typed value or signifier answer, plus the reader's own errors.
ImportReport ImportCsv(Project& project, CsvReader& reader, const ImportMapping& mapping,
                       const ImportOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_CSV_IMPORT_H_
