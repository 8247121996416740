// The summary, section by section (exporters/summary.h).
#include "coding/analysis_coders.h"
#include "corpus/error.h"
#include "exporters/summary.h"

namespace verhaal {

Summary::Summary(Project& project, SummaryStories stories, CooccurrenceUnit unit)
    : project_(project), stories_(std::move(stories)), unit_(unit) {
  // Without a choice, the analysis coders (never `rules` by default).
  if (!stories_.coders) stories_.coders = ResolveCoderSelection(project_).Set();
}

bool Summary::NeedsCodeCounts(const std::string& section) const {
  return section == "codes" || (section == "cooccurrence" && unit_ == CooccurrenceUnit::kStories);
}

void Summary::Prefetch(const std::vector<std::string>& sections) {
  bool codings = false;
  for (const auto& section : sections) {
    codings |= NeedsCodeCounts(section);
    pairs_wanted_ |= section == "cooccurrence";
  }
  if (!codings || counts_ || pending_counts_.valid()) return;
  for (int i = 0; i < 2; ++i) {
    scans_.push_back(std::make_unique<CodingScan>(project_, stories_.coders));
    if (!scans_.back()->concurrent()) return;
  }
  pending_counts_ = std::async(std::launch::async, [this, codes = ListCodes(project_)]() mutable {
    return CountCodes(std::move(codes), {scans_[0].get(), scans_[1].get()}, stories_,
                      PairsNeeded());
  });
}

bool Summary::PairsNeeded() const { return pairs_wanted_ && unit_ == CooccurrenceUnit::kStories; }

const CodeCounts& Summary::Counts() {
  if (!counts_) {
    if (pending_counts_.valid()) {
      counts_ = pending_counts_.get();
    } else {
      counts_ = CountCodes(project_, stories_, PairsNeeded());
    }
  }
  return *counts_;
}

const SignifierSummaries& Summary::Signifiers() {
  if (!signifiers_) signifiers_ = SummarizeSignifiers(project_, stories_);
  return *signifiers_;
}

std::vector<Table> Summary::SectionTables(const std::vector<std::string>& sections) {
  Prefetch(sections);
  std::vector<std::optional<Table>> tables(sections.size());
  for (bool codings : {false, true}) {
    for (size_t i = 0; i < sections.size(); ++i) {
      if (NeedsCodeCounts(sections[i]) == codings) tables[i] = SectionTable(sections[i]);
    }
  }
  std::vector<Table> out;
  for (auto& table : tables) out.push_back(std::move(*table));
  return out;
}

Table Summary::SectionTable(const std::string& section) {
  if (section == "codes") return CodeFrequencyTable(stories_, Counts());
  if (section == "dyads") return DyadSummaryTable(stories_, Signifiers().dyads);
  if (section == "triads") return TriadSummaryTable(stories_, Signifiers().triads);
  if (section == "lists") return ListSummaryTable(stories_, Signifiers().lists);
  if (section == "cooccurrence") {
    if (unit_ == CooccurrenceUnit::kSegments) return SegmentCooccurrenceTable(project_, stories_);
    pairs_wanted_ = true;
    // Counted before without pairs (codes first, not prefetched): count again.
    if (Counts().both.empty() && !counts_->codes.empty()) {
      counts_ = CountCodes(project_, stories_, true);
    }
    return CooccurrenceTable(*counts_);
  }
  throw UsageError("unknown summary section '" + section + "'");
}

std::vector<SummaryChart> Summary::SectionCharts(const std::string& section) {
  if (section == "codes") return {CodeFrequencyChart(stories_, Counts())};
  if (section == "dyads") return DyadCharts(stories_, Signifiers().dyads);
  if (section == "triads") return TriadCharts(stories_, Signifiers().triads);
  if (section == "lists") return ListCharts(stories_, Signifiers().lists);
  return {};
}

}  // namespace verhaal
