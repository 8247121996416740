#include "corpus/speaker_turns.h"

#include <SQLiteCpp/Statement.h>

#include "base/text.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {

void ReplaceSpeakerTurns(Project& project, int64_t story_id,
                         const std::vector<SpeakerTurn>& turns) try {
  SQLite::Statement clear(project.db(), "DELETE FROM speaker_turn WHERE story_id = ?");
  clear.bind(1, story_id);
  clear.exec();
  SQLite::Statement insert(project.db(),
                           "INSERT INTO speaker_turn(story_id, position, speaker, interviewer, "
                           "start, end, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)");
  int position = 0;
  for (const auto& t : turns) {
    if (t.start < 0 || t.end < t.start) {
      throw DataError("the turn of " + t.speaker + " has a reversed span [" +
                      std::to_string(t.start) + ", " + std::to_string(t.end) + ")");
    }
    insert.bind(1, story_id);
    insert.bind(2, position++);
    insert.bind(3, t.speaker);
    insert.bind(4, t.interviewer ? 1 : 0);
    insert.bind(5, t.start);
    insert.bind(6, t.end);
    insert.bind(7, t.timestamp);
    insert.exec();
    insert.reset();
  }
} catch (...) {
  RethrowSqlite(project);
}

namespace {

// A turn from the columns position, speaker, interviewer, start, end,
// timestamp starting at column `first`.
SpeakerTurn TurnAt(SQLite::Statement& row, int first) {
  return SpeakerTurn{row.getColumn(first).getInt(),          row.getColumn(first + 1).getString(),
                     row.getColumn(first + 2).getInt() != 0, row.getColumn(first + 3).getInt64(),
                     row.getColumn(first + 4).getInt64(),    row.getColumn(first + 5).getString()};
}

}  // namespace

bool SpokenBy(const SpeakerTurn& turn, std::string_view speaker) {
  if (speaker == "interviewer") return turn.interviewer;
  if (speaker == "respondent") return !turn.interviewer;
  return AsciiLower(turn.speaker) == speaker;
}

std::vector<SpeakerTurn> ListSpeakerTurns(Project& project, int64_t story_id) try {
  SQLite::Statement query(project.db(),
                          "SELECT position, speaker, interviewer, start, end, timestamp "
                          "FROM speaker_turn WHERE story_id = ? ORDER BY position");
  query.bind(1, story_id);
  std::vector<SpeakerTurn> out;
  while (query.executeStep()) out.push_back(TurnAt(query, 0));
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::map<int64_t, std::vector<SpeakerTurn>> ListAllSpeakerTurns(Project& project) try {
  SQLite::Statement query(project.db(),
                          "SELECT story_id, position, speaker, interviewer, start, end, timestamp "
                          "FROM speaker_turn ORDER BY story_id, position");
  std::map<int64_t, std::vector<SpeakerTurn>> out;
  while (query.executeStep()) out[query.getColumn(0).getInt64()].push_back(TurnAt(query, 1));
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::map<int64_t, std::vector<SpeakerTurn>> ListSpeakerTurnsBetween(Project& project, int64_t first,
                                                                    int64_t last) try {
  SQLite::Statement query(project.db(),
                          "SELECT story_id, position, speaker, interviewer, start, end, timestamp "
                          "FROM speaker_turn WHERE story_id BETWEEN ? AND ? "
                          "ORDER BY story_id, position");
  query.bind(1, first);
  query.bind(2, last);
  std::map<int64_t, std::vector<SpeakerTurn>> out;
  while (query.executeStep()) out[query.getColumn(0).getInt64()].push_back(TurnAt(query, 1));
  return out;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
