// The stories of a summary, in groups (exporters/summary.h).
#include <algorithm>
#include <map>
#include <numeric>

#include "exporters/summary.h"

namespace verhaal {

int64_t SummaryStories::GroupSize(int g) const { return std::count(group.begin(), group.end(), g); }

ResolvedDimension CrossDimensions(const ResolvedDimension& a, const ResolvedDimension& b,
                                  const std::vector<Story>& stories) {
  ResolvedDimension out;
  out.label = a.label + ", " + b.label;
  out.title =
      (a.title.empty() ? a.label : a.title) + " by " + (b.title.empty() ? b.label : b.title);
  std::map<std::pair<int, int>, int> pairs;  // (a level, b level) -> new level, in order
  for (const Story& story : stories) {
    const auto la = a.level_of.find(story.id);
    const auto lb = b.level_of.find(story.id);
    if (la == a.level_of.end() || lb == b.level_of.end()) continue;
    pairs.emplace(std::pair{la->second, lb->second}, 0);
  }
  for (auto& [levels, index] : pairs) {
    index = static_cast<int>(out.levels.size());
    out.levels.push_back(a.levels[static_cast<size_t>(levels.first)] + " / " +
                         b.levels[static_cast<size_t>(levels.second)]);
  }
  for (const Story& story : stories) {
    const auto la = a.level_of.find(story.id);
    const auto lb = b.level_of.find(story.id);
    if (la == a.level_of.end()) {
      const auto why = a.left_out.find(story.id);
      out.left_out[story.id] =
          a.label + ": " + (why == a.left_out.end() ? "no level" : why->second);
    } else if (lb == b.level_of.end()) {
      const auto why = b.left_out.find(story.id);
      out.left_out[story.id] =
          b.label + ": " + (why == b.left_out.end() ? "no level" : why->second);
    } else {
      out.level_of[story.id] = pairs.at({la->second, lb->second});
    }
  }
  return out;
}

int SummaryStories::IndexOf(int64_t id) const {
  if (!index_of_.empty()) {
    return id >= 0 && static_cast<size_t>(id) < index_of_.size()
               ? index_of_[static_cast<size_t>(id)]
               : -1;
  }
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  return it != ids.end() && *it == id ? static_cast<int>(it - ids.begin()) : -1;
}

void SummaryStories::IndexIds() {
  index_of_.clear();
  if (ids.empty() || ids.back() < 0 || static_cast<size_t>(ids.back()) > 4 * ids.size() + 1024) {
    return;  // sparse ids: binary search instead
  }
  index_of_.assign(static_cast<size_t>(ids.back()) + 1, -1);
  for (size_t i = 0; i < ids.size(); ++i)
    index_of_[static_cast<size_t>(ids[i])] = static_cast<int32_t>(i);
}

SummaryStories SummaryStoriesOf(const std::vector<StoryOwner>& owners) {
  SummaryStories out;
  out.groups = {"all"};
  out.ids.reserve(owners.size());
  out.respondents.reserve(owners.size());
  for (const auto& owner : owners) {
    out.ids.push_back(owner.id);
    out.respondents.push_back(owner.respondent_id.value_or(0));
  }
  out.group.assign(owners.size(), 0);
  out.IndexIds();
  return out;
}

SummaryStories SummaryStoriesOf(const std::vector<Story>& stories, const ResolvedDimension* by) {
  std::vector<size_t> order(stories.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return stories[a].id < stories[b].id; });
  SummaryStories out;
  out.groups = by ? by->levels : std::vector<std::string>{"all"};
  for (size_t i : order) {
    const Story& story = stories[i];
    out.ids.push_back(story.id);
    out.respondents.push_back(story.respondent_id.value_or(0));
    if (!by) {
      out.group.push_back(0);
    } else {
      const auto it = by->level_of.find(story.id);
      out.group.push_back(it == by->level_of.end() ? -1 : it->second);
    }
  }
  out.IndexIds();
  return out;
}

}  // namespace verhaal
