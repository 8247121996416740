#include "corpus/variables.h"

#include <SQLiteCpp/Statement.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

constexpr std::array<std::pair<VariableType, std::string_view>, 5> kTypes = {{
    {VariableType::kText, "text"},
    {VariableType::kInteger, "integer"},
    {VariableType::kFloat, "float"},
    {VariableType::kDate, "date"},
    {VariableType::kBoolean, "boolean"},
}};

VariableSubject ParseSubject(const std::string& s) {
  return s == "story" ? VariableSubject::kStory : VariableSubject::kRespondent;
}

std::map<std::string, std::string> ValueLabels(Project& project, int64_t variable_id) {
  SQLite::Statement labels(project.db(),
                           "SELECT value, label FROM value_label WHERE variable_id = ?");
  labels.bind(1, variable_id);
  std::map<std::string, std::string> out;
  while (labels.executeStep())
    out[labels.getColumn(0).getString()] = labels.getColumn(1).getString();
  return out;
}

Variable Read(Project& project, SQLite::Statement& row) {
  Variable v;
  v.id = row.getColumn(0).getInt64();
  v.subject = ParseSubject(row.getColumn(1).getString());
  v.name = row.getColumn(2).getString();
  v.label = row.getColumn(3).getString();
  v.type = ParseVariableType(row.getColumn(4).getString());
  v.value_labels = ValueLabels(project, v.id);
  return v;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::map<std::string, std::string> Values(Project& project, const char* sql, int64_t id) {
  SQLite::Statement values(project.db(), sql);
  values.bind(1, id);
  std::map<std::string, std::string> out;
  while (values.executeStep())
    out[values.getColumn(0).getString()] = values.getColumn(1).getString();
  return out;
}

void SetValue(Project& project, const char* table, const char* owner, int64_t owner_id,
              int64_t variable_id, std::string_view value) {
  const std::string t(table), o(owner);
  if (value.empty()) {
    SQLite::Statement del(project.db(),
                          "DELETE FROM " + t + " WHERE " + o + " = ? AND variable_id = ?");
    del.bind(1, owner_id);
    del.bind(2, variable_id);
    del.exec();
    return;
  }
  SQLite::Statement put(project.db(), "INSERT OR REPLACE INTO " + t + "(" + o +
                                          ", variable_id, value) VALUES (?, ?, ?)");
  put.bind(1, owner_id);
  put.bind(2, variable_id);
  put.bind(3, std::string(value));
  put.exec();
}

}  // namespace

std::string_view VariableTypeName(VariableType type) {
  for (auto [t, name] : kTypes) {
    if (t == type) return name;
  }
  return "text";
}

VariableType ParseVariableType(std::string_view name) {
  for (auto [t, n] : kTypes) {
    if (n == name) return t;
  }
  throw DataError("unknown variable type '" + std::string(name) +
                  "'; use text, integer, float, date or boolean");
}

std::string_view VariableSubjectName(VariableSubject subject) {
  return subject == VariableSubject::kStory ? "story" : "respondent";
}

int64_t EnsureVariable(Project& project, const Variable& variable) try {
  if (variable.name.empty()) throw DataError("a variable needs a name");
  int64_t id = 0;
  if (auto existing = FindVariable(project, variable.subject, variable.name)) {
    if (existing->type != variable.type) {
      throw DataError("variable " + variable.name + " is already " +
                      std::string(VariableTypeName(existing->type)) + ", not " +
                      std::string(VariableTypeName(variable.type)));
    }
    id = existing->id;
  } else {
    SQLite::Statement insert(
        project.db(), "INSERT INTO variable(subject, name, label, type) VALUES (?, ?, ?, ?)");
    insert.bind(1, std::string(VariableSubjectName(variable.subject)));
    insert.bind(2, variable.name);
    insert.bind(3, variable.label);
    insert.bind(4, std::string(VariableTypeName(variable.type)));
    insert.exec();
    id = project.db().getLastInsertRowid();
  }
  SQLite::Statement label(project.db(),
                          "INSERT OR IGNORE INTO value_label(variable_id, value, label) "
                          "VALUES (?, ?, ?)");
  for (const auto& [value, text] : variable.value_labels) {
    label.bind(1, id);
    label.bind(2, value);
    label.bind(3, text);
    label.exec();
    label.reset();
  }
  return id;
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Variable> FindVariable(Project& project, VariableSubject subject,
                                     std::string_view name) try {
  SQLite::Statement find(project.db(),
                         "SELECT id, subject, name, label, type FROM variable "
                         "WHERE subject = ? AND name = ?");
  find.bind(1, std::string(VariableSubjectName(subject)));
  find.bind(2, std::string(name));
  if (!find.executeStep()) return std::nullopt;
  return Read(project, find);
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Variable> ListVariables(Project& project, std::optional<VariableSubject> subject) try {
  std::string sql = "SELECT id, subject, name, label, type FROM variable";
  if (subject) sql += " WHERE subject = ?";
  sql += " ORDER BY subject, id";
  SQLite::Statement all(project.db(), sql);
  if (subject) all.bind(1, std::string(VariableSubjectName(*subject)));
  std::vector<Variable> out;
  while (all.executeStep()) out.push_back(Read(project, all));
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::string CheckVariableValue(VariableType type, std::string_view raw) {
  std::string_view v = raw;
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  if (v.empty()) return "";
  const std::string text(v);
  switch (type) {
    case VariableType::kText:
      return std::string(raw);
    case VariableType::kInteger: {
      long long n = 0;
      auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (error != std::errc() || end != v.data() + v.size()) {
        throw DataError("'" + text + "' is not an integer");
      }
      return std::to_string(n);
    }
    case VariableType::kFloat: {
      std::string dotted = text;
      // Dutch spreadsheets write a decimal comma.
      if (dotted.find(',') != std::string::npos && dotted.find('.') == std::string::npos) {
        dotted[dotted.find(',')] = '.';
      }
      double d = 0;
      auto [end, error] = std::from_chars(dotted.data(), dotted.data() + dotted.size(), d);
      if (error != std::errc() || end != dotted.data() + dotted.size() || !std::isfinite(d)) {
        throw DataError("'" + text + "' is not a number");
      }
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.15g", d);
      return buffer;
    }
    case VariableType::kDate: {
      int y = 0, m = 0, d = 0;
      char tail = 0;
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
          m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0)) {
        throw DataError("'" + text + "' is not a date; write dates as YYYY-MM-DD");
      }
      return text;
    }
    case VariableType::kBoolean: {
      std::string lower;
      for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "1" || lower == "true" || lower == "ja" || lower == "yes" || lower == "waar") {
        return "1";
      }
      if (lower == "0" || lower == "false" || lower == "nee" || lower == "no" ||
          lower == "onwaar") {
        return "0";
      }
      throw DataError("'" + text + "' is not a yes/no value; use 1/0, true/false or ja/nee");
    }
  }
  return text;
}

