#include "corpus/signifier_scan.h"

#include <sqlite3.h>

#include <memory>
#include <string>

#include "corpus/error.h"
#include "corpus/read_connection.h"

namespace verhaal {

void ForEachSignifierRow(Project& project,
                         const std::function<void(const SignifierRow&)>& visit) {
  const ReadConnection connection(project);
  sqlite3* db = connection.get();
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT signifier_id, story_id, option, not_applicable, a, b, c "
                         "FROM signifier_value NOT INDEXED",
                         -1, &prepared, nullptr) != SQLITE_OK) {
    sqlite3_finalize(prepared);
    throw Error(ErrorKind::kIo, std::string("cannot read the signifier values: ") +
                                    sqlite3_errmsg(db));
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> row(prepared, sqlite3_finalize);
  SignifierRow out;
  int status;
  while ((status = sqlite3_step(row.get())) == SQLITE_ROW) {
    out.signifier_id = sqlite3_column_int64(row.get(), 0);
    out.story_id = sqlite3_column_int64(row.get(), 1);
    out.option = sqlite3_column_int(row.get(), 2);
    out.not_applicable = sqlite3_column_int(row.get(), 3) != 0;
    out.a = sqlite3_column_double(row.get(), 4);  // NULL reads as 0.0
    out.b = sqlite3_column_double(row.get(), 5);
    out.c = sqlite3_column_double(row.get(), 6);
    visit(out);
  }
  if (status != SQLITE_DONE) {
    throw Error(ErrorKind::kIo, std::string("reading the signifier values failed: ") +
                                    sqlite3_errmsg(db));
  }
}

}  // namespace verhaal
