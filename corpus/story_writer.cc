#include "corpus/story_writer.h"

#include <sqlite3.h>

#include <exception>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// Binds without copying: `story` outlives the statement's execution (the
// text is most of an import's bytes; SQLite would otherwise copy it).
void BindStory(SQLite::Statement& s, const Story& story) {
  s.bindNoCopy(1, story.key);
  if (story.respondent_id) {
    s.bind(2, *story.respondent_id);
  } else {
    s.bind(2);
  }
  s.bindNoCopy(3, story.kind);
  if (story.wave) {
    s.bind(4, *story.wave);
  } else {
    s.bind(4);
  }
  s.bindNoCopy(5, story.date);
  s.bindNoCopy(6, story.language);
  s.bindNoCopy(7, story.title);
  s.bindNoCopy(8, story.text);
  s.bindNoCopy(9, story.hash);
  s.bindNoCopy(10, story.source_file);
  s.bind(11, story.source_line);
}

// BindStory for insert_, which also takes the id (NULL: the next free one).
void BindNewStory(SQLite::Statement& s, const Story& story) {
  BindStory(s, story);
  if (story.id != 0) {
    s.bind(12, story.id);
  } else {
    s.bind(12);
  }
}

// Runs a statement that returns no rows and readies it for the next use.
void Run(SQLite::Statement& s) {
  try {
    s.exec();
  } catch (const SQLite::Exception& e) {
    s.tryReset();  // reset() would throw the same error again
    s.clearBindings();
    throw SqliteIoError(std::string("cannot write the project: ") + e.what(), e.getErrorCode());
  }
  s.reset();
  s.clearBindings();
}

}  // namespace

