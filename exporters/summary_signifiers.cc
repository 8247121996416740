// Summaries of the self-signification (exporters/summary.h).
#include <array>
#include <cmath>
#include <map>

#include "corpus/signifiers.h"
#include "corpus/zones.h"
#include "exporters/matrix_report.h"
#include "exporters/summary.h"
#include "stats/compositional.h"
#include "stats/descriptive.h"

namespace verhaal {
namespace {

std::map<int64_t, SignifierValue> ValuesOf(Project& project, const Signifier& signifier) {
  std::map<int64_t, SignifierValue> values;
  ForEachSignifierValue(project, signifier,
                        [&](int64_t id, const SignifierValue& value) { values[id] = value; });
  return values;
}

// The group's answered values, and its N/A and no-answer counts.
struct GroupAnswers {
  std::vector<const SignifierValue*> answered;
  int64_t not_applicable = 0;
  int64_t no_answer = 0;
};

GroupAnswers Answers(const std::map<int64_t, SignifierValue>& values,
                     const std::vector<int64_t>& ids) {
  GroupAnswers answers;
  for (int64_t id : ids) {
    const auto it = values.find(id);
    if (it == values.end()) {
      ++answers.no_answer;
    } else if (it->second.not_applicable) {
      ++answers.not_applicable;
    } else {
      answers.answered.push_back(&it->second);
    }
  }
  return answers;
}

std::string F3(double value) { return FormatFixed(value, 3); }

}  // namespace

Table DyadSummaryTable(Project& project, const SummaryGroups& groups) {
  Table table{
      {"dyad", "group", "n", "N/A", "no answer", "mean", "median", "sd", "q1", "q3", "bin 1",
       "bin 2", "bin 3", "bin 4", "bin 5"},
      {},
      {false, false, true, true, true, true, true, true, true, true, true, true, true, true, true}};
  for (const auto& signifier : ListSignifiers(project)) {
    if (signifier.type != SignifierType::kDyad) continue;
    const auto values = ValuesOf(project, signifier);
    for (size_t g = 0; g < groups.names.size(); ++g) {
      const GroupAnswers answers = Answers(values, groups.stories[g]);
      std::vector<double> xs;
      for (const auto* value : answers.answered) xs.push_back(value->x);
      const stats::Summary summary = stats::Describe(xs);
      const stats::Histogram histogram = stats::UnitIntervalHistogram(xs, 5);
      std::vector<std::string> row = {signifier.key,
                                      groups.names[g],
                                      std::to_string(xs.size()),
                                      std::to_string(answers.not_applicable),
                                      std::to_string(answers.no_answer),
                                      F3(summary.mean),
                                      F3(summary.median),
                                      F3(summary.sd),
                                      F3(summary.q1),
                                      F3(summary.q3)};
      for (int64_t count : histogram.counts) row.push_back(std::to_string(count));
      table.AddRow(std::move(row));
    }
  }
  return table;
}

Table TriadSummaryTable(Project& project, const SummaryGroups& groups) {
  Table table{
      {"triad", "group", "n", "N/A", "no answer", "mean top", "mean left", "mean right",
       "zeros replaced", "top", "left", "right", "top-left", "top-right", "left-right", "centre"},
      {},
      {false, false, true, true, true, true, true, true, true, true, true, true, true, true, true,
       true}};
  const TriadZone zones[] = {TriadZone::kTop,     TriadZone::kLeft,     TriadZone::kRight,
                             TriadZone::kTopLeft, TriadZone::kTopRight, TriadZone::kLeftRight,
                             TriadZone::kCentre};
  for (const auto& signifier : ListSignifiers(project)) {
    if (signifier.type != SignifierType::kTriad) continue;
    const auto values = ValuesOf(project, signifier);
    for (size_t g = 0; g < groups.names.size(); ++g) {
      const GroupAnswers answers = Answers(values, groups.stories[g]);
      std::vector<std::array<double, 3>> triads;
      std::map<TriadZone, int64_t> in_zone;
      for (const auto* value : answers.answered) {
        triads.push_back({value->triad.top, value->triad.left, value->triad.right});
        ++in_zone[ClassifyTriad(value->triad)];
      }
      const stats::TriadMean mean = stats::ClosedGeometricMean(triads);
      std::vector<std::string> row = {signifier.key,
                                      groups.names[g],
                                      std::to_string(triads.size()),
                                      std::to_string(answers.not_applicable),
                                      std::to_string(answers.no_answer),
                                      F3(mean.mean[0]),
                                      F3(mean.mean[1]),
                                      F3(mean.mean[2]),
                                      std::to_string(mean.replaced_zeros)};
      for (TriadZone zone : zones) row.push_back(std::to_string(in_zone[zone]));
      table.AddRow(std::move(row));
    }
  }
  return table;
}

Table ListSummaryTable(Project& project, const SummaryGroups& groups) {
  Table table{
      {"list", "group", "item", "stories", "% of answered"}, {}, {false, false, false, true, true}};
  for (const auto& signifier : ListSignifiers(project)) {
    if (signifier.type != SignifierType::kList) continue;
    const auto values = ValuesOf(project, signifier);
    for (size_t g = 0; g < groups.names.size(); ++g) {
      const GroupAnswers answers = Answers(values, groups.stories[g]);
      std::vector<int64_t> chosen(signifier.options.size(), 0);
      for (const auto* value : answers.answered) {
        for (int item : value->items) {
          if (item >= 0 && item < static_cast<int>(chosen.size())) ++chosen[item];
        }
      }
      const double answered = static_cast<double>(answers.answered.size());
      for (size_t i = 0; i < chosen.size(); ++i) {
        const auto& option = signifier.options[i];
        table.AddRow({signifier.key, groups.names[g],
                      option.label.empty() ? option.key : option.label, std::to_string(chosen[i]),
                      FormatFixed(answered == 0 ? NAN : 100.0 * chosen[i] / answered, 1)});
      }
    }
  }
  return table;
}

}  // namespace verhaal
