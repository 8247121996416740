// The summary, section by section (exporters/summary.h).
#include "base/error.h"
#include "coding/analysis_coders.h"
#include "corpus/coding_scan.h"
#include "exporters/summary.h"

namespace verhaal {

Summary::Summary(Project& project, SummaryStories stories, CooccurrenceUnit unit)
    : project_(project), stories_(std::move(stories)), unit_(unit) {
  // Without a choice, the analysis coders (never `rules` by default).
  if (!stories_.coders) stories_.coders = ResolveCoderSelection(project_).Set();
}

Summary::~Summary() = default;

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

std::vector<Table> EachCoderSectionTables(Project& project, const SummaryStories& stories,
                                          CooccurrenceUnit unit, const CoderSelection& coders,
                                          const std::vector<std::string>& sections) {
  std::vector<std::vector<Table>> per_coder;
  for (size_t c = 0; c < coders.names.size(); ++c) {
    SummaryStories one = stories;
    one.coders = coders.Only(c).Set();
    Summary summary(project, std::move(one), unit);
    per_coder.push_back(summary.SectionTables(sections));
  }
  std::vector<Table> out;
  for (size_t i = 0; i < sections.size(); ++i) {
    if (per_coder.empty()) break;
    Table table = per_coder.front()[i];
    if (sections[i] == "codes") {
      // Every coder's table lists the same codes in the same order.
      for (size_t k = 1; k < table.columns.size(); ++k) {
        table.columns[k] = coders.names[0] + ": " + table.columns[k];
      }
      for (size_t c = 1; c < per_coder.size(); ++c) {
        const Table& other = per_coder[c][i];
        for (size_t k = 1; k < other.columns.size(); ++k) {
          table.columns.push_back(coders.names[c] + ": " + other.columns[k]);
          table.numeric.push_back(k < other.numeric.size() && other.numeric[k]);
        }
        for (size_t r = 0; r < table.rows.size() && r < other.rows.size(); ++r) {
          table.rows[r].insert(table.rows[r].end(), other.rows[r].begin() + 1, other.rows[r].end());
        }
      }
    } else if (sections[i] == "cooccurrence") {
      Table stacked;
      stacked.columns = {"coder"};
      stacked.columns.insert(stacked.columns.end(), table.columns.begin(), table.columns.end());
      stacked.numeric = {false};
      stacked.numeric.insert(stacked.numeric.end(), table.numeric.begin(), table.numeric.end());
      for (size_t c = 0; c < per_coder.size(); ++c) {
        for (const auto& row : per_coder[c][i].rows) {
          std::vector<std::string> line{coders.names[c]};
          line.insert(line.end(), row.begin(), row.end());
          stacked.AddRow(std::move(line));
        }
      }
      table = std::move(stacked);
    }
    out.push_back(std::move(table));
  }
  return out;
}

}  // namespace verhaal
