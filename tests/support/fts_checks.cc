#include "tests/support/fts_checks.h"

#include <SQLiteCpp/Statement.h>

namespace verhaal::testing {

std::vector<std::pair<int64_t, double>> RankedMatches(Project& project, const std::string& query) {
  SQLite::Statement s(project.db(),
                      "SELECT rowid, bm25(story_fts) FROM story_fts WHERE story_fts MATCH ? "
                      "ORDER BY rank, rowid");
  s.bind(1, query);
  std::vector<std::pair<int64_t, double>> ranked;
  while (s.executeStep()) {
    ranked.emplace_back(s.getColumn(0).getInt64(), s.getColumn(1).getDouble());
  }
  return ranked;
}

void CheckFullTextIndex(Project& project) {
  project.db().exec("INSERT INTO story_fts(story_fts) VALUES ('integrity-check')");
}

bool HasSideIndexFile(const std::filesystem::path& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".fts-side-") != std::string::npos) return true;
  }
  return false;
}

}  // namespace verhaal::testing
