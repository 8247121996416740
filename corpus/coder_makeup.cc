#include "corpus/coder_makeup.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/sqlite_errors.h"

namespace verhaal {

CoderMakeup ReadCoderMakeup(Project& project, int64_t coder_id) {
  return TranslateSqlite(project, [&] {
    SQLite::Statement query(
        project.db(),
        "SELECT EXISTS (SELECT 1 FROM coding WHERE coder_id = ?1), "
        "EXISTS (SELECT 1 FROM coding g LEFT JOIN coding_origin o ON o.id = g.origin_id "
        "WHERE g.coder_id = ?1 AND (o.origin IS NULL OR o.origin NOT LIKE 'rule:%'))");
    query.bind(1, coder_id);
    query.executeStep();
    return CoderMakeup{query.getColumn(0).getInt() != 0, query.getColumn(1).getInt() != 0};
  });
}

}  // namespace verhaal
