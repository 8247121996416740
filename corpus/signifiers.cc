#include "corpus/signifiers.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

constexpr std::array<std::pair<SignifierType, std::string_view>, 5> kTypes = {{
    {SignifierType::kDyad, "dyad"},
    {SignifierType::kTriad, "triad"},
    {SignifierType::kStones, "stones"},
    {SignifierType::kList, "list"},
    {SignifierType::kFreetext, "freetext"},
}};

// Accepts values a hair outside [0, 1] that come from rounding in the
// exporting tool (SenseMaker writes triad anchors such as -0.0009); they are
// stored as exported.
constexpr double kRangeSlack = kTriadSumTolerance;

constexpr const char* kSelect =
    "SELECT id, key, type, title, multiple, x_low, x_high, y_low, y_high, source FROM signifier";

std::string Number(double d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", d);
  return buffer;
}

std::string Name(const Signifier& s) {
  return std::string(SignifierTypeName(s.type)) + " " + s.key;
}

Signifier Read(Project& project, SQLite::Statement& row) {
  Signifier s;
  s.id = row.getColumn(0).getInt64();
  s.key = row.getColumn(1).getString();
  s.type = ParseSignifierType(row.getColumn(2).getString());
  s.title = row.getColumn(3).getString();
  s.multiple = row.getColumn(4).getInt() != 0;
  s.x_low = row.getColumn(5).getString();
  s.x_high = row.getColumn(6).getString();
  s.y_low = row.getColumn(7).getString();
  s.y_high = row.getColumn(8).getString();
  s.source = row.getColumn(9).getString();
  SQLite::Statement options(project.db(),
                            "SELECT position, key, label FROM signifier_option "
                            "WHERE signifier_id = ? ORDER BY position");
  options.bind(1, s.id);
  while (options.executeStep()) {
    const auto position = static_cast<size_t>(options.getColumn(0).getInt());
    if (s.options.size() <= position) s.options.resize(position + 1);
    s.options[position] = {options.getColumn(1).getString(), options.getColumn(2).getString()};
  }
  return s;
}

void CheckUnit(const Signifier& s, double v, const std::string& what) {
  if (!std::isfinite(v) || v < -kRangeSlack || v > 1 + kRangeSlack) {
    throw DataError(Name(s) + " has " + what + " = " + Number(v) +
                    ", outside [0, 1]; write positions and proportions as numbers from 0 to 1");
  }
}

// Folds the rows of one story (ordered by option) into a value.
class ValueBuilder {
 public:
  explicit ValueBuilder(const Signifier& s) : signifier_(s) {}

  void Add(SQLite::Statement& row) {
    const int option = row.getColumn(0).getInt();
    if (row.getColumn(1).getInt() != 0) value_.not_applicable = true;
    auto number = [&](int i) {
      return row.getColumn(i).isNull() ? 0.0 : row.getColumn(i).getDouble();
    };
    switch (signifier_.type) {
      case SignifierType::kDyad:
        value_.x = number(2);
        break;
      case SignifierType::kTriad:
        value_.triad = {number(2), number(3), number(4)};
        break;
      case SignifierType::kStones:
        if (option >= 0) {
          value_.stones.resize(std::max(value_.stones.size(), signifier_.options.size()));
          if (static_cast<size_t>(option) >= value_.stones.size()) value_.stones.resize(option + 1);
          value_.stones[option] = StonePlacement{number(2), number(3)};
        }
        break;
      case SignifierType::kList:
        if (option >= 0) value_.items.push_back(option);
        break;
      case SignifierType::kFreetext:
        value_.text = row.getColumn(5).isNull() ? "" : row.getColumn(5).getString();
        break;
    }
  }

  SignifierValue Take() {
    if (signifier_.type == SignifierType::kStones && !value_.not_applicable) {
      value_.stones.resize(std::max(value_.stones.size(), signifier_.options.size()));
    }
    SignifierValue out = std::move(value_);
    value_ = {};
    return out;
  }

 private:
  const Signifier& signifier_;
  SignifierValue value_;
};

constexpr const char* kSelectValues =
    "SELECT option, not_applicable, a, b, c, text, story_id FROM signifier_value "
    "WHERE signifier_id = ?";

