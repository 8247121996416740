#include "corpus/story_pages.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// Uncoded with no code or coder named (nor hidden by --blind): stories
// without any coding, the members of story_uncoded (schema version 7),
// walked in story order instead of probing every story's codings.
bool AnyUncoded(const StoryPageQuery& query) {
  return query.uncoded && query.code_ids.empty() && !query.coder_id && !query.visible_coder_id;
}

// The conditions on a story's own fields and sets (role, kind, wave, set, ids).
std::string StoryConditions(const StoryPageQuery& query) {
  std::string sql;
  // Through the story_respondent index, not a respondent lookup per story.
  if (query.role) {
    sql += " AND s.respondent_id IN (SELECT id FROM respondent WHERE role = :role)";
  }
  if (query.kind) sql += " AND s.kind = :kind";
  if (query.wave) sql += " AND s.wave = :wave";
  if (query.set_id) {
    sql += " AND s.id IN (SELECT story_id FROM story_set_member WHERE set_id = :set)";
  }
  if (!query.ids.empty()) {
    sql += " AND s.id IN (";
    for (size_t i = 0; i < query.ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(query.ids[i]);
    }
    sql += ")";
  }
  return sql;
}

// The conditions on a coding g for the coding filters (code, coder, the
// coder --blind shows).
std::string CodingConditions(const StoryPageQuery& query) {
  std::string sql;
  if (!query.code_ids.empty()) {
    sql += " AND g.code_id IN (";
    for (size_t i = 0; i < query.code_ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(query.code_ids[i]);
    }
    sql += ")";
  }
  if (query.coder_id) sql += " AND g.coder_id = :coder";
  if (query.visible_coder_id) sql += " AND g.coder_id = :visible";
  return sql;
}

// Stories with a coding (of a code, by a coder) and no other condition: the
// total is counted from the coding table alone, read in its key order (story
// first) until the cap, instead of a lookup of each story's codings in the
// order of some story index (jumping about the coding table: at a million
// stories 0.3 s against 0.1 s for a code on one story in seven). With a
// condition on the stories' fields the lookups stay (reading a story per
// coding is slower).
bool CountFromCodings(const StoryPageQuery& query) {
  return query.q.empty() && !query.uncoded && StoryConditions(query).empty() &&
         (!query.code_ids.empty() || query.coder_id || query.coded);
}

// The WHERE clause (after "WHERE 1") for everything but the text search.
std::string Conditions(const StoryPageQuery& query) {
  std::string sql = StoryConditions(query);
  const bool coding_filter = !query.code_ids.empty() || query.coder_id;
  if (AnyUncoded(query)) {
    // Without a search the FROM clause walks story_uncoded (ListStoryPage);
    // a search's matches are each looked up in it.
    if (!query.q.empty()) {
      sql += " AND EXISTS (SELECT 1 FROM story_uncoded u WHERE u.story_id = s.id)";
    }
  } else if (coding_filter || query.uncoded || query.coded) {
    const std::string inner =
        "SELECT 1 FROM coding g WHERE g.story_id = s.id" + CodingConditions(query);
    sql += std::string(query.uncoded ? " AND NOT EXISTS (" : " AND EXISTS (") + inner + ")";
  }
  return sql;
}

// Binds the parameters `statement` has (the count has no :visible when
// only the rows' `coded` column uses it).
void Bind(SQLite::Statement& statement, const StoryPageQuery& query) {
  auto bind = [&statement](const char* name, const auto& value) {
    if (statement.getIndex(name) != 0) statement.bind(name, value);
  };
  if (!query.q.empty()) bind(":q", query.q);
  if (query.role) bind(":role", *query.role);
  if (query.kind) bind(":kind", *query.kind);
  if (query.wave) bind(":wave", *query.wave);
  if (query.set_id) bind(":set", *query.set_id);
  if (query.coder_id) bind(":coder", *query.coder_id);
  if (query.visible_coder_id) bind(":visible", *query.visible_coder_id);
}

}  // namespace

