#include "corpus/story_attributes.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <map>
#include <memory>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// Visits the rows (story id, value) of `rows`, skipping NULL values.
void VisitValues(SQLite::Statement& rows, const StoryValueVisit& visit) {
  while (rows.executeStep()) {
    const SQLite::Column column = rows.getColumn(1);
    if (column.isNull()) continue;
    visit(rows.getColumn(0).getInt64(), std::string_view(static_cast<const char*>(column.getText()),
                                                         static_cast<size_t>(column.getBytes())));
  }
}

const char* AttributeQuery(StoryAttribute attribute) {
  // The respondent index covers the join, so no story text is read.
  switch (attribute) {
    case StoryAttribute::kRole:
      return "SELECT s.id, r.role FROM story s LEFT JOIN respondent r ON r.id = s.respondent_id";
    case StoryAttribute::kKind:
      return "SELECT id, kind FROM story";
    case StoryAttribute::kRespondent:
      return "SELECT s.id, r.key FROM story s LEFT JOIN respondent r ON r.id = s.respondent_id";
    case StoryAttribute::kWave:
      return "SELECT id, wave FROM story";
  }
  throw Error(ErrorKind::kInternal, "unknown story attribute");
}

// Calls `row(statement)` for every row of `sql` on the project's connection
// through SQLite's C API (no per-column objects: these reads pass a million
// rows). A failure is SQLite's exception, for TranslateSqlite.
template <typename Row>
void ForEachRow(Project& project, const char* sql, Row row) {
  sqlite3* db = project.db().getHandle();
  sqlite3_stmt* prepared = nullptr;
  int status = sqlite3_prepare_v2(db, sql, -1, &prepared, nullptr);
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(prepared, sqlite3_finalize);
  if (status != SQLITE_OK) throw SQLite::Exception(db, status);
  while ((status = sqlite3_step(statement.get())) == SQLITE_ROW) row(statement.get());
  if (status != SQLITE_DONE) throw SQLite::Exception(db, status);
}

// Column `i` of `row` as text; false for NULL.
bool TextOf(sqlite3_stmt* row, int i, std::string_view& text) {
  if (sqlite3_column_type(row, i) == SQLITE_NULL) return false;
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(row, i));
  text = std::string_view(data, static_cast<size_t>(sqlite3_column_bytes(row, i)));
  return true;
}

// Numbers distinct texts in the order first seen.
class ValueNumbers {
 public:
  int32_t Of(std::string_view text) {
    // Stories come in runs of one value often enough to look there first.
    if (last_ >= 0 && values_[static_cast<size_t>(last_)] == text) return last_;
    auto it = numbers_.find(text);
    if (it == numbers_.end()) {
      it = numbers_.emplace(std::string(text), static_cast<int32_t>(values_.size())).first;
      values_.emplace_back(text);
    }
    last_ = it->second;
    return last_;
  }
  std::vector<std::string> Take() { return std::move(values_); }

 private:
  std::map<std::string, int32_t, std::less<>> numbers_;
  std::vector<std::string> values_;
  int32_t last_ = -1;
};

// The value of the respondent's `column` (role or key) for every story with
// a respondent: the respondents once, ordered by id, then the stories by
// respondent from the index story_respondent, which gives them in the same
// order, so each story's respondent is found by walking, not looking up.
std::vector<std::string> ForEachRespondentValue(Project& project, const char* respondents_sql,
                                                const StoryValueNumberVisit& visit) {
  ValueNumbers numbers;
  std::vector<std::pair<int64_t, int32_t>> value_of;  // respondent id -> number, ascending
  ForEachRow(project, respondents_sql, [&](sqlite3_stmt* row) {
    std::string_view text;
    if (TextOf(row, 1, text)) value_of.emplace_back(sqlite3_column_int64(row, 0), numbers.Of(text));
  });
  auto respondent = value_of.begin();
  ForEachRow(project,
             "SELECT id, respondent_id FROM story "
             "WHERE respondent_id IS NOT NULL ORDER BY respondent_id",
             [&](sqlite3_stmt* row) {
               const int64_t respondent_id = sqlite3_column_int64(row, 1);
               while (respondent != value_of.end() && respondent->first < respondent_id) {
                 ++respondent;
               }
               if (respondent != value_of.end() && respondent->first == respondent_id) {
                 visit(sqlite3_column_int64(row, 0), respondent->second);
               }
             });
  return numbers.Take();
}

}  // namespace

std::vector<std::string> ForEachStoryAttributeNumber(Project& project, StoryAttribute attribute,
                                                     const StoryValueNumberVisit& visit) {
  return TranslateSqlite(project, [&] {
    switch (attribute) {
      case StoryAttribute::kRole:
        return ForEachRespondentValue(project, "SELECT id, role FROM respondent ORDER BY id",
                                      visit);
      case StoryAttribute::kRespondent:
        return ForEachRespondentValue(project, "SELECT id, key FROM respondent ORDER BY id", visit);
      case StoryAttribute::kKind:
      case StoryAttribute::kWave: {
        ValueNumbers numbers;
        ForEachRow(project,
                   attribute == StoryAttribute::kKind
                       ? "SELECT id, kind FROM story"
                       : "SELECT id, wave FROM story WHERE wave IS NOT NULL",
                   [&](sqlite3_stmt* row) {
                     std::string_view text;
                     if (TextOf(row, 1, text))
                       visit(sqlite3_column_int64(row, 0), numbers.Of(text));
                   });
        return numbers.Take();
      }
    }
    throw Error(ErrorKind::kInternal, "unknown story attribute");
  });
}

void ForEachStoryAttribute(Project& project, StoryAttribute attribute,
                           const StoryValueVisit& visit) {
  TranslateSqlite(project, [&] {
    SQLite::Statement rows(project.db(), AttributeQuery(attribute));
    VisitValues(rows, visit);
  });
}

void ForEachStoryVariableValue(Project& project, const Variable& variable,
                               const StoryValueVisit& visit) {
  TranslateSqlite(project, [&] {
    SQLite::Statement rows(project.db(),
                           variable.subject == VariableSubject::kStory
                               ? "SELECT story_id, value FROM story_value WHERE variable_id = ?"
                               : "SELECT s.id, v.value FROM story s JOIN respondent_value v ON "
                                 "v.respondent_id = s.respondent_id AND v.variable_id = ?");
    rows.bind(1, variable.id);
    VisitValues(rows, visit);
  });
}

}  // namespace verhaal