StoryWriter::StoryWriter(Project& project) try
    : project_(project),
      find_(project.db(),
            "SELECT id, hash, title, text, source_file, source_line FROM story WHERE key = ?"),
      insert_(project.db(),
              "INSERT INTO story(key, respondent_id, kind, wave, date, language, title, text, "
              "hash, source_file, source_line, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
      update_(project.db(),
              "UPDATE story SET key = ?, respondent_id = ?, kind = ?, wave = ?, date = ?, "
              "language = ?, title = ?, text = ?, hash = ?, source_file = ?, source_line = ? "
              "WHERE id = ?"),
      find_respondent_(project.db(), "SELECT id, role FROM respondent WHERE key = ?"),
      insert_respondent_(project.db(), "INSERT INTO respondent(key, role) VALUES (?, ?)"),
      set_role_(project.db(), "UPDATE respondent SET role = ? WHERE id = ?"),
      set_story_value_(project.db(),
                       "INSERT INTO story_value(story_id, variable_id, value) VALUES (?, ?, ?) "
                       "ON CONFLICT (story_id, variable_id) DO UPDATE SET value = excluded.value"),
      clear_story_value_(project.db(),
                         "DELETE FROM story_value WHERE story_id = ? AND variable_id = ?"),
      set_respondent_value_(
          project.db(),
          "INSERT INTO respondent_value(respondent_id, variable_id, value) VALUES (?, ?, ?) "
          "ON CONFLICT (respondent_id, variable_id) DO UPDATE SET value = excluded.value"),
      clear_respondent_value_(
          project.db(), "DELETE FROM respondent_value WHERE respondent_id = ? AND variable_id = ?"),
      insert_signifier_value_(project.db(), kInsertSignifierValueSql) {
  cache_size_before_ = project.db().execAndGet("PRAGMA cache_size").getInt();
  project.db().exec("PRAGMA cache_size = -" + std::to_string(kImportCacheKiB));
  SQLite::Statement trigger(project.db(),
                            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                            "name = 'story_fts_insert'");
  // Only inside a transaction: otherwise the DROP would be committed at once.
  const bool in_transaction = sqlite3_get_autocommit(project.db().getHandle()) == 0;
  if (in_transaction && trigger.executeStep()) fts_trigger_ = trigger.getColumn(0).getString();
  if (!fts_trigger_.empty()) {
    last_id_before_ = project.db().execAndGet("SELECT coalesce(max(id), 0) FROM story").getInt64();
    project.db().exec("DROP TRIGGER story_fts_insert");
  }
} catch (...) {
  RethrowSqlite(project);
}

StoryWriter::~StoryWriter() {
  try {
    project_.db().exec("PRAGMA cache_size = " + std::to_string(cache_size_before_));
  } catch (...) {
    // Only the cache size stays raised until the project closes.
  }
  if (finished_ || std::uncaught_exceptions() > 0) return;
  try {
    Finish();
  } catch (...) {
    // The caller's transaction fails to commit or rolls back; nothing to add.
  }
}

void StoryWriter::Finish() try {
  if (finished_) return;
  finished_ = true;
  if (fts_trigger_.empty()) return;
  try {
    // FTS5 gathers new terms in memory and writes a segment whenever they
    // pass 'hashsize' (1 MB by default); a larger buffer means fewer, larger
    // segments and less merging: about a quarter less time for a large
    // import. The setting is stored with the index (it also helps later
    // imports) and bounds the memory at kFtsBufferBytes.
    project_.db().exec("INSERT INTO story_fts(story_fts, rank) VALUES ('hashsize', " +
                       std::to_string(kFtsBufferBytes) + ")");
    SQLite::Statement index(project_.db(),
                            "INSERT INTO story_fts(rowid, title, text) "
                            "SELECT id, title, text FROM story WHERE id > ?");
    index.bind(1, last_id_before_);
    index.exec();
    project_.db().exec(fts_trigger_);
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot update the full-text index: ") + e.what(),
                        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

void StoryWriter::Finish(FtsSideIndex& side) try {
  if (finished_) return;
  if (!CanAdoptIndex()) {
    throw Error(ErrorKind::kInternal,
                "the full-text index of an import into a project with stories cannot be "
                "built beside it");
  }
  finished_ = true;
  side.CopyInto(project_);
  try {
    project_.db().exec(fts_trigger_);
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot update the full-text index: ") + e.what(),
                        e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

std::optional<StoredStory> StoryWriter::Find(std::string_view key) try {
  find_.reset();
  find_.bind(1, std::string(key));
  if (!find_.executeStep()) return std::nullopt;
  StoredStory s{find_.getColumn(0).getInt64(),  find_.getColumn(1).getString(),
                find_.getColumn(2).getString(), find_.getColumn(3).getString(),
                find_.getColumn(4).getString(), find_.getColumn(5).getInt()};
  find_.reset();
  return s;
} catch (...) {
  RethrowSqlite(project_);
}

int64_t StoryWriter::Insert(const Story& story) try {
  BindNewStory(insert_, story);
  Run(insert_);
  return project_.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project_);
}

std::optional<int64_t> StoryWriter::TryInsert(const Story& story) try {
  BindNewStory(insert_, story);
  try {
    insert_.exec();
  } catch (const SQLite::Exception& e) {
    insert_.tryReset();  // reset() would throw the same error again
    insert_.clearBindings();
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) return std::nullopt;
    throw SqliteIoError(std::string("cannot write the project: ") + e.what(), e.getErrorCode());
  }
  insert_.reset();
  insert_.clearBindings();
  return project_.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project_);
}

void StoryWriter::Update(int64_t id, const Story& story) try {
  BindStory(update_, story);
  update_.bind(12, id);
  Run(update_);
} catch (...) {
  RethrowSqlite(project_);
}

std::pair<int64_t, bool> StoryWriter::EnsureRespondent(std::string_view key,
                                                       std::string_view role) try {
  auto known = respondents_.find(key);
  if (known == respondents_.end()) {
    find_respondent_.reset();
    find_respondent_.bind(1, std::string(key));
    KnownRespondent found;
    const bool stored = find_respondent_.executeStep();
    if (stored) {
      found.id = find_respondent_.getColumn(0).getInt64();
      found.role = find_respondent_.getColumn(1).getString();
    }
    find_respondent_.reset();
    if (!stored) {
      insert_respondent_.bind(1, std::string(key));
      insert_respondent_.bind(2, std::string(role));
      Run(insert_respondent_);
      respondents_.emplace(key,
                           KnownRespondent{project_.db().getLastInsertRowid(), std::string(role)});
      return {project_.db().getLastInsertRowid(), true};
    }
    known = respondents_.emplace(key, std::move(found)).first;
  }
  KnownRespondent& respondent = known->second;
  if (!role.empty() && respondent.role != role) {
    if (!respondent.role.empty()) {
      throw DataError("respondent " + std::string(key) + " has role " + respondent.role + ", not " +
                      std::string(role) + "; use one role per respondent");
    }
    set_role_.bind(1, std::string(role));
    set_role_.bind(2, respondent.id);
    Run(set_role_);
    respondent.role = role;
  }
  return {respondent.id, false};
} catch (...) {
  RethrowSqlite(project_);
}

void StoryWriter::SetStoryValue(int64_t story_id, int64_t variable_id, std::string_view value) try {
  if (value.empty()) {
    clear_story_value_.bind(1, story_id);
    clear_story_value_.bind(2, variable_id);
    Run(clear_story_value_);
    return;
  }
  set_story_value_.bind(1, story_id);
  set_story_value_.bind(2, variable_id);
  set_story_value_.bind(3, std::string(value));
  Run(set_story_value_);
} catch (...) {
  RethrowSqlite(project_);
}

void StoryWriter::AddSignifierValue(int64_t story_id, const Signifier& signifier,
                                    const SignifierValue& answer) try {
  CheckSignifierValue(signifier, answer);
  try {
    InsertSignifierRows(insert_signifier_value_, story_id, signifier,
                        CanonicalSignifierValue(signifier, answer));
  } catch (const SQLite::Exception& e) {
    throw SqliteIoError(std::string("cannot write the project: ") + e.what(), e.getErrorCode());
  }
} catch (...) {
  RethrowSqlite(project_);
}

void StoryWriter::SetRespondentValue(int64_t respondent_id, int64_t variable_id,
                                     std::string_view value) try {
  const std::pair<int64_t, int64_t> cell{respondent_id, variable_id};
  if (value.empty()) {
    respondent_values_.erase(cell);
    clear_respondent_value_.bind(1, respondent_id);
    clear_respondent_value_.bind(2, variable_id);
    Run(clear_respondent_value_);
    return;
  }
  const auto [stored, added] = respondent_values_.try_emplace(cell, value);
  if (!added) {
    if (stored->second == value) return;  // this writer stored it already
    stored->second = value;
  }
  set_respondent_value_.bind(1, respondent_id);
  set_respondent_value_.bind(2, variable_id);
  set_respondent_value_.bind(3, std::string(value));
  try {
    Run(set_respondent_value_);
  } catch (...) {
    respondent_values_.erase(cell);
    throw;
  }
} catch (...) {
  RethrowSqlite(project_);
}

}  // namespace verhaal
