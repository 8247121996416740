#include "corpus/signifier_scan.h"

#include <sqlite3.h>

#include <string>

#include "corpus/raw_rows.h"
#include "corpus/read_connection.h"

namespace verhaal {

namespace {

// Every row, or those of `signifier_ids` when there are any.
void ScanRows(Project& project, const std::vector<int64_t>& signifier_ids,
              const std::function<void(const SignifierRow&)>& visit) {
  const ReadConnection connection(project);
  SignifierRow out;
  std::string sql =
      "SELECT signifier_id, story_id, option, not_applicable, a, b, c "
      "FROM signifier_value NOT INDEXED";
  if (!signifier_ids.empty()) {
    sql += " WHERE signifier_id IN (?";
    for (size_t i = 1; i < signifier_ids.size(); ++i) sql += ", ?";
    sql += ")";
  }
  ForEachRawRow(
      connection.get(), sql.c_str(), "the signifier values",
      [&](sqlite3_stmt* statement) {
        for (size_t i = 0; i < signifier_ids.size(); ++i) {
          sqlite3_bind_int64(statement, static_cast<int>(i + 1), signifier_ids[i]);
        }
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
  ScanRows(project, {}, visit);
}

void ForEachSignifierRow(Project& project, int64_t signifier_id,
                         const std::function<void(const SignifierRow&)>& visit) {
  ScanRows(project, {signifier_id}, visit);
}

void ForEachSignifierRow(Project& project, const std::vector<int64_t>& signifier_ids,
                         const std::function<void(const SignifierRow&)>& visit) {
  if (signifier_ids.empty()) return;
  ScanRows(project, signifier_ids, visit);
}

}  // namespace verhaal
