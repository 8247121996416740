// The clean copy: a new project in which every detection is replaced by its
// pseudonym, codings, memo spans and speaker turns moved so that they cover
// the same words, the pseudonymisation recorded in project_info
// ("pseudonymised"), and the key written apart (key_file.h). The original
// only records that a copy was made ("pseudonymised_copies"). Nothing is
// left behind when any step fails.
#ifndef VERHAAL_PRIVACY_CLEAN_COPY_H_
#define VERHAAL_PRIVACY_CLEAN_COPY_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "corpus/project.h"
#include "privacy/project_scan.h"
#include "privacy/pseudonyms.h"

namespace verhaal {

struct CleanCopyOptions {
  std::filesystem::path out;  // the clean project; must not exist
  std::filesystem::path key;  // the key file; must not exist
  std::string passphrase;
  PseudonymStyle style = PseudonymStyle::kTags;
  std::string created;  // ISO 8601 UTC time stamp to record
};

struct CleanCopyReport {
  std::map<Category, int64_t> counts;  // detections replaced per category
  size_t entities = 0;                 // entries in the key
  int64_t codings = 0;                 // codings written to the copy
};

// Refuses (kCannotCreate) an existing output or key before writing anything.
// Reads `scan`'s fields once more (ProjectScan::ForEachBatch), a batch at a
// time: memory does not grow with the number of stories.
CleanCopyReport WriteCleanCopy(Project& original, ProjectScan& scan,
                               const CleanCopyOptions& options);

// The text of `field` with every detection replaced by its pseudonym.
std::string Replace(const Field& field, const Pseudonyms& pseudonyms);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_CLEAN_COPY_H_
