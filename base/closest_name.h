// "Did you mean" suggestions, the one routine for every message that names
// a mistyped command, option, format, code, coder, column or key: the
// closest of the names that exist (Levenshtein distance, or a prefix).
#ifndef VERHAAL_BASE_CLOSEST_NAME_H_
#define VERHAAL_BASE_CLOSEST_NAME_H_

#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

// The Levenshtein distance between `a` and `b`, in bytes.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a typo, or
// "" when none is. Close enough: at most 1 edit for words of up to 2
// characters, 2 up to 5, 3 up to 11, and a quarter of the length beyond
// ("motivatie/wilen" finds "motivatie/willen", "xyz" finds nothing in
// "run"); failing that, a candidate that `word` (3 characters or more) begins
// ("cod" finds "codebook"). Ties go to the earlier candidate.
std::string ClosestName(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace verhaal

#endif  // VERHAAL_BASE_CLOSEST_NAME_H_
