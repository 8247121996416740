// The researcher's review of a dry run (docs/privacy.md, "Review"): a
// YAML file that rejects detections (by span, or a text everywhere) and adds
// spans the tool missed. Spans are code points of a story's stored text.
#ifndef VERHAAL_PRIVACY_DECISIONS_H_
#define VERHAAL_PRIVACY_DECISIONS_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corpus/error.h"
#include "privacy/detection.h"

namespace verhaal {

struct Decision {
  std::string story;  // story key; empty with `text`
  int64_t start = 0;  // code points, end exclusive
  int64_t end = 0;
  std::string text;                  // reject: this text wherever it was found (ignoring case)
  std::optional<Category> category;  // add: the category (PERSOON when none)
  Location where;                    // in the decisions file, for errors found later
};

struct Decisions {
  std::vector<Decision> reject;
  std::vector<Decision> add;
};

// Reads a decisions file. kMissing when unreadable, kData located at
// file:line:col for malformed entries.
Decisions LoadDecisions(const std::filesystem::path& file);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_DECISIONS_H_
