#include "corpus/search.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

std::map<std::string, int64_t> CountBy(Project& project, const char* sql) {
  SQLite::Statement query(project.db(), sql);
  std::map<std::string, int64_t> out;
  while (query.executeStep()) out[query.getColumn(0).getString()] = query.getColumn(1).getInt64();
  return out;
}

int64_t Count(Project& project, const char* sql) { return project.db().execAndGet(sql).getInt64(); }

}  // namespace

std::vector<SearchHit> SearchStories(Project& project, std::string_view query, int limit,
                                     std::string_view open, std::string_view close) try {
  std::vector<SearchHit> out;
  try {
    SQLite::Statement find(project.db(),
                           "SELECT s.key, coalesce(r.key, ''), coalesce(r.role, ''), "
                           "snippet(story_fts, 1, ?, ?, '…', 12), bm25(story_fts) "
                           "FROM story_fts JOIN story s ON s.id = story_fts.rowid "
                           "LEFT JOIN respondent r ON r.id = s.respondent_id "
                           "WHERE story_fts MATCH ? ORDER BY bm25(story_fts), s.key LIMIT ?");
    find.bind(1, std::string(open));
    find.bind(2, std::string(close));
    find.bind(3, std::string(query));
    find.bind(4, limit);
    while (find.executeStep()) {
      out.push_back(SearchHit{find.getColumn(0).getString(), find.getColumn(1).getString(),
                              find.getColumn(2).getString(), find.getColumn(3).getString(),
                              find.getColumn(4).getDouble()});
    }
  } catch (const SQLite::Exception& e) {
    throw UsageError("cannot search for '" + std::string(query) + "': " + e.what() +
                     "; quote phrases with \"...\" and use AND, OR, NOT, prefix*");
  }
  return out;
} catch (...) {
  RethrowSqlite(project);
}

ProjectCounts CountProject(Project& project) try {
  ProjectCounts c;
  c.name = project.name();
  c.schema_version = project.schema_version();
  c.respondents = Count(project, "SELECT count(*) FROM respondent");
  c.respondents_by_role = CountBy(project, "SELECT role, count(*) FROM respondent GROUP BY role");
  c.stories = Count(project, "SELECT count(*) FROM story");
  c.stories_by_kind = CountBy(project, "SELECT kind, count(*) FROM story GROUP BY kind");
  c.stories_by_role = CountBy(project,
                              "SELECT coalesce(r.role, ''), count(*) FROM story s "
                              "LEFT JOIN respondent r ON r.id = s.respondent_id GROUP BY 1");
  c.codes = Count(project, "SELECT count(*) FROM code");
  c.codings = Count(project, "SELECT count(*) FROM coding");
  c.codings_by_coder = CountBy(project,
                               "SELECT k.name, count(*) FROM coding g JOIN coder k "
                               "ON k.id = g.coder_id GROUP BY k.name");
  c.signifiers = Count(project, "SELECT count(*) FROM signifier");
  c.memos = Count(project, "SELECT count(*) FROM memo");
  return c;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
