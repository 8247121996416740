// Code frequencies and co-occurrence in stories (exporters/summary.h).
#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <future>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "base/error.h"
#include "coding/analysis_coders.h"
#include "corpus/coding_scan.h"
#include "exporters/matrix_report.h"
#include "exporters/summary.h"
#include "exporters/summary_pairs.h"

namespace verhaal {
namespace {

// Sorts `order` (ascending story positions) by (group, respondent,
// position): two stable counting passes when the respondent ids are at most
// a few times the stories (a million stories' sort by comparison was 5% of
// a summary's time, before its threads start), else by comparison.
void SortByGroupAndRespondent(const SummaryStories& stories, std::vector<uint32_t>& order) {
  int64_t largest = 0, smallest = 0;
  int groups = 0;
  for (uint32_t i : order) {
    largest = std::max(largest, stories.respondents[i]);
    smallest = std::min(smallest, stories.respondents[i]);
    groups = std::max(groups, stories.group[i] + 1);
  }
  if (smallest < 0 || static_cast<uint64_t>(largest) > 4 * order.size() + 1024) {
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(stories.group[a], stories.respondents[a], a) <
             std::tie(stories.group[b], stories.respondents[b], b);
    });
    return;
  }
  // Stable passes, least significant key first: positions are ascending.
  auto pass = [&](size_t keys, auto key_of) {
    std::vector<uint32_t> start(keys + 1, 0);
    for (uint32_t i : order) ++start[key_of(i) + 1];
    for (size_t k = 0; k < keys; ++k) start[k + 1] += start[k];
    std::vector<uint32_t> sorted(order.size());
    for (uint32_t i : order) sorted[start[key_of(i)]++] = i;
    order = std::move(sorted);
  };
  pass(static_cast<size_t>(largest) + 1,
       [&](uint32_t i) { return static_cast<size_t>(stories.respondents[i]); });
  pass(static_cast<size_t>(groups),
       [&](uint32_t i) { return static_cast<size_t>(stories.group[i]); });
}

// Respondents per (group, code) as bits: each (group, respondent) with
// stories gets a slot, the slots of a group are consecutive, and a code's
// bit in a slot is set when one of those stories has the code. A slot's
// bits for every code lie together (a story's codes set bits in one or two
// cache lines, not one line per code of a table of megabytes).
class RespondentSlots {
 public:
  explicit RespondentSlots(const SummaryStories& stories) {
    std::vector<uint32_t> order;
    for (size_t i = 0; i < stories.ids.size(); ++i) {
      if (stories.group[i] >= 0 && stories.respondents[i] != 0) {
        order.push_back(static_cast<uint32_t>(i));
      }
    }
    SortByGroupAndRespondent(stories, order);
    slot_.assign(stories.ids.size(), kNoSlot);
    uint32_t slots = 0;
    for (size_t k = 0; k < order.size(); ++k) {
      const uint32_t i = order[k];
      if (k == 0 || stories.group[order[k - 1]] != stories.group[i] ||
          stories.respondents[order[k - 1]] != stories.respondents[i]) {
        ++slots;
      }
      slot_[i] = slots - 1;
    }
    // group_begin_[g]: the first slot of group g (groups in order).
    group_begin_.assign(stories.groups.size() + 1, slots);
    for (size_t k = order.size(); k-- > 0;) {
      group_begin_[static_cast<size_t>(stories.group[order[k]])] = slot_[order[k]];
    }
    for (size_t g = stories.groups.size(); g-- > 0;) {
      group_begin_[g] = std::min(group_begin_[g], group_begin_[g + 1]);
    }
    slots_ = slots;
  }

  // Bits for `codes` codes, all clear.
  std::vector<uint64_t> NewBits(size_t codes) const {
    return std::vector<uint64_t>(static_cast<size_t>(slots_) * WordsPerSlot(codes), 0);
  }

  void Set(std::vector<uint64_t>& bits, size_t codes, size_t story, uint16_t code) const {
    const uint32_t slot = slot_[story];
    if (slot == kNoSlot) return;
    bits[slot * WordsPerSlot(codes) + code / 64] |= uint64_t{1} << (code % 64);
  }

  // Per group, per code: the slots with the code's bit set.
  std::vector<std::vector<int64_t>> Count(const std::vector<uint64_t>& bits, size_t groups,
                                          size_t codes) const {
    std::vector<std::vector<int64_t>> n(groups, std::vector<int64_t>(codes, 0));
    const size_t per_slot = WordsPerSlot(codes);
    for (size_t g = 0; g < groups; ++g) {
      for (size_t slot = group_begin_[g]; slot < group_begin_[g + 1]; ++slot) {
        for (size_t w = 0; w < per_slot; ++w) {
          for (uint64_t word = bits[slot * per_slot + w]; word != 0; word &= word - 1) {
            ++n[g][w * 64 + static_cast<size_t>(std::countr_zero(word))];
          }
        }
      }
    }
    return n;
  }

