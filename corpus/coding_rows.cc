#include "corpus/coding_rows.h"

#include <SQLiteCpp/Statement.h>

#include <string>

#include "corpus/sqlite_errors.h"

namespace verhaal {

void ForEachCodingRow(Project& project, const std::vector<int64_t>* stories,
                      const std::function<void(const CodingRow&)>& visit) {
  TranslateSqlite(project, [&] {
    // The coding key starts with story_id, so a look-up per story is a short
    // range; past a thousand stories one pass over the key is cheaper.
    constexpr size_t kLookUpBelow = 1000;
    const bool look_up = stories && stories->size() < kLookUpBelow;
    SQLite::Statement rows(project.db(),
                           look_up ? "SELECT story_id, coder_id, code_id, start, end FROM coding "
                                     "WHERE story_id = ? ORDER BY story_id"
                                   : "SELECT story_id, coder_id, code_id, start, end FROM coding "
                                     "ORDER BY story_id");
    CodingRow row;
    auto read = [&] {
      while (rows.executeStep()) {
        row.story_id = rows.getColumn(0).getInt64();
        row.coder_id = rows.getColumn(1).getInt64();
        row.code_id = rows.getColumn(2).getInt64();
        row.start = rows.getColumn(3).getInt64();
        row.end = rows.getColumn(4).getInt64();
        visit(row);
      }
    };
    if (!look_up) {
      read();
      return;
    }
    for (int64_t id : *stories) {
      rows.reset();
      rows.bind(1, id);
      read();
    }
  });
}

void ForEachCodingOfCodes(Project& project, const std::vector<int64_t>& code_ids,
                          const CoderSet& coders,
                          const std::function<void(const CodingRow&)>& visit) {
  TranslateSqlite(project, [&] {
    // Only numbers are spliced in, as in CodingCondition.
    std::string sql = "SELECT story_id, code_id, coder_id FROM coding WHERE code_id IN (";
    for (size_t i = 0; i < code_ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(code_ids[i]);
    }
    sql += ") AND " + CodingCondition(coders);
    SQLite::Statement rows(project.db(), sql);
    CodingRow row;
    while (rows.executeStep()) {
      row.story_id = rows.getColumn(0).getInt64();
      row.code_id = rows.getColumn(1).getInt64();
      row.coder_id = rows.getColumn(2).getInt64();
      visit(row);
    }
  });
}

std::vector<int64_t> CodersWithCodings(Project& project) {
  return TranslateSqlite(project, [&] {
    SQLite::Statement coders(project.db(), "SELECT id FROM coder ORDER BY id");
    SQLite::Statement any(project.db(), "SELECT 1 FROM coding WHERE coder_id = ? LIMIT 1");
    std::vector<int64_t> ids;
    while (coders.executeStep()) {
      const int64_t id = coders.getColumn(0).getInt64();
      any.reset();
      any.bind(1, id);
      if (any.executeStep()) ids.push_back(id);
    }
    return ids;
  });
}

struct StoryCodingCursor::State {
  State(Project& project, const CoderSet& coders)
      : rows(project.db(), "SELECT story_id, code_id, coder_id FROM coding WHERE " +
                               CodingCondition(coders) + " ORDER BY story_id"),
        on_row(rows.executeStep()) {}

  SQLite::Statement rows;
  bool on_row;  // `rows` stands on a row not yet visited
};

StoryCodingCursor::StoryCodingCursor(Project& project, const CoderSet& coders)
    : project_(project),
      state_(TranslateSqlite(project, [&] { return std::make_unique<State>(project, coders); })) {}

StoryCodingCursor::~StoryCodingCursor() = default;

void StoryCodingCursor::ForEachOf(int64_t story_id,
                                  const std::function<void(int64_t, int64_t)>& visit) {
  TranslateSqlite(project_, [&] {
    SQLite::Statement& rows = state_->rows;
    bool& on_row = state_->on_row;
    while (on_row && rows.getColumn(0).getInt64() < story_id) on_row = rows.executeStep();
    while (on_row && rows.getColumn(0).getInt64() == story_id) {
      visit(rows.getColumn(2).getInt64(), rows.getColumn(1).getInt64());
      on_row = rows.executeStep();
    }
  });
}

}  // namespace verhaal
