// Quantitative summaries of a project: code frequencies over the code tree,
// descriptive statistics of the self-signification (dyads, triads, lists)
// and code co-occurrence (in stories or in overlapping segments), for all
// stories or per group of a dimension (--by wave gives the longitudinal
// view), as tables and as SVG charts. See docs/summary.md.
//
// Built to count over a million stories: stories are held as ids and
// respondents (no text), codings are streamed once in story order into
// compact per-story code sets, signifier values are streamed per signifier.
#ifndef VERHAAL_EXPORTERS_SUMMARY_H_
#define VERHAAL_EXPORTERS_SUMMARY_H_

#include <array>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/dimension.h"
#include "corpus/coder_set.h"
#include "corpus/codes.h"
#include "corpus/language.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/stories.h"
#include "exporters/table.h"
#include "stats/compositional.h"
#include "stats/descriptive.h"

namespace verhaal {

class CodingScan;  // corpus/coding_scan.h

// The stories a summary counts, in groups: all of them in the group "all",
// or, with a dimension, one group per level (stories without a level are in
// no group but still count for co-occurrence).
struct SummaryStories {
  std::vector<int64_t> ids;          // ascending
  std::vector<int64_t> respondents;  // per story; 0 = no respondent
  std::vector<int> group;            // per story: index into `groups`, -1 = none
  std::vector<std::string> groups;   // group names in report order
  // Whose codings count (coding/analysis_coders.h); nullopt: the default
  // analysis coders (the analysis set, else every human coder).
  std::optional<CoderSet> coders;

  // The number of stories in group `g`.
  int64_t GroupSize(int g) const;
  // The position of story `id` in `ids`, or -1. Fast after IndexIds().
  int IndexOf(int64_t id) const;
  // Builds the lookup behind IndexOf (an array by id when ids are dense).
  void IndexIds();

 private:
  std::vector<int32_t> index_of_;  // by story id; -1 = not selected
};

// Two dimensions crossed: a level "A / B" for each pair of levels that some
// of `stories` have (in A's order, then B's), e.g. respondent by wave. A
// story without a level of A or B is left out with that reason.
ResolvedDimension CrossDimensions(const ResolvedDimension& a, const ResolvedDimension& b,
                                  const std::vector<Story>& stories);

// All `owners` in one group "all".
SummaryStories SummaryStoriesOf(const std::vector<StoryOwner>& owners);
// `stories` grouped by `by` (nullptr: one group "all").
SummaryStories SummaryStoriesOf(const std::vector<Story>& stories, const ResolvedDimension* by);

// The code figures of a summary, counted in one pass over the codings in
// story order (CodingScan::ForEachStoryCode) without holding them: a story
// counts for a code when it has a coding of the code or any descendant.
// Codes are numbered by their position in `codes` (tree order).
struct CodeCounts {
  std::vector<Code> codes;                        // ListCodes order, retired ones too
  std::vector<std::vector<int>> ancestors;        // per code: its ancestors' numbers
  std::vector<int64_t> group_sizes;               // stories per group
  std::vector<std::vector<int64_t>> stories;      // [group][code]
  std::vector<std::vector<int64_t>> respondents;  // [group][code]
  std::vector<int64_t> single;                    // [code]: over all the stories
  std::vector<int64_t> both;                      // [a * codes + b], a < b; with pairs

