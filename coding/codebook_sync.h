// Bringing a project's codes in line with a codebook file (`verhaal codebook
// load` and `codebook diff`). New codes are added, changed fields updated,
// renames and moves (`was:`) and merges (`merge_into:`) carried out without
// losing a coding; codes the file no longer names are deleted when unused
// and otherwise refused, or kept as retired with `retire`.
#ifndef VERHAAL_CODING_CODEBOOK_SYNC_H_
#define VERHAAL_CODING_CODEBOOK_SYNC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coding/codebook.h"
#include "corpus/project.h"

namespace verhaal {

enum class CodebookChangeKind {
  kAdd,
  kUpdate,  // fields changed (detail names them)
  kRename,  // new path; detail holds the old one
  kMerge,   // codings moved into merge_into, the code removed
  kRetire,  // not in the file, still used: kept, marked retired
  kDelete,  // not in the file, unused: removed
  kRefuse,  // not in the file, still used, and retire was not allowed
};

// "add", "update", "rename", "merge", "retire", "delete", "refuse".
std::string_view CodebookChangeName(CodebookChangeKind kind);

// One change a load makes. `path` is the code's path before the load (its
// new path for kAdd); `codings` how many codings it concerns.
struct CodebookChange {
  CodebookChangeKind kind = CodebookChangeKind::kAdd;
  std::string path;
  std::string detail;
  int64_t codings = 0;
};

struct CodebookSyncOptions {
  bool retire = false;   // keep used codes the file drops, marked retired
  bool preview = false;  // report refusals as kRefuse changes instead of failing
};

// Applies `codebook` to the project's codes and returns what changed, in
// order. The caller owns the Transaction (for a preview: one it does not
// commit). Throws a kData Error, naming every such code and what to do,
// when codes that still have codings are missing from the file and neither
// `retire` nor `preview` is set; located kData Errors when a rename or merge
// cannot be carried out (e.g. its target path is taken).
std::vector<CodebookChange> SyncCodebook(Project& project, const Codebook& codebook,
                                         const CodebookSyncOptions& options = {});

}  // namespace verhaal

#endif  // VERHAAL_CODING_CODEBOOK_SYNC_H_
