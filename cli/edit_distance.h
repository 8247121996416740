// Levenshtein distance, for "did you mean" suggestions.
#ifndef VERHAAL_CLI_EDIT_DISTANCE_H_
#define VERHAAL_CLI_EDIT_DISTANCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` within a distance that makes sense for its
// length (or that `word` is a prefix of), or "" when none is close.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace verhaal

#endif  // VERHAAL_CLI_EDIT_DISTANCE_H_
