// "Did you mean" suggestions for command, format and option names (the
// Levenshtein distance is coding/closest_name.h's).
#ifndef VERHAAL_CLI_EDIT_DISTANCE_H_
#define VERHAAL_CLI_EDIT_DISTANCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "coding/closest_name.h"

namespace verhaal {

// The candidate closest to `word` within a distance that makes sense for its
// length (or that `word` is a prefix of), or "" when none is close.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace verhaal

#endif  // VERHAAL_CLI_EDIT_DISTANCE_H_