// The stored form: stones normalised to the option count, items sorted.
SignifierValue Canonical(const Signifier& s, SignifierValue v) {
  SignifierValue out;
  out.not_applicable = v.not_applicable;
  if (v.not_applicable) return out;
  switch (s.type) {
    case SignifierType::kDyad:
      out.x = v.x;
      break;
    case SignifierType::kTriad:
      out.triad = v.triad;
      break;
    case SignifierType::kStones:
      out.stones = std::move(v.stones);
      out.stones.resize(std::max(out.stones.size(), s.options.size()));
      break;
    case SignifierType::kList:
      out.items = std::move(v.items);
      std::sort(out.items.begin(), out.items.end());
      out.items.erase(std::unique(out.items.begin(), out.items.end()), out.items.end());
      break;
    case SignifierType::kFreetext:
      out.text = std::move(v.text);
      break;
  }
  return out;
}

}  // namespace

SignifierValue CanonicalSignifierValue(const Signifier& signifier, SignifierValue value) {
  return Canonical(signifier, std::move(value));
}

std::string_view SignifierTypeName(SignifierType type) {
  for (auto [t, name] : kTypes) {
    if (t == type) return name;
  }
  return "dyad";
}

SignifierType ParseSignifierType(std::string_view name) {
  for (auto [t, n] : kTypes) {
    if (n == name) return t;
  }
  throw DataError("unknown signifier type '" + std::string(name) +
                  "'; use dyad, triad, stones, list or freetext");
}

