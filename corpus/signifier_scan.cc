#include "corpus/signifier_scan.h"

#include <sqlite3.h>

#include <memory>
#include <string>

#include "corpus/error.h"

namespace verhaal {

void ForEachSignifierRow(Project& project, const Signifier& signifier,
                         const std::function<void(const SignifierRow&)>& visit) {
  sqlite3* db = project.db().getHandle();
  sqlite3_stmt* prepared = nullptr;
  if (sqlite3_prepare_v2(db,
                         "SELECT story_id, option, not_applicable, a, b, c FROM signifier_value "
                         "WHERE signifier_id = ?",
                         -1, &prepared, nullptr) != SQLITE_OK) {
    sqlite3_finalize(prepared);
    throw Error(ErrorKind::kIo, std::string("cannot read the signifier values: ") +
                                    sqlite3_errmsg(db));
  }
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> row(prepared, sqlite3_finalize);
  sqlite3_bind_int64(row.get(), 1, signifier.id);
  SignifierRow out;
  int status;
  while ((status = sqlite3_step(row.get())) == SQLITE_ROW) {
    out.story_id = sqlite3_column_int64(row.get(), 0);
    out.option = sqlite3_column_int(row.get(), 1);
    out.not_applicable = sqlite3_column_int(row.get(), 2) != 0;
    out.a = sqlite3_column_double(row.get(), 3);  // NULL reads as 0.0
    out.b = sqlite3_column_double(row.get(), 4);
    out.c = sqlite3_column_double(row.get(), 5);
    visit(out);
  }
  if (status != SQLITE_DONE) {
    throw Error(ErrorKind::kIo, std::string("reading the signifier values failed: ") +
                                    sqlite3_errmsg(db));
  }
}

}  // namespace verhaal
