#include "corpus/story_attributes.h"

#include <SQLiteCpp/Statement.h>

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

}  // namespace

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
