// Codes: the themes of a codebook, as a tree. A code's path joins the names
// from the root with "/" (e.g. "motivatie/willen"). Its GUID stays the same
// across renames and exports (REFI-QDA, merges).
#ifndef VERHAAL_CORPUS_CODES_H_
#define VERHAAL_CORPUS_CODES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// How deep codes may nest: a top-level code is at depth 1. Every way codes
// come in (codebook YAML, REFI-QDA) refuses a deeper tree with a located
// error, so that code that walks the tree recursively stays within its stack
// and every codebook verhaal exports loads back (docs/limits.md).
inline constexpr int kMaxCodeDepth = 100;

struct Code {
  int64_t id = 0;
  std::string guid;  // filled by AddCode when empty
  std::optional<int64_t> parent_id;
  std::string name;
  std::string path;  // derived by AddCode from the parent's path and name
  int position = 0;  // order among siblings
  std::string description;
  std::string inclusion;
  std::string exclusion;
  std::vector<std::string> examples;
  std::string colour;  // "#RRGGBB" or empty
  bool codable = true;
  bool dimension = false;  // its children are the levels of a matrix dimension
  bool retired = false;
  std::string rules;  // the autocoding rules as YAML text, or empty
};

// A new random (version 4) GUID in upper-case 8-4-4-4-12 form.
std::string NewGuid();

// The GUID AddCode gives a new code that has none: derived from its path and
// definition (NameBasedGuid("code", PATH, description, inclusion, exclusion
// joined by NUL)), so a study built twice gives its codes the same GUIDs,
// while projects that made the same path with another meaning still differ
// (merge tells them apart). When a code already holds it (a renamed code
// keeps its GUID), "#2", "#3", ... is added to the key.
std::string NewCodeGuid(Project& project, const Code& code);

// Adds a code under `code.parent_id`; fills guid and path. kData when a
// sibling has the same name or the name is empty or contains "/".
int64_t AddCode(Project& project, Code code);

// Writes every field of an existing code (by id) except path and parent,
// which change only through MoveCode.
void UpdateCode(Project& project, const Code& code);

// Renames and/or reparents a code, updating the paths of its subtree.
void MoveCode(Project& project, int64_t code_id, std::optional<int64_t> new_parent,
              std::string_view new_name);

// Deletes a code that has no codings and no children (kData otherwise).
void DeleteCode(Project& project, int64_t code_id);

std::optional<Code> FindCodeByPath(Project& project, std::string_view path);
std::optional<Code> FindCodeByGuid(Project& project, std::string_view guid);
std::optional<Code> FindCodeById(Project& project, int64_t id);

// All codes in tree order (parents before children, siblings by position).
std::vector<Code> ListCodes(Project& project);

// The ids of a code and all its descendants.
std::vector<int64_t> CodeSubtree(Project& project, int64_t code_id);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODES_H_
