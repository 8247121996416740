#include "corpus/held_project.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "corpus/backup.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

std::string Quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The schema of database `schema` ("main" or the attached copy), as text, to
// compare; SQLite's own statistics tables left out.
std::string SchemaOf(SQLite::Database& db, const std::string& schema) {
  SQLite::Statement rows(db, "SELECT type, name, tbl_name, ifnull(sql, '') FROM " + schema +
                                 ".sqlite_master WHERE name NOT LIKE 'sqlite_stat%' "
                                 "ORDER BY type, name");
  std::string text;
  while (rows.executeStep()) {
    for (int i = 0; i < 4; ++i) text += rows.getColumn(i).getString() + '\x1f';
    text += '\n';
  }
  return text;
}

struct Table {
  std::string name;
  bool rowid = true;
};

// The ordinary tables of the main database (the full-text index's shadow
// tables among them; the virtual table itself holds no rows of its own).
std::vector<Table> TablesOf(SQLite::Database& db) {
  SQLite::Statement rows(db,
                         "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND "
                         "name NOT LIKE 'sqlite_stat%' AND sql NOT LIKE 'CREATE VIRTUAL%'");
  std::vector<Table> tables;
  while (rows.executeStep()) {
    const std::string sql = rows.getColumn(1).getString();
    tables.push_back(
        {rows.getColumn(0).getString(), sql.find("WITHOUT ROWID") == std::string::npos});
  }
  return tables;
}

// The columns to copy of `table`: all of them, and the row id too when the
// table has one that no INTEGER PRIMARY KEY column names already.
std::string ColumnsOf(SQLite::Database& db, const Table& table) {
  SQLite::Statement rows(db, "SELECT name, upper(type), pk FROM pragma_table_info(?, 'main')");
  rows.bind(1, table.name);
  std::string columns;
  int keys = 0;
  bool integer_key = false;
  while (rows.executeStep()) {
    columns += (columns.empty() ? "" : ", ") + Quoted(rows.getColumn(0).getString());
    if (rows.getColumn(2).getInt() > 0) {
      ++keys;
      integer_key = rows.getColumn(1).getString() == "INTEGER";
    }
  }
  const bool aliased = keys == 1 && integer_key;
  return table.rowid && !aliased ? "rowid, " + columns : columns;
}

}  // namespace

HeldProject::HeldProject(const std::filesystem::path& file) try : project_(Project::Open(file)) {
  try {
    // The copy written back holds rows in any order; its references are
    // right, as they were right in the copy.
    project_.db().exec("PRAGMA foreign_keys = OFF");
    project_.db().exec("BEGIN IMMEDIATE");
    open_ = true;
  } catch (const SQLite::Exception& e) {
    throw SqliteFailure(e.getErrorCode(), e.what(), file.string());
  }
} catch (...) {
  RethrowSqlite(file);
}

HeldProject::~HeldProject() {
  if (!open_) return;
  try {
    project_.db().exec("ROLLBACK");
  } catch (...) {
    // SQLite rolls back an unfinished transaction when the connection closes.
  }
}

void HeldProject::CopyTo(const std::filesystem::path& to) {
  // SQLite refuses to back up from a connection in a write transaction; a
  // second one reads the committed state, which no one can change while the
  // lock is held.
  Project reader = Project::Open(project_.file());
  BackupProject(reader, to);
}

void HeldProject::ReplaceWith(const std::filesystem::path& copy) try {
  SQLite::Database& db = project_.db();
  sqlite3* handle = db.getHandle();
  try {
    SQLite::Statement attach(db, "ATTACH DATABASE ? AS run_copy");
    attach.bind(1, copy.string());
    attach.exec();
    if (SchemaOf(db, "main") != SchemaOf(db, "run_copy")) {
      throw Error(ErrorKind::kInternal, "the working copy " + copy.string() +
                                            " has another schema than " + project_.file().string());
    }
    // A raw copy of every row: the triggers that keep the full-text index in
    // step would index the stories twice (its tables are copied as they are).
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
    for (const Table& table : TablesOf(db)) {
      const std::string name = Quoted(table.name);
      const std::string columns = ColumnsOf(db, table);
      db.exec("DELETE FROM main." + name);
      db.exec("INSERT INTO main." + name + " (" + columns + ") SELECT " + columns +
              " FROM run_copy." + name);
    }
    db.exec("COMMIT");
    open_ = false;
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, nullptr);
    db.exec("DETACH DATABASE run_copy");
  } catch (const SQLite::Exception& e) {
    sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1, nullptr);
    throw SqliteIoError("cannot write the run's changes into " + project_.file().string() + ": " +
                            e.what() + "; the project was not changed",
                        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

}  // namespace verhaal
