#include "corpus/stories.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <limits>
#include <map>
#include <string>

#include "base/text.h"
#include "corpus/error.h"
#include "corpus/raw_rows.h"
#include "corpus/sqlite_errors.h"
#include "corpus/story_sets.h"

namespace verhaal {
namespace {

constexpr const char* kSelect =
    "SELECT s.id, s.key, s.respondent_id, s.kind, s.wave, s.date, s.language, s.title, s.text, "
    "s.hash, s.source_file, s.source_line, coalesce(r.key, ''), coalesce(r.role, '') "
    "FROM story s LEFT JOIN respondent r ON r.id = s.respondent_id";

// kSelect with '' for the text and hash (same columns, so Read reads both).
constexpr const char* kSelectHead =
    "SELECT s.id, s.key, s.respondent_id, s.kind, s.wave, s.date, s.language, s.title, '', "
    "'', s.source_file, s.source_line, coalesce(r.key, ''), coalesce(r.role, '') "
    "FROM story s LEFT JOIN respondent r ON r.id = s.respondent_id";

Story Read(SQLite::Statement& row) {
  Story s;
  s.id = row.getColumn(0).getInt64();
  s.key = row.getColumn(1).getString();
  if (!row.getColumn(2).isNull()) s.respondent_id = row.getColumn(2).getInt64();
  s.kind = row.getColumn(3).getString();
  if (!row.getColumn(4).isNull()) s.wave = row.getColumn(4).getInt();
  s.date = row.getColumn(5).getString();
  s.language = row.getColumn(6).getString();
  s.title = row.getColumn(7).getString();
  s.text = row.getColumn(8).getString();
  s.hash = row.getColumn(9).getString();
  s.source_file = row.getColumn(10).getString();
  s.source_line = row.getColumn(11).getInt();
  s.respondent_key = row.getColumn(12).getString();
  s.role = row.getColumn(13).getString();
  return s;
}

}  // namespace

int WaveNumber(std::string_view text, const Location& at) {
  int wave = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), wave);
  if (error == std::errc() && end == text.data() + text.size() && wave >= 0) return wave;
  throw DataError("wave '" + std::string(text) +
                      "' is not a wave number; a wave is a whole number from 0 to " +
                      std::to_string(std::numeric_limits<int>::max()),
                  at);
}

