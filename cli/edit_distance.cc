#include "cli/edit_distance.h"

#include <algorithm>

namespace verhaal {

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::min<size_t>(3, word.size() / 3 + 1) + 1;
  for (const auto& c : candidates) {
    const size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (!best.empty() || word.size() < 3) return best;
  for (const auto& c : candidates) {  // "cod" for "codebook"
    if (c.size() > word.size() && c.compare(0, word.size(), word) == 0) return c;
  }
  return best;
}

}  // namespace verhaal
