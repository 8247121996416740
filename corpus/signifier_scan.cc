#include "corpus/signifier_scan.h"

#include <sqlite3.h>

#include "corpus/raw_rows.h"
#include "corpus/read_connection.h"

namespace verhaal {

namespace {

// Every row, or with `signifier_id` > 0 those of that signifier.
void ScanRows(Project& project, int64_t signifier_id,
              const std::function<void(const SignifierRow&)>& visit) {
  const ReadConnection connection(project);
  SignifierRow out;
  ForEachRawRow(
      connection.get(),
      signifier_id > 0 ? "SELECT signifier_id, story_id, option, not_applicable, a, b, c "
                         "FROM signifier_value NOT INDEXED WHERE signifier_id = ?1"
                       : "SELECT signifier_id, story_id, option, not_applicable, a, b, c "
                         "FROM signifier_value NOT INDEXED",
      "the signifier values",
      [&](sqlite3_stmt* statement) {
        if (signifier_id > 0) sqlite3_bind_int64(statement, 1, signifier_id);
      },
      [&](sqlite3_stmt* row) {
        out.signifier_id = sqlite3_column_int64(row, 0);
        out.story_id = sqlite3_column_int64(row, 1);
        out.option = sqlite3_column_int(row, 2);
        out.not_applicable = sqlite3_column_int(row, 3) != 0;
        out.a = sqlite3_column_double(row, 4);  // NULL reads as 0.0
        out.b = sqlite3_column_double(row, 5);
        out.c = sqlite3_column_double(row, 6);
        visit(out);
      });
}

}  // namespace

void ForEachSignifierRow(Project& project, const std::function<void(const SignifierRow&)>& visit) {
  ScanRows(project, 0, visit);
}

void ForEachSignifierRow(Project& project, int64_t signifier_id,
                         const std::function<void(const SignifierRow&)>& visit) {
  ScanRows(project, signifier_id, visit);
}

}  // namespace verhaal
