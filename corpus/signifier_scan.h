// Reading a signifier's stored values as raw rows, fast and in no particular
// order: for summaries over millions of stories. ForEachSignifierValue
// (signifiers.h) gives whole values in story order instead.
#ifndef VERHAAL_CORPUS_SIGNIFIER_SCAN_H_
#define VERHAAL_CORPUS_SIGNIFIER_SCAN_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// One stored row of a value (docs/project-file.md): a dyad or triad has one
// row per story (a = x, or a, b, c = top, left, right), a list one per chosen
// item (option = the item's position) or one with option -1, a stones value
// one per placed stone. A not-applicable value is one row with
// not_applicable set. Missing numbers read as 0.
struct SignifierRow {
  int64_t signifier_id = 0;
  int64_t story_id = 0;
  int option = -1;
  bool not_applicable = false;
  double a = 0;
  double b = 0;
  double c = 0;
};

// Calls `visit` for every stored row of every signifier's values, in no
// particular order, in one pass over the table through the C API and a
// ReadConnection (no sort, no index lookups, no per-row objects or mutex: at
// a million stories several times faster than reading signifier by
// signifier). kIo when reading fails.
void ForEachSignifierRow(Project& project, const std::function<void(const SignifierRow&)>& visit);

// The same for the rows of one signifier only (still one pass over the
// table, without its index: the other signifiers' rows are skipped before
// their columns are read).
void ForEachSignifierRow(Project& project, int64_t signifier_id,
                         const std::function<void(const SignifierRow&)>& visit);

// The same for the rows of several signifiers (each id once), in one pass:
// what reading them one by one would give, in another order.
void ForEachSignifierRow(Project& project, const std::vector<int64_t>& signifier_ids,
                         const std::function<void(const SignifierRow&)>& visit);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_SIGNIFIER_SCAN_H_
