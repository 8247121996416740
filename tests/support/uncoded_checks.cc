#include "tests/support/uncoded_checks.h"

#include <SQLiteCpp/Statement.h>

namespace verhaal::testing {
namespace {

std::string Keys(Project& project, const char* sql) {
  SQLite::Statement query(project.db(), sql);
  std::string keys;
  while (query.executeStep()) keys += (keys.empty() ? "" : " ") + query.getColumn(0).getString();
  return keys;
}

}  // namespace

std::string UncodedByProbing(Project& project) {
  return Keys(project,
              "SELECT key FROM story s WHERE NOT EXISTS "
              "(SELECT 1 FROM coding g WHERE g.story_id = s.id) ORDER BY id");
}

std::string UncodedByTable(Project& project) {
  return Keys(project,
              "SELECT coalesce(s.key, '#' || u.story_id) FROM story_uncoded u "
              "LEFT JOIN story s ON s.id = u.story_id ORDER BY u.story_id");
}

std::string KeptTablesOutOfStep(Project& project) {
  const std::string probed = UncodedByProbing(project);
  const std::string listed = UncodedByTable(project);
  std::string out;
  if (probed != listed) out = "uncoded stories [" + probed + "], story_uncoded [" + listed + "]";
  const std::string triggers = Keys(project,
                                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                    "name LIKE 'story_uncoded_%' ORDER BY name");
  if (triggers !=
      "story_uncoded_coding_delete story_uncoded_coding_insert "
      "story_uncoded_coding_update story_uncoded_story story_uncoded_story_delete") {
    out += (out.empty() ? "" : "; ") + std::string("triggers: ") + triggers;
  }
  const std::string counted =
      Keys(project,
           "SELECT code_id || ':' || coder_id || '=' || count(*) FROM coding "
           "GROUP BY code_id, coder_id ORDER BY code_id, coder_id");
  const std::string kept = Keys(project,
                                "SELECT code_id || ':' || coder_id || '=' || n FROM coding_count "
                                "ORDER BY code_id, coder_id");
  if (counted != kept) {
    out += (out.empty() ? "" : "; ") + std::string("codings per code:coder [") + counted +
           "], coding_count [" + kept + "]";
  }
  const std::string count_triggers = Keys(project,
                                          "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                          "AND name LIKE 'coding_count_%' ORDER BY name");
  if (count_triggers != "coding_count_delete coding_count_insert coding_count_update") {
    out += (out.empty() ? "" : "; ") + std::string("triggers: ") + count_triggers;
  }
  return out;
}

std::string KeptTablesOutOfStep(const std::filesystem::path& file) {
  Project project = Project::Open(file);
  return KeptTablesOutOfStep(project);
}

}  // namespace verhaal::testing
