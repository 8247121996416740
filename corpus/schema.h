// The schema of the project file as a list of forward migrations. Migration
// i (1-based) brings a file from user_version i-1 to i. Private to corpus/.
#ifndef VERHAAL_CORPUS_SCHEMA_H_
#define VERHAAL_CORPUS_SCHEMA_H_

#include <SQLiteCpp/Database.h>

namespace verhaal {

// Runs the migrations from the file's current version up to `target`, each
// setting user_version. The caller holds the transaction.
void MigrateSchema(SQLite::Database& db, int from, int target);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SCHEMA_H_