StoryPage ListStoryPage(Project& project, const StoryPageQuery& query) try {
  const bool search = !query.q.empty();
  // Uncoded stories without a search: story_uncoded in its key order, each
  // joined to its story (CROSS JOIN keeps that order of the loops), so the
  // page stops after `limit` of them.
  const bool walk_uncoded = AnyUncoded(query) && !search;
  const std::string conditions = Conditions(query);
  const std::string from =
      std::string(search         ? " FROM story_fts f JOIN story s ON s.id = f.rowid"
                  : walk_uncoded ? " FROM story_uncoded u CROSS JOIN story s ON s.id = u.story_id"
                                 : " FROM story s") +
      " LEFT JOIN respondent r ON r.id = s.respondent_id WHERE " +
      (search ? "story_fts MATCH :q" : "1") + conditions;
  const std::string coded = std::string("(SELECT count(*) FROM coding g WHERE g.story_id = s.id") +
                            (query.visible_coder_id ? " AND g.coder_id = :visible)" : ")");
  StoryPage page;
  try {
    const bool filtered = search || walk_uncoded || !conditions.empty();
    // Unfiltered, count(*) of the story table is one quick pass over its
    // B-tree; filtered, stop after the cap (FTS5 and the indexes then stop
    // reading too).
    const std::string cap = " LIMIT " + std::to_string(kStoryCountCap + 1) + ")";
    SQLite::Statement total(project.db(),
                            !filtered ? std::string("SELECT count(*) FROM story")
                            : CountFromCodings(query)
                                ? "SELECT count(*) FROM (SELECT DISTINCT g.story_id FROM coding g "
                                  "WHERE 1" +
                                      CodingConditions(query) + cap
                                : "SELECT count(*) FROM (SELECT 1" + from + cap);
    Bind(total, query);
    total.executeStep();
    page.total = total.getColumn(0).getInt64();
    if (filtered && page.total > kStoryCountCap) {
      page.total = kStoryCountCap;
      page.total_exact = false;
    }
    // Up to the cap a search is ordered by relevance (bm25 over every match);
    // beyond it by story order, which FTS5 can stop reading after a page
    // (ranking half a million matches of a common word takes seconds).
    const bool ranked = search && page.total_exact;
    const std::string rows_sql =
        "SELECT s.key, s.title, coalesce(r.key, ''), coalesce(r.role, ''), s.kind, s.wave, " +
        std::string(search ? "snippet(story_fts, 1, '[', ']', '…', 16)"
                           : "substr(s.text, 1, 200)") +
        ", " + coded + ", s.id" + from +
        (ranked         ? " ORDER BY f.rank, s.id"
         : search       ? " ORDER BY f.rowid"
         : walk_uncoded ? " ORDER BY u.story_id"
                        : " ORDER BY s.id") +
        " LIMIT :limit OFFSET :offset";
    SQLite::Statement rows(project.db(), rows_sql);
    Bind(rows, query);
    rows.bind(":limit", query.limit);
    rows.bind(":offset", query.offset);
    while (rows.executeStep()) {
      StoryPageRow row;
      row.key = rows.getColumn(0).getString();
      row.title = rows.getColumn(1).getString();
      row.respondent = rows.getColumn(2).getString();
      row.role = rows.getColumn(3).getString();
      row.kind = rows.getColumn(4).getString();
      if (!rows.getColumn(5).isNull()) row.wave = rows.getColumn(5).getInt();
      row.snippet = rows.getColumn(6).getString();
      row.coded = rows.getColumn(7).getInt64();
      row.id = rows.getColumn(8).getInt64();
      page.rows.push_back(std::move(row));
    }
  } catch (const SQLite::Exception& e) {
    if (!search) throw;
    throw UsageError("cannot search for '" + query.q + "': " + e.what() +
                     "; quote phrases with \"...\" and use AND, OR, NOT, prefix*");
  }
  return page;
} catch (...) {
  RethrowSqlite(project);
}

StoryFacets ListStoryFacets(Project& project) try {
  StoryFacets facets;
  SQLite::Statement roles(project.db(),
                          "SELECT DISTINCT role FROM respondent WHERE role <> '' ORDER BY role");
  while (roles.executeStep()) facets.roles.push_back(roles.getColumn(0).getString());
  // The kinds a story can have (IsStoryKind), not those it has: finding
  // those reads every story (17 s for a million stories with a cold cache).
  facets.kinds = {"experience", "interview", "other", "reflection"};
  // Through the partial index story_wave.
  SQLite::Statement waves(project.db(),
                          "SELECT DISTINCT wave FROM story WHERE wave IS NOT NULL ORDER BY wave");
  while (waves.executeStep()) facets.waves.push_back(waves.getColumn(0).getInt());
  return facets;
} catch (...) {
  RethrowSqlite(project);
}

ProjectTotals CountProjectTotals(Project& project, std::optional<int64_t> coder_id) try {
  auto count = [&project](const char* sql) { return project.db().execAndGet(sql).getInt64(); };
  ProjectTotals totals;
  totals.stories = count("SELECT count(*) FROM story");
  totals.respondents = count("SELECT count(*) FROM respondent");
  totals.codes = count("SELECT count(*) FROM code");
  totals.memos = count("SELECT count(*) FROM memo");
  // From coding_count (schema 9): counting the coding table took seconds at
  // 18 million codings, and the workbench's page waited for it.
  if (coder_id) {
    SQLite::Statement codings(project.db(),
                              "SELECT coalesce(sum(n), 0) FROM coding_count WHERE coder_id = ?");
    codings.bind(1, *coder_id);
    codings.executeStep();
    totals.codings = codings.getColumn(0).getInt64();
  } else {
    totals.codings = count("SELECT coalesce(sum(n), 0) FROM coding_count");
  }
  return totals;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
