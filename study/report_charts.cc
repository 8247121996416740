// The report's signifier charts: a histogram per dyad (stacked by role), a
// ternary plot per triad and bars per list, each with its answered, N/A and
// skipped counts.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "coding/dimension.h"
#include "exporters/summary.h"
#include "exporters/svg_charts.h"
#include "study/report_html.h"

namespace verhaal {
namespace {

constexpr int kBins = 10;

std::string Option(const Signifier& signifier, size_t i) {
  if (i >= signifier.options.size()) return "?";
  const auto& option = signifier.options[i];
  return option.label.empty() ? option.key : option.label;
}

std::string Title(const Signifier& signifier) {
  return signifier.title.empty() ? signifier.key : signifier.title;
}

// Counts each story `visit`ed into `counts`: answered or N/A (the charts'
// pass gives the figures under them; skipped is left to the caller).
void CountAnswer(const SignifierValue& value, SignifierCounts& counts) {
  ++(value.not_applicable ? counts.not_applicable : counts.answered);
}

// Each answered or N/A story of the signifier, in story order: `values`
// calls its visitor with (story id, value), from the project
// (ForEachSignifierValue) or from answers gathered already (AnswersOf).
using ValueVisit = std::function<void(int64_t, const SignifierValue&)>;
using ForEachValue = std::function<void(const ValueVisit&)>;

ForEachValue ValuesOf(Project& project, const Signifier& signifier) {
  return [&project, &signifier](const ValueVisit& visit) {
    ForEachSignifierValue(project, signifier, visit);
  };
}

// A dyad's or triad's answers as the summaries gathered them: only the
// stories of `ids` (all the project's, so every stored value is among them).
ForEachValue AnswersOf(const StoryAnswers& answers, const std::vector<int64_t>& ids) {
  return [&answers, &ids](const ValueVisit& visit) {
    SignifierValue value;
    const std::vector<uint8_t>& state = *answers.state;
    const double* numbers = answers.numbers->data();
    for (size_t i = 0; i < ids.size(); ++i) {
      if (state[i] == StoryAnswers::kNone) continue;
      value.not_applicable = state[i] == StoryAnswers::kNotApplicable;
      const double* n = numbers + i * answers.stride;
      if (answers.stride == 1) {
        value.x = n[0];
      } else {
        value.triad = {n[0], n[1], n[2]};
      }
      visit(ids[i], value);
    }
  };
}

std::string DyadHistogram(const ForEachValue& values, const Signifier& dyad,
                          const StoryRoles& stories, Language language, SignifierCounts& counts) {
  std::map<std::string, std::vector<double>> bins;  // role -> counts per bin
  values([&](int64_t id, const SignifierValue& value) {
    CountAnswer(value, counts);
    const std::string* role = stories.Of(id);
    if (role == nullptr || value.not_applicable) return;
    auto& counts = bins[*role];
    counts.resize(kBins, 0);
    counts[static_cast<size_t>(std::clamp(static_cast<int>(value.x * kBins), 0, kBins - 1))]++;
  });
  HistogramChart chart;
  chart.title = Title(dyad);
  chart.low_label = dyad.x_low;
  chart.high_label = dyad.x_high;
  chart.value_label = Say(language, Word::kStoriesColumn);
  chart.stacked = true;
  chart.language = language;
  for (auto& [role, counts] : bins) {
    chart.series.push_back(
        {role.empty() ? std::string(Say(language, Word::kNoRole)) : role, std::move(counts)});
  }
  return HistogramSvg(chart);
}

std::string TriadPlot(const ForEachValue& values, const Signifier& triad, const StoryRoles& stories,
                      Language language, SignifierCounts& counts) {
  TernaryChart chart;
  chart.title = Title(triad);
  chart.corners = {Option(triad, 0), Option(triad, 1), Option(triad, 2)};
  chart.language = language;
  chart.series.push_back({std::string(Say(language, Word::kStoriesColumn)), {}, std::nullopt});
  values([&](int64_t id, const SignifierValue& value) {
    CountAnswer(value, counts);
    if (stories.Of(id) == nullptr || value.not_applicable) return;
    chart.series[0].points.push_back({value.triad.top, value.triad.left, value.triad.right});
  });
  return TernaryPlotSvg(chart);
}

std::string ListBars(const ForEachValue& values, const Signifier& list, const StoryRoles& stories,
                     Language language, SignifierCounts& counts) {
  BarChart chart;
  chart.title = Title(list);
  chart.language = language;
  chart.value_label = Say(language, Word::kStoriesColumn);
  chart.series.push_back({chart.value_label, std::vector<double>(list.options.size(), 0)});
  for (size_t i = 0; i < list.options.size(); ++i) chart.categories.push_back(Option(list, i));
  values([&](int64_t id, const SignifierValue& value) {
    CountAnswer(value, counts);
    if (stories.Of(id) == nullptr || value.not_applicable) return;
    for (int item : value.items) {
      if (item >= 0 && static_cast<size_t>(item) < list.options.size()) {
        chart.series[0].values[static_cast<size_t>(item)]++;
      }
    }
  });
  return BarChartSvg(chart);
}

}  // namespace

// The type's name in `language`: dyad, triad, ...
std::string TypeName(Language language, SignifierType type) {
  switch (type) {
    case SignifierType::kDyad:
      return std::string(Say(language, Word::kDyad));
    case SignifierType::kTriad:
      return std::string(Say(language, Word::kTriad));
    case SignifierType::kStones:
      return std::string(Say(language, Word::kStones));
    case SignifierType::kList:
      return std::string(Say(language, Word::kList));
    case SignifierType::kFreetext:
      return std::string(Say(language, Word::kFreeText));
  }
  return std::string(SignifierTypeName(type));
}

const std::string* StoryRoles::Of(int64_t id) const {
  static const std::string kNone;
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return nullptr;
  const int32_t r = role[static_cast<size_t>(it - ids.begin())];
  return r < 0 ? &kNone : &names[static_cast<size_t>(r)];
}

namespace {

// The chart of `signifier` from `values`, with its counts among `stories`.
std::string ChartSvg(const ForEachValue& values, const Signifier& signifier,
                     const StoryRoles& stories, Language language, SignifierCounts& count) {
  count = {};
  count.skipped = static_cast<int64_t>(stories.ids.size());
  std::string svg;
  switch (signifier.type) {
    case SignifierType::kDyad:
      svg = DyadHistogram(values, signifier, stories, language, count);
      break;
    case SignifierType::kTriad:
      svg = TriadPlot(values, signifier, stories, language, count);
      break;
    case SignifierType::kList:
      svg = ListBars(values, signifier, stories, language, count);
      break;
    default:
      return "";
  }
  count.skipped -= count.answered + count.not_applicable;
  return svg;
}

}  // namespace

std::string SignifierChartSvg(Project& project, const Signifier& signifier,
                              const StoryRoles& stories, Language language,
                              SignifierCounts* counts) {
  SignifierCounts ignored;
  return ChartSvg(ValuesOf(project, signifier), signifier, stories, language,
                  counts != nullptr ? *counts : ignored);
}

std::string SignifierSection(Project& project, const ReportData& data) {
  const std::vector<Signifier> signifiers = ListSignifiers(project);
  if (signifiers.empty()) return "";
  const Language language = data.language;
  std::string out = "<section id=\"signifiers\"><h2>" +
                    std::string(Say(language, Word::kSignifiers)) + "</h2>\n<p>" +
                    std::string(Say(language, Word::kSignifiersLead)) + "</p>\n";
  // Every story's role (those without one have none: "" in the charts, no
  // group in the figures). The figures of signifiers read no respondents.
  SummaryStories groups;
  {
    const ResolvedDimension roles = ResolveDimension(project, ParseDimension("role"), data.ids);
    groups.groups = roles.levels;
    groups.ids = data.ids;  // every story, ascending
    groups.group.reserve(data.ids.size());
    for (int64_t id : data.ids) {
      const auto level = roles.level_of.find(id);
      groups.group.push_back(level == roles.level_of.end() ? -1 : level->second);
    }
  }
  groups.IndexIds();
  StoryRoles story_roles;
  story_roles.ids = groups.ids;
  story_roles.role = groups.group;
  story_roles.names = groups.groups;
  // One read of the values for the figures and for the charts of the dyads
  // and triads (drawn from the answers the figures gathered); the lists'
  // charts read theirs in story order.
  std::map<int64_t, std::pair<std::string, SignifierCounts>> drawn;  // by signifier id
  const SignifierSummaries figures = SummarizeSignifiers(
      project, groups, {SignifierType::kDyad, SignifierType::kTriad, SignifierType::kList},
      [&](const StoryAnswers& answers) {
        auto& [svg, counts] = drawn[answers.signifier->id];
        svg = ChartSvg(AnswersOf(answers, groups.ids), *answers.signifier, story_roles, language,
                       counts);
      });
  for (const Signifier& signifier : signifiers) {
    SignifierCounts counts;
    std::string svg;
    if (auto found = drawn.find(signifier.id); found != drawn.end()) {
      svg = std::move(found->second.first);
      counts = found->second.second;
    } else {
      svg = SignifierChartSvg(project, signifier, story_roles, language, &counts);
    }
    if (svg.empty()) continue;
    out += "<h3>" + HtmlEscape(signifier.title.empty() ? signifier.key : signifier.title) +
           " <small>(" + HtmlEscape(signifier.key) + ", " + TypeName(language, signifier.type) +
           ")</small></h3>\n<figure>" + InlineSvg(svg) + "<figcaption>" +
           Say(language, Word::kAnswerCounts,
               {LocalCount(counts.answered, language), LocalCount(counts.not_applicable, language),
                LocalCount(counts.skipped, language)}) +
           "</figcaption></figure>\n";
  }
  // The figures behind the charts, per role (exporters/summary.h).
  out += "<details><summary>" + std::string(Say(language, Word::kSignifiersInFigures)) +
         "</summary>" + HtmlTable(DyadSummaryTable(groups, figures.dyads, language), "", language) +
         HtmlTable(TriadSummaryTable(groups, figures.triads, language), "", language) +
         HtmlTable(ListSummaryTable(groups, figures.lists, language), "", language) +
         "</details>\n";
  return out + "</section>\n";
}

}  // namespace verhaal
