// Codebooks: the code tree of a study as a YAML file (docs/codebook.md).
// ParseCodebook checks the file and keeps where each code was written, so
// every later complaint (codebook_sync.h) points at file:line:col;
// ExportCodebook writes a project's codes back in the same format.
#ifndef VERHAAL_CODING_CODEBOOK_H_
#define VERHAAL_CODING_CODEBOOK_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "corpus/project.h"

namespace verhaal {

// One code as the file describes it, with its sub-codes. Plain value.
struct CodebookEntry {
  std::string name;
  std::string path;  // names from the root joined by "/", filled by the parser
  std::string guid;  // optional; keeps a code's identity across exports
  std::string description;
  std::string inclusion;
  std::string exclusion;
  std::vector<std::string> examples;
  std::string colour;  // "#RRGGBB" or empty
  bool codable = true;
  bool dimension = false;
  bool retired = false;
  std::string was;         // the code's old path: a rename or move
  std::string merge_into;  // path of the code that takes over its codings
  std::string rules;       // the `rules:` subtree as YAML text, or empty
  std::vector<CodebookEntry> children;
  Location location;        // the entry (its first key)
  Location merge_location;  // the merge_into value
};

// A parsed codebook file.
struct Codebook {
  std::string file;  // as named in messages
  std::vector<CodebookEntry> codes;
};

// Parses codebook YAML. `file` names the source in messages. Throws a kData
// Error located at the offending node (file:line:col, with the line and a
// caret) for YAML syntax errors, unknown keys (with a suggestion), missing
// or malformed names and values, duplicate names among siblings, a
// dimension with fewer than two levels, a merge_into target that is not a
// code of the file, and invalid autocoding rules (coding/rules_parse.h).
Codebook ParseCodebook(std::string_view text, std::string_view file);

// Reads and parses a codebook file: kMissing when it does not exist, kIo
// when it cannot be read, and the errors of ParseCodebook.
Codebook ReadCodebookFile(const std::filesystem::path& file);

// The project's codes as codebook YAML (retired codes marked `retired:
// true`, GUIDs included) that ParseCodebook reads back to the same tree.
std::string ExportCodebook(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CODING_CODEBOOK_H_
