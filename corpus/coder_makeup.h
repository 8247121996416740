// Whether a coder is a person: what choosing the default coders of an
// analysis needs, mostly without reading the whole coding table.
#ifndef VERHAAL_CORPUS_CODER_MAKEUP_H_
#define VERHAAL_CORPUS_CODER_MAKEUP_H_

#include <cstdint>

#include "corpus/project.h"

namespace verhaal {

// Whether the coder has codings, and whether one of them was not made by a
// rule (its origin not "rule:..."): what IsHumanCoder asks of a
// CoderActivity (corpus/coder_set.h), which counts every coding of every
// coder. Each answer stops at the first such coding in the table's order
// (story, code, coder: the table has no index by coder); only for a coder
// without codings, or all of whose codings came from rules, is the whole
// table read.
struct CoderMakeup {
  bool coded = false;
  bool by_hand = false;
};
// kIo/kData/kInternal Error as corpus/sqlite_errors.h makes it when SQLite fails.
CoderMakeup ReadCoderMakeup(Project& project, int64_t coder_id);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODER_MAKEUP_H_
