#include "coding/dimension.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>
#include <optional>
#include <set>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/error.h"
#include "corpus/signifiers.h"
#include "corpus/variables.h"
#include "corpus/zones.h"

namespace verhaal {
namespace {

constexpr std::string_view kForms =
    "use code:PATH[@CODER[+CODER]], dyad:KEY[@CUT[,CUT]], stone-x:KEY/STONE[@CUT], "
    "stone-y:KEY/STONE[@CUT], triad-zone:KEY, var:NAME, role, kind, wave or respondent "
    "(see docs/matrix.md)";

std::optional<double> ParseNumber(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(separator, start);
    parts.emplace_back(text.substr(start, at == std::string_view::npos ? text.npos : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::vector<double> ParseCuts(std::string_view dim, std::string_view text) {
  std::vector<double> cuts;
  for (const auto& part : Split(text, ',')) {
    const auto value = ParseNumber(part);
    if (!value || *value <= 0 || *value >= 1 || (!cuts.empty() && *value <= cuts.back())) {
      throw UsageError("dimension '" + std::string(dim) + "': cut point '" + part +
                       "' is not a number between 0 and 1 above the previous one; write "
                       "e.g. dyad:motivatie@0.5 or dyad:motivatie@0.33,0.67");
    }
    cuts.push_back(*value);
  }
  return cuts;
}

// "1.5" sorts before "10"; text sorts as text, after numbers.
bool LevelLess(const std::string& a, const std::string& b) {
  const auto x = ParseNumber(a);
  const auto y = ParseNumber(b);
  if (x && y) return *x < *y;
  if (x || y) return x.has_value();
  return a < b;
}

std::string FormatCut(double cut) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", cut);
  return buffer;
}

// Levels of a slider cut at `cuts`: the low pole, the ranges between, the
// high pole.
std::vector<std::string> CutLevels(const std::vector<double>& cuts, std::string low,
                                   std::string high) {
  std::vector<std::string> levels = {low.empty() ? "low" : low};
  for (size_t i = 1; i < cuts.size(); ++i) {
    levels.push_back(FormatCut(cuts[i - 1]) + "-" + FormatCut(cuts[i]));
  }
  levels.push_back(high.empty() ? "high" : high);
  return levels;
}

int CutLevel(const std::vector<double>& cuts, double x) {
  return static_cast<int>(std::upper_bound(cuts.begin(), cuts.end(), x) - cuts.begin());
}

// Fills levels and level_of from one optional value per story, sorting the
// distinct values.
void AssignValues(ResolvedDimension& result, const std::vector<Story>& stories,
                  const std::function<std::optional<std::string>(const Story&)>& value_of) {
  std::map<int64_t, std::string> values;
  std::set<std::string> distinct;
  for (const auto& story : stories) {
    auto value = value_of(story);
    if (!value || value->empty()) {
      result.left_out[story.id] = std::string(kNoValue);
      continue;
    }
    distinct.insert(*value);
    values[story.id] = *value;
  }
  result.levels.assign(distinct.begin(), distinct.end());
  std::sort(result.levels.begin(), result.levels.end(), LevelLess);
  for (const auto& [id, value] : values) {
    result.level_of[id] = static_cast<int>(
        std::find(result.levels.begin(), result.levels.end(), value) - result.levels.begin());
  }
}

Signifier RequireSignifier(Project& project, const DimensionSpec& spec, SignifierType type) {
  auto signifier = FindSignifier(project, spec.name);
  if (!signifier) {
    throw MissingError("dimension '" + spec.text + "': no signifier '" + spec.name +
                       "' in the project; import the self-signification first or check the key");
  }
  if (signifier->type != type) {
    throw UsageError("dimension '" + spec.text + "': signifier '" + spec.name + "' is a " +
                     std::string(SignifierTypeName(signifier->type)) + ", not a " +
                     std::string(SignifierTypeName(type)) + "; use " +
                     std::string(SignifierTypeName(signifier->type)) + ":" + spec.name +
                     " where that form exists");
  }
  return *signifier;
}

std::map<int64_t, SignifierValue> ValuesOf(Project& project, const Signifier& signifier) {
  std::map<int64_t, SignifierValue> values;
  ForEachSignifierValue(project, signifier, [&](int64_t story_id, const SignifierValue& value) {
    values[story_id] = value;
  });
  return values;
}

void ResolveCode(Project& project, const DimensionSpec& spec, const std::vector<Story>& stories,
                 MixedPolicy mixed, ResolvedDimension& result) {
  const auto group = FindCodeByPath(project, spec.name);
  if (!group) {
    throw MissingError("dimension '" + spec.text + "': no code '" + spec.name +
                       "' in the project; name a code group by its path, e.g. code:motivatie");
  }
  std::map<int64_t, int> level_of_code;
  for (const auto& code : ListCodes(project)) {
    if (code.parent_id != group->id || code.retired) continue;
    const int level = static_cast<int>(result.levels.size());
    result.levels.push_back(code.name);
    for (int64_t id : CodeSubtree(project, code.id)) level_of_code[id] = level;
  }
  if (result.levels.empty()) {
    throw UsageError("dimension '" + spec.text + "': code '" + spec.name +
                     "' has no child codes to use as levels; choose a code group such as one "
                     "marked `dimension: true` in the codebook");
  }
  std::vector<int64_t> coder_ids;
  for (const auto& name : spec.coders) {
    const auto coder = FindCoder(project, name);
    if (!coder) {
      throw MissingError("dimension '" + spec.text + "': no coder '" + name +
                         "' in the project; `verhaal info` lists the coders");
    }
    coder_ids.push_back(coder->id);
  }
  CodingFilter filter;
  for (const auto& [id, level] : level_of_code) filter.code_ids.push_back(id);
  // story -> coder -> levels
  std::map<int64_t, std::map<int64_t, std::set<int>>> coded;
  for (const auto& coding : ListCodings(project, filter)) {
    coded[coding.story_id][coding.coder_id].insert(level_of_code.at(coding.code_id));
  }
  if (mixed == MixedPolicy::kLevel) result.levels.emplace_back(kMixed);
  for (const auto& story : stories) {
    const auto& by_coder = coded[story.id];
    std::set<int> levels;
    if (coder_ids.empty()) {
      for (const auto& [coder, set] : by_coder) levels.insert(set.begin(), set.end());
    } else {
      bool complete = true, agree = true;
      for (size_t i = 0; i < coder_ids.size(); ++i) {
        const auto it = by_coder.find(coder_ids[i]);
        if (it == by_coder.end()) {
          complete = false;
          break;
        }
        if (i == 0) levels = it->second;
        if (it->second != levels) agree = false;
      }
      if (!complete) {
        result.left_out[story.id] = std::string(kNoCoding);
        continue;
      }
      if (!agree) {
        result.left_out[story.id] = std::string(kCodersDisagree);
        continue;
      }
    }
    if (levels.empty()) {
      result.left_out[story.id] = std::string(kNoCoding);
    } else if (levels.size() == 1) {
      result.level_of[story.id] = *levels.begin();
    } else if (mixed == MixedPolicy::kLevel) {
      result.level_of[story.id] = static_cast<int>(result.levels.size()) - 1;
    } else {
      result.left_out[story.id] = std::string(kMixed);
    }
  }
}

void ResolveSlider(Project& project, const DimensionSpec& spec, const std::vector<Story>& stories,
                   ResolvedDimension& result) {
  const bool dyad = spec.source == DimensionSource::kDyad;
  const Signifier signifier =
      RequireSignifier(project, spec, dyad ? SignifierType::kDyad : SignifierType::kStones);
  int stone = 0;
  if (!dyad) {
    const auto position = FindSignifierOption(signifier, spec.stone);
    if (!position) {
      throw MissingError("dimension '" + spec.text + "': stones canvas '" + spec.name +
                         "' has no stone '" + spec.stone + "'; name a stone by its key");
    }
    stone = *position;
  }
  const bool y = spec.source == DimensionSource::kStoneY;
  result.levels = CutLevels(spec.cuts, y ? signifier.y_low : signifier.x_low,
                            y ? signifier.y_high : signifier.x_high);
  result.title = spec.name + (dyad ? "" : "/" + spec.stone) + " (" + result.levels.front() + " / " +
                 result.levels.back() + ")";
  const auto values = ValuesOf(project, signifier);
  for (const auto& story : stories) {
    const auto it = values.find(story.id);
    if (it == values.end()) {
      result.left_out[story.id] = std::string(kNoAnswer);
    } else if (it->second.not_applicable) {
      result.left_out[story.id] = std::string(kNotApplicable);
    } else if (dyad) {
      result.level_of[story.id] = CutLevel(spec.cuts, it->second.x);
    } else {
      const auto& stones = it->second.stones;
      if (stone >= static_cast<int>(stones.size()) || !stones[stone]) {
        result.left_out[story.id] = std::string(kNoAnswer);
      } else {
        result.level_of[story.id] = CutLevel(spec.cuts, y ? stones[stone]->y : stones[stone]->x);
      }
    }
  }
}

void ResolveTriadZone(Project& project, const DimensionSpec& spec,
                      const std::vector<Story>& stories, ResolvedDimension& result) {
  const Signifier signifier = RequireSignifier(project, spec, SignifierType::kTriad);
  std::vector<std::string> anchor;
  for (int i = 0; i < 3; ++i) {
    const auto& option = signifier.options.at(i);
    anchor.push_back(option.label.empty() ? option.key : option.label);
  }
  const TriadZone zones[] = {TriadZone::kTop,     TriadZone::kLeft,     TriadZone::kRight,
                             TriadZone::kTopLeft, TriadZone::kTopRight, TriadZone::kLeftRight,
                             TriadZone::kCentre};
  result.levels = {anchor[0],
                   anchor[1],
                   anchor[2],
                   anchor[0] + " + " + anchor[1],
                   anchor[0] + " + " + anchor[2],
                   anchor[1] + " + " + anchor[2],
                   "centre"};
  result.title = spec.name + " zones";
  const auto values = ValuesOf(project, signifier);
  for (const auto& story : stories) {
    const auto it = values.find(story.id);
    if (it == values.end()) {
      result.left_out[story.id] = std::string(kNoAnswer);
    } else if (it->second.not_applicable) {
      result.left_out[story.id] = std::string(kNotApplicable);
    } else {
      const TriadZone zone = ClassifyTriad(it->second.triad);
      const auto at = std::find(std::begin(zones), std::end(zones), zone);
      if (at == std::end(zones)) {
        result.left_out[story.id] = std::string(kNoZone);
      } else {
        result.level_of[story.id] = static_cast<int>(at - std::begin(zones));
      }
    }
  }
}

void ResolveVariable(Project& project, const DimensionSpec& spec, const std::vector<Story>& stories,
                     ResolvedDimension& result) {
  auto variable = FindVariable(project, VariableSubject::kStory, spec.name);
  if (!variable) variable = FindVariable(project, VariableSubject::kRespondent, spec.name);
  if (!variable) {
    throw MissingError("dimension '" + spec.text + "': no story or respondent variable '" +
                       spec.name + "' in the project; check the name in the import mapping");
  }
  const bool of_story = variable->subject == VariableSubject::kStory;
  AssignValues(result, stories, [&](const Story& story) -> std::optional<std::string> {
    std::map<std::string, std::string> values;
    if (of_story) {
      values = StoryValues(project, story.id);
    } else if (story.respondent_id) {
      values = RespondentValues(project, *story.respondent_id);
    }
    const auto it = values.find(spec.name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  });
  // Show value labels (1 -> "laag") in the order of the values.
  for (auto& level : result.levels) {
    const auto label = variable->value_labels.find(level);
    if (label != variable->value_labels.end() && !label->second.empty()) level = label->second;
  }
  if (!variable->label.empty()) result.title = variable->label;
}

}  // namespace

DimensionSpec ParseDimension(std::string_view text) {
  DimensionSpec spec;
  spec.text = std::string(text);
  static const std::map<std::string_view, DimensionSource> kPlain = {
      {"role", DimensionSource::kRole},
      {"kind", DimensionSource::kKind},
      {"wave", DimensionSource::kWave},
      {"respondent", DimensionSource::kRespondent}};
  if (const auto it = kPlain.find(text); it != kPlain.end()) {
    spec.source = it->second;
    return spec;
  }
  const size_t colon = text.find(':');
  const std::string_view prefix = colon == text.npos ? text : text.substr(0, colon);
  std::string_view rest = colon == text.npos ? std::string_view() : text.substr(colon + 1);
  static const std::map<std::string_view, DimensionSource> kPrefixed = {
      {"code", DimensionSource::kCode},
      {"dyad", DimensionSource::kDyad},
      {"stone-x", DimensionSource::kStoneX},
      {"stone-y", DimensionSource::kStoneY},
      {"triad-zone", DimensionSource::kTriadZone},
      {"var", DimensionSource::kVariable}};
  const auto it = kPrefixed.find(prefix);
  if (colon == text.npos || it == kPrefixed.end() || rest.empty()) {
    throw UsageError("unknown dimension '" + std::string(text) + "'; " + std::string(kForms));
  }
  spec.source = it->second;
  const size_t at = rest.find('@');
  const std::string_view suffix = at == rest.npos ? std::string_view() : rest.substr(at + 1);
  spec.name = std::string(rest.substr(0, at));
  const bool takes_at =
      spec.source == DimensionSource::kCode || spec.source == DimensionSource::kDyad ||
      spec.source == DimensionSource::kStoneX || spec.source == DimensionSource::kStoneY;
  if (spec.name.empty() || (at != rest.npos && (suffix.empty() || !takes_at))) {
    throw UsageError("malformed dimension '" + std::string(text) + "'; " + std::string(kForms));
  }
  if (spec.source == DimensionSource::kCode && at != rest.npos) {
    spec.coders = Split(suffix, '+');
    for (const auto& coder : spec.coders) {
      if (coder.empty()) {
        throw UsageError("dimension '" + std::string(text) +
                         "' has an empty coder name; write code:PATH@anna+bram");
      }
    }
  } else if (at != rest.npos) {
    spec.cuts = ParseCuts(text, suffix);
  }
  if (spec.source == DimensionSource::kStoneX || spec.source == DimensionSource::kStoneY) {
    const size_t slash = spec.name.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == spec.name.size()) {
      throw UsageError("dimension '" + std::string(text) +
                       "' needs a canvas and a stone: stone-x:KEY/STONE");
    }
    spec.stone = spec.name.substr(slash + 1);
    spec.name = spec.name.substr(0, slash);
  }
  return spec;
}

ResolvedDimension ResolveDimension(Project& project, const DimensionSpec& spec,
                                   const std::vector<Story>& stories, MixedPolicy mixed) {
  ResolvedDimension result;
  result.label = spec.text;
  result.title = spec.name.empty() ? spec.text : spec.name;
  switch (spec.source) {
    case DimensionSource::kCode:
      ResolveCode(project, spec, stories, mixed, result);
      break;
    case DimensionSource::kDyad:
    case DimensionSource::kStoneX:
    case DimensionSource::kStoneY:
      ResolveSlider(project, spec, stories, result);
      break;
    case DimensionSource::kTriadZone:
      ResolveTriadZone(project, spec, stories, result);
      break;
    case DimensionSource::kRole:
      AssignValues(result, stories, [](const Story& s) { return s.role; });
      break;
    case DimensionSource::kKind:
      AssignValues(result, stories, [](const Story& s) { return s.kind; });
      break;
    case DimensionSource::kRespondent:
      AssignValues(result, stories, [](const Story& s) { return s.respondent_key; });
      break;
    case DimensionSource::kWave:
      AssignValues(result, stories, [](const Story& s) -> std::optional<std::string> {
        if (!s.wave) return std::nullopt;
        return std::to_string(*s.wave);
      });
      break;
    case DimensionSource::kVariable:
      ResolveVariable(project, spec, stories, result);
      break;
  }
  return result;
}

}  // namespace verhaal