bool IsStoryKind(std::string_view kind) {
  static constexpr std::array<std::string_view, 4> kKinds = {"experience", "reflection",
                                                             "interview", "other"};
  for (auto k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

int64_t AddStory(Project& project, Story story) try {
  if (story.key.empty()) throw DataError("a story needs a key");
  if (!IsStoryKind(story.kind)) {
    throw DataError("story " + story.key + " has kind '" + story.kind +
                    "'; use experience, reflection, interview or other");
  }
  story.text = NormalizeText(story.text, Location{story.source_file, story.source_line, 0, ""});
  if (story.text.find_first_not_of(" \t\n") == std::string::npos) {
    throw DataError("story " + story.key + " has no text",
                    Location{story.source_file, story.source_line, 0, ""});
  }
  if (FindStory(project, story.key)) throw DataError("story " + story.key + " already exists");
  story.hash = ContentHash(story.text);
  SQLite::Statement insert(project.db(),
                           "INSERT INTO story(key, respondent_id, kind, wave, date, language, "
                           "title, text, hash, source_file, source_line) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, story.key);
  if (story.respondent_id) insert.bind(2, *story.respondent_id);
  insert.bind(3, story.kind);
  if (story.wave) insert.bind(4, *story.wave);
  insert.bind(5, story.date);
  insert.bind(6, story.language);
  insert.bind(7, story.title);
  insert.bind(8, story.text);
  insert.bind(9, story.hash);
  insert.bind(10, story.source_file);
  insert.bind(11, story.source_line);
  insert.exec();
  return project.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project);
}

void ReplaceStoryText(Project& project, int64_t story_id, std::string_view title,
                      std::string_view text) try {
  const std::string stored = NormalizeText(text);
  SQLite::Statement update(project.db(),
                           "UPDATE story SET title = ?, text = ?, hash = ? WHERE id = ?");
  update.bind(1, std::string(title));
  update.bind(2, stored);
  update.bind(3, ContentHash(stored));
  update.bind(4, story_id);
  update.exec();
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Story> FindStory(Project& project, std::string_view key) try {
  SQLite::Statement find(project.db(), std::string(kSelect) + " WHERE s.key = ?");
  find.bind(1, std::string(key));
  if (!find.executeStep()) return std::nullopt;
  return Read(find);
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Story> FindStoryById(Project& project, int64_t id) try {
  SQLite::Statement find(project.db(), std::string(kSelect) + " WHERE s.id = ?");
  find.bind(1, id);
  if (!find.executeStep()) return std::nullopt;
  return Read(find);
} catch (...) {
  RethrowSqlite(project);
}

namespace {

// `select` (over story s and respondent r) restricted to the stories passing
// `filter`, ordered by id, with the filter's values bound.
SQLite::Statement FilteredStories(Project& project, std::string sql, const StoryFilter& filter) {
  sql += " WHERE 1";
  if (filter.role) sql += " AND coalesce(r.role, '') = :role";
  if (filter.kind) sql += " AND s.kind = :kind";
  if (filter.wave) sql += " AND s.wave = :wave";
  if (filter.language) sql += " AND s.language = :language";
  if (filter.set) {
    sql += " AND s.id IN (SELECT story_id FROM story_set_member WHERE set_id = :set)";
  }
  if (!filter.keys.empty()) {
    sql += " AND s.key IN (";
    for (size_t i = 0; i < filter.keys.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  sql += " ORDER BY s.id";
  SQLite::Statement query(project.db(), sql);
  if (filter.role) query.bind(":role", *filter.role);
  if (filter.kind) query.bind(":kind", *filter.kind);
  if (filter.wave) query.bind(":wave", *filter.wave);
  if (filter.language) query.bind(":language", *filter.language);
  if (filter.set) query.bind(":set", RequireStorySet(project, *filter.set).id);
  int index = 1 + (filter.role ? 1 : 0) + (filter.kind ? 1 : 0) + (filter.wave ? 1 : 0) +
              (filter.language ? 1 : 0) + (filter.set ? 1 : 0);
  for (const auto& key : filter.keys) query.bind(index++, key);
  return query;
}

}  // namespace

void ForEachStory(Project& project, const StoryFilter& filter,
                  const std::function<void(const Story&)>& visit) try {
  SQLite::Statement query = FilteredStories(project, kSelect, filter);
  while (query.executeStep()) visit(Read(query));
} catch (...) {
  RethrowSqlite(project);
}

void ForEachStoryText(Project& project,
                      const std::function<void(const StoryTextView&)>& visit) try {
  sqlite3* db = project.db().getHandle();
  const RespondentRoles roles(db);
  ForEachStoryText(db, &roles, std::numeric_limits<int64_t>::min(),
                   std::numeric_limits<int64_t>::max(), visit);
} catch (...) {
  RethrowSqlite(project);
}

void ForEachStoryTextOf(Project& project, const std::vector<int64_t>& ids,
                        const std::function<void(const StoryTextView&)>& visit) try {
  SQLite::Statement find(project.db(), "SELECT key, text, kind, language FROM story WHERE id = ?");
  StoryTextView story;
  auto view = [&find](int column) {
    const SQLite::Column value = find.getColumn(column);
    return std::string_view(static_cast<const char*>(value.getText()),
                            static_cast<size_t>(value.getBytes()));
  };
  for (int64_t id : ids) {
    find.reset();
    find.bind(1, id);
    if (!find.executeStep()) throw MissingError("no story with id " + std::to_string(id));
    story.id = id;
    story.key = view(0);
    story.text = view(1);
    story.kind = view(2);
    story.language = view(3);
    visit(story);
  }
} catch (...) {
  RethrowSqlite(project);
}

RespondentRoles::RespondentRoles(sqlite3* db) : roles_{""} {
  std::vector<std::pair<int64_t, uint32_t>> all;  // in id order
  std::map<std::string, uint32_t, std::less<>> index{{"", 0}};
  ForEachRawRow(
      db, "SELECT id, role FROM respondent ORDER BY id", "the respondents", [](sqlite3_stmt*) {},
      [&](sqlite3_stmt* row) {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(row, 1));
        const std::string_view role(bytes == nullptr ? "" : bytes,
                                    static_cast<size_t>(sqlite3_column_bytes(row, 1)));
        auto found = index.find(role);
        if (found == index.end()) {
          found = index.emplace(std::string(role), static_cast<uint32_t>(roles_.size())).first;
          roles_.emplace_back(role);
        }
        all.emplace_back(sqlite3_column_int64(row, 0), found->second);
      });
  // A table by id when the ids are about as many as the respondents (the
  // usual case: ids 1..N); a sorted list to search otherwise.
  const int64_t largest = all.empty() ? 0 : all.back().first;
  if (!all.empty() && all.front().first >= 0 && roles_.size() <= 256 &&
      largest <= 2 * static_cast<int64_t>(all.size()) + 1024) {
    by_id_.assign(static_cast<size_t>(largest) + 1, 0);
    for (const auto& [id, role] : all) by_id_[static_cast<size_t>(id)] = static_cast<uint8_t>(role);
  } else {
    sparse_ = std::move(all);
  }
}

std::string_view RespondentRoles::Of(int64_t id) const {
  if (!by_id_.empty()) {
    return id >= 0 && static_cast<uint64_t>(id) < by_id_.size()
               ? std::string_view(roles_[by_id_[static_cast<size_t>(id)]])
               : std::string_view();
  }
  auto found = std::lower_bound(sparse_.begin(), sparse_.end(), id,
                                [](const auto& entry, int64_t k) { return entry.first < k; });
  return found != sparse_.end() && found->first == id ? std::string_view(roles_[found->second])
                                                      : std::string_view();
}

void ForEachStoryText(sqlite3* db, const RespondentRoles* roles, int64_t first, int64_t last,
                      const std::function<void(const StoryTextView&)>& visit) {
  // Views into SQLite's row: SQLiteCpp's Column objects would copy.
  StoryTextView story;
  ForEachRawRow(
      db,
      "SELECT id, key, text, respondent_id, kind, language FROM story "
      "WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
      "the stories",
      [&](sqlite3_stmt* statement) {
        sqlite3_bind_int64(statement, 1, first);
        sqlite3_bind_int64(statement, 2, last);
      },
      [&](sqlite3_stmt* row) {
        auto view = [row](int column) {
          const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
          return std::string_view(bytes == nullptr ? "" : bytes,
                                  static_cast<size_t>(sqlite3_column_bytes(row, column)));
        };
        story.id = sqlite3_column_int64(row, 0);
        story.key = view(1);
        story.text = view(2);
        story.role = roles == nullptr || sqlite3_column_type(row, 3) == SQLITE_NULL
                         ? std::string_view()
                         : roles->Of(sqlite3_column_int64(row, 3));
        story.kind = view(4);
        story.language = view(5);
        visit(story);
      });
}

std::pair<int64_t, int64_t> StoryIdRange(Project& project) try {
  SQLite::Statement query(project.db(), "SELECT min(id), max(id) FROM story");
  query.executeStep();
  if (query.getColumn(0).isNull()) return {1, 0};
  return {query.getColumn(0).getInt64(), query.getColumn(1).getInt64()};
} catch (...) {
  RethrowSqlite(project);
}

int64_t LargestStoryId(Project& project) try {
  return project.db().execAndGet("SELECT coalesce(max(id), 0) FROM story").getInt64();
} catch (...) {
  RethrowSqlite(project);
}

namespace {

// `owners` in ascending id. Ids are unique and usually dense (1..N): each is
// then placed at its offset in one pass, where sorting a million took a
// tenth of a summary's time; a comparison sort otherwise.
std::vector<StoryOwner> SortedById(std::vector<StoryOwner> owners) {
  const auto by_id = [](const StoryOwner& a, const StoryOwner& b) { return a.id < b.id; };
  if (owners.empty() || std::is_sorted(owners.begin(), owners.end(), by_id)) return owners;
  const auto [low, high] = std::minmax_element(owners.begin(), owners.end(), by_id);
  const uint64_t span = static_cast<uint64_t>(high->id) - static_cast<uint64_t>(low->id);
  if (span >= 2 * static_cast<uint64_t>(owners.size())) {
    std::sort(owners.begin(), owners.end(), by_id);
    return owners;
  }
  const int64_t first = low->id;
  std::vector<StoryOwner> placed(span + 1, StoryOwner{INT64_MIN, {}});
  for (const StoryOwner& owner : owners) placed[static_cast<size_t>(owner.id - first)] = owner;
  std::erase_if(placed, [](const StoryOwner& owner) { return owner.id == INT64_MIN; });
  return placed;
}

}  // namespace

std::vector<StoryOwner> ListStoryOwners(Project& project, const StoryFilter& filter) try {
  const bool all = !filter.role && !filter.kind && !filter.wave && !filter.language &&
                   filter.keys.empty() && !filter.set;
  // Unfiltered, SQLite reads the small respondent index instead of the
  // stories with their text; the ids then need sorting here.
  SQLite::Statement query =
      all ? SQLite::Statement(project.db(), "SELECT id, respondent_id FROM story")
          : FilteredStories(project,
                            "SELECT s.id, s.respondent_id FROM story s "
                            "LEFT JOIN respondent r ON r.id = s.respondent_id",
                            filter);
  std::vector<StoryOwner> owners;
  while (query.executeStep()) {
    StoryOwner owner;
    owner.id = query.getColumn(0).getInt64();
    if (!query.getColumn(1).isNull()) owner.respondent_id = query.getColumn(1).getInt64();
    owners.push_back(owner);
  }
  return SortedById(std::move(owners));
} catch (...) {
  RethrowSqlite(project);
}

void ForEachStoryHead(Project& project, const StoryFilter& filter,
                      const std::function<void(const Story&)>& visit) try {
  SQLite::Statement query = FilteredStories(project, kSelectHead, filter);
  while (query.executeStep()) visit(Read(query));
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Story> ListStoryHeads(Project& project, const StoryFilter& filter) try {
  std::vector<Story> out;
  ForEachStoryHead(project, filter, [&](const Story& s) { out.push_back(s); });
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<int64_t> ListStoryIds(Project& project, const StoryFilter& filter) try {
  std::vector<int64_t> ids;
  const bool all = !filter.role && !filter.kind && !filter.wave && !filter.language &&
                   filter.keys.empty() && !filter.set;
  if (!all) {
    for (const StoryOwner& owner : ListStoryOwners(project, filter)) ids.push_back(owner.id);
    return ids;
  }
  // Every story: the ids from the smallest index (SQLite's choice, in its
  // order, not the ids'), through the C API.
  ForEachRawRow(
      project.db().getHandle(), "SELECT id FROM story", "the story ids", [](sqlite3_stmt*) {},
      [&](sqlite3_stmt* row) { ids.push_back(sqlite3_column_int64(row, 0)); });
  if (ids.empty() || std::is_sorted(ids.begin(), ids.end())) return ids;
  // Ids close together (the usual case) are put in order by marking each
  // in a bitmap over their range: one pass, where sorting a million takes
  // ten times as long.
  const auto [low, high] = std::minmax_element(ids.begin(), ids.end());
  const int64_t first = *low;
  const uint64_t range = static_cast<uint64_t>(*high) - static_cast<uint64_t>(first);
  if (range >= 64 * static_cast<uint64_t>(ids.size())) {
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  std::vector<uint64_t> present(range / 64 + 1, 0);
  for (int64_t id : ids) {
    const uint64_t offset = static_cast<uint64_t>(id) - static_cast<uint64_t>(first);
    present[offset / 64] |= uint64_t{1} << (offset % 64);
  }
  size_t at = 0;
  for (size_t word = 0; word < present.size(); ++word) {
    for (uint64_t bits = present[word]; bits != 0; bits &= bits - 1) {
      ids[at++] = first + static_cast<int64_t>(word * 64) + std::countr_zero(bits);
    }
  }
  return ids;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Story> ListStories(Project& project, const StoryFilter& filter) try {
  std::vector<Story> out;
  ForEachStory(project, filter, [&](const Story& s) { out.push_back(s); });
  return out;
} catch (...) {
  RethrowSqlite(project);
}

int64_t CountStories(Project& project) try {
  return project.db().execAndGet("SELECT count(*) FROM story").getInt64();
} catch (...) {
  RethrowSqlite(project);
}

std::vector<std::pair<std::string, int64_t>> CountStoriesByLanguage(Project& project) try {
  std::vector<std::pair<std::string, int64_t>> counts;
  SQLite::Statement query(
      project.db(), "SELECT language, count(*) FROM story GROUP BY language ORDER BY language");
  while (query.executeStep()) {
    counts.emplace_back(query.getColumn(0).getString(), query.getColumn(1).getInt64());
  }
  return counts;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<StoryLine> ListStoryLines(Project& project, const StoryFilter& filter) try {
  // The counts come from the indexes of coding (story_id first in its key)
  // and memo, one lookup per story.
  SQLite::Statement query = FilteredStories(
      project,
      "SELECT s.id, s.key, s.respondent_id, s.kind, s.wave, s.date, s.language, s.title, '', "
      "'', s.source_file, s.source_line, coalesce(r.key, ''), coalesce(r.role, ''), "
      "length(s.text), (SELECT count(*) FROM coding g WHERE g.story_id = s.id), "
      "(SELECT count(*) FROM memo m WHERE m.story_id = s.id) "
      "FROM story s LEFT JOIN respondent r ON r.id = s.respondent_id",
      filter);
  std::vector<StoryLine> out;
  while (query.executeStep()) {
    StoryLine line;
    line.head = Read(query);
    line.characters = query.getColumn(14).getInt64();
    line.codings = query.getColumn(15).getInt64();
    line.memos = query.getColumn(16).getInt64();
    out.push_back(std::move(line));
  }
  return out;
} catch (...) {
  RethrowSqlite(project);
}

StoryDeletion DeleteStories(Project& project, const std::vector<int64_t>& ids) try {
  StoryDeletion done;
  auto count = [&](const char* sql, int64_t id) {
    SQLite::Statement query(project.db(), sql);
    query.bind(1, id);
    query.executeStep();
    return query.getColumn(0).getInt64();
  };
  for (const int64_t id : ids) {
    if (count("SELECT count(*) FROM story WHERE id = ?", id) == 0) continue;
    ++done.stories;
    done.codings += count("SELECT count(*) FROM coding WHERE story_id = ?", id);
    done.memos += count("SELECT count(*) FROM memo WHERE story_id = ?", id);
    done.signifier_values +=
        count("SELECT count(DISTINCT signifier_id) FROM signifier_value WHERE story_id = ?", id);
    done.variable_values += count("SELECT count(*) FROM story_value WHERE story_id = ?", id);
    done.speaker_turns += count("SELECT count(*) FROM speaker_turn WHERE story_id = ?", id);
    // coding has no ON DELETE CASCADE (it is WITHOUT ROWID, keyed by story);
    // the other tables cascade, and the trigger story_fts_delete clears the
    // full-text index.
    for (const char* sql :
         {"DELETE FROM coding WHERE story_id = ?", "DELETE FROM story WHERE id = ?"}) {
      SQLite::Statement remove(project.db(), sql);
      remove.bind(1, id);
      remove.exec();
    }
  }
  // The coding_origin rows (origin and time) the codings shared stay: they
  // hold no text, and finding the unused ones would read every coding.
  return done;
} catch (...) {
  RethrowSqlite(project);
}

void RenameStory(Project& project, int64_t id, std::string_view key) try {
  if (key.empty()) throw DataError("a story key cannot be empty");
  SQLite::Statement taken(project.db(), "SELECT 1 FROM story WHERE key = ? AND id <> ?");
  taken.bind(1, std::string(key));
  taken.bind(2, id);
  if (taken.executeStep()) {
    throw DataError("there is already a story " + std::string(key) +
                    "; choose another key, or delete that story first");
  }
  SQLite::Statement rename(project.db(), "UPDATE story SET key = ? WHERE id = ?");
  rename.bind(1, std::string(key));
  rename.bind(2, id);
  rename.exec();
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
