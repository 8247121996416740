#include "coding/codebook_sync.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "corpus/codes.h"
#include "corpus/codings.h"

namespace verhaal {
namespace {

// A file entry in pre-order with where it goes.
struct Placed {
  const CodebookEntry* entry = nullptr;
  const Placed* parent = nullptr;  // nullptr: top level
  int position = 0;
  std::optional<int64_t> code_id;  // the project code it takes over, if any
  int64_t final_id = 0;            // filled while applying
};

std::string Plural(int64_t n, const std::string& word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Which fields of `code` differ from `entry`, comma-separated.
std::string ChangedFields(const Code& code, const CodebookEntry& entry, int position) {
  std::vector<std::string> fields;
  if (code.description != entry.description) fields.push_back("description");
  if (code.inclusion != entry.inclusion) fields.push_back("inclusion");
  if (code.exclusion != entry.exclusion) fields.push_back("exclusion");
  if (code.examples != entry.examples) fields.push_back("examples");
  if (code.colour != entry.colour) fields.push_back("colour");
  if (code.codable != entry.codable) fields.push_back("codable");
  if (code.dimension != entry.dimension) fields.push_back("dimension");
  if (code.retired != entry.retired) fields.push_back(entry.retired ? "retired" : "unretired");
  if (code.rules != entry.rules) fields.push_back("rules");
  if (code.position != position) fields.push_back("order");
  std::string out;
  for (const auto& f : fields) out += (out.empty() ? "" : ", ") + f;
  return out;
}

void Fill(Code& code, const CodebookEntry& entry, int position) {
  code.description = entry.description;
  code.inclusion = entry.inclusion;
  code.exclusion = entry.exclusion;
  code.examples = entry.examples;
  code.colour = entry.colour;
  code.codable = entry.codable;
  code.dimension = entry.dimension;
  code.retired = entry.retired;
  code.rules = entry.rules;
  code.position = position;
  if (!entry.guid.empty()) code.guid = entry.guid;
}

class Sync {
 public:
  Sync(Project& project, const Codebook& codebook, const CodebookSyncOptions& options)
      : project_(project), codebook_(codebook), options_(options) {}

  std::vector<CodebookChange> Run() {
    for (const Code& c : ListCodes(project_)) {
      by_path_[c.path] = c;
      by_id_[c.id] = c;
      children_[c.parent_id].push_back(c.id);
    }
    for (const Coding& coding : ListCodings(project_)) ++codings_[coding.code_id];
    Place(codebook_.codes, nullptr);
    Match();
    PlanRemovals();
    MoveAside();
    Remove();
    AddAndUpdate();
    Merge();
    return std::move(changes_);
  }

 private:
  void Place(const std::vector<CodebookEntry>& entries, const Placed* parent) {
    int position = 0;
    for (const auto& e : entries) {
      placed_.push_back(std::make_unique<Placed>());
      Placed& p = *placed_.back();
      p.entry = &e;
      p.parent = parent;
      p.position = e.merge_into.empty() ? position++ : 0;
      if (e.merge_into.empty()) by_file_path_[e.path] = &p;
      Place(e.children, &p);
    }
  }

  // Which project code each entry takes over: `was:` first, then the GUID,
  // then the same path.
  void Match() {
    auto claim = [&](Placed& p, const std::optional<Code>& code) {
      if (p.code_id || !code || claimed_.count(code->id)) return;
      p.code_id = code->id;
      claimed_.insert(code->id);
    };
    for (auto& p : placed_) {
      if (!p->entry->was.empty()) claim(*p, Lookup(p->entry->was));
    }
    for (auto& p : placed_) {
      if (!p->entry->guid.empty()) claim(*p, FindCodeByGuid(project_, p->entry->guid));
    }
    for (auto& p : placed_) claim(*p, Lookup(p->entry->path));
  }

  std::optional<Code> Lookup(const std::string& path) const {
    auto it = by_path_.find(path);
    if (it == by_path_.end()) return std::nullopt;
    return it->second;
  }

  // Codings of a code and its unclaimed descendants (those stay with it).
  int64_t Used(int64_t id) const {
    int64_t n = codings_.count(id) ? codings_.at(id) : 0;
    if (auto it = children_.find(id); it != children_.end()) {
      for (int64_t child : it->second) {
        if (!claimed_.count(child)) n += Used(child);
      }
    }
    return n;
  }

  void PlanRemovals() {
    std::vector<std::string> refused;
    for (const auto& [path, code] : by_path_) {
      if (claimed_.count(code.id)) continue;
      const int64_t used = Used(code.id);
      if (used == 0) {
        deletions_.push_back(code.id);
        changes_.push_back({CodebookChangeKind::kDelete, path, "not in the codebook, unused", 0});
      } else if (code.retired) {
        continue;  // already retired: stays as it is
      } else if (options_.retire) {
        retirements_.push_back(code.id);
        changes_.push_back({CodebookChangeKind::kRetire, path,
                            "not in the codebook; kept with its codings", used});
      } else {
        changes_.push_back({CodebookChangeKind::kRefuse, path,
                            "not in the codebook but still used; load needs --retire", used});
        refused.push_back("'" + path + "' (" + Plural(used, "coding") + ")");
      }
    }
    if (!refused.empty() && !options_.preview) {
      std::string list;
      for (const auto& r : refused) list += (list.empty() ? "" : ", ") + r;
      throw DataError(
          "the codebook drops " + std::string(refused.size() == 1 ? "code " : "codes ") + list +
              " that still " + (refused.size() == 1 ? "has" : "have") +
              " codings; put it back, merge it into another code with merge_into:, or keep it "
              "as retired with --retire",
          Location{codebook_.file, 0, 0, ""});
    }
  }

  // Codes that change parent or name, and merge sources, go to a temporary
  // place at the top, so that swaps and moves never collide on the way.
  void MoveAside() {
    for (auto& p : placed_) {
      if (!p->code_id) continue;
      const Code& code = by_id_.at(*p->code_id);
      if (!p->entry->merge_into.empty()) {
        for (int64_t child : children_[code.id]) {
          if (!claimed_.count(child)) {
            throw DataError("code '" + code.path + "' is merged into '" + p->entry->merge_into +
                                "' but its sub-code '" + by_id_.at(child).path +
                                "' has no place in the codebook; give it one or merge it too",
                            p->entry->merge_location);
          }
        }
      } else if (code.name == p->entry->name &&
                 code.parent_id == (p->parent ? p->parent->code_id : std::nullopt) &&
                 (!p->parent || p->parent->code_id)) {
        continue;  // stays where it is
      }
      MoveCode(project_, code.id, std::nullopt, "\x01moving-" + std::to_string(code.id));
    }
  }

  void Remove() {
    // Children before parents: reverse tree order.
    std::vector<Code> order = ListCodes(project_);
    std::set<int64_t> doomed(deletions_.begin(), deletions_.end());
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      if (doomed.count(it->id)) DeleteCode(project_, it->id);
    }
    for (int64_t id : retirements_) {
      Code code = by_id_.at(id);
      code.retired = true;
      UpdateCode(project_, code);
    }
  }

  void AddAndUpdate() {
    for (auto& p : placed_) {
      const CodebookEntry& e = *p->entry;
      if (!e.merge_into.empty()) continue;
      const std::optional<int64_t> parent =
          p->parent ? std::optional<int64_t>(p->parent->final_id) : std::nullopt;
      try {
        if (!p->code_id) {
          Code code;
          code.parent_id = parent;
          code.name = e.name;
          Fill(code, e, p->position);
          p->final_id = AddCode(project_, code);
          changes_.push_back({CodebookChangeKind::kAdd, e.path, "", 0});
          continue;
        }
        Code code = by_id_.at(*p->code_id);
        p->final_id = code.id;
        MoveCode(project_, code.id, parent, e.name);
        const int64_t used = codings_.count(code.id) ? codings_.at(code.id) : 0;
        const bool renamed = code.name != e.name || code.parent_id != parent;
        if (renamed) {
          changes_.push_back(
              {CodebookChangeKind::kRename, code.path, "now " + e.path + "; codings kept", used});
        }
        const std::string fields = ChangedFields(code, e, p->position);
        const bool guid_changed = !e.guid.empty() && e.guid != code.guid;
        if (!fields.empty() || guid_changed) {
          Fill(code, e, p->position);
          UpdateCode(project_, code);
          if (!fields.empty()) {
            changes_.push_back({CodebookChangeKind::kUpdate, e.path, fields, used});
          }
        }
      } catch (const Error& error) {
        throw DataError("cannot place code '" + e.path + "': " + error.message(), e.location);
      }
    }
  }

  void Merge() {
    for (auto& p : placed_) {
      const CodebookEntry& e = *p->entry;
      if (e.merge_into.empty() || !p->code_id) continue;  // nothing (left) to merge
      const Code& source = by_id_.at(*p->code_id);
      const Placed* target = by_file_path_.at(e.merge_into);
      const int64_t moved = ReassignCodings(project_, source.id, target->final_id);
      const int64_t had = codings_.count(source.id) ? codings_.at(source.id) : 0;
      DeleteCode(project_, source.id);
      std::string detail = "codings now in " + e.merge_into;
      if (moved < had) detail += " (" + Plural(had - moved, "duplicate") + " dropped)";
      changes_.push_back({CodebookChangeKind::kMerge, source.path, detail, had});
    }
  }

  Project& project_;
  const Codebook& codebook_;
  CodebookSyncOptions options_;
  std::map<std::string, Code> by_path_;
  std::map<int64_t, Code> by_id_;
  std::map<std::optional<int64_t>, std::vector<int64_t>> children_;
  std::map<int64_t, int64_t> codings_;
  std::vector<std::unique_ptr<Placed>> placed_;
  std::map<std::string, const Placed*> by_file_path_;
  std::set<int64_t> claimed_;
  std::vector<int64_t> deletions_;
  std::vector<int64_t> retirements_;
  std::vector<CodebookChange> changes_;
};

}  // namespace

std::string_view CodebookChangeName(CodebookChangeKind kind) {
  switch (kind) {
    case CodebookChangeKind::kAdd:
      return "add";
    case CodebookChangeKind::kUpdate:
      return "update";
    case CodebookChangeKind::kRename:
      return "rename";
    case CodebookChangeKind::kMerge:
      return "merge";
    case CodebookChangeKind::kRetire:
      return "retire";
    case CodebookChangeKind::kDelete:
      return "delete";
    case CodebookChangeKind::kRefuse:
      return "refuse";
  }
  return "?";
}

std::vector<CodebookChange> SyncCodebook(Project& project, const Codebook& codebook,
                                         const CodebookSyncOptions& options) {
  return Sync(project, codebook, options).Run();
}

}  // namespace verhaal
