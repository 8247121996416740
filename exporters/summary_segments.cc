// Code co-occurrence in overlapping segments (exporters/summary.h).
#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "coding/analysis_coders.h"
#include "corpus/coding_scan.h"
#include "exporters/summary.h"
#include "exporters/summary_pairs.h"

namespace verhaal {
namespace {

// A distinct span of one story and the codes on it, with their ancestors.
struct Segment {
  int64_t start = 0;
  int64_t end = 0;
  std::vector<uint16_t> codes;  // ascending
};

bool Overlap(const Segment& x, const Segment& y) {
  return x.start < x.end && y.start < y.end && x.start < y.end && y.start < x.end;
}

// Counts per code and pair of codes over the segments of all stories.
class SegmentCounter {
 public:
  explicit SegmentCounter(size_t codes)
      : codes_(codes),
        single_(codes, 0),
        both_(codes * codes, 0),
        same_(codes * codes, 0),
        stamp_(codes * codes, 0),
        in_overlap_(codes, 0) {}

  // Adds one story's segments, ordered by (start, end).
  void AddStory(const std::vector<Segment>& segments) {
    for (size_t i = 0; i < segments.size(); ++i) {
      const Segment& segment = segments[i];
      ++counter_;
      // The codes of the segments overlapping this one (itself included).
      overlapping_.clear();
      for (size_t j = 0; j < segments.size() && segments[j].start < segment.end; ++j) {
        if (!Overlap(segment, segments[j])) continue;
        for (uint16_t c : segments[j].codes) {
          if (in_overlap_[c] == counter_) continue;
          in_overlap_[c] = counter_;
          overlapping_.push_back(c);
        }
      }
      for (size_t x = 0; x < segment.codes.size(); ++x) {
        const uint16_t a = segment.codes[x];
        ++single_[a];
        for (size_t y = x + 1; y < segment.codes.size(); ++y) ++same_[Index(a, segment.codes[y])];
        for (uint16_t b : overlapping_) {
          if (b == a) continue;
          const size_t pair = Index(a, b);
          if (stamp_[pair] == counter_) continue;  // this segment already counted for the pair
          stamp_[pair] = counter_;
          ++both_[pair];
        }
      }
    }
  }

  int64_t Single(size_t a) const { return single_[a]; }
  int64_t Both(size_t a, size_t b) const { return both_[Index(a, b)]; }
  int64_t Same(size_t a, size_t b) const { return same_[Index(a, b)]; }

 private:
  size_t Index(size_t a, size_t b) const { return std::min(a, b) * codes_ + std::max(a, b); }

  size_t codes_;
  std::vector<int64_t> single_;       // segments with the code
  std::vector<int64_t> both_;         // segments of either code overlapping one of the other
  std::vector<int64_t> same_;         // segments with both codes
  std::vector<uint32_t> stamp_;       // per pair: the segment last counted
  std::vector<uint32_t> in_overlap_;  // per code: the segment last seen
  std::vector<uint16_t> overlapping_;
  uint32_t counter_ = 0;
};

}  // namespace

Table SegmentCooccurrenceTable(Project& project, const SummaryStories& stories) {
  const std::vector<Code> codes = ListCodes(project);
  std::unordered_map<int64_t, uint16_t> number;
  for (size_t c = 0; c < codes.size() && c < 65535; ++c) {
    number[codes[c].id] = static_cast<uint16_t>(c);
  }
  std::vector<std::vector<uint16_t>> lineage(codes.size());  // the code and its ancestors
  for (size_t c = 0; c < codes.size(); ++c) {
    lineage[c].push_back(static_cast<uint16_t>(c));
    for (auto parent = codes[c].parent_id; parent && lineage[c].size() <= codes.size();) {
      const auto it = number.find(*parent);
      if (it == number.end()) break;
      lineage[c].push_back(it->second);
      parent = codes[it->second].parent_id;
    }
  }
  SegmentCounter counter(codes.size());
  struct Raw {
    int64_t start, end;
    uint16_t code;
  };
  std::vector<Raw> raw;
  std::vector<Segment> segments;
  auto flush = [&] {
    std::sort(raw.begin(), raw.end(), [](const Raw& x, const Raw& y) {
      return std::tie(x.start, x.end, x.code) < std::tie(y.start, y.end, y.code);
    });
    segments.clear();
    for (const Raw& r : raw) {
      if (segments.empty() || segments.back().start != r.start || segments.back().end != r.end) {
        segments.push_back({r.start, r.end, {}});
      }
      auto& on = segments.back().codes;
      for (uint16_t c : lineage[r.code]) on.push_back(c);
    }
    for (auto& segment : segments) {
      std::sort(segment.codes.begin(), segment.codes.end());
      segment.codes.erase(std::unique(segment.codes.begin(), segment.codes.end()),
                          segment.codes.end());
    }
    counter.AddStory(segments);
    raw.clear();
  };
  size_t at = 0;
  int64_t current = -1;
  CodingScan scan(project, stories.coders ? stories.coders : ResolveCoderSelection(project).Set());
  scan.ForEachCodingSpan([&](const CodingSpan& span) {
    if (span.story_id != current) {
      if (!raw.empty()) flush();
      current = span.story_id;
      while (at < stories.ids.size() && stories.ids[at] < current) ++at;
    }
    if (at == stories.ids.size() || stories.ids[at] != current) return;
    const auto it = number.find(span.code_id);
    if (it != number.end()) raw.push_back({span.start, span.end, it->second});
  });
  if (!raw.empty()) flush();

  auto is_ancestor = [&](size_t a, size_t b) {
    return std::find(lineage[b].begin() + 1, lineage[b].end(), a) != lineage[b].end();
  };
  std::vector<CodePair> pairs;
  for (size_t a = 0; a < codes.size(); ++a) {
    for (size_t b = a + 1; b < codes.size(); ++b) {
      const int64_t both = counter.Both(a, b);
      if (both == 0 || is_ancestor(a, b) || is_ancestor(b, a)) continue;
      pairs.push_back(MakeCodePair(codes[a].path, codes[b].path, both,
                                   counter.Single(a) + counter.Single(b) - counter.Same(a, b)));
    }
  }
  return CooccurrencePairTable(std::move(pairs), "segments");
}

}  // namespace verhaal