  // Whether code `a` is an ancestor of code `b` (numbers).
  bool IsAncestor(int a, int b) const;
};

// Counts `stories`' codes, and with `pairs` the stories per pair of codes.
CodeCounts CountCodes(Project& project, const SummaryStories& stories, bool pairs = true);
// The same from codes read before (ListCodes) and scans (at least one),
// which may run on another thread when concurrent(); with two concurrent
// scans, each reads half the stories on a thread of its own.
CodeCounts CountCodes(std::vector<Code> codes, const std::vector<CodingScan*>& scans,
                      const SummaryStories& stories, bool pairs);

// Per code in tree order: the stories and respondents with a coding of the
// code or any descendant (a parent counts each story once), and the
// percentage of the group's stories. Columns: code, then per group
// "<group> stories", "<group> respondents", "<group> %". Retired codes are
// left out.
Table CodeFrequencyTable(const SummaryStories& stories, const CodeCounts& counts);

// Per pair of codes (neither an ancestor of the other) that meet in at least
// one story: the stories with both, with either, and Jaccard = both / either;
// over all the stories (not per group), ordered by stories with both
// (descending), then paths. Needs CountCodes(..., pairs = true).
Table CooccurrenceTable(const CodeCounts& counts);

// The same per pair of codes whose segments overlap (same story, the spans
// [start, end) share at least one code point; touching spans do not): the
// segments (distinct spans) of either code that overlap a segment of the
// other, the segments of either code, and Jaccard = both / either.
Table SegmentCooccurrenceTable(Project& project, const SummaryStories& stories);

// One dyad's figures for one group.
struct DyadGroup {
  std::vector<double> xs;  // the answered positions
  int64_t not_applicable = 0;
  int64_t no_answer = 0;
  stats::Summary summary;
  stats::Histogram histogram;  // five bins of width 0.2, the last closed
};

// One triad's figures for one group.
struct TriadGroup {
  int64_t not_applicable = 0;
  int64_t no_answer = 0;
  std::vector<std::array<double, 3>> points;  // top, left, right
  stats::TriadMean mean;                      // zeros replaced by 0.001
  std::array<int64_t, 7> zones = {};          // top .. centre (TriadZone order)
};

// One list's figures for one group.
struct ListGroup {
  int64_t not_applicable = 0;
  int64_t no_answer = 0;
  int64_t answered = 0;
  std::vector<int64_t> chosen;  // per option
};

// A signifier with its figures per group (SummaryStories::groups).
template <typename Group>
struct SignifierSummary {
  Signifier signifier;
  std::vector<Group> groups;
};

// The dyads, triads and lists (those of `types`), read in one pass.
struct SignifierSummaries {
  std::vector<SignifierSummary<DyadGroup>> dyads;
  std::vector<SignifierSummary<TriadGroup>> triads;
  std::vector<SignifierSummary<ListGroup>> lists;
};

SignifierSummaries SummarizeSignifiers(Project& project, const SummaryStories& stories,
                                       const std::set<SignifierType>& types = {
                                           SignifierType::kDyad, SignifierType::kTriad,
                                           SignifierType::kList});

// A dyad's or triad's answers per story as the summaries gather them, for
// a chart drawn from the same pass (the report's): in SummaryStories order,
// each story's state and the numbers of its last stored row.
struct StoryAnswers {
  enum State : uint8_t { kNone = 0, kAnswered = 1, kNotApplicable = 2 };
  const Signifier* signifier = nullptr;
  const std::vector<uint8_t>* state = nullptr;   // per story: a State
  const std::vector<double>* numbers = nullptr;  // `stride` a story: x, or top, left, right
  size_t stride = 0;                             // 1 for a dyad, 3 for a triad
};

// SummarizeSignifiers, also calling `each` for every dyad and triad of
// `types` (in ListSignifiers' order) with its answers, before they are
// summarised: one read of the values for both.
SignifierSummaries SummarizeSignifiers(Project& project, const SummaryStories& stories,
                                       const std::set<SignifierType>& types,
                                       const std::function<void(const StoryAnswers&)>& each);
// One kind alone.
std::vector<SignifierSummary<DyadGroup>> SummarizeDyads(Project& project,
                                                        const SummaryStories& stories);
std::vector<SignifierSummary<TriadGroup>> SummarizeTriads(Project& project,
                                                          const SummaryStories& stories);
std::vector<SignifierSummary<ListGroup>> SummarizeLists(Project& project,
                                                        const SummaryStories& stories);

// Per dyad and group: n answered, N/A, no answer, mean, median, sd, q1, q3
// and the counts of the five bins.
// The three tables' headers are in `language` (exporters/report_words.h).
Table DyadSummaryTable(const SummaryStories& stories,
                       const std::vector<SignifierSummary<DyadGroup>>& dyads,
                       Language language = Language::kEnglish);

// Per triad and group: n, N/A, no answer, the closed geometric mean of the
// three anchors (see docs/statistics.md), the number of zeros replaced and
// the stories in each of the seven zones.
Table TriadSummaryTable(const SummaryStories& stories,
                        const std::vector<SignifierSummary<TriadGroup>>& triads,
                        Language language = Language::kEnglish);

// Per list, group and item: how many stories chose it, and the percentage of
// the stories that answered the list.
Table ListSummaryTable(const SummaryStories& stories,
                       const std::vector<SignifierSummary<ListGroup>>& lists,
                       Language language = Language::kEnglish);

// A chart file: its name in the --svg folder and the SVG document.
struct SummaryChart {
  std::string file;
  std::string svg;
};

// Grouped bars of the stories per code (codes.svg).
SummaryChart CodeFrequencyChart(const SummaryStories& stories, const CodeCounts& counts);
// A five-bin histogram per dyad, bars side by side per group
// (dyad-KEY.svg).
std::vector<SummaryChart> DyadCharts(const SummaryStories& stories,
                                     const std::vector<SignifierSummary<DyadGroup>>& dyads);
// A ternary plot per triad: the stories as points and the closed geometric
// mean as a ringed marker, a colour per group (triad-KEY.svg).
std::vector<SummaryChart> TriadCharts(const SummaryStories& stories,
                                      const std::vector<SignifierSummary<TriadGroup>>& triads);
// Bars per list item, per group (list-KEY.svg).
std::vector<SummaryChart> ListCharts(const SummaryStories& stories,
                                     const std::vector<SignifierSummary<ListGroup>>& lists);

// What a co-occurrence counts in.
enum class CooccurrenceUnit { kStories, kSegments };

// The sections of `verhaal summary`, in the order printed.
inline constexpr std::array<const char*, 5> kSummarySections = {"codes", "dyads", "triads", "lists",
                                                                "cooccurrence"};

// The summary of one set of stories, section by section, computing each
// input once however many sections and charts use it.
// --combine each: the section tables once per coder of `coders`, side by
// side. Signifier sections read no codings and come once; "codes" gets one
// block of columns per coder, headed "anna: stories", ...; "cooccurrence"
// one block of rows per coder, with a first column "coder" (its pairs
// differ from coder to coder). `stories.coders` is ignored.
std::vector<Table> EachCoderSectionTables(Project& project, const SummaryStories& stories,
                                          CooccurrenceUnit unit, const CoderSelection& coders,
                                          const std::vector<std::string>& sections);

class Summary {
 public:
  // `project` must outlive the Summary.
  Summary(Project& project, SummaryStories stories,
          CooccurrenceUnit unit = CooccurrenceUnit::kStories);
  ~Summary();
  // Holds the scans a pending count reads; a copy would share them.
  Summary(const Summary&) = delete;
  Summary& operator=(const Summary&) = delete;

  // The tables of `sections`, in that order. The codings are read on another
  // thread (when CodingScan::concurrent()) while this one reads the
  // signifiers.
  std::vector<Table> SectionTables(const std::vector<std::string>& sections);
  // The table of a section of kSummarySections.
  Table SectionTable(const std::string& section);
  // The charts of a section (none for "cooccurrence").
  std::vector<SummaryChart> SectionCharts(const std::string& section);

 private:
  bool NeedsCodeCounts(const std::string& section) const;
  void Prefetch(const std::vector<std::string>& sections);
  bool PairsNeeded() const;
  const CodeCounts& Counts();
  const SignifierSummaries& Signifiers();

  Project& project_;
  SummaryStories stories_;
  CooccurrenceUnit unit_;
  bool pairs_wanted_ = false;  // count pairs of codes (co-occurrence in stories)
  std::vector<std::unique_ptr<CodingScan>> scans_;  // outlive pending_counts_
  std::future<CodeCounts> pending_counts_;          // from Prefetch
  std::optional<CodeCounts> counts_;
  std::optional<SignifierSummaries> signifiers_;
};

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SUMMARY_H_
