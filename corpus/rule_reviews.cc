#include "corpus/rule_reviews.h"

#include <SQLiteCpp/Statement.h>

#include "corpus/clock.h"
#include "corpus/coding_columns.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

// The rule codings of a coder with their decisions; ? binds in the order
// coder, [origin], [decision] (see Bind).
constexpr const char* kRuleCodingsFrom =
    " FROM coding g JOIN coding_origin o ON o.id = g.origin_id "
    "JOIN story s ON s.id = g.story_id JOIN code c ON c.id = g.code_id "
    "LEFT JOIN rule_review r ON r.story_id = g.story_id AND r.code_id = g.code_id "
    "AND r.coder_id = g.coder_id AND r.start = g.start AND r.end = g.end "
    "LEFT JOIN coder k ON k.id = r.reviewer_id "
    "WHERE g.coder_id = :coder AND substr(o.origin, 1, 5) = 'rule:'";

std::string Conditions(const RuleCodingFilter& filter) {
  std::string sql;
  if (!filter.code_ids.empty()) {
    sql += " AND g.code_id IN (";
    for (size_t i = 0; i < filter.code_ids.size(); ++i) {
      sql += (i ? ", " : "") + std::to_string(filter.code_ids[i]);
    }
    sql += ")";
  }
  if (filter.origin) sql += " AND o.origin = :origin";
  if (filter.decision) {
    sql += *filter.decision == "unreviewed" ? " AND r.decision IS NULL"
                                            : " AND r.decision = :decision";
  }
  return sql;
}

void Bind(SQLite::Statement& query, const RuleCodingFilter& filter) {
  query.bind(":coder", filter.coder_id);
  if (filter.origin) query.bind(":origin", *filter.origin);
  if (filter.decision && *filter.decision != "unreviewed")
    query.bind(":decision", *filter.decision);
}

}  // namespace

RuleCodingPage ListRuleCodings(Project& project, const RuleCodingFilter& filter) try {
  const std::string where = std::string(kRuleCodingsFrom) + Conditions(filter);
  RuleCodingPage page;
  SQLite::Statement count(project.db(), "SELECT count(*)" + where);
  Bind(count, filter);
  if (count.executeStep()) page.total = count.getColumn(0).getInt64();
  SQLite::Statement query(project.db(),
                          "SELECT g.story_id, g.code_id, g.coder_id, g.start, g.end, o.origin, "
                          "g.memo, o.created, s.key, c.path, r.decision, coalesce(k.name, ''), "
                          "coalesce(r.decided, '')" +
                              where +
                              " ORDER BY g.story_id, g.start, g.end, c.path LIMIT :limit OFFSET "
                              ":offset");
  Bind(query, filter);
  query.bind(":limit", filter.limit);
  query.bind(":offset", filter.offset);
  while (query.executeStep()) {
    ReviewedRuleCoding row;
    row.coding = ReadCodingColumns(query);
    if (!query.getColumn(10).isNull()) {
      row.review = RuleReview{query.getColumn(10).getString(), query.getColumn(11).getString(),
                              query.getColumn(12).getString()};
    }
    page.codings.push_back(std::move(row));
  }
  return page;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<RuleReviewCount> CountRuleReviews(Project& project, int64_t coder_id) try {
  SQLite::Statement query(project.db(),
                          "SELECT o.origin, g.code_id, c.path, count(*), "
                          "total(r.decision = 'accepted'), total(r.decision = 'rejected') "
                          "FROM coding g JOIN coding_origin o ON o.id = g.origin_id "
                          "JOIN code c ON c.id = g.code_id "
                          "LEFT JOIN rule_review r ON r.story_id = g.story_id AND "
                          "r.code_id = g.code_id AND r.coder_id = g.coder_id AND "
                          "r.start = g.start AND r.end = g.end "
                          "WHERE g.coder_id = ? AND substr(o.origin, 1, 5) = 'rule:' "
                          "GROUP BY o.origin, g.code_id ORDER BY c.path, o.origin");
  query.bind(1, coder_id);
  std::vector<RuleReviewCount> counts;
  while (query.executeStep()) {
    counts.push_back({query.getColumn(0).getString(), query.getColumn(1).getInt64(),
                      query.getColumn(2).getString(), query.getColumn(3).getInt64(),
                      static_cast<int64_t>(query.getColumn(4).getDouble()),
                      static_cast<int64_t>(query.getColumn(5).getDouble())});
  }
  return counts;
} catch (...) {
  RethrowSqlite(project);
}

std::optional<RuleReview> FindRuleReview(Project& project, const Coding& key) try {
  SQLite::Statement find(project.db(),
                         "SELECT r.decision, k.name, r.decided FROM rule_review r "
                         "JOIN coder k ON k.id = r.reviewer_id WHERE r.story_id = ? AND "
                         "r.code_id = ? AND r.coder_id = ? AND r.start = ? AND r.end = ?");
  find.bind(1, key.story_id);
  find.bind(2, key.code_id);
  find.bind(3, key.coder_id);
  find.bind(4, key.start);
  find.bind(5, key.end);
  if (!find.executeStep()) return std::nullopt;
  return RuleReview{find.getColumn(0).getString(), find.getColumn(1).getString(),
                    find.getColumn(2).getString()};
} catch (...) {
  RethrowSqlite(project);
}

void SetRuleReview(Project& project, const Coding& key, std::string_view decision,
                   int64_t reviewer_id) try {
  if (decision != "accepted" && decision != "rejected") {
    throw DataError("a decision on a rule coding is accepted or rejected, not '" +
                    std::string(decision) + "'");
  }
  SQLite::Statement write(project.db(),
                          "INSERT OR REPLACE INTO rule_review(story_id, code_id, coder_id, start, "
                          "end, decision, reviewer_id, decided) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  write.bind(1, key.story_id);
  write.bind(2, key.code_id);
  write.bind(3, key.coder_id);
  write.bind(4, key.start);
  write.bind(5, key.end);
  write.bind(6, std::string(decision));
  write.bind(7, reviewer_id);
  write.bind(8, UtcStampNow());
  write.exec();
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
