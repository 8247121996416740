#include "corpus/rule_codings.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include "corpus/error.h"

namespace verhaal {

std::vector<RuleCodingRow> ListRuleCodings(Project& project, int64_t coder_id,
                                           const std::vector<int64_t>& code_ids) {
  std::string sql =
      "SELECT id, story_id, code_id, start, end FROM coding WHERE coder_id = ? "
      "AND origin LIKE 'rule:%'";
  if (!code_ids.empty()) {
    sql += " AND code_id IN (";
    for (size_t i = 0; i < code_ids.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  std::vector<RuleCodingRow> rows;
  try {
    SQLite::Statement query(project.db(), sql);
    int index = 1;
    query.bind(index++, coder_id);
    for (int64_t id : code_ids) query.bind(index++, id);
    while (query.executeStep()) {
      rows.push_back(RuleCodingRow{
          query.getColumn(0).getInt64(),
          SegmentKey{query.getColumn(1).getInt64(), query.getColumn(2).getInt64(),
                     query.getColumn(3).getInt64(), query.getColumn(4).getInt64()}});
    }
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot read the rule codings: ") + e.what());
  }
  std::sort(rows.begin(), rows.end(),
            [](const RuleCodingRow& a, const RuleCodingRow& b) { return a.key < b.key; });
  return rows;
}

CodingBulkWriter::CodingBulkWriter(Project& project, int64_t coder_id, bool rebuild_indexes)
    : project_(project),
      coder_id_(coder_id),
      insert_(project.db(),
              "INSERT OR IGNORE INTO coding(story_id, code_id, coder_id, start, end, origin, "
              "created) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      delete_(project.db(), "DELETE FROM coding WHERE id = ?") {
  try {
    // One time stamp for the run (the column's default, computed once):
    // bindings outlive reset(), so the coder and the time are bound once.
    created_ =
        project.db().execAndGet("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").getString();
    insert_.bind(3, coder_id_);
    insert_.bindNoCopy(7, created_);
    if (!rebuild_indexes) return;
    // The secondary indexes (the UNIQUE constraint's own index has no SQL and
    // stays: INSERT OR IGNORE needs it).
    std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE statement
    SQLite::Statement query(project.db(),
                            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                            "tbl_name = 'coding' AND sql IS NOT NULL ORDER BY name");
    while (query.executeStep()) {
      indexes.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getString());
    }
    query.reset();
    for (const auto& [name, sql] : indexes) {
      project.db().exec("DROP INDEX \"" + name + "\"");
      dropped_.push_back(sql);
    }
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot prepare writing codings: ") + e.what());
  }
}

CodingBulkWriter::~CodingBulkWriter() {
  if (std::uncaught_exceptions() > 0) return;
  try {
    Finish();
  } catch (...) {
    // Finish() is called explicitly before a commit; here only a transaction
    // that rolls back anyway is left.
  }
}

void CodingBulkWriter::Finish() {
  try {
    for (const std::string& sql : dropped_) project_.db().exec(sql);
    dropped_.clear();
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot index the codings: ") + e.what());
  }
}

bool CodingBulkWriter::Insert(const SegmentKey& key, const std::string& origin) {
  try {
    insert_.reset();
    insert_.bind(1, key.story_id);
    insert_.bind(2, key.code_id);
    insert_.bind(4, key.start);
    insert_.bind(5, key.end);
    insert_.bindNoCopy(6, origin);
    return insert_.exec() > 0;
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot write a coding: ") + e.what());
  }
}

void CodingBulkWriter::Delete(int64_t coding_id) {
  try {
    delete_.reset();
    delete_.bind(1, coding_id);
    delete_.exec();
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot delete a coding: ") + e.what());
  }
}

}  // namespace verhaal
