// The "respondents" shape (one row per respondent: key, role, number of
// stories, respondent attributes) and the "codebook" shape (one row per
// code: path, description, flags, numbers of codings and stories). Both are
// small and built in memory. See docs/exports.md.
#ifndef VERHAAL_EXPORTERS_RESPONDENTS_SHAPE_H_
#define VERHAAL_EXPORTERS_RESPONDENTS_SHAPE_H_

#include <memory>

#include "corpus/project.h"
#include "exporters/export_table.h"

namespace verhaal {

// Respondents ordered by key. Reads the project now.
std::unique_ptr<ExportSource> MakeRespondentsShape(Project& project);

// Codes in tree order, retired ones included (flagged). Reads the project now.
std::unique_ptr<ExportSource> MakeCodebookShape(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_RESPONDENTS_SHAPE_H_
