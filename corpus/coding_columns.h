// Private to corpus/: reading a coding from a query that selects, first,
// g.story_id, g.code_id, g.coder_id, g.start, g.end, o.origin, g.memo,
// o.created, s.key, c.path (coding g, coding_origin o, story s, code c), as
// ListCodings and ListRuleCodings do.
#ifndef VERHAAL_CORPUS_CODING_COLUMNS_H_
#define VERHAAL_CORPUS_CODING_COLUMNS_H_

#include <SQLiteCpp/Statement.h>

#include "corpus/codings.h"

namespace verhaal {

// The coding in columns 0 to 9 of the current row (coder name not filled).
Coding ReadCodingColumns(const SQLite::Statement& row);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_CODING_COLUMNS_H_
