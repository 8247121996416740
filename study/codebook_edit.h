// The codebook in a front end: the code tree with coding counts, and the
// edits `verhaal codebook load` makes from a file (add, rename, move,
// recolour, redefine, merge), one at a time. Renames and moves keep every
// coding and the code's GUID; a merge moves the codings (a coding that would
// exist twice is kept once) and removes the merged code. Each edit is one
// transaction. Errors are RequestErrors naming the field at fault.
#ifndef VERHAAL_STUDY_CODEBOOK_EDIT_H_
#define VERHAAL_STUDY_CODEBOOK_EDIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/codes.h"
#include "corpus/project.h"
#include "study/viewer.h"

namespace verhaal {

struct CodeWithCounts {
  Code code;
  std::string parent_path;  // empty at the top
  int64_t codings = 0;      // of the code itself (the viewer's own when blind)
  int64_t total = 0;        // with its sub-codes
};

// Every code in tree order with its counts.
std::vector<CodeWithCounts> CodebookTree(Project& project, const Viewer& viewer);

// A new code at `path` (its parent must exist). kMissing (field "path") for
// an unknown parent, kData for a taken or bad name, or a colour not #RRGGBB.
struct NewCode {
  std::string path;
  std::string colour;
  std::string description;
};
CodeWithCounts AddCodebookCode(Project& project, const Viewer& viewer, const NewCode& request);

// What to change in the code at a path; unset fields stay. `parent` "" moves
// it to the top.
struct CodeEdit {
  std::optional<std::string> name;
  std::optional<std::string> parent;
  std::optional<std::string> colour;
  std::optional<std::string> description;
};
CodeWithCounts EditCodebookCode(Project& project, const Viewer& viewer, const std::string& path,
                                const CodeEdit& edit);

// Moves every coding of `from` into `into` and removes `from`. Returns how
// many codings moved. kData when from has sub-codes or equals into.
int64_t MergeCodebookCodes(Project& project, const std::string& from, const std::string& into);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_CODEBOOK_EDIT_H_
