#include "corpus/codes.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "base/sha256.h"
#include "base/text.h"
#include "corpus/error.h"
#include "corpus/sqlite_errors.h"

namespace verhaal {
namespace {

constexpr const char* kSelect =
    "SELECT id, guid, parent_id, name, path, position, description, inclusion, exclusion, "
    "examples, colour, codable, dimension, retired, rules FROM code";

Code Read(SQLite::Statement& row) {
  Code c;
  c.id = row.getColumn(0).getInt64();
  c.guid = row.getColumn(1).getString();
  if (!row.getColumn(2).isNull()) c.parent_id = row.getColumn(2).getInt64();
  c.name = row.getColumn(3).getString();
  c.path = row.getColumn(4).getString();
  c.position = row.getColumn(5).getInt();
  c.description = row.getColumn(6).getString();
  c.inclusion = row.getColumn(7).getString();
  c.exclusion = row.getColumn(8).getString();
  for (const auto& e : nlohmann::json::parse(row.getColumn(9).getString())) {
    c.examples.push_back(e.get<std::string>());
  }
  c.colour = row.getColumn(10).getString();
  c.codable = row.getColumn(11).getInt() != 0;
  c.dimension = row.getColumn(12).getInt() != 0;
  c.retired = row.getColumn(13).getInt() != 0;
  c.rules = row.getColumn(14).getString();
  return c;
}

std::optional<Code> FindOne(Project& project, const std::string& where, const std::string& value) {
  SQLite::Statement find(project.db(), std::string(kSelect) + " WHERE " + where);
  find.bind(1, value);
  if (!find.executeStep()) return std::nullopt;
  return Read(find);
}

std::string ChildPath(Project& project, const std::optional<int64_t>& parent,
                      const std::string& name) {
  if (name.empty()) throw DataError("a code needs a name");
  if (name.find('/') != std::string::npos) {
    throw DataError("code name '" + name + "' contains '/'; paths use '/' between levels");
  }
  if (!parent) return name;
  auto p = FindCodeById(project, *parent);
  if (!p) throw DataError("parent code " + std::to_string(*parent) + " does not exist");
  return p->path + "/" + name;
}

}  // namespace

std::string NewGuid() {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  const uint64_t hi = (random() & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;
  const uint64_t lo = (random() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
  char out[37];
  std::snprintf(out, sizeof out, "%08X-%04X-%04X-%04X-%012llX", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFull));
  return out;
}

std::string NewCodeGuid(Project& project, const Code& code) try {
  SQLite::Statement taken(project.db(), "SELECT 1 FROM code WHERE guid = ?");
  std::string key = code.path;
  for (const std::string* part : {&code.description, &code.inclusion, &code.exclusion}) {
    key += '\0';
    key += *part;
  }
  for (int n = 1;; ++n) {
    const std::string guid = NameBasedGuid("code", n == 1 ? key : key + "#" + std::to_string(n));
    taken.reset();
    taken.bind(1, guid);
    if (!taken.executeStep()) return guid;
  }
} catch (...) {
  RethrowSqlite(project);
}

namespace {

// Names, descriptions, examples and rules leave again as JSON, XML and HTML:
// a backstop for callers that did not check their input (kData).
void CheckCodeTexts(const Code& code) {
  const Location at{"code " + (code.path.empty() ? code.name : code.path), 0, 0, ""};
  for (const std::string* text : {&code.name, &code.description, &code.inclusion, &code.exclusion,
                                  &code.colour, &code.rules, &code.guid}) {
    ValidateUtf8(*text, at);
  }
  for (const std::string& example : code.examples) ValidateUtf8(example, at);
}

}  // namespace

int64_t AddCode(Project& project, Code code) try {
  CheckCodeTexts(code);
  code.path = ChildPath(project, code.parent_id, code.name);
  if (std::count(code.path.begin(), code.path.end(), '/') >= kMaxCodeDepth) {
    throw DataError("code " + code.path + " would be nested more than " +
                    std::to_string(kMaxCodeDepth) + " levels deep; verhaal keeps at most " +
                    std::to_string(kMaxCodeDepth) + " levels");
  }
  if (FindCodeByPath(project, code.path)) {
    throw DataError("code " + code.path + " already exists");
  }
  if (code.guid.empty()) code.guid = NewCodeGuid(project, code);
  SQLite::Statement insert(project.db(),
                           "INSERT INTO code(guid, parent_id, name, path, position, description, "
                           "inclusion, exclusion, examples, colour, codable, dimension, retired, "
                           "rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, code.guid);
  if (code.parent_id) insert.bind(2, *code.parent_id);
  insert.bind(3, code.name);
  insert.bind(4, code.path);
  insert.bind(5, code.position);
  insert.bind(6, code.description);
  insert.bind(7, code.inclusion);
  insert.bind(8, code.exclusion);
  insert.bind(9, nlohmann::json(code.examples).dump());
  insert.bind(10, code.colour);
  insert.bind(11, code.codable ? 1 : 0);
  insert.bind(12, code.dimension ? 1 : 0);
  insert.bind(13, code.retired ? 1 : 0);
  insert.bind(14, code.rules);
  insert.exec();
  return project.db().getLastInsertRowid();
} catch (...) {
  RethrowSqlite(project);
}

void UpdateCode(Project& project, const Code& code) try {
  CheckCodeTexts(code);
  SQLite::Statement update(project.db(),
                           "UPDATE code SET guid = ?, position = ?, description = ?, "
                           "inclusion = ?, exclusion = ?, examples = ?, colour = ?, codable = ?, "
                           "dimension = ?, retired = ?, rules = ? WHERE id = ?");
  update.bind(1, code.guid);
  update.bind(2, code.position);
  update.bind(3, code.description);
  update.bind(4, code.inclusion);
  update.bind(5, code.exclusion);
  update.bind(6, nlohmann::json(code.examples).dump());
  update.bind(7, code.colour);
  update.bind(8, code.codable ? 1 : 0);
  update.bind(9, code.dimension ? 1 : 0);
  update.bind(10, code.retired ? 1 : 0);
  update.bind(11, code.rules);
  update.bind(12, code.id);
  update.exec();
} catch (...) {
  RethrowSqlite(project);
}

void MoveCode(Project& project, int64_t code_id, std::optional<int64_t> new_parent,
              std::string_view new_name) try {
  auto code = FindCodeById(project, code_id);
  if (!code) throw DataError("code " + std::to_string(code_id) + " does not exist");
  for (auto p = new_parent; p;) {
    if (*p == code_id) throw DataError("cannot move " + code->path + " under itself");
    p = FindCodeById(project, *p)->parent_id;
  }
  const std::string path = ChildPath(project, new_parent, std::string(new_name));
  if (path == code->path) return;
  if (FindCodeByPath(project, path)) throw DataError("code " + path + " already exists");
  SQLite::Statement move(project.db(),
                         "UPDATE code SET parent_id = ?, name = ?, path = ? WHERE id = ?");
  if (new_parent) move.bind(1, *new_parent);
  move.bind(2, std::string(new_name));
  move.bind(3, path);
  move.bind(4, code_id);
  move.exec();
  // Descendants keep their place in the subtree; only the prefix changes.
  SQLite::Statement descendants(project.db(),
                                "UPDATE code SET path = ? || substr(path, ?) WHERE path LIKE ? "
                                "ESCAPE '\\'");
  std::string like;
  for (char c : code->path) {
    if (c == '%' || c == '_' || c == '\\') like += '\\';
    like += c;
  }
  descendants.bind(1, path);
  descendants.bind(2, static_cast<int>(code->path.size()) + 1);
  descendants.bind(3, like + "/%");
  descendants.exec();
} catch (...) {
  RethrowSqlite(project);
}

void DeleteCode(Project& project, int64_t code_id) try {
  auto code = FindCodeById(project, code_id);
  if (!code) return;
  SQLite::Statement used(project.db(),
                         "SELECT (SELECT count(*) FROM coding WHERE code_id = ?1) + "
                         "(SELECT count(*) FROM code WHERE parent_id = ?1)");
  used.bind(1, code_id);
  used.executeStep();
  if (used.getColumn(0).getInt64() > 0) {
    throw DataError("code " + code->path + " still has codings or children");
  }
  SQLite::Statement del(project.db(), "DELETE FROM code WHERE id = ?");
  del.bind(1, code_id);
  del.exec();
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Code> FindCodeByPath(Project& project, std::string_view path) try {
  return FindOne(project, "path = ?", std::string(path));
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Code> FindCodeByGuid(Project& project, std::string_view guid) try {
  return FindOne(project, "upper(guid) = upper(?)", std::string(guid));
} catch (...) {
  RethrowSqlite(project);
}

std::optional<Code> FindCodeById(Project& project, int64_t id) try {
  SQLite::Statement find(project.db(), std::string(kSelect) + " WHERE id = ?");
  find.bind(1, id);
  if (!find.executeStep()) return std::nullopt;
  return Read(find);
} catch (...) {
  RethrowSqlite(project);
}

std::vector<Code> ListCodes(Project& project) try {
  SQLite::Statement all(project.db(), std::string(kSelect) + " ORDER BY position, id");
  std::map<std::optional<int64_t>, std::vector<Code>> children;
  while (all.executeStep()) {
    Code c = Read(all);
    children[c.parent_id].push_back(std::move(c));
  }
  std::vector<Code> out;
  std::function<void(std::optional<int64_t>)> walk = [&](std::optional<int64_t> parent) {
    auto it = children.find(parent);
    if (it == children.end()) return;
    for (auto& c : it->second) {
      const int64_t id = c.id;
      out.push_back(std::move(c));
      walk(id);
    }
  };
  walk(std::nullopt);
  return out;
} catch (...) {
  RethrowSqlite(project);
}

std::vector<int64_t> CodeSubtree(Project& project, int64_t code_id) try {
  SQLite::Statement tree(project.db(),
                         "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL "
                         "SELECT c.id FROM code c JOIN sub ON c.parent_id = sub.id) "
                         "SELECT id FROM sub");
  tree.bind(1, code_id);
  std::vector<int64_t> out;
  while (tree.executeStep()) out.push_back(tree.getColumn(0).getInt64());
  return out;
} catch (...) {
  RethrowSqlite(project);
}

}  // namespace verhaal
