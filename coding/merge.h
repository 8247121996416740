// Team merge: brings the stories, codebook, coders, codings and memos of a
// coder's project into a team project (docs/merge.md). Stories are matched
// by key and checked by content hash, codes by GUID then by path, coders by
// name, respondents by key; every coding arrives once, none is duplicated.
#ifndef VERHAAL_CODING_MERGE_H_
#define VERHAAL_CODING_MERGE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// What to do with a conflict that cannot be merged safely.
enum class MergeResolution {
  kStop,       // report every conflict and write nothing (the default)
  kKeepFirst,  // keep what the team project has; codings that no longer fit are dropped
  kRename,     // add the source's story or code beside the existing one, renamed
};

// Parses "stop", "keep-first", "rename" (kUsage Error otherwise).
MergeResolution ParseMergeResolution(const std::string& name);

struct MergeOptions {
  MergeResolution resolution = MergeResolution::kStop;
  // Used in renamed keys and paths ("SH-01-E@bram", "willen (bram)");
  // usually the source file's stem.
  std::string label;
};

// One conflict, found in the source project.
struct MergeConflict {
  std::string what;        // "story", "code", "respondent", "attribute", "signifier answers"
  std::string key;         // story key, code path, respondent key, ...
  std::string detail;      // what differs
  std::string resolution;  // how it was resolved, empty under kStop
};

// What one merge did.
struct MergeReport {
  int64_t stories_added = 0;
  int64_t stories_matched = 0;
  int64_t respondents_added = 0;
  int64_t codes_added = 0;
  int64_t codes_matched = 0;
  int64_t codings_added = 0;
  int64_t codings_present = 0;  // already in the team project (not duplicated)
  int64_t codings_dropped = 0;  // kKeepFirst: their text changed in the team project
  int64_t memos_added = 0;
  std::map<std::string, int64_t> codings_by_coder;  // coder -> codings added
  std::vector<MergeConflict> conflicts;             // resolved ones
  std::vector<std::string> notes;  // matches worth knowing (code found by path, ...)
};

// Merges `source` into `target`. The caller holds a Transaction on
// `target`. Under kStop, any conflict throws a kData Error whose message
// lists every conflict and the flags that resolve them (nothing is merged
// then, as the caller's transaction rolls back). Also kData when a
// signifier or variable has different definitions in the two projects.
MergeReport MergeProject(Project& target, Project& source, const MergeOptions& options = {});

}  // namespace verhaal

#endif  // VERHAAL_CODING_MERGE_H_
