#include "corpus/rule_codings.h"

#include <SQLiteCpp/Exception.h>

#include <algorithm>
#include <string>

#include "corpus/codings.h"
#include "corpus/error.h"

namespace verhaal {

std::vector<SegmentKey> ListRuleCodings(Project& project, int64_t coder_id,
                                        const std::vector<int64_t>& code_ids) {
  std::string sql =
      "SELECT story_id, code_id, start, end FROM coding WHERE coder_id = ? AND origin_id IN "
      "(SELECT id FROM coding_origin WHERE origin LIKE 'rule:%')";
  if (!code_ids.empty()) {
    sql += " AND code_id IN (";
    for (size_t i = 0; i < code_ids.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  std::vector<SegmentKey> rows;
  try {
    SQLite::Statement query(project.db(), sql);
    int index = 1;
    query.bind(index++, coder_id);
    for (int64_t id : code_ids) query.bind(index++, id);
    while (query.executeStep()) {
      rows.push_back(SegmentKey{query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
                                query.getColumn(2).getInt64(), query.getColumn(3).getInt64()});
    }
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot read the rule codings: ") + e.what());
  }
  // In key order already when read by the table's own order; sorted anyway,
  // as SQLite may choose another plan.
  if (!std::is_sorted(rows.begin(), rows.end())) std::sort(rows.begin(), rows.end());
  return rows;
}

CodingBulkWriter::CodingBulkWriter(Project& project, int64_t coder_id)
    : project_(project),
      insert_(project.db(),
              "INSERT OR IGNORE INTO coding(story_id, code_id, coder_id, start, end, origin_id) "
              "VALUES (?, ?, ?, ?, ?, ?)"),
      delete_(project.db(),
              "DELETE FROM coding WHERE story_id = ? AND code_id = ? AND coder_id = ? AND "
              "start = ? AND end = ?") {
  try {
    // One time stamp for the run; bindings outlive reset(), so the coder is
    // bound once.
    created_ =
        project.db().execAndGet("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").getString();
    insert_.bind(3, coder_id);
    delete_.bind(3, coder_id);
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot prepare writing codings: ") + e.what());
  }
}

int64_t CodingBulkWriter::Origin(std::string_view origin) {
  try {
    return EnsureCodingOrigin(project_, origin, created_);
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot write a coding's origin: ") + e.what());
  }
}

bool CodingBulkWriter::Insert(const SegmentKey& key, int64_t origin_id) {
  try {
    insert_.reset();
    insert_.bind(1, key.story_id);
    insert_.bind(2, key.code_id);
    insert_.bind(4, key.start);
    insert_.bind(5, key.end);
    insert_.bind(6, origin_id);
    return insert_.exec() > 0;
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot write a coding: ") + e.what());
  }
}

void CodingBulkWriter::Delete(const SegmentKey& key) {
  try {
    delete_.reset();
    delete_.bind(1, key.story_id);
    delete_.bind(2, key.code_id);
    delete_.bind(4, key.start);
    delete_.bind(5, key.end);
    delete_.exec();
  } catch (const SQLite::Exception& e) {
    throw IoError(std::string("cannot delete a coding: ") + e.what());
  }
}

}  // namespace verhaal
