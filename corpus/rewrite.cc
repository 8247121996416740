#include "corpus/rewrite.h"

#include <SQLiteCpp/Statement.h>

#include "base/text.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

int64_t ReplaceStoryCodings(Project& project, int64_t story_id,
                            const std::vector<Coding>& codings) {
  return TranslateSqlite(project, [&] {
    SQLite::Statement clear(project.db(), "DELETE FROM coding WHERE story_id = ?");
    clear.bind(1, story_id);
    clear.exec();
    int64_t written = 0;
    for (const Coding& coding : codings) {
      if (coding.story_id != story_id) {
        throw Error(ErrorKind::kInternal, "ReplaceStoryCodings: a coding of another story");
      }
      written += AddCoding(project, coding) ? 1 : 0;
    }
    return written;
  });
}

void UpdateMemo(Project& project, const Memo& memo) {
  TranslateSqlite(project, [&] {
    if (memo.text.empty()) throw DataError("a memo needs text");
    if (memo.story_id && memo.start && memo.end) {
      SQLite::Statement story(project.db(), "SELECT key, text FROM story WHERE id = ?");
      story.bind(1, *memo.story_id);
      if (!story.executeStep()) throw DataError("the memo's story does not exist");
      const auto length = static_cast<int64_t>(CodePointCount(story.getColumn(1).getString()));
      if (*memo.start < 0 || *memo.end < *memo.start || *memo.end > length) {
        throw DataError("memo span " + std::to_string(*memo.start) + ":" +
                        std::to_string(*memo.end) + " does not fit story " +
                        story.getColumn(0).getString());
      }
    }
    SQLite::Statement update(
        project.db(), "UPDATE memo SET title = ?, text = ?, start = ?, end = ? WHERE id = ?");
    update.bind(1, memo.title);
    update.bind(2, NormalizeText(memo.text));
    if (memo.start) update.bind(3, *memo.start);
    if (memo.end) update.bind(4, *memo.end);
    update.bind(5, memo.id);
    update.exec();
  });
}

void RenameRespondent(Project& project, int64_t id, std::string_view key) {
  TranslateSqlite(project, [&] {
    SQLite::Statement taken(project.db(), "SELECT 1 FROM respondent WHERE key = ? AND id <> ?");
    taken.bind(1, std::string(key));
    taken.bind(2, id);
    if (taken.executeStep()) throw DataError("respondent key " + std::string(key) + " is taken");
    SQLite::Statement rename(project.db(), "UPDATE respondent SET key = ? WHERE id = ?");
    rename.bind(1, std::string(key));
    rename.bind(2, id);
    rename.exec();
  });
}

void SetStoryDate(Project& project, int64_t id, std::string_view date) {
  TranslateSqlite(project, [&] {
    SQLite::Statement update(project.db(), "UPDATE story SET date = ? WHERE id = ?");
    update.bind(1, std::string(date));
    update.bind(2, id);
    update.exec();
  });
}

void RebuildSearchIndex(Project& project) {
  TranslateSqlite(
      project, [&] { project.db().exec("INSERT INTO story_fts(story_fts) VALUES ('rebuild')"); });
}

}  // namespace verhaal
