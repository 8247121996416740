// Private to exporters/, for the summary files: the co-occurrence table
// shared by stories (summary_codes.cc) and segments (summary_segments.cc).
#ifndef VERHAAL_EXPORTERS_SUMMARY_PAIRS_H_
#define VERHAAL_EXPORTERS_SUMMARY_PAIRS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "exporters/table.h"

namespace verhaal {

// Two codes' paths and how many units (stories or segments) have both and
// either; `both` > 0.
struct CodePair {
  std::string a, b;
  int64_t both = 0;
  int64_t either = 0;
};

// The pair of codes a and b with their paths in order.
CodePair MakeCodePair(std::string a, std::string b, int64_t both, int64_t either);

// Columns code, with code, "<unit> with both", "<unit> with either",
// jaccard; ordered by both (descending), then paths.
Table CooccurrencePairTable(std::vector<CodePair> pairs, const std::string& unit);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SUMMARY_PAIRS_H_
