// Quantitative summaries of a project: code frequencies over the code tree,
// descriptive statistics of the self-signification (dyads, triads, lists)
// and code co-occurrence, for all stories or per group of a dimension (--by
// wave gives the longitudinal view). See docs/summary.md.
#ifndef VERHAAL_EXPORTERS_SUMMARY_H_
#define VERHAAL_EXPORTERS_SUMMARY_H_

#include <vector>

#include "coding/dimension.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "exporters/table.h"

namespace verhaal {

// Story groups for a summary: all `stories` as one group "all", or, with
// `by`, one group per level (stories without a level are left out).
struct SummaryGroups {
  std::vector<std::string> names;
  std::vector<std::vector<int64_t>> stories;  // story ids per group
};

SummaryGroups MakeSummaryGroups(const std::vector<Story>& stories, const ResolvedDimension* by);

// Per code in tree order: the stories and respondents with a coding of the
// code or any descendant (a parent counts each story once), and the
// percentage of the group's stories. Columns: code, then per group
// "<group> stories", "<group> respondents", "<group> %".
Table CodeFrequencyTable(Project& project, const std::vector<Story>& stories,
                         const SummaryGroups& groups);

// Per dyad and group: n answered, N/A, no answer, mean, median, sd, q1, q3
// and the counts of five bins of width 0.2 (the last closed).
Table DyadSummaryTable(Project& project, const SummaryGroups& groups);

// Per triad and group: n, N/A, no answer, the closed geometric mean of the
// three anchors (zeros replaced by 0.001, see docs/statistics.md), the
// number of zeros replaced and the stories in each of the seven zones.
Table TriadSummaryTable(Project& project, const SummaryGroups& groups);

// Per list, group and item: how many stories chose it, and the percentage of
// the stories that answered the list.
Table ListSummaryTable(Project& project, const SummaryGroups& groups);

// Per pair of codes (neither an ancestor of the other) that meet in at least
// one story: the stories with both, with either, and Jaccard = both / either;
// over all `stories`, ordered by stories with both (descending), then paths.
Table CooccurrenceTable(Project& project, const std::vector<Story>& stories);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_SUMMARY_H_
