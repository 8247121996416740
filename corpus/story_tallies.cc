#include "corpus/story_tallies.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <tuple>

#include "corpus/raw_rows.h"
#include "corpus/read_connection.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// (text, count) rows of `sql`, text "" for NULL.
std::vector<std::pair<std::string, int64_t>> TextCounts(Project& project, const char* sql) {
  return TranslateSqlite(project, [&] {
    SQLite::Statement query(project.db(), sql);
    std::vector<std::pair<std::string, int64_t>> out;
    while (query.executeStep()) {
      out.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getInt64());
    }
    return out;
  });
}

}  // namespace

std::vector<StoryGroupCount> CountStoriesByKindWaveAndLanguage(Project& project) {
  return TranslateSqlite(project, [&] {
    // Counted here rather than by GROUP BY, whose sort of a million rows
    // took most of the time (0.4 of 0.6 s CPU): the stories come in runs
    // of one kind, wave and language, so a run adds to its group at once.
    using Group = std::tuple<std::string, std::optional<int>, std::string>;
    std::map<Group, int64_t> groups;  // in SQLite's order: by kind, wave (none first), language
    Group run;
    int64_t in_run = 0;
    auto text = [](sqlite3_stmt* row, int column) {
      const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
      return std::string_view(bytes == nullptr ? "" : bytes,
                              static_cast<size_t>(sqlite3_column_bytes(row, column)));
    };
    ReadConnection connection(project);
    ForEachRawRow(
        connection.get(), "SELECT kind, wave, language FROM story", "the stories' kinds",
        [](sqlite3_stmt*) {},
        [&](sqlite3_stmt* row) {
          const std::string_view kind = text(row, 0);
          const std::optional<int> wave = sqlite3_column_type(row, 1) == SQLITE_NULL
                                              ? std::nullopt
                                              : std::optional<int>(sqlite3_column_int(row, 1));
          const std::string_view language = text(row, 2);
          if (in_run > 0 && std::get<0>(run) == kind && std::get<1>(run) == wave &&
              std::get<2>(run) == language) {
            ++in_run;
            return;
          }
          if (in_run > 0) groups[run] += in_run;
          run = Group(std::string(kind), wave, std::string(language));
          in_run = 1;
        });
    if (in_run > 0) groups[run] += in_run;
    std::vector<StoryGroupCount> out;
    for (const auto& [group, stories] : groups) {
      out.push_back({std::get<0>(group), std::get<1>(group), std::get<2>(group), stories});
    }
    return out;
  });
}

std::vector<std::pair<std::string, int64_t>> CountRespondentsByRole(Project& project) try {
  return TextCounts(project,
                    "SELECT coalesce(role, '') AS r, count(*) FROM respondent GROUP BY r "
                    "ORDER BY r");
} catch (...) {
  RethrowSqlite(project);
}

std::vector<RespondentValueCount> CountRespondentValues(Project& project) {
  return TranslateSqlite(project, [&] {
    SQLite::Statement query(project.db(),
                            "SELECT v.name, x.value, coalesce(r.role, '') AS role, count(*) "
                            "FROM respondent_value x JOIN variable v ON v.id = x.variable_id "
                            "JOIN respondent r ON r.id = x.respondent_id "
                            "GROUP BY v.name, x.value, role ORDER BY v.name, x.value, role");
    std::vector<RespondentValueCount> out;
    while (query.executeStep()) {
      out.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                     query.getColumn(2).getString(), query.getColumn(3).getInt64()});
    }
    return out;
  });
}

StoryKeys ListStoryKeys(Project& project) {
  return TranslateSqlite(project, [&] {
    // The keys' index holds every id and key (SQLite scans it rather than the
    // table); it gives them by key, so they are put in id order here.
    StoryKeys by_key;
    ReadConnection connection(project);
    ForEachRawRow(
        connection.get(), "SELECT id, key FROM story", "the stories' keys", [](sqlite3_stmt*) {},
        [&](sqlite3_stmt* row) {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, 1));
          by_key.ids.push_back(sqlite3_column_int64(row, 0));
          if (text != nullptr)
            by_key.keys.append(text, static_cast<size_t>(sqlite3_column_bytes(row, 1)));
          by_key.ends.push_back(by_key.keys.size());
        });
    std::vector<uint32_t> order(by_key.ids.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return by_key.ids[a] < by_key.ids[b]; });
    StoryKeys out;
    out.ids.reserve(order.size());
    out.ends.reserve(order.size());
    out.keys.reserve(by_key.keys.size());
    for (uint32_t i : order) {
      out.ids.push_back(by_key.ids[i]);
      out.keys += by_key.Key(i);
      out.ends.push_back(out.keys.size());
    }
    return out;
  });
}

}  // namespace verhaal
