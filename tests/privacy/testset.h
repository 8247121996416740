// The de-identification test sets as the privacy tests read them: our own
// stories (tests/privacy/data/stories.txt, identifiers marked
// [[text|CATEGORY]]) and deduce's regression cases in ../shared, each as
// stories with gold spans, loaded into a project, scanned and scored.
#ifndef VERHAAL_TESTS_PRIVACY_TESTSET_H_
#define VERHAAL_TESTS_PRIVACY_TESTSET_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "privacy/project_scan.h"

namespace verhaal::testing {

struct GoldSpan {
  std::string story;
  int64_t start = 0;  // code points
  int64_t end = 0;
  std::string category;
  std::string text;
};

struct TestStory {
  std::string key;
  std::string text;  // without the markup
};

struct TestSet {
  std::vector<TestStory> stories;
  std::vector<GoldSpan> gold;
};

// Our own set, markup removed and gold spans computed.
TestSet ReadMarkedStories(const std::filesystem::path& file);

// deduce's cases: stories.csv (id;tekst) and gold.json beside it.
TestSet ReadDeduceCases(const std::filesystem::path& folder);

struct Score {
  int64_t gold = 0, gold_found = 0;              // gold spans overlapped by a detection
  int64_t detections = 0, detections_right = 0;  // detections overlapping gold
  int64_t stories = 0, stories_exact = 0;        // detected spans == gold spans
  double recall() const { return gold ? double(gold_found) / double(gold) : 0; }
  double precision() const {
    return detections ? double(detections_right) / double(detections) : 0;
  }
  std::vector<std::string> missed, wrong;  // for the report
};

// Scores the story-text findings against the gold spans (overlap, any
// category), as ../shared/fixtures/privacy/score.py does.
Score ScoreFindings(const TestSet& set, const std::vector<Finding>& findings);

// Loads `set` into a new project at `file` and scans it with the default
// policy (and the Debian word list).
std::vector<Field> ScanTestSet(const TestSet& set, const std::filesystem::path& file);

}  // namespace verhaal::testing

#endif  // VERHAAL_TESTS_PRIVACY_TESTSET_H_