void SetRespondentValue(Project& project, int64_t respondent_id, int64_t variable_id,
                        std::string_view value) try {
  SetValue(project, "respondent_value", "respondent_id", respondent_id, variable_id, value);
} catch (...) {
  RethrowSqlite(project);
}

void SetStoryValue(Project& project, int64_t story_id, int64_t variable_id,
                   std::string_view value) try {
  SetValue(project, "story_value", "story_id", story_id, variable_id, value);
} catch (...) {
  RethrowSqlite(project);
}

std::map<std::string, std::string> RespondentValues(Project& project, int64_t respondent_id) try {
  return Values(project,
                "SELECT v.name, x.value FROM respondent_value x JOIN variable v "
                "ON v.id = x.variable_id WHERE x.respondent_id = ?",
                respondent_id);
} catch (...) {
  RethrowSqlite(project);
}

std::map<std::string, std::string> StoryValues(Project& project, int64_t story_id) try {
  return Values(project,
                "SELECT v.name, x.value FROM story_value x JOIN variable v "
                "ON v.id = x.variable_id WHERE x.story_id = ?",
                story_id);
} catch (...) {
  RethrowSqlite(project);
}

struct StoryValueCursor::State {
  explicit State(Project& project)
      : project(project),
        rows(project.db(),
             "SELECT x.story_id, v.name, x.value FROM story_value x "
             "JOIN variable v ON v.id = x.variable_id ORDER BY x.story_id"),
        on_row(rows.executeStep()) {}

  Project& project;
  SQLite::Statement rows;
  bool on_row;  // `rows` stands on a row not yet read
};

StoryValueCursor::StoryValueCursor(Project& project) try
    : state_(std::make_unique<State>(project)) {
} catch (...) {
  RethrowSqlite(project);
}

StoryValueCursor::~StoryValueCursor() = default;

void StoryValueCursor::ValuesOf(int64_t story_id, std::map<std::string, std::string>& values) try {
  SQLite::Statement& rows = state_->rows;
  bool& on_row = state_->on_row;
  values.clear();
  while (on_row && rows.getColumn(0).getInt64() < story_id) on_row = rows.executeStep();
  while (on_row && rows.getColumn(0).getInt64() == story_id) {
    values.emplace(rows.getColumn(1).getString(), rows.getColumn(2).getString());
    on_row = rows.executeStep();
  }
} catch (...) {
  RethrowSqlite(state_->project);
}

struct RespondentValueReader::State {
  explicit State(Project& project)
      : project(project),
        rows(project.db(),
             "SELECT v.name, x.value FROM respondent_value x JOIN variable v "
             "ON v.id = x.variable_id WHERE x.respondent_id = ?") {}

  Project& project;
  SQLite::Statement rows;
};

RespondentValueReader::RespondentValueReader(Project& project) try
    : state_(std::make_unique<State>(project)) {
} catch (...) {
  RethrowSqlite(project);
}

RespondentValueReader::~RespondentValueReader() = default;

void RespondentValueReader::ValuesOf(int64_t respondent_id,
                                     std::map<std::string, std::string>& values) try {
  SQLite::Statement& rows = state_->rows;
  values.clear();
  rows.reset();
  rows.bind(1, respondent_id);
  while (rows.executeStep()) {
    values.emplace(rows.getColumn(0).getString(), rows.getColumn(1).getString());
  }
} catch (...) {
  RethrowSqlite(state_->project);
}

}  // namespace verhaal
