#include "corpus/coding_listing.h"

#include <sqlite3.h>

#include <memory>
#include <unordered_map>

#include "corpus/error.h"
#include "corpus/raw_rows.h"
#include "corpus/read_connection.h"

namespace verhaal {
namespace {

std::string_view TextAt(sqlite3_stmt* row, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(row, column));
  if (text == nullptr) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(row, column))};
}

// The speaker turns in story order, read alongside the codings: the turns of
// one story at a time.
class TurnCursor {
 public:
  explicit TurnCursor(sqlite3* db) : db_(db) {
    statement_ = PrepareRaw(db,
                            "SELECT story_id, position, speaker, interviewer, start, end, "
                            "timestamp FROM speaker_turn ORDER BY story_id, position",
                            "the speaker turns");
    Step();
  }

  // The turns of `story_id`; ids must not go down from one call to the next.
  const std::vector<SpeakerTurn>& Of(int64_t story_id) {
    turns_.clear();
    while (has_row_ && sqlite3_column_int64(statement_.get(), 0) < story_id) Step();
    while (has_row_ && sqlite3_column_int64(statement_.get(), 0) == story_id) {
      sqlite3_stmt* row = statement_.get();
      turns_.push_back({sqlite3_column_int(row, 1), std::string(TextAt(row, 2)),
                        sqlite3_column_int(row, 3) != 0, sqlite3_column_int64(row, 4),
                        sqlite3_column_int64(row, 5), std::string(TextAt(row, 6))});
      Step();
    }
    return turns_;
  }

 private:
  void Step() { has_row_ = StepRaw(db_, statement_.get(), "the speaker turns"); }

  sqlite3* db_;
  RawStatement statement_{nullptr, sqlite3_finalize};
  bool has_row_ = false;
  std::vector<SpeakerTurn> turns_;
};

}  // namespace

// The coding table is read in its key order (story first); SQLite sorts only
// the codings of one story at a time by segment, code path and coder. The
// quote is cut by SQLite, which counts code points as the segments do.
void ForEachListedCoding(Project& project, const std::optional<std::string>& coder,
                         const std::function<void(const ListedCoding&)>& visit) {
  ReadConnection connection(project);
  std::string sql =
      "SELECT g.story_id, s.key, coalesce(r.key, ''), coalesce(r.role, ''), c.path, k.name, "
      "g.start, g.end, CASE WHEN g.end <= length(s.text) THEN substr(s.text, g.start + 1, "
      "g.end - g.start) ELSE '' END, g.memo, o.origin, o.created FROM coding g "
      "JOIN story s ON s.id = g.story_id LEFT JOIN respondent r ON r.id = s.respondent_id "
      "JOIN code c ON c.id = g.code_id JOIN coder k ON k.id = g.coder_id "
      "JOIN coding_origin o ON o.id = g.origin_id";
  if (coder) sql += " WHERE k.name = ?1";
  sql += " ORDER BY g.story_id, g.start, g.end, c.path, k.name";
  TurnCursor turns(connection.get());
  ListedCoding listed;
  int64_t turns_of = -1;
  ForEachRawRow(
      connection.get(), sql.c_str(), "the codings",
      [&](sqlite3_stmt* row) {
        if (coder) {
          sqlite3_bind_text(row, 1, coder->data(), static_cast<int>(coder->size()),
                            SQLITE_TRANSIENT);
        }
      },
      [&](sqlite3_stmt* row) {
        listed.story_id = sqlite3_column_int64(row, 0);
        if (listed.story_id != turns_of) {
          listed.turns = &turns.Of(listed.story_id);
          turns_of = listed.story_id;
        }
        listed.story_key = TextAt(row, 1);
        listed.respondent_key = TextAt(row, 2);
        listed.role = TextAt(row, 3);
        listed.code_path = TextAt(row, 4);
        listed.coder = TextAt(row, 5);
        listed.start = sqlite3_column_int64(row, 6);
        listed.end = sqlite3_column_int64(row, 7);
        listed.quote = TextAt(row, 8);
        listed.memo = TextAt(row, 9);
        listed.origin = TextAt(row, 10);
        listed.created = TextAt(row, 11);
        visit(listed);
      });
}

