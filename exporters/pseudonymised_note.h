// The note a clean copy of `verhaal pseudonymise` puts into the data files
// made from it (docs/privacy.md): SPSS document records and Stata notes,
// so that whoever opens the .sav or .dta alone still reads that its texts
// were pseudonymised, when, how and from which project.
#ifndef VERHAAL_EXPORTERS_PSEUDONYMISED_NOTE_H_
#define VERHAAL_EXPORTERS_PSEUDONYMISED_NOTE_H_

#include <string>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

// SPSS keeps a document line to 80 bytes; every line here fits.
inline constexpr size_t kNoteLineBytes = 80;

// The note's lines for `project`: empty for a project that is not a clean
// copy (corpus/project_settings.h, ReadPseudonymisationNote).
std::vector<std::string> PseudonymisedNoteLines(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_PSEUDONYMISED_NOTE_H_
