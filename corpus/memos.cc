#include "corpus/memos.h"

#include <SQLiteCpp/Statement.h>

#include "base/text.h"
#include "corpus/clock.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

int64_t AddMemo(Project& project, const Memo& memo) try {
  if (memo.text.empty()) throw DataError("a memo needs text");
  if (memo.start || memo.end) {
    if (!memo.story_id || !memo.start || !memo.end) {
      throw DataError("a memo on a span needs a story, a start and an end");
    }
    SQLite::Statement story(project.db(), "SELECT key, text FROM story WHERE id = ?");
    story.bind(1, *memo.story_id);
    if (!story.executeStep()) throw DataError("the memo's story does not exist");
    const auto length = static_cast<int64_t>(CodePointCount(story.getColumn(1).getString()));
    if (*memo.start < 0 || *memo.end < *memo.start || *memo.end > length) {
      throw DataError("memo span " + std::to_string(*memo.start) + ":" + std::to_string(*memo.end) +
                      " does not fit story " + story.getColumn(0).getString() + " (" +
                      std::to_string(length) + " characters)");
    }
  }
  SQLite::Statement insert(project.db(),
                           "INSERT INTO memo(story_id, code_id, start, end, author, title, text, "
                           "created) VALUES (?, ?, ?, ?, ?, ?, ?, "
                           "?)");
  if (memo.story_id) insert.bind(1, *memo.story_id);
  if (memo.code_id) insert.bind(2, *memo.code_id);
  if (memo.start) insert.bind(3, *memo.start);
  if (memo.end) insert.bind(4, *memo.end);
  insert.bind(5, memo.author);
  insert.bind(6, memo.title);
  insert.bind(7, NormalizeText(memo.text));
  insert.bind(8, memo.created.empty() ? UtcStampNow() : memo.created);
  insert.exec();
  return project.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Memo> ListMemos(Project& project, const MemoFilter& filter) try {
  std::string sql =
      "SELECT m.id, m.story_id, m.code_id, m.start, m.end, m.author, m.title, m.text, m.created, "
      "coalesce(s.key, ''), coalesce(c.path, '') FROM memo m "
      "LEFT JOIN story s ON s.id = m.story_id LEFT JOIN code c ON c.id = m.code_id WHERE 1";
  if (filter.story_id) sql += " AND m.story_id = :story";
  if (filter.code_id) sql += " AND m.code_id = :code";
  if (filter.project_only) sql += " AND m.story_id IS NULL AND m.code_id IS NULL";
  sql += " ORDER BY m.created, m.id";
  SQLite::Statement query(project.db(), sql);
  if (filter.story_id) query.bind(":story", *filter.story_id);
  if (filter.code_id) query.bind(":code", *filter.code_id);
  std::vector<Memo> out;
  auto optional = [&](int i) -> std::optional<int64_t> {
    if (query.getColumn(i).isNull()) return std::nullopt;
    return query.getColumn(i).getInt64();
  };
  while (query.executeStep()) {
    Memo m;
    m.id = query.getColumn(0).getInt64();
    m.story_id = optional(1);
    m.code_id = optional(2);
    m.start = optional(3);
    m.end = optional(4);
    m.author = query.getColumn(5).getString();
    m.title = query.getColumn(6).getString();
    m.text = query.getColumn(7).getString();
    m.created = query.getColumn(8).getString();
    m.story_key = query.getColumn(9).getString();
    m.code_path = query.getColumn(10).getString();
    out.push_back(std::move(m));
  }
  return out;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
