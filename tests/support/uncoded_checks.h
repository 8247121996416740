// A check of story_uncoded (schema version 7) for tests: the stories it
// holds are exactly those no coding names.
#ifndef VERHAAL_TESTS_SUPPORT_UNCODED_CHECKS_H_
#define VERHAAL_TESTS_SUPPORT_UNCODED_CHECKS_H_

#include <filesystem>
#include <string>

#include "corpus/project.h"

namespace verhaal::testing {

// The keys of the stories without any coding, in story order, as the
// workbench listed them before story_uncoded (probing each story).
std::string UncodedByProbing(Project& project);

// The keys of the stories in story_uncoded, in story order.
std::string UncodedByTable(Project& project);

// Empty when story_uncoded holds exactly the stories without a coding and
// its triggers are all there; else what differs.
std::string UncodedOutOfStep(Project& project);
std::string UncodedOutOfStep(const std::filesystem::path& file);

}  // namespace verhaal::testing

#endif  // VERHAAL_TESTS_SUPPORT_UNCODED_CHECKS_H_