int64_t EnsureSignifier(Project& project, const Signifier& signifier) try {
  if (signifier.key.empty()) throw DataError("a signifier needs a key");
  if (signifier.type == SignifierType::kTriad && signifier.options.size() != 3) {
    throw DataError("triad " + signifier.key + " has " + std::to_string(signifier.options.size()) +
                    " anchors; a triad needs exactly three (top, left, right)");
  }
  int64_t id = 0;
  std::optional<Signifier> existing = FindSignifier(project, signifier.key);
  if (existing) {
    if (existing->type != signifier.type) {
      throw DataError("signifier " + signifier.key + " is already a " +
                      std::string(SignifierTypeName(existing->type)) + ", not a " +
                      std::string(SignifierTypeName(signifier.type)) +
                      "; use another key or a new project");
    }
    id = existing->id;
  } else {
    SQLite::Statement insert(project.db(),
                             "INSERT INTO signifier(key, type, title, multiple, x_low, x_high, "
                             "y_low, y_high, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, signifier.key);
    insert.bind(2, std::string(SignifierTypeName(signifier.type)));
    insert.bind(3, signifier.title);
    insert.bind(4, signifier.multiple ? 1 : 0);
    insert.bind(5, signifier.x_low);
    insert.bind(6, signifier.x_high);
    insert.bind(7, signifier.y_low);
    insert.bind(8, signifier.y_high);
    insert.bind(9, signifier.source);
    insert.exec();
    id = project.db().getLastInsertRowid();
  }
  SQLite::Statement add(project.db(),
                        "INSERT INTO signifier_option(signifier_id, position, key, label) "
                        "VALUES (?, ?, ?, ?)");
  for (size_t i = 0; i < signifier.options.size(); ++i) {
    const SignifierOption& option = signifier.options[i];
    if (existing && i < existing->options.size() && !existing->options[i].key.empty()) {
      if (existing->options[i].key != option.key) {
        throw DataError(Name(signifier) + " has option '" + existing->options[i].key +
                        "' at position " + std::to_string(i + 1) + " in the project, not '" +
                        option.key + "'; the definition changed, use a new project");
      }
      continue;
    }
    add.bind(1, id);
    add.bind(2, static_cast<int>(i));
    add.bind(3, option.key);
    add.bind(4, option.label);
    add.exec();
    add.reset();
  }
  return id;
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Signifier> FindSignifier(Project& project, std::string_view key) try {
  SQLite::Statement find(project.db(), std::string(kSelect) + " WHERE key = ?");
  find.bind(1, std::string(key));
  if (!find.executeStep()) return std::nullopt;
  return Read(project, find);
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Signifier> ListSignifiers(Project& project) try {
  SQLite::Statement all(project.db(), std::string(kSelect) + " ORDER BY id");
  std::vector<Signifier> out;
  while (all.executeStep()) out.push_back(Read(project, all));
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::optional<int> FindSignifierOption(const Signifier& signifier, std::string_view key) {
  for (size_t i = 0; i < signifier.options.size(); ++i) {
    if (signifier.options[i].key == key) return static_cast<int>(i);
  }
  return std::nullopt;
}

void CheckSignifierValue(const Signifier& s, const SignifierValue& value) {
  if (value.not_applicable) return;
  switch (s.type) {
    case SignifierType::kDyad:
      CheckUnit(s, value.x, "x");
      return;
    case SignifierType::kTriad: {
      const Triad& t = value.triad;
      CheckUnit(s, t.top, "top");
      CheckUnit(s, t.left, "left");
      CheckUnit(s, t.right, "right");
      const double sum = t.top + t.left + t.right;
      if (std::abs(sum - 1) > kTriadSumTolerance) {
        throw DataError(Name(s) + " has proportions " + Number(t.top) + ", " + Number(t.left) +
                        ", " + Number(t.right) + " that sum to " + Number(sum) +
                        ", not 1; give the three anchors as proportions summing to 1");
      }
      return;
    }
    case SignifierType::kStones: {
      bool placed = false;
      for (size_t i = 0; i < value.stones.size(); ++i) {
        if (!value.stones[i]) continue;
        if (i >= s.options.size()) {
          throw DataError(Name(s) + " has no stone " + std::to_string(i + 1) + " (it has " +
                          std::to_string(s.options.size()) + "); add the stone to the definition");
        }
        CheckUnit(s, value.stones[i]->x, "stone " + s.options[i].key + " x");
        CheckUnit(s, value.stones[i]->y, "stone " + s.options[i].key + " y");
        placed = true;
      }
      if (!placed)
        throw DataError(Name(s) + " has no stone placed; leave it out to mark it skipped");
      return;
    }
    case SignifierType::kList: {
      for (int item : value.items) {
        if (item < 0 || static_cast<size_t>(item) >= s.options.size()) {
          throw DataError(Name(s) + " has no item " + std::to_string(item + 1) + " (it has " +
                          std::to_string(s.options.size()) + "); add the item to the definition");
        }
      }
      if (value.items.empty()) {
        throw DataError(Name(s) + " has no item chosen; leave it out to mark it skipped");
      }
      if (!s.multiple && value.items.size() > 1) {
        throw DataError(Name(s) + " allows one item but " + std::to_string(value.items.size()) +
                        " were chosen; choose one or define the list as multiple choice");
      }
      return;
    }
    case SignifierType::kFreetext:
      return;
  }
}

const char* const kInsertSignifierValueSql =
    "INSERT INTO signifier_value(story_id, signifier_id, option, not_applicable, a, b, c, text) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

void InsertSignifierRows(SQLite::Statement& insert, int64_t story_id, const Signifier& signifier,
                         const SignifierValue& value) {
  auto row = [&](int option, std::optional<double> a, std::optional<double> b,
                 std::optional<double> c, const std::string* text) {
    insert.bind(1, story_id);
    insert.bind(2, signifier.id);
    insert.bind(3, option);
    insert.bind(4, value.not_applicable ? 1 : 0);
    a ? insert.bind(5, *a) : insert.bind(5);
    b ? insert.bind(6, *b) : insert.bind(6);
    c ? insert.bind(7, *c) : insert.bind(7);
    text ? insert.bind(8, *text) : insert.bind(8);
    try {
      insert.exec();
    } catch (const SQLite::Exception&) {
      insert.tryReset();  // reset() would throw the same error again
      throw;
    }
    insert.reset();
  };
  if (value.not_applicable) {
    row(-1, {}, {}, {}, nullptr);
    return;
  }
  switch (signifier.type) {
    case SignifierType::kDyad:
      row(-1, value.x, {}, {}, nullptr);
      break;
    case SignifierType::kTriad:
      row(-1, value.triad.top, value.triad.left, value.triad.right, nullptr);
      break;
    case SignifierType::kStones:
      for (size_t i = 0; i < value.stones.size(); ++i) {
        if (value.stones[i]) {
          row(static_cast<int>(i), value.stones[i]->x, value.stones[i]->y, {}, nullptr);
        }
      }
      break;
    case SignifierType::kList:
      for (int item : value.items) row(item, {}, {}, {}, nullptr);
      break;
    case SignifierType::kFreetext:
      row(-1, {}, {}, {}, &value.text);
      break;
  }
}

bool SetSignifierValue(Project& project, const Signifier& signifier, int64_t story_id,
                       SignifierValue value) try {
  CheckSignifierValue(signifier, value);
  value = Canonical(signifier, std::move(value));
  if (GetSignifierValue(project, signifier, story_id) == value) return false;
  ClearSignifierValue(project, signifier, story_id);
  SQLite::Statement insert(project.db(), kInsertSignifierValueSql);
  InsertSignifierRows(insert, story_id, signifier, value);
  return true;
} catch (...) {
  RethrowSqlite(project);
}

bool ClearSignifierValue(Project& project, const Signifier& signifier, int64_t story_id) try {
  SQLite::Statement del(project.db(),
                        "DELETE FROM signifier_value WHERE story_id = ? AND signifier_id = ?");
  del.bind(1, story_id);
  del.bind(2, signifier.id);
  return del.exec() > 0;
} catch (...) {
  RethrowSqlite(project);
}

std::optional<SignifierValue> GetSignifierValue(Project& project, const Signifier& signifier,
                                                int64_t story_id) try {
  SQLite::Statement rows(project.db(),
                         std::string(kSelectValues) + " AND story_id = ? ORDER BY option");
  rows.bind(1, signifier.id);
  rows.bind(2, story_id);
  ValueBuilder builder(signifier);
  bool any = false;
  while (rows.executeStep()) {
    builder.Add(rows);
    any = true;
  }
  if (!any) return std::nullopt;
  return builder.Take();
} catch (...) {
  RethrowSqlite(project);
}

void ForEachSignifierValue(
    Project& project, const Signifier& signifier,
    const std::function<void(int64_t story_id, const SignifierValue& value)>& visit) try {
  SQLite::Statement rows(project.db(), std::string(kSelectValues) + " ORDER BY story_id, option");
  rows.bind(1, signifier.id);
  ValueBuilder builder(signifier);
  std::optional<int64_t> current;
  while (rows.executeStep()) {
    const int64_t story_id = rows.getColumn(6).getInt64();
    if (current && *current != story_id) visit(*current, builder.Take());
    current = story_id;
    builder.Add(rows);
  }
  if (current) visit(*current, builder.Take());
} catch (...) {
  RethrowSqlite(project);
}

SignifierCounts CountSignifierValues(Project& project, const Signifier& signifier) try {
  SQLite::Statement count(project.db(),
                          "SELECT count(DISTINCT story_id), "
                          "count(DISTINCT CASE WHEN not_applicable = 1 THEN story_id END), "
                          "(SELECT count(*) FROM story) "
                          "FROM signifier_value WHERE signifier_id = ?");
  count.bind(1, signifier.id);
  count.executeStep();
  SignifierCounts out;
  const int64_t with_value = count.getColumn(0).getInt64();
  out.not_applicable = count.getColumn(1).getInt64();
  out.answered = with_value - out.not_applicable;
  out.skipped = count.getColumn(2).getInt64() - with_value;
  return out;
} catch (...) {
  RethrowSqlite(project);
}

struct SignifierValueCursor::State {
  State(Project& project, const std::vector<Signifier>& list)
      : project(project),
        signifiers(list),
        rows(project.db(),
             "SELECT option, not_applicable, a, b, c, text, story_id, signifier_id "
             "FROM signifier_value ORDER BY story_id, signifier_id, option") {
    for (size_t i = 0; i < signifiers.size(); ++i) index[signifiers[i].id] = i;
    has_row = rows.executeStep();
  }
  Project& project;
  std::vector<Signifier> signifiers;
  std::map<int64_t, size_t> index;  // signifier id -> position
  SQLite::Statement rows;
  bool has_row = false;
};

SignifierValueCursor::SignifierValueCursor(Project& project,
                                           const std::vector<Signifier>& signifiers) try
    : state_(std::make_unique<State>(project, signifiers)) {
} catch (...) {
  RethrowSqlite(project);
}

SignifierValueCursor::~SignifierValueCursor() = default;

std::vector<std::optional<SignifierValue>> SignifierValueCursor::ValuesOf(int64_t story_id) try {
  State& s = *state_;
  std::vector<std::optional<SignifierValue>> values(s.signifiers.size());
  while (s.has_row && s.rows.getColumn(6).getInt64() < story_id) s.has_row = s.rows.executeStep();
  while (s.has_row && s.rows.getColumn(6).getInt64() == story_id) {
    const int64_t signifier_id = s.rows.getColumn(7).getInt64();
    const auto found = s.index.find(signifier_id);
    if (found == s.index.end()) {
      s.has_row = s.rows.executeStep();
      continue;
    }
    ValueBuilder builder(s.signifiers[found->second]);
    while (s.has_row && s.rows.getColumn(6).getInt64() == story_id &&
           s.rows.getColumn(7).getInt64() == signifier_id) {
      builder.Add(s.rows);
      s.has_row = s.rows.executeStep();
    }
    values[found->second] = builder.Take();
  }
  return values;
} catch (...) {
  RethrowSqlite(state_->project);
}

}  // namespace verhaal