 private:
  static size_t WordsPerSlot(size_t codes) { return (codes + 63) / 64; }
  static constexpr uint32_t kNoSlot = UINT32_MAX;
  uint32_t slots_ = 0;
  std::vector<uint32_t> slot_;         // per story
  std::vector<uint32_t> group_begin_;  // per group + 1
};

// What the counting of one range of stories needs to know, shared.
struct CountingSetup {
  const SummaryStories& stories;
  const CodeCounts& counts;           // codes and ancestors
  const std::vector<int>& number_of;  // code id -> number, -1 none
  const RespondentSlots& slots;
  bool pairs;
};

// The counts of one range of stories, added up afterwards.
struct Tally {
  std::vector<std::vector<int64_t>> stories;  // [group][code]
  std::vector<int64_t> single;
  std::vector<uint32_t> both;  // a range has fewer than 2^32 stories; half the cache of int64
  std::vector<uint64_t> bits;
};

// Counts the stories at positions [first, last) of setup.stories.
Tally CountRange(const CountingSetup& setup, CodingScan& scan, size_t first, size_t last) {
  const SummaryStories& stories = setup.stories;
  const size_t n_codes = setup.counts.codes.size();
  Tally tally;
  tally.stories.assign(stories.groups.size(), std::vector<int64_t>(n_codes, 0));
  tally.single.assign(n_codes, 0);
  if (setup.pairs) tally.both.assign(n_codes * n_codes, 0);
  tally.bits = setup.slots.NewBits(n_codes);
  if (first >= last) return tally;

  // The codes of the story being read, with their ancestors, once each.
  std::vector<uint16_t> current;
  std::vector<uint32_t> seen(n_codes, UINT32_MAX);  // per code: the story index last added
  auto close_story = [&](size_t i) {
    const int g = stories.group[i];
    for (uint16_t c : current) {
      ++tally.single[c];
      if (g >= 0) ++tally.stories[static_cast<size_t>(g)][c];
      setup.slots.Set(tally.bits, n_codes, i, c);
    }
    if (setup.pairs) {
      std::sort(current.begin(), current.end());
      for (size_t a = 0; a < current.size(); ++a) {
        uint32_t* row = tally.both.data() + static_cast<size_t>(current[a]) * n_codes;
        for (size_t b = a + 1; b < current.size(); ++b) ++row[current[b]];
      }
    }
    current.clear();
  };
  // Codings come ordered by story, as the stories are: walk both together.
  const int64_t largest_id = static_cast<int64_t>(setup.number_of.size()) - 1;
  size_t at = first;
  bool open = false;  // `at` is a selected story being read
  int64_t story_id = -1;
  scan.ForEachStoryCode(
      [&](const CodingSpan& span) {
        if (span.story_id != story_id) {
          if (open) close_story(at);
          story_id = span.story_id;
          while (at < last && stories.ids[at] < story_id) ++at;
          open = at < last && stories.ids[at] == story_id;
        }
        if (!open || span.code_id < 0 || span.code_id > largest_id) return;
        const int code = setup.number_of[static_cast<size_t>(span.code_id)];
        if (code < 0) return;
        const uint32_t story = static_cast<uint32_t>(at);
        if (seen[static_cast<size_t>(code)] == story) return;
        seen[static_cast<size_t>(code)] = story;
        current.push_back(static_cast<uint16_t>(code));
        for (int up : setup.counts.ancestors[static_cast<size_t>(code)]) {
          if (seen[static_cast<size_t>(up)] == story) continue;
          seen[static_cast<size_t>(up)] = story;
          current.push_back(static_cast<uint16_t>(up));
        }
      },
      stories.ids[first], last < stories.ids.size() ? stories.ids[last] : INT64_MAX);
  if (open) close_story(at);
  return tally;
}

void AddTally(Tally& into, const Tally& from) {
  for (size_t g = 0; g < into.stories.size(); ++g) {
    for (size_t c = 0; c < into.stories[g].size(); ++c) into.stories[g][c] += from.stories[g][c];
  }
  for (size_t c = 0; c < into.single.size(); ++c) into.single[c] += from.single[c];
  for (size_t k = 0; k < into.both.size(); ++k) into.both[k] += from.both[k];
  for (size_t k = 0; k < into.bits.size(); ++k) into.bits[k] |= from.bits[k];
}

}  // namespace

bool CodeCounts::IsAncestor(int a, int b) const {
  const auto& up = ancestors[static_cast<size_t>(b)];
  return std::find(up.begin(), up.end(), a) != up.end();
}

CodeCounts CountCodes(Project& project, const SummaryStories& stories, bool pairs) {
  CodingScan scan(project, stories.coders ? stories.coders : ResolveCoderSelection(project).Set());
  return CountCodes(ListCodes(project), {&scan}, stories, pairs);
}

