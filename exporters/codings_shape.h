// The long "codings" shape: one row per coding with its story, respondent,
// role, code path, coder, segment [start, end) in code points, the quoted
// text, memo, origin and creation time. See docs/exports.md.
#ifndef VERHAAL_EXPORTERS_CODINGS_SHAPE_H_
#define VERHAAL_EXPORTERS_CODINGS_SHAPE_H_

#include <memory>
#include <optional>
#include <string>

#include "corpus/project.h"
#include "exporters/export_table.h"

namespace verhaal {

// Rows ordered by story, start, end, code; only `coder`'s codings when given
// (kMissing when no such coder). `project` must outlive the result.
std::unique_ptr<ExportSource> MakeCodingsShape(Project& project,
                                               std::optional<std::string> coder = std::nullopt);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_CODINGS_SHAPE_H_
