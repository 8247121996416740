// The researcher's review of a dry run (docs/privacy.md, "Review"): a
// YAML file that rejects detections (by span, or a text everywhere), adds
// spans the tool missed, and records detections the researcher has looked
// at and accepted (which changes nothing). Spans are code points of a
// story's stored text. The workbench's Privacy view writes the same file.
#ifndef VERHAAL_PRIVACY_DECISIONS_H_
#define VERHAAL_PRIVACY_DECISIONS_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "privacy/detection.h"

namespace verhaal {

struct Decision {
  std::string story;  // story key; empty with `text`
  int64_t start = 0;  // code points, end exclusive
  int64_t end = 0;
  std::string text;  // reject or accept: this text wherever it was found (ignoring case)
  std::optional<Category> category;  // add: the category (PERSOON when none)
  std::string note;                  // the researcher's own words, kept as they are
  Location where;                    // in the decisions file, for errors found later
};

struct Decisions {
  std::vector<Decision> reject;
  std::vector<Decision> add;
  std::vector<Decision> accept;  // reviewed and right; pseudonymise replaces them as before
};

// Reads a decisions file. kMissing when unreadable, kData located at
// file:line:col for malformed entries.
Decisions LoadDecisions(const std::filesystem::path& file);

// The YAML text of `decisions` (reject:, add:, accept:, one flow mapping an
// entry), which LoadDecisions reads back as the same decisions. Comments of
// a hand-written file are not kept.
std::string DecisionsYaml(const Decisions& decisions);

// Writes DecisionsYaml(decisions) to `file` atomically (corpus/files.h's
// errors).
void SaveDecisions(const std::filesystem::path& file, const Decisions& decisions);

// Where the review of `project` is kept unless a --decisions option names
// another file: beside it, "studie.verhaal" -> "studie.review.yaml".
std::filesystem::path DefaultDecisionsFile(const std::filesystem::path& project);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_DECISIONS_H_