CodeCounts CountCodes(std::vector<Code> codes, const std::vector<CodingScan*>& scans,
                      const SummaryStories& stories, bool pairs) {
  CodeCounts counts;
  counts.codes = std::move(codes);
  const size_t n_codes = counts.codes.size();
  if (n_codes > 65535) {
    throw DataError("a summary counts at most 65,535 codes; this project has " +
                    std::to_string(n_codes));
  }
  std::unordered_map<int64_t, int> number;
  int64_t largest_id = 0;
  for (size_t c = 0; c < n_codes; ++c) {
    number[counts.codes[c].id] = static_cast<int>(c);
    largest_id = std::max(largest_id, counts.codes[c].id);
  }
  counts.ancestors.resize(n_codes);
  for (size_t c = 0; c < n_codes; ++c) {
    auto& up = counts.ancestors[c];
    for (auto parent = counts.codes[c].parent_id; parent;) {
      const auto it = number.find(*parent);
      // A cycle would be a corrupt project; do not loop forever.
      if (it == number.end() || std::find(up.begin(), up.end(), it->second) != up.end()) break;
      up.push_back(it->second);
      parent = counts.codes[static_cast<size_t>(it->second)].parent_id;
    }
  }
  // Code id -> number as an array for the millions of codings (-1: none).
  std::vector<int> number_of(static_cast<size_t>(largest_id) + 1, -1);
  for (const auto& [id, c] : number) number_of[static_cast<size_t>(id)] = c;
  const RespondentSlots slots(stories);
  const CountingSetup setup{stories, counts, number_of, slots, pairs};

  // Two scans on two threads, each over half the stories, when there are
  // enough stories for it to pay.
  const size_t n = stories.ids.size();
  Tally tally;
  if (scans.size() >= 2 && scans[1]->concurrent() && n >= 20000) {
    auto first_half =
        std::async(std::launch::async, [&] { return CountRange(setup, *scans[1], 0, n / 2); });
    tally = CountRange(setup, *scans[0], n / 2, n);
    AddTally(tally, first_half.get());
  } else {
    tally = CountRange(setup, *scans.at(0), 0, n);
  }
  counts.group_sizes.assign(stories.groups.size(), 0);
  for (int g : stories.group) {
    if (g >= 0) ++counts.group_sizes[static_cast<size_t>(g)];
  }
  counts.stories = std::move(tally.stories);
  counts.single = std::move(tally.single);
  counts.both.assign(tally.both.begin(), tally.both.end());
  counts.respondents = slots.Count(tally.bits, stories.groups.size(), n_codes);
  return counts;
}

Table CodeFrequencyTable(const SummaryStories& stories, const CodeCounts& counts) {
  Table table{{"code"}, {}, {false}};
  for (const auto& name : stories.groups) {
    for (const char* what : {" stories", " respondents", " %"}) {
      table.columns.push_back(name + what);
      table.numeric.push_back(true);
    }
  }
  for (size_t c = 0; c < counts.codes.size(); ++c) {
    if (counts.codes[c].retired) continue;
    std::vector<std::string> row = {counts.codes[c].path};
    for (size_t g = 0; g < stories.groups.size(); ++g) {
      const int64_t with = counts.stories[g][c], size = counts.group_sizes[g];
      row.push_back(std::to_string(with));
      row.push_back(std::to_string(counts.respondents[g][c]));
      row.push_back(FormatFixed(size == 0 ? NAN : 100.0 * static_cast<double>(with) / size, 1));
    }
    table.AddRow(std::move(row));
  }
  return table;
}

CodePair MakeCodePair(std::string a, std::string b, int64_t both, int64_t either) {
  if (b < a) std::swap(a, b);
  return {std::move(a), std::move(b), both, either};
}

Table CooccurrencePairTable(std::vector<CodePair> pairs, const std::string& unit) {
  std::sort(pairs.begin(), pairs.end(), [](const CodePair& x, const CodePair& y) {
    if (x.both != y.both) return x.both > y.both;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  Table table{{"code", "with code", unit + " with both", unit + " with either", "jaccard"},
              {},
              {false, false, true, true, true}};
  for (const auto& pair : pairs) {
    table.AddRow(
        {pair.a, pair.b, std::to_string(pair.both), std::to_string(pair.either),
         FormatFixed(static_cast<double>(pair.both) / static_cast<double>(pair.either), 3)});
  }
  return table;
}

Table CooccurrenceTable(const CodeCounts& counts) {
  const size_t codes = counts.codes.size();
  std::vector<CodePair> pairs;
  for (size_t a = 0; a < codes && !counts.both.empty(); ++a) {
    for (size_t b = a + 1; b < codes; ++b) {
      const int64_t n = counts.both[a * codes + b];
      if (n == 0 || counts.IsAncestor(static_cast<int>(a), static_cast<int>(b)) ||
          counts.IsAncestor(static_cast<int>(b), static_cast<int>(a))) {
        continue;
      }
      pairs.push_back(MakeCodePair(counts.codes[a].path, counts.codes[b].path, n,
                                   counts.single[a] + counts.single[b] - n));
    }
  }
  return CooccurrencePairTable(std::move(pairs), "stories");
}

}  // namespace verhaal
