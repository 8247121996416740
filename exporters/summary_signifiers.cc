// Summaries of the self-signification (exporters/summary.h).
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <type_traits>

#include "corpus/signifier_scan.h"
#include "corpus/zones.h"
#include "exporters/matrix_report.h"
#include "exporters/report_words.h"
#include "exporters/summary.h"
#include "stats/compositional.h"

namespace verhaal {
namespace {

// One signifier's rows gathered per story (SummaryStories order): whether
// the story has a value, whether it is N/A, and the last row's numbers
// (`stride` of them: 1 for a dyad, 3 for a triad, none for a list).
struct StoryValues {
  size_t stride = 0;
  size_t options = 0;          // lists: the number of items
  std::vector<uint8_t> state;  // kNone, kAnswered or kNotApplicable
  std::vector<double> numbers;
  std::vector<std::vector<int64_t>> chosen;  // lists: [group][item]
};

constexpr uint8_t kNone = StoryAnswers::kNone, kAnswered = StoryAnswers::kAnswered,
                  kNotApplicable = StoryAnswers::kNotApplicable;

// The values of the signifiers of `types`, in one pass over all stored rows.
std::map<int64_t, StoryValues> GatherValues(Project& project,
                                            const std::vector<Signifier>& signifiers,
                                            const std::set<SignifierType>& types,
                                            const SummaryStories& stories) {
  std::map<int64_t, StoryValues> by_id;
  for (const auto& signifier : signifiers) {
    if (!types.count(signifier.type)) continue;
    StoryValues& values = by_id[signifier.id];
    values.stride = signifier.type == SignifierType::kDyad    ? 1
                    : signifier.type == SignifierType::kTriad ? 3
                                                              : 0;
    values.state.assign(stories.ids.size(), kNone);
    values.numbers.resize(stories.ids.size() * values.stride);
    if (signifier.type == SignifierType::kList) {
      values.options = signifier.options.size();
      values.chosen.assign(stories.groups.size(),
                           std::vector<int64_t>(signifier.options.size(), 0));
    }
  }
  if (by_id.empty()) return by_id;
  int64_t cached_id = -1;
  StoryValues* values = nullptr;
  ForEachSignifierRow(project, [&](const SignifierRow& row) {
    if (row.signifier_id != cached_id) {
      cached_id = row.signifier_id;
      const auto it = by_id.find(row.signifier_id);
      values = it == by_id.end() ? nullptr : &it->second;
    }
    if (!values) return;
    const int i = stories.IndexOf(row.story_id);
    if (i < 0) return;
    const size_t at = static_cast<size_t>(i);
    uint8_t& state = values->state[at];
    if (row.not_applicable) state = kNotApplicable;
    if (state == kNone) state = kAnswered;
    if (values->stride > 0) {
      const double numbers[3] = {row.a, row.b, row.c};
      std::copy(numbers, numbers + values->stride, values->numbers.begin() + at * values->stride);
    } else if (const int g = stories.group[at];
               g >= 0 && row.option >= 0 && static_cast<size_t>(row.option) < values->options) {
      ++values->chosen[static_cast<size_t>(g)][static_cast<size_t>(row.option)];
    }
  });
  return by_id;
}

// For each signifier of `type`: its groups' N/A and no-answer counts, and
// `add(group, numbers)` for each answered story in story order.
template <typename Group, typename Add>
std::vector<SignifierSummary<Group>> Summarize(const std::vector<Signifier>& signifiers,
                                               std::map<int64_t, StoryValues>& gathered,
                                               const SummaryStories& stories, SignifierType type,
                                               Add add) {
  std::vector<SignifierSummary<Group>> out;
  for (const auto& signifier : signifiers) {
    const auto it = gathered.find(signifier.id);
    if (signifier.type != type || it == gathered.end()) continue;  // not of the types asked
    SignifierSummary<Group> summary{signifier, std::vector<Group>(stories.groups.size())};
    StoryValues values = std::move(it->second);
    gathered.erase(it);
    for (size_t i = 0; i < stories.ids.size(); ++i) {
      if (stories.group[i] < 0) continue;
      Group& group = summary.groups[static_cast<size_t>(stories.group[i])];
      switch (values.state[i]) {
        case kNone:
          ++group.no_answer;
          break;
        case kNotApplicable:
          ++group.not_applicable;
          break;
        default:
          add(group, values.numbers.data() + i * values.stride);
      }
    }
    if constexpr (std::is_same_v<Group, ListGroup>) {
      for (size_t g = 0; g < summary.groups.size(); ++g) {
        summary.groups[g].chosen = std::move(values.chosen[g]);
      }
    }
    out.push_back(std::move(summary));
  }
  return out;
}

std::string F3(double value) { return FormatFixed(value, 3); }

constexpr TriadZone kZones[] = {TriadZone::kTop,     TriadZone::kLeft,     TriadZone::kRight,
                                TriadZone::kTopLeft, TriadZone::kTopRight, TriadZone::kLeftRight,
                                TriadZone::kCentre};

}  // namespace

SignifierSummaries SummarizeSignifiers(Project& project, const SummaryStories& stories,
                                       const std::set<SignifierType>& types) {
  return SummarizeSignifiers(project, stories, types, nullptr);
}

SignifierSummaries SummarizeSignifiers(Project& project, const SummaryStories& stories,
                                       const std::set<SignifierType>& types,
                                       const std::function<void(const StoryAnswers&)>& each) {
  const std::vector<Signifier> signifiers = ListSignifiers(project);
  auto gathered = GatherValues(project, signifiers, types, stories);
  if (each) {
    for (const Signifier& signifier : signifiers) {
      const auto it = gathered.find(signifier.id);
      if (it == gathered.end() || it->second.stride == 0) continue;  // a list, or not asked
      each({&signifier, &it->second.state, &it->second.numbers, it->second.stride});
    }
  }
  SignifierSummaries out;
  out.dyads =
      Summarize<DyadGroup>(signifiers, gathered, stories, SignifierType::kDyad,
                           [](DyadGroup& group, const double* x) { group.xs.push_back(x[0]); });
  for (auto& dyad : out.dyads) {
    for (auto& group : dyad.groups) {
      group.summary = stats::Describe(group.xs);
      group.histogram = stats::UnitIntervalHistogram(group.xs, 5);
    }
  }
  out.triads = Summarize<TriadGroup>(signifiers, gathered, stories, SignifierType::kTriad,
                                     [](TriadGroup& group, const double* p) {
                                       group.points.push_back({p[0], p[1], p[2]});
                                       const TriadZone zone = ClassifyTriad({p[0], p[1], p[2]});
                                       for (size_t z = 0; z < std::size(kZones); ++z) {
                                         if (kZones[z] == zone) ++group.zones[z];
                                       }
                                     });
  for (auto& triad : out.triads) {
    for (auto& group : triad.groups) group.mean = stats::ClosedGeometricMean(group.points);
  }
  out.lists = Summarize<ListGroup>(signifiers, gathered, stories, SignifierType::kList,
                                   [](ListGroup& group, const double*) { ++group.answered; });
  return out;
}

std::vector<SignifierSummary<DyadGroup>> SummarizeDyads(Project& project,
                                                        const SummaryStories& stories) {
  return SummarizeSignifiers(project, stories, {SignifierType::kDyad}).dyads;
}

std::vector<SignifierSummary<TriadGroup>> SummarizeTriads(Project& project,
                                                          const SummaryStories& stories) {
  return SummarizeSignifiers(project, stories, {SignifierType::kTriad}).triads;
}

std::vector<SignifierSummary<ListGroup>> SummarizeLists(Project& project,
                                                        const SummaryStories& stories) {
  return SummarizeSignifiers(project, stories, {SignifierType::kList}).lists;
}

namespace {

// The words of `words` in `language`.
std::vector<std::string> Words(Language language, std::initializer_list<Word> words) {
  std::vector<std::string> out;
  for (Word word : words) out.emplace_back(Say(language, word));
  return out;
}

}  // namespace

Table DyadSummaryTable(const SummaryStories& stories,
                       const std::vector<SignifierSummary<DyadGroup>>& dyads, Language language) {
  std::vector<std::string> columns = Words(
      language, {Word::kDyad, Word::kGroup, Word::kN, Word::kNotApplicableColumn, Word::kNoAnswer,
                 Word::kMean, Word::kMedian, Word::kSd, Word::kQ1, Word::kQ3});
  for (int bin = 1; bin <= 5; ++bin) {
    columns.push_back(Say(language, Word::kBinN, {std::to_string(bin)}));
  }
  Table table{
      std::move(columns),
      {},
      {false, false, true, true, true, true, true, true, true, true, true, true, true, true, true}};
  for (const auto& dyad : dyads) {
    for (size_t g = 0; g < stories.groups.size(); ++g) {
      const DyadGroup& group = dyad.groups[g];
      const stats::Summary& summary = group.summary;
      std::vector<std::string> row = {dyad.signifier.key,
                                      stories.groups[g],
                                      std::to_string(summary.n),
                                      std::to_string(group.not_applicable),
                                      std::to_string(group.no_answer),
                                      F3(summary.mean),
                                      F3(summary.median),
                                      F3(summary.sd),
                                      F3(summary.q1),
                                      F3(summary.q3)};
      for (int64_t count : group.histogram.counts) row.push_back(std::to_string(count));
      table.AddRow(std::move(row));
    }
  }
  return table;
}

Table TriadSummaryTable(const SummaryStories& stories,
                        const std::vector<SignifierSummary<TriadGroup>>& triads,
                        Language language) {
  Table table{Words(language, {Word::kTriad, Word::kGroup, Word::kN, Word::kNotApplicableColumn,
                               Word::kNoAnswer, Word::kMeanTop, Word::kMeanLeft, Word::kMeanRight,
                               Word::kZerosReplaced, Word::kTop, Word::kLeft, Word::kRight,
                               Word::kTopLeft, Word::kTopRight, Word::kLeftRight, Word::kCentre}),
              {},
              {false, false, true, true, true, true, true, true, true, true, true, true, true, true,
               true, true}};
  for (const auto& triad : triads) {
    for (size_t g = 0; g < stories.groups.size(); ++g) {
      const TriadGroup& group = triad.groups[g];
      std::vector<std::string> row = {triad.signifier.key,
                                      stories.groups[g],
                                      std::to_string(group.points.size()),
                                      std::to_string(group.not_applicable),
                                      std::to_string(group.no_answer),
                                      F3(group.mean.mean[0]),
                                      F3(group.mean.mean[1]),
                                      F3(group.mean.mean[2]),
                                      std::to_string(group.mean.replaced_zeros)};
      for (int64_t count : group.zones) row.push_back(std::to_string(count));
      table.AddRow(std::move(row));
    }
  }
  return table;
}

Table ListSummaryTable(const SummaryStories& stories,
                       const std::vector<SignifierSummary<ListGroup>>& lists, Language language) {
  Table table{Words(language, {Word::kList, Word::kGroup, Word::kItem, Word::kStoriesColumn,
                               Word::kPercentOfAnswered}),
              {},
              {false, false, false, true, true}};
  for (const auto& list : lists) {
    const Signifier& signifier = list.signifier;
    for (size_t g = 0; g < stories.groups.size(); ++g) {
      const ListGroup& group = list.groups[g];
      const double answered = static_cast<double>(group.answered);
      for (size_t i = 0; i < signifier.options.size(); ++i) {
        const auto& option = signifier.options[i];
        const int64_t chosen = i < group.chosen.size() ? group.chosen[i] : 0;
        table.AddRow({signifier.key, stories.groups[g],
                      option.label.empty() ? option.key : option.label, std::to_string(chosen),
                      FormatFixed(answered == 0 ? NAN : 100.0 * chosen / answered, 1)});
      }
    }
  }
  return table;
}

}  // namespace verhaal
