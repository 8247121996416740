// "Did you mean" suggestions for the coding module's messages: the closest
// of some names to a mistyped one (Levenshtein distance).
#ifndef VERHAAL_CODING_CLOSEST_NAME_H_
#define VERHAAL_CODING_CLOSEST_NAME_H_

#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

// The Levenshtein distance between `a` and `b`, in bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a typo
// (distance at most max(3, size / 3)), or "" when none is.
std::string ClosestName(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace verhaal

#endif  // VERHAAL_CODING_CLOSEST_NAME_H_
