#include "tests/support/uncoded_checks.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

namespace verhaal::testing {
namespace {

std::string Keys(Project& project, const char* sql) {
  SQLite::Statement query(project.db(), sql);
  std::string keys;
  while (query.executeStep()) keys += (keys.empty() ? "" : " ") + query.getColumn(0).getString();
  return keys;
}

}  // namespace

std::string StoryCodeSetsOutOfStep(Project& project) {
  using Key = std::pair<int64_t, int64_t>;  // coder, story
  std::map<Key, std::vector<int64_t>> from_codings, kept;
  SQLite::Statement codings(project.db(),
                            "SELECT DISTINCT coder_id, story_id, code_id FROM coding");
  while (codings.executeStep()) {
    from_codings[{codings.getColumn(0).getInt64(), codings.getColumn(1).getInt64()}].push_back(
        codings.getColumn(2).getInt64());
  }
  std::string out;
  SQLite::Statement rows(project.db(), "SELECT coder_id, story_id, codes FROM story_code_set");
  while (rows.executeStep()) {
    const Key key{rows.getColumn(0).getInt64(), rows.getColumn(1).getInt64()};
    const std::string codes = rows.getColumn(2).getString();
    // ",id,id," with at least one id, each id once.
    std::vector<int64_t>& ids = kept[key];
    bool well_formed = codes.size() >= 3 && codes.front() == ',' && codes.back() == ',';
    for (size_t at = 1; well_formed && at < codes.size();) {
      const size_t comma = codes.find(',', at);
      if (comma == at) {
        well_formed = false;
        break;
      }
      const std::string id = codes.substr(at, comma - at);
      well_formed = id.find_first_not_of("0123456789-") == std::string::npos;
      if (well_formed) ids.push_back(std::stoll(id));
      at = comma + 1;
    }
    std::sort(ids.begin(), ids.end());
    if (!well_formed || std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
      out += (out.empty() ? "" : "; ") + std::string("story_code_set ") +
             std::to_string(key.first) + ":" + std::to_string(key.second) + " holds '" + codes +
             "'";
    }
  }
  for (auto& [key, ids] : from_codings) std::sort(ids.begin(), ids.end());
  auto text = [](const std::map<Key, std::vector<int64_t>>& sets) {
    std::string all;
    for (const auto& [key, ids] : sets) {
      all += (all.empty() ? "" : " ") + std::to_string(key.first) + ":" +
             std::to_string(key.second) + "=";
      for (size_t i = 0; i < ids.size(); ++i) all += (i ? "," : "") + std::to_string(ids[i]);
    }
    return all;
  };
  if (from_codings != kept) {
    out += (out.empty() ? "" : "; ") + std::string("codes per coder:story [") + text(from_codings) +
           "], story_code_set [" + text(kept) + "]";
  }
  return out;
}

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
  const std::string sets = StoryCodeSetsOutOfStep(project);
  if (!sets.empty()) out += (out.empty() ? "" : "; ") + sets;
  const std::string set_triggers = Keys(project,
                                        "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name LIKE 'story_code_set_%' ORDER BY name");
  if (set_triggers != "story_code_set_delete story_code_set_insert story_code_set_update") {
    out += (out.empty() ? "" : "; ") + std::string("triggers: ") + set_triggers;
  }
  const std::string index =
      Keys(project, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'coding'");
  if (index.find("coding_code_coder") == std::string::npos) {
    out += (out.empty() ? "" : "; ") + std::string("indexes of coding: [") + index + "]";
  }
  return out;
}

std::string KeptTablesOutOfStep(const std::filesystem::path& file) {
  Project project = Project::Open(file);
  return KeptTablesOutOfStep(project);
}

}  // namespace verhaal::testing