int64_t CountListedCodings(Project& project, const std::optional<std::string>& coder,
                           int64_t limit) {
  ReadConnection connection(project);
  std::string sql = "SELECT count(*) FROM (SELECT 1 FROM coding g";
  if (coder) sql += " JOIN coder k ON k.id = g.coder_id WHERE k.name = ?2";
  sql += " LIMIT ?1)";
  int64_t count = 0;
  ForEachRawRow(
      connection.get(), sql.c_str(), "the codings",
      [&](sqlite3_stmt* row) {
        sqlite3_bind_int64(row, 1, limit);
        if (coder) {
          sqlite3_bind_text(row, 2, coder->data(), static_cast<int>(coder->size()),
                            SQLITE_TRANSIENT);
        }
      },
      [&](sqlite3_stmt* row) { count = sqlite3_column_int64(row, 0); });
  return count;
}

void ForEachCodingByWhom(Project& project, const CoderSet& coders,
                         const std::function<void(const CodingByWhom&)>& visit) {
  ReadConnection connection(project);
  // The origins are few (one per command run or rule): read them first.
  std::unordered_map<int64_t, bool> manual;
  ForEachRawRow(
      connection.get(), "SELECT id, origin FROM coding_origin", "the codings' origins",
      [](sqlite3_stmt*) {},
      [&](sqlite3_stmt* row) {
        const std::string_view origin = TextAt(row, 1);
        manual[sqlite3_column_int64(row, 0)] = origin == "manual" || origin.starts_with("import:");
      });
  const std::string sql = "SELECT story_id, code_id, origin_id FROM coding WHERE " +
                          CodingCondition(coders) + " ORDER BY story_id";
  CodingByWhom coding;
  int64_t origin = -1;
  ForEachRawRow(
      connection.get(), sql.c_str(), "the codings", [](sqlite3_stmt*) {},
      [&](sqlite3_stmt* row) {
        coding.story_id = sqlite3_column_int64(row, 0);
        coding.code_id = sqlite3_column_int64(row, 1);
        const int64_t origin_id = sqlite3_column_int64(row, 2);
        if (origin_id != origin) {
          origin = origin_id;
          const auto found = manual.find(origin_id);
          coding.manual = found != manual.end() && found->second;
        }
        visit(coding);
      });
}

struct SegmentCodingCursor::State {
  explicit State(Project& project) : connection(project) {
    statement = PrepareRaw(connection.get(),
                           "SELECT g.story_id, g.code_id, k.name, g.start, g.end, o.created, "
                           "g.memo FROM coding g JOIN code c ON c.id = g.code_id "
                           "JOIN coder k ON k.id = g.coder_id "
                           "JOIN coding_origin o ON o.id = g.origin_id "
                           "ORDER BY g.story_id, g.start, g.end, c.path, k.name",
                           "the codings");
    Step();
  }

  void Step() { has_row = StepRaw(connection.get(), statement.get(), "the codings"); }

  ReadConnection connection;
  RawStatement statement{nullptr, sqlite3_finalize};
  bool has_row = false;
  std::vector<SegmentCoding> codings;
};

SegmentCodingCursor::SegmentCodingCursor(Project& project)
    : state_(std::make_unique<State>(project)) {}

SegmentCodingCursor::~SegmentCodingCursor() = default;

const std::vector<SegmentCoding>& SegmentCodingCursor::Of(int64_t story_id) {
  State& state = *state_;
  state.codings.clear();
  sqlite3_stmt* row = state.statement.get();
  while (state.has_row && sqlite3_column_int64(row, 0) < story_id) state.Step();
  while (state.has_row && sqlite3_column_int64(row, 0) == story_id) {
    SegmentCoding& coding = state.codings.emplace_back();
    coding.code_id = sqlite3_column_int64(row, 1);
    coding.coder = TextAt(row, 2);
    coding.start = sqlite3_column_int64(row, 3);
    coding.end = sqlite3_column_int64(row, 4);
    coding.created = TextAt(row, 5);
    coding.memo = TextAt(row, 6);
    state.Step();
  }
  return state.codings;
}

}  // namespace verhaal
