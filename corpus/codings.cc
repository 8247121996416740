#include "corpus/codings.h"

#include <SQLiteCpp/Statement.h>

#include <utility>

#include "base/text.h"
#include "corpus/clock.h"
#include "corpus/coding_adder.h"
#include "corpus/coding_columns.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

int64_t EnsureCoder(Project& project, std::string_view name) try {
  if (name.empty()) throw DataError("a coder needs a name");
  if (auto coder = FindCoder(project, name)) return coder->id;
  SQLite::Statement insert(project.db(), "INSERT INTO coder(name) VALUES (?)");
  insert.bind(1, std::string(name));
  insert.exec();
  return project.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Coder> FindCoder(Project& project, std::string_view name) try {
  SQLite::Statement find(project.db(), "SELECT id, name FROM coder WHERE name = ?");
  find.bind(1, std::string(name));
  if (!find.executeStep()) return std::nullopt;
  return Coder{find.getColumn(0).getInt64(), find.getColumn(1).getString()};
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Coder> ListCoders(Project& project) try {
  SQLite::Statement all(project.db(), "SELECT id, name FROM coder ORDER BY name");
  std::vector<Coder> out;
  while (all.executeStep())
    out.push_back({all.getColumn(0).getInt64(), all.getColumn(1).getString()});
  return out;
} catch (...) {
  RethrowSqlite(project);
}

int64_t EnsureCodingOrigin(Project& project, std::string_view origin,
                           std::string_view created) try {
  std::string stamp(created);
  if (stamp.empty()) {
    stamp = UtcStampNow();
  }
  SQLite::Statement find(project.db(),
                         "SELECT id FROM coding_origin WHERE origin = ? AND created = ?");
  find.bind(1, std::string(origin));
  find.bind(2, stamp);
  if (find.executeStep()) return find.getColumn(0).getInt64();
  SQLite::Statement insert(project.db(),
                           "INSERT INTO coding_origin(origin, created) VALUES (?, ?)");
  insert.bind(1, std::string(origin));
  insert.bind(2, stamp);
  insert.exec();
  return project.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project);
}

namespace {

void CheckSegment(const Coding& coding, std::string_view key, int64_t length) {
  if (coding.start < 0 || coding.end < coding.start || coding.end > length ||
      (coding.start == coding.end && length > 0)) {
    throw DataError(
        "segment " + std::to_string(coding.start) + ":" + std::to_string(coding.end) +
        " does not fit story " + std::string(key) + ", which has " + std::to_string(length) +
        " characters; use START:END with 0 <= START < END <= " + std::to_string(length));
  }
}

constexpr const char* kInsertCoding =
    "INSERT OR IGNORE INTO coding(story_id, code_id, coder_id, start, end, "
    "origin_id, memo) VALUES (?, ?, ?, ?, ?, ?, ?)";

bool InsertCoding(SQLite::Statement& insert, const Coding& coding, int64_t origin_id) {
  insert.bind(1, coding.story_id);
  insert.bind(2, coding.code_id);
  insert.bind(3, coding.coder_id);
  insert.bind(4, coding.start);
  insert.bind(5, coding.end);
  insert.bind(6, origin_id);
  insert.bind(7, coding.memo);
  const bool added = insert.exec() > 0;
  insert.reset();
  return added;
}

}  // namespace

bool AddCoding(Project& project, const Coding& coding) try {
  SQLite::Statement story(project.db(), "SELECT key, text FROM story WHERE id = ?");
  story.bind(1, coding.story_id);
  if (!story.executeStep()) {
    throw DataError("story " + std::to_string(coding.story_id) + " does not exist");
  }
  const std::string key = story.getColumn(0).getString();
  const int64_t length = static_cast<int64_t>(CodePointCount(story.getColumn(1).getString()));
  CheckSegment(coding, key, length);
  const int64_t origin_id = EnsureCodingOrigin(project, coding.origin, coding.created);
  SQLite::Statement insert(project.db(), kInsertCoding);
  return InsertCoding(insert, coding, origin_id);
} catch (...) {
  RethrowSqlite(project);
}

struct CodingAdder::State {
  explicit State(Project& project) : project(project), insert(project.db(), kInsertCoding) {}
  Project& project;
  SQLite::Statement insert;
  // The last origin and time stamp given and their id: codings made
  // together share them (an empty stamp means "now", asked for each time).
  std::string origin;
  std::string created;
  int64_t origin_id = 0;
};

CodingAdder::CodingAdder(Project& project)
    : state_(TranslateSqlite(project, [&] { return std::make_unique<State>(project); })) {}

CodingAdder::~CodingAdder() = default;

bool CodingAdder::Add(const Coding& coding, std::string_view story_key, int64_t length) {
  CheckSegment(coding, story_key, length);
  return TranslateSqlite(state_->project, [&] { return Insert(coding); });
}

bool CodingAdder::Insert(const Coding& coding) try {
  int64_t origin_id = 0;
  if (coding.created.empty()) {
    origin_id = EnsureCodingOrigin(state_->project, coding.origin, coding.created);
  } else {
    State& state = *state_;
    if (state.origin_id == 0 || state.origin != coding.origin || state.created != coding.created) {
      state.origin_id = EnsureCodingOrigin(state.project, coding.origin, coding.created);
      state.origin = coding.origin;
      state.created = coding.created;
    }
    origin_id = state.origin_id;
  }
  return InsertCoding(state_->insert, coding, origin_id);
} catch (...) {
  RethrowSqlite(state_->project);
}

bool RemoveCoding(Project& project, const Coding& coding) try {
  SQLite::Statement del(project.db(),
                        "DELETE FROM coding WHERE story_id = ? AND code_id = ? AND coder_id = ? "
                        "AND start = ? AND end = ?");
  del.bind(1, coding.story_id);
  del.bind(2, coding.code_id);
  del.bind(3, coding.coder_id);
  del.bind(4, coding.start);
  del.bind(5, coding.end);
  return del.exec() > 0;
} catch (...) {
  RethrowSqlite(project);
}

int64_t ReassignCodings(Project& project, int64_t from, int64_t to) try {
  SQLite::Statement move(project.db(), "UPDATE OR IGNORE coding SET code_id = ? WHERE code_id = ?");
  move.bind(1, to);
  move.bind(2, from);
  const int64_t moved = move.exec();
  SQLite::Statement rest(project.db(), "DELETE FROM coding WHERE code_id = ?");
  rest.bind(1, from);
  rest.exec();
  // What was decided and written about those codings goes with them: the
  // decisions on rule codings (a decision the target already has for the
  // same segment wins) and the memos on the code and its passages. Both
  // would otherwise go with the code when it is deleted.
  SQLite::Statement reviews(project.db(),
                            "UPDATE OR IGNORE rule_review SET code_id = ? WHERE code_id = ?");
  reviews.bind(1, to);
  reviews.bind(2, from);
  reviews.exec();
  SQLite::Statement memos(project.db(), "UPDATE memo SET code_id = ? WHERE code_id = ?");
  memos.bind(1, to);
  memos.bind(2, from);
  memos.exec();
  return moved;
} catch (...) {
  RethrowSqlite(project);
}

Coding ReadCodingColumns(const SQLite::Statement& row) {
  Coding c;
  c.story_id = row.getColumn(0).getInt64();
  c.code_id = row.getColumn(1).getInt64();
  c.coder_id = row.getColumn(2).getInt64();
  c.start = row.getColumn(3).getInt64();
  c.end = row.getColumn(4).getInt64();
  c.origin = row.getColumn(5).getString();
  c.memo = row.getColumn(6).getString();
  c.created = row.getColumn(7).getString();
  c.story_key = row.getColumn(8).getString();
  c.code_path = row.getColumn(9).getString();
  return c;
}

std::vector<Coding> ListCodings(Project& project, const CodingFilter& filter) try {
  std::string sql =
      "SELECT g.story_id, g.code_id, g.coder_id, g.start, g.end, o.origin, g.memo, o.created, "
      "s.key, c.path, k.name FROM coding g JOIN coding_origin o ON o.id = g.origin_id "
      "JOIN story s ON s.id = g.story_id JOIN code c ON c.id = g.code_id "
      "JOIN coder k ON k.id = g.coder_id WHERE 1";
  if (!filter.code_ids.empty()) {
    sql += " AND g.code_id IN (";
    for (size_t i = 0; i < filter.code_ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(filter.code_ids[i]);
    }
    sql += ")";
  }
  if (filter.coder) sql += " AND k.name = :coder";
  if (filter.story_id) sql += " AND g.story_id = :story";
  if (filter.story_ids) sql += " AND g.story_id BETWEEN :first AND :last";
  if (filter.origin_prefix) sql += " AND substr(o.origin, 1, length(:origin)) = :origin";
  if (filter.coders) sql += " AND " + CodingCondition(*filter.coders, "g");
  if (filter.with_memo) sql += " AND g.memo != ''";
  sql += " ORDER BY g.story_id, g.start, g.end, c.path, k.name";
  SQLite::Statement query(project.db(), sql);
  if (filter.coder) query.bind(":coder", *filter.coder);
  if (filter.story_id) query.bind(":story", *filter.story_id);
  if (filter.story_ids) {
    query.bind(":first", filter.story_ids->first);
    query.bind(":last", filter.story_ids->second);
  }
  if (filter.origin_prefix) query.bind(":origin", *filter.origin_prefix);
  std::vector<Coding> out;
  while (query.executeStep()) {
    Coding c = ReadCodingColumns(query);
    c.coder = query.getColumn(10).getString();
    out.push_back(std::move(c));
  }
  return out;
} catch (...) {
  RethrowSqlite(project);
}

int64_t CountCodings(Project& project) try {
  return project.db().execAndGet("SELECT count(*) FROM coding").getInt64();
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Coding> FindCoding(Project& project, const Coding& key) try {
  SQLite::Statement find(project.db(),
                         "SELECT o.origin, g.memo, o.created, s.key, c.path, k.name FROM coding g "
                         "JOIN coding_origin o ON o.id = g.origin_id JOIN story s ON s.id = "
                         "g.story_id JOIN code c ON c.id = g.code_id JOIN coder k ON k.id = "
                         "g.coder_id WHERE g.story_id = ? AND g.code_id = ? AND g.coder_id = ? "
                         "AND g.start = ? AND g.end = ?");
  find.bind(1, key.story_id);
  find.bind(2, key.code_id);
  find.bind(3, key.coder_id);
  find.bind(4, key.start);
  find.bind(5, key.end);
  if (!find.executeStep()) return std::nullopt;
  Coding c;
  c.story_id = key.story_id;
  c.code_id = key.code_id;
  c.coder_id = key.coder_id;
  c.start = key.start;
  c.end = key.end;
  c.origin = find.getColumn(0).getString();
  c.memo = find.getColumn(1).getString();
  c.created = find.getColumn(2).getString();
  c.story_key = find.getColumn(3).getString();
  c.code_path = find.getColumn(4).getString();
  c.coder = find.getColumn(5).getString();
  return c;
} catch (...) {
  RethrowSqlite(project);
}

bool SetCodingMemo(Project& project, const Coding& key, std::string_view memo) try {
  SQLite::Statement set(project.db(),
                        "UPDATE coding SET memo = ? WHERE story_id = ? AND code_id = ? AND "
                        "coder_id = ? AND start = ? AND end = ?");
  set.bind(1, std::string(memo));
  set.bind(2, key.story_id);
  set.bind(3, key.code_id);
  set.bind(4, key.coder_id);
  set.bind(5, key.start);
  set.bind(6, key.end);
  return set.exec() > 0;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<std::pair<int64_t, int64_t>> CountCodingsByCode(Project& project,
                                                            std::optional<int64_t> coder_id) try {
  // From coding_count (schema 9), kept in step by triggers: a few hundred
  // rows, where counting the codings read 18 million at 1M stories.
  SQLite::Statement query(project.db(),
                          coder_id ? "SELECT code_id, n FROM coding_count WHERE coder_id = ? "
                                     "ORDER BY code_id"
                                   : "SELECT code_id, sum(n) FROM coding_count GROUP BY code_id "
                                     "ORDER BY code_id");
  if (coder_id) query.bind(1, *coder_id);
  std::vector<std::pair<int64_t, int64_t>> out;
  while (query.executeStep()) {
    out.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getInt64());
  }
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<CoderCounts> CountCodingsByCoder(Project& project) try {
  SQLite::Statement query(project.db(),
                          "SELECT k.id, k.name, COUNT(DISTINCT g.story_id), COUNT(g.story_id) "
                          "FROM coder k LEFT JOIN coding g ON g.coder_id = k.id "
                          "GROUP BY k.id ORDER BY k.name");
  std::vector<CoderCounts> counts;
  while (query.executeStep()) {
    counts.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                      query.getColumn(2).getInt64(), query.getColumn(3).getInt64()});
  }
  return counts;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<std::string> ListManualCoders(Project& project) {
  return TranslateSqlite(project, [&] {
    std::vector<std::string> names;
    // The origins are few (one per command and origin); the codings many and
    // not indexed by origin, so they are read only when there is one to find.
    SQLite::Statement origins(project.db(),
                              "SELECT EXISTS (SELECT 1 FROM coding_origin "
                              "WHERE origin = 'manual' OR origin GLOB 'import:*')");
    if (!origins.executeStep() || origins.getColumn(0).getInt() == 0) return names;
    SQLite::Statement query(project.db(),
                            "SELECT k.name FROM coder k WHERE k.id IN "
                            "(SELECT g.coder_id FROM coding g JOIN coding_origin o "
                            "ON o.id = g.origin_id "
                            "WHERE o.origin = 'manual' OR o.origin GLOB 'import:*') "
                            "ORDER BY k.name");
    while (query.executeStep()) names.push_back(query.getColumn(0).getString());
    return names;
  });
}

}  // namespace verhaal
