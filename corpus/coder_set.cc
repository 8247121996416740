#include "corpus/coder_set.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// An SQL string literal: quotes doubled.
std::string Quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// EXISTS a turn of `speaker` that the coding (table reference `table`)
// meets; an empty coding meets the turn its position lies in.
std::string SpeakerCondition(std::string_view speaker, const std::string& table) {
  std::string who;
  if (speaker == "interviewer") {
    who = "t.interviewer <> 0";
  } else if (speaker == "respondent") {
    who = "t.interviewer = 0";
  } else {
    who = "lower(t.speaker) = lower(" + Quoted(speaker) + ")";
  }
  return "EXISTS (SELECT 1 FROM speaker_turn t WHERE t.story_id = " + table +
         "story_id AND t.start < max(" + table + "end, " + table + "start + 1) AND " + table +
         "start < t.end AND " + who + ")";
}

}  // namespace

std::string CodingCondition(const CoderSet& set, std::string_view alias) {
  if (set.coder_ids.empty()) return "0";
  std::string ids;
  for (size_t i = 0; i < set.coder_ids.size(); ++i) {
    ids += (i ? ", " : "") + std::to_string(set.coder_ids[i]);
  }
  const std::string prefix = alias.empty() ? std::string() : std::string(alias) + ".";
  std::string condition = prefix + "coder_id IN (" + ids + ")";
  if (set.min_coders > 1) {
    // The (story, code) pairs that enough coders of the set used; the
    // primary key (story_id, code_id, coder_id, ...) answers it in order.
    condition += " AND (" + prefix + "story_id, " + prefix +
                 "code_id) IN (SELECT story_id, code_id FROM coding WHERE coder_id IN (" + ids +
                 ") GROUP BY story_id, code_id HAVING COUNT(DISTINCT coder_id) >= " +
                 std::to_string(set.min_coders) + ")";
  }
  if (!set.speaker.empty()) {
    condition += " AND " + SpeakerCondition(set.speaker, alias.empty() ? "coding." : prefix);
  }
  return condition;
}

std::vector<std::string> ListSpeakerLabels(Project& project) try {
  SQLite::Statement query(project.db(),
                          "SELECT DISTINCT speaker FROM speaker_turn ORDER BY speaker");
  std::vector<std::string> out;
  while (query.executeStep()) out.push_back(query.getColumn(0).getString());
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<CoderActivity> ListCoderActivity(Project& project) try {
  SQLite::Statement query(
      project.db(),
      "SELECT k.id, k.name, COUNT(g.story_id), COUNT(DISTINCT g.story_id), "
      "COALESCE(SUM(o.origin LIKE 'rule:%'), 0), COALESCE(MIN(o.created), ''), "
      "COALESCE(MAX(o.created), '') FROM coder k LEFT JOIN coding g ON g.coder_id = k.id "
      "LEFT JOIN coding_origin o ON o.id = g.origin_id GROUP BY k.id ORDER BY k.name");
  std::vector<CoderActivity> out;
  while (query.executeStep()) {
    CoderActivity a;
    a.id = query.getColumn(0).getInt64();
    a.name = query.getColumn(1).getString();
    a.codings = query.getColumn(2).getInt64();
    a.stories = query.getColumn(3).getInt64();
    a.rule_codings = query.getColumn(4).getInt64();
    a.first = query.getColumn(5).getString();
    a.last = query.getColumn(6).getString();
    out.push_back(std::move(a));
  }
  return out;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
