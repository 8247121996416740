// Code frequencies and co-occurrence (exporters/summary.h).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "exporters/matrix_report.h"
#include "exporters/summary.h"

namespace verhaal {
namespace {

// story id -> the codes it has codings of, with all their ancestors.
std::map<int64_t, std::set<int64_t>> CodesPerStory(Project& project,
                                                   const std::vector<Code>& codes) {
  std::map<int64_t, std::optional<int64_t>> parent;
  for (const auto& code : codes) parent[code.id] = code.parent_id;
  std::map<int64_t, std::set<int64_t>> per_story;
  for (const auto& coding : ListCodings(project)) {
    auto& set = per_story[coding.story_id];
    std::optional<int64_t> id = coding.code_id;
    while (id && set.insert(*id).second) id = parent[*id];
  }
  return per_story;
}

bool IsAncestor(const std::map<int64_t, std::optional<int64_t>>& parent, int64_t ancestor,
                int64_t code) {
  for (auto id = parent.at(code); id; id = parent.at(*id)) {
    if (*id == ancestor) return true;
  }
  return false;
}

}  // namespace

SummaryGroups MakeSummaryGroups(const std::vector<Story>& stories, const ResolvedDimension* by) {
  SummaryGroups groups;
  if (!by) {
    groups.names = {"all"};
    groups.stories.emplace_back();
    for (const auto& story : stories) groups.stories[0].push_back(story.id);
    return groups;
  }
  groups.names = by->levels;
  groups.stories.resize(by->levels.size());
  for (const auto& story : stories) {
    const auto it = by->level_of.find(story.id);
    if (it != by->level_of.end()) groups.stories[it->second].push_back(story.id);
  }
  return groups;
}

Table CodeFrequencyTable(Project& project, const std::vector<Story>& stories,
                         const SummaryGroups& groups) {
  const std::vector<Code> codes = ListCodes(project);
  const auto per_story = CodesPerStory(project, codes);
  std::map<int64_t, std::optional<int64_t>> respondent;
  for (const auto& story : stories) respondent[story.id] = story.respondent_id;
  Table table{{"code"}, {}, {false}};
  for (const auto& name : groups.names) {
    for (const char* what : {" stories", " respondents", " %"}) {
      table.columns.push_back(name + what);
      table.numeric.push_back(true);
    }
  }
  for (const auto& code : codes) {
    if (code.retired) continue;
    std::vector<std::string> row = {code.path};
    for (const auto& ids : groups.stories) {
      int64_t with = 0;
      std::set<int64_t> people;
      for (int64_t id : ids) {
        const auto it = per_story.find(id);
        if (it == per_story.end() || !it->second.count(code.id)) continue;
        ++with;
        if (respondent[id]) people.insert(*respondent[id]);
      }
      row.push_back(std::to_string(with));
      row.push_back(std::to_string(people.size()));
      row.push_back(
          FormatFixed(ids.empty() ? NAN : 100.0 * static_cast<double>(with) / ids.size(), 1));
    }
    table.AddRow(std::move(row));
  }
  return table;
}

Table CooccurrenceTable(Project& project, const std::vector<Story>& stories) {
  const std::vector<Code> codes = ListCodes(project);
  std::map<int64_t, std::optional<int64_t>> parent;
  std::map<int64_t, std::string> path;
  for (const auto& code : codes) {
    parent[code.id] = code.parent_id;
    path[code.id] = code.path;
  }
  const auto per_story = CodesPerStory(project, codes);
  std::map<int64_t, int64_t> single;
  std::map<std::pair<int64_t, int64_t>, int64_t> both;
  for (const auto& story : stories) {
    const auto it = per_story.find(story.id);
    if (it == per_story.end()) continue;
    const std::vector<int64_t> ids(it->second.begin(), it->second.end());
    for (size_t i = 0; i < ids.size(); ++i) {
      ++single[ids[i]];
      for (size_t j = i + 1; j < ids.size(); ++j) ++both[{ids[i], ids[j]}];
    }
  }
  struct Pair {
    std::string a, b;
    int64_t both, either;
  };
  std::vector<Pair> pairs;
  for (const auto& [key, n] : both) {
    const auto [a, b] = key;
    if (IsAncestor(parent, a, b) || IsAncestor(parent, b, a)) continue;
    std::string pa = path[a], pb = path[b];
    if (pb < pa) std::swap(pa, pb);
    pairs.push_back({pa, pb, n, single[a] + single[b] - n});
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    if (x.both != y.both) return x.both > y.both;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  Table table{{"code", "with code", "stories with both", "stories with either", "jaccard"},
              {},
              {false, false, true, true, true}};
  for (const auto& pair : pairs) {
    table.AddRow({pair.a, pair.b, std::to_string(pair.both), std::to_string(pair.either),
                  FormatFixed(static_cast<double>(pair.both) / pair.either, 3)});
  }
  return table;
}

}  // namespace verhaal
