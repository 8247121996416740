// Checks of the tables kept in step by triggers, for tests: story_uncoded
// (schema version 8) holds exactly the stories no coding names, and
// coding_count (version 9) the number of codings per code and coder, and
// story_code_set (version 10) the codes each coder used in each story.
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

// Empty when story_code_set holds exactly, and well formed (",id,id,"),
// the distinct codes of each coder's codings in each story; else what
// differs.
std::string StoryCodeSetsOutOfStep(Project& project);

// Empty when story_uncoded holds exactly the stories without a coding,
// coding_count exactly the codings' numbers per code and coder,
// story_code_set each coder's codes per story (StoryCodeSetsOutOfStep), and
// their triggers and the index coding_code_coder are all there; else what
// differs.
std::string KeptTablesOutOfStep(Project& project);
std::string KeptTablesOutOfStep(const std::filesystem::path& file);

}  // namespace verhaal::testing

#endif  // VERHAAL_TESTS_SUPPORT_UNCODED_CHECKS_H_
