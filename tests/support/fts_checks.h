// Checks of a project's full-text index for tests: its integrity, what it
// answers with which bm25 rank, and whether an import left its side file.
#ifndef VERHAAL_TESTS_SUPPORT_FTS_CHECKS_H_
#define VERHAAL_TESTS_SUPPORT_FTS_CHECKS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "corpus/project.h"

namespace verhaal::testing {

// (story id, bm25) of the stories matching the FTS5 `query`, best first.
std::vector<std::pair<int64_t, double>> RankedMatches(Project& project, const std::string& query);

// Runs FTS5's 'integrity-check' on story_fts; throws when it fails.
void CheckFullTextIndex(Project& project);

// True when `dir` holds a full-text side file (corpus/fts_side_index.h).
bool HasSideIndexFile(const std::filesystem::path& dir);

}  // namespace verhaal::testing

#endif  // VERHAAL_TESTS_SUPPORT_FTS_CHECKS_H_
