// A map from story id to a value kept as one vector sorted by id: 16 bytes
// a story for an int, where a std::map node costs ~48 and a heap
// allocation. Dimensions (coding/dimension.h) give each of up to millions
// of stories a level; this is their storage. Filled in ascending id order,
// read by binary search; the lookup interface is std::map's.
#ifndef VERHAAL_CODING_STORY_MAP_H_
#define VERHAAL_CODING_STORY_MAP_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

namespace verhaal {

template <typename V>
class StoryMap {
 public:
  using value_type = std::pair<int64_t, V>;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  StoryMap() = default;
  // From a std::map (tests, small callers): already in id order.
  template <typename U>
  StoryMap(const std::map<int64_t, U>& from) {  // NOLINT(google-explicit-constructor)
    entries_.reserve(from.size());
    for (const auto& [id, value] : from) entries_.emplace_back(id, V(value));
  }

  // Adds `id -> value`. Ids must come in ascending order: an id not above
  // the last one throws std::logic_error (a caller bug, not bad data).
  void Append(int64_t id, V value) {
    if (!entries_.empty() && entries_.back().first >= id) {
      throw std::logic_error("StoryMap::Append: story ids out of order");
    }
    entries_.emplace_back(id, std::move(value));
  }
  void reserve(size_t n) { entries_.reserve(n); }

  // std::map's operator[]: the value of `id`, added (default) when absent.
  // Cheap when ids come in ascending order; otherwise an insert moves the
  // entries after it.
  V& operator[](int64_t id) {
    if (entries_.empty() || entries_.back().first < id)
      return entries_.emplace_back(id, V()).second;
    const auto it =
        std::lower_bound(entries_.begin(), entries_.end(), id,
                         [](const value_type& e, int64_t key) { return e.first < key; });
    if (it != entries_.end() && it->first == id) return it->second;
    return entries_.emplace(it, id, V())->second;
  }

  const_iterator find(int64_t id) const {
    const auto it =
        std::lower_bound(entries_.begin(), entries_.end(), id,
                         [](const value_type& e, int64_t key) { return e.first < key; });
    return it != entries_.end() && it->first == id ? it : entries_.end();
  }
  bool contains(int64_t id) const { return find(id) != end(); }
  // std::out_of_range when `id` has no value, as std::map::at.
  const V& at(int64_t id) const {
    const auto it = find(id);
    if (it == end()) throw std::out_of_range("StoryMap::at: no such story");
    return it->second;
  }

  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  bool operator==(const StoryMap&) const = default;

 private:
  std::vector<value_type> entries_;
};

}  // namespace verhaal

#endif  // VERHAAL_CODING_STORY_MAP_H_
