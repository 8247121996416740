#include "coding/dimension.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdio>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <set>

#include "base/error.h"
#include "corpus/coder_set.h"
#include "corpus/codes.h"
#include "corpus/coding_rows.h"
#include "corpus/codings.h"
#include "corpus/signifier_scan.h"
#include "corpus/signifiers.h"
#include "corpus/story_attributes.h"
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
    // Written so that NaN (every comparison false) fails too.
    if (!value || !(*value > 0 && *value < 1) || (!cuts.empty() && !(*value > cuts.back()))) {
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

// A dimension being resolved: one slot per story, in the order of the
// (ascending) story ids. A slot holds a level (>= 0) or a reason (kUnset
// until a value arrives). Compact: 4 bytes a story.
class Slots {
 public:
  // With `index` false the slots are only storage: positions come from
  // another Slots' IndexOf over the same ids.
  explicit Slots(const std::vector<int64_t>& ids, bool index = true)
      : ids_(ids), slots_(ids.size(), kUnset) {
    if (!index) return;
    // Ids close together (every story, or most of them: the usual case)
    // get a table of positions, 4 bytes an id in their range (at most 64 a
    // story), so that a million rows are placed without a binary search
    // each.
    if (ids.empty()) return;
    const uint64_t range = static_cast<uint64_t>(ids.back()) - static_cast<uint64_t>(ids.front());
    if (range >= 16 * ids.size() + 4096 ||
        ids.size() > static_cast<size_t>(std::numeric_limits<int32_t>::max())) {
      return;
    }
    first_ = ids.front();
    if (range + 1 == ids.size()) {  // no gaps: the position is the offset
      contiguous_ = true;
      return;
    }
    position_.assign(range + 1, -1);
    for (size_t i = 0; i < ids.size(); ++i) {
      position_[static_cast<size_t>(ids[i] - first_)] = static_cast<int32_t>(i);
    }
  }

  // The position of story `id`, or -1 when it is not among the stories.
  int64_t IndexOf(int64_t id) const {
    if (contiguous_) {
      const uint64_t offset = static_cast<uint64_t>(id) - static_cast<uint64_t>(first_);
      return offset < ids_.size() ? static_cast<int64_t>(offset) : -1;
    }
    if (!position_.empty()) {
      const uint64_t offset = static_cast<uint64_t>(id) - static_cast<uint64_t>(first_);
      return offset < position_.size() ? position_[offset] : -1;
    }
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    return it != ids_.end() && *it == id ? it - ids_.begin() : -1;
  }
  size_t size() const { return ids_.size(); }
  int32_t& operator[](size_t i) { return slots_[i]; }
  int32_t operator[](size_t i) const { return slots_[i]; }
  void SetReason(size_t i, std::string_view reason) { slots_[i] = ReasonSlot(reason); }
  bool HasReason(size_t i, std::string_view reason) const {
    return slots_[i] == ReasonSlot(reason);
  }
  // What a slot holds for `reason`.
  static constexpr int32_t ReasonSlot(std::string_view reason) { return -2 - ReasonIndex(reason); }

  // Every slot still unset gets `reason`; then the slots become level_of
  // and left_out.
  void Finish(std::string_view unset_reason, ResolvedDimension& result) const {
    const int32_t unset = ReasonSlot(unset_reason);
    result.level_of.reserve(static_cast<size_t>(
        std::count_if(slots_.begin(), slots_.end(), [](int32_t slot) { return slot >= 0; })));
    for (size_t i = 0; i < ids_.size(); ++i) {
      const int32_t slot = slots_[i] == kUnset ? unset : slots_[i];
      if (slot >= 0) {
        result.level_of.Append(ids_[i], slot);
      } else {
        result.left_out.Append(ids_[i], std::string(kReasons[static_cast<size_t>(-2 - slot)]));
      }
    }
  }

  static constexpr int32_t kUnset = -1;

 private:
  static constexpr std::string_view kReasons[] = {kNoCoding,      kCodersDisagree, kMixed,
                                                  kNotApplicable, kNoAnswer,       kNoValue,
                                                  kNoZone,        kNoConsensus};
  static constexpr int32_t ReasonIndex(std::string_view reason) {
    for (size_t r = 0; r < std::size(kReasons); ++r) {
      if (kReasons[r] == reason) return static_cast<int32_t>(r);
    }
    throw Error(ErrorKind::kInternal, "unknown reason '" + std::string(reason) + "'");
  }

  const std::vector<int64_t>& ids_;
  std::vector<int32_t> slots_;
  int64_t first_ = 0;              // ids_.front() with contiguous_ or position_
  bool contiguous_ = false;        // ids_ are first_, first_ + 1, ...
  std::vector<int32_t> position_;  // id - first_ -> index into ids_, or -1; may be empty
};

// Gives each story the level of its value: `read` visits stories with the
// number of their value, an index into the values it returns (corpus/
// story_attributes.h). Stories without one or with an empty value get
// kNoValue. Levels are the distinct values of the stories in `ids`, sorted
// by LevelLess.
void AssignValueNumbers(
    const std::function<std::vector<std::string>(const StoryValueNumberVisit&)>& read,
    const std::vector<int64_t>& ids, ResolvedDimension& result) {
  Slots slots(ids);
  const std::vector<std::string> values = read([&](int64_t story_id, int32_t value) {
    const int64_t at = slots.IndexOf(story_id);
    if (at >= 0) slots[static_cast<size_t>(at)] = value;
  });
  // The values some story has, ascending as text, then sorted by LevelLess.
  std::vector<char> used(values.size(), 0);
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i] >= 0) used[static_cast<size_t>(slots[i])] = 1;
  }
  std::vector<int32_t> distinct;
  for (size_t v = 0; v < values.size(); ++v) {
    if (used[v] && !values[v].empty()) distinct.push_back(static_cast<int32_t>(v));
  }
  const auto value = [&](int32_t v) -> const std::string& {
    return values[static_cast<size_t>(v)];
  };
  std::sort(distinct.begin(), distinct.end(),
            [&](int32_t a, int32_t b) { return value(a) < value(b); });
  // Sorting the numbers compares what sorting the texts would, so the
  // order is the same, without looking each level up afterwards.
  std::sort(distinct.begin(), distinct.end(),
            [&](int32_t a, int32_t b) { return LevelLess(value(a), value(b)); });
  result.levels.clear();
  std::vector<int32_t> renumber(values.size(), Slots::kUnset);  // an empty value: no level
  for (int32_t v : distinct) {
    renumber[static_cast<size_t>(v)] = static_cast<int32_t>(result.levels.size());
    result.levels.push_back(value(v));
  }
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i] >= 0) slots[i] = renumber[static_cast<size_t>(slots[i])];
  }
  slots.Finish(kNoValue, result);
}

// The same for a reading that visits with the value's text.
void AssignValues(const std::function<void(const StoryValueVisit&)>& read,
                  const std::vector<int64_t>& ids, ResolvedDimension& result) {
  AssignValueNumbers(
      [&](const StoryValueNumberVisit& visit) {
        std::map<std::string, int32_t, std::less<>> numbers;
        std::vector<std::string> values;
        read([&](int64_t story_id, std::string_view value) {
          if (value.empty()) return;  // as no value: an earlier value stays
          auto it = numbers.find(value);
          if (it == numbers.end()) {
            it = numbers.emplace(std::string(value), static_cast<int32_t>(values.size())).first;
            values.emplace_back(value);
          }
          visit(story_id, it->second);
        });
        return values;
      },
      ids, result);
}

// Levels from one attribute of each story.
void AssignAttribute(Project& project, StoryAttribute attribute, const std::vector<int64_t>& ids,
                     ResolvedDimension& result) {
  AssignValueNumbers(
      [&](const StoryValueNumberVisit& visit) {
        return ForEachStoryAttributeNumber(project, attribute, visit);
      },
      ids, result);
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

// Levels a story's codings give, one bit a level, `words` 64-bit words a
// story (a code group with more than 64 children takes more words).
class LevelBits {
 public:
  LevelBits(size_t stories, size_t levels)
      : words_((levels + 63) / 64), bits_(stories * words_, 0) {}
  void Set(size_t story, int level) {
    bits_[story * words_ + static_cast<size_t>(level) / 64] |= uint64_t{1}
                                                               << (static_cast<size_t>(level) % 64);
  }
  bool Has(size_t story, int level) const {
    return (bits_[story * words_ + static_cast<size_t>(level) / 64] >>
            (static_cast<size_t>(level) % 64)) &
           1;
  }
  bool Empty(size_t story) const {
    for (size_t w = 0; w < words_; ++w) {
      if (bits_[story * words_ + w]) return false;
    }
    return true;
  }
  bool Equal(size_t story, const LevelBits& other) const {
    return std::equal(bits_.begin() + static_cast<std::ptrdiff_t>(story * words_),
                      bits_.begin() + static_cast<std::ptrdiff_t>((story + 1) * words_),
                      other.bits_.begin() + static_cast<std::ptrdiff_t>(story * words_));
  }
  // The only level set, -1 for none, -2 for two or more.
  int Single(size_t story) const {
    int found = -1;
    for (size_t w = 0; w < words_; ++w) {
      const uint64_t word = bits_[story * words_ + w];
      if (!word) continue;
      if (found >= 0 || (word & (word - 1))) return -2;
      found = static_cast<int>(w * 64) + std::countr_zero(word);
    }
    return found;
  }

 private:
  size_t words_;
  std::vector<uint64_t> bits_;
};

void ResolveCode(Project& project, const DimensionSpec& spec, const std::vector<int64_t>& ids,
                 MixedPolicy mixed, const CoderSelection* selection, ResolvedDimension& result) {
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
  // Named in the DIM (code:PATH@anna+bram): they must agree. Else the
  // analysis coders, combined as the selection says.
  const bool agree_mode = !spec.coders.empty();
  std::vector<int64_t> coder_ids;
  int min_coders = 1;
  std::string speaker;  // --speaker of the selection; none when agreeing
  if (agree_mode) {
    std::string names;
    for (const auto& name : spec.coders) {
      const auto coder = FindCoder(project, name);
      if (!coder) {
        throw MissingError("dimension '" + spec.text + "': no coder '" + name +
                           "' in the project; `verhaal coders list` lists the coders");
      }
      coder_ids.push_back(coder->id);
      names += (names.empty() ? "" : " + ") + name;
    }
    result.codings = "codings of " + names + " where they agree (" + spec.text + ")";
  } else {
    const CoderSelection resolved = selection ? *selection : ResolveCoderSelection(project);
    const CoderSet set = resolved.Set();
    coder_ids = set.coder_ids;
    min_coders = set.min_coders;
    speaker = set.speaker;
    result.codings = resolved.Describe();
  }
  // One set of bits per distinct coder when they are compared or counted
  // (a name given twice shares one); else one set for the coders together.
  std::vector<int64_t> distinct_coders = coder_ids;
  std::sort(distinct_coders.begin(), distinct_coders.end());
  distinct_coders.erase(std::unique(distinct_coders.begin(), distinct_coders.end()),
                        distinct_coders.end());
  const bool per_coder = agree_mode || min_coders > 1;
  const size_t sets = per_coder ? distinct_coders.size() : 1;
  std::vector<LevelBits> bits(std::max<size_t>(sets, 1),
                              LevelBits(ids.size(), result.levels.size()));
  Slots slots(ids);
  std::vector<int64_t> code_ids;
  for (const auto& [id, level] : level_of_code) code_ids.push_back(id);
  ForEachCodingOfCodes(
      project, code_ids, CoderSet{distinct_coders, 1, speaker}, [&](const CodingRow& coding) {
        const int64_t at = slots.IndexOf(coding.story_id);
        if (at < 0) return;
        size_t set = 0;
        if (per_coder) {
          set = static_cast<size_t>(
              std::lower_bound(distinct_coders.begin(), distinct_coders.end(), coding.coder_id) -
              distinct_coders.begin());
        }
        bits[set].Set(static_cast<size_t>(at), level_of_code.at(coding.code_id));
      });
  std::vector<size_t> set_of_coder;  // spec.coders order -> set
  for (int64_t coder : coder_ids) {
    set_of_coder.push_back(static_cast<size_t>(
        std::lower_bound(distinct_coders.begin(), distinct_coders.end(), coder) -
        distinct_coders.begin()));
  }
  // Consensus: the levels at least min_coders coders gave.
  std::optional<LevelBits> consensus;
  if (!agree_mode && min_coders > 1) {
    consensus.emplace(ids.size(), result.levels.size());
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t level = 0; level < result.levels.size(); ++level) {
        int gave = 0;
        for (const LevelBits& coder : bits) gave += coder.Has(i, static_cast<int>(level)) ? 1 : 0;
        if (gave >= min_coders) consensus->Set(i, static_cast<int>(level));
      }
    }
  }
  if (mixed == MixedPolicy::kLevel) result.levels.emplace_back(kMixed);
  for (size_t i = 0; i < ids.size(); ++i) {
    const LevelBits& levels = consensus ? *consensus : bits[agree_mode ? set_of_coder.front() : 0];
    if (agree_mode) {
      bool complete = true, agree = true;
      for (size_t set : set_of_coder) {
        if (bits[set].Empty(i)) {
          complete = false;
          break;
        }
        if (!bits[set].Equal(i, levels)) agree = false;
      }
      if (!complete) {
        slots.SetReason(i, kNoCoding);
        continue;
      }
      if (!agree) {
        slots.SetReason(i, kCodersDisagree);
        continue;
      }
    }
    const int single = levels.Single(i);
    if (single == -1) {
      const bool some_coded =
          consensus && std::any_of(bits.begin(), bits.end(),
                                   [&](const LevelBits& coder) { return !coder.Empty(i); });
      slots.SetReason(i, some_coded ? kNoConsensus : kNoCoding);
    } else if (single >= 0) {
      slots[i] = single;
    } else if (mixed == MixedPolicy::kLevel) {
      slots[i] = static_cast<int32_t>(result.levels.size()) - 1;
    } else if (mixed == MixedPolicy::kEach) {
      std::vector<int> all;
      for (size_t level = 0; level < result.levels.size(); ++level) {
        if (levels.Has(i, static_cast<int>(level))) all.push_back(static_cast<int>(level));
      }
      slots[i] = all.front();
      result.extra_levels.Append(ids[i], std::vector<int>(all.begin() + 1, all.end()));
    } else {
      slots.SetReason(i, kMixed);
    }
  }
  slots.Finish(kNoCoding, result);
}

// How a signifier dimension's rows give a story its level: sets the slot
// of story `i` from `row` (or leaves it, or sets a reason). N/A rows never
// come here (see SignifierAnswers).
using AnswerToLevel = std::function<void(Slots& slots, size_t i, const SignifierRow& row)>;

// Checks a dyad or stone dimension, gives `result` its levels and title, and
// returns its signifier and how a row gives a level.
std::pair<int64_t, AnswerToLevel> PrepareSlider(Project& project, const DimensionSpec& spec,
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
  // A stone not placed leaves the story unset (no answer).
  return {signifier.id,
          [cuts = spec.cuts, dyad, stone, y](Slots& slots, size_t i, const SignifierRow& row) {
            if (dyad) {
              slots[i] = CutLevel(cuts, row.a);
            } else if (row.option == stone) {
              slots[i] = CutLevel(cuts, y ? row.b : row.a);
            }
          }};
}

// The same for a triad's zones.
std::pair<int64_t, AnswerToLevel> PrepareTriadZone(Project& project, const DimensionSpec& spec,
                                                   ResolvedDimension& result) {
  const Signifier signifier = RequireSignifier(project, spec, SignifierType::kTriad);
  std::vector<std::string> anchor;
  for (int i = 0; i < 3; ++i) {
    const auto& option = signifier.options.at(i);
    anchor.push_back(option.label.empty() ? option.key : option.label);
  }
  result.levels = {anchor[0],
                   anchor[1],
                   anchor[2],
                   anchor[0] + " + " + anchor[1],
                   anchor[0] + " + " + anchor[2],
                   anchor[1] + " + " + anchor[2],
                   "centre"};
  result.title = spec.name + " zones";
  return {signifier.id, [](Slots& slots, size_t i, const SignifierRow& row) {
            static constexpr TriadZone kZones[] = {
                TriadZone::kTop,      TriadZone::kLeft,      TriadZone::kRight, TriadZone::kTopLeft,
                TriadZone::kTopRight, TriadZone::kLeftRight, TriadZone::kCentre};
            const TriadZone zone = ClassifyTriad(Triad{row.a, row.b, row.c});
            const auto found = std::find(std::begin(kZones), std::end(kZones), zone);
            if (found == std::end(kZones)) {
              slots.SetReason(i, kNoZone);
            } else {
              slots[i] = static_cast<int32_t>(found - std::begin(kZones));
            }
          }};
}

void ResolveVariable(Project& project, const DimensionSpec& spec, const std::vector<int64_t>& ids,
                     ResolvedDimension& result) {
  std::optional<Variable> variable;
  // var:story.NAME / var:respondent.NAME name the level; a bare NAME must be
  // one level's only.
  for (const auto subject : {VariableSubject::kStory, VariableSubject::kRespondent}) {
    const std::string prefix = std::string(VariableSubjectName(subject)) + ".";
    if (spec.name.rfind(prefix, 0) == 0 && spec.name.size() > prefix.size()) {
      variable = FindVariable(project, subject, spec.name.substr(prefix.size()));
      if (!variable) {
        throw MissingError("dimension '" + spec.text + "': no " +
                           std::string(VariableSubjectName(subject)) + " variable '" +
                           spec.name.substr(prefix.size()) +
                           "' in the project; check the name in the import mapping");
      }
    }
  }
  if (!variable) {
    auto of_story = FindVariable(project, VariableSubject::kStory, spec.name);
    auto of_respondent = FindVariable(project, VariableSubject::kRespondent, spec.name);
    if (of_story && of_respondent) {
      throw UsageError("dimension '" + spec.text + "': '" + spec.name +
                       "' is both a story variable and a respondent variable; write var:story." +
                       spec.name + " or var:respondent." + spec.name);
    }
    variable = of_story ? of_story : of_respondent;
  }
  if (!variable) {
    throw MissingError("dimension '" + spec.text + "': no story or respondent variable '" +
                       spec.name + "' in the project; check the name in the import mapping");
  }
  AssignValues(
      [&](const StoryValueVisit& visit) { ForEachStoryVariableValue(project, *variable, visit); },
      ids, result);
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

// A signifier dimension waiting for its rows.
struct DimensionResolver::Pending {
  size_t dimension;  // index into results_
  int64_t signifier_id;
  Slots slots;
  AnswerToLevel answer;
};

DimensionResolver::DimensionResolver(Project& project, const std::vector<int64_t>& story_ids,
                                     MixedPolicy mixed, const CoderSelection* coders)
    : project_(project), ids_(&story_ids), mixed_(mixed), coders_(coders) {
  if (!std::is_sorted(story_ids.begin(), story_ids.end())) {
    sorted_ = story_ids;
    std::sort(sorted_.begin(), sorted_.end());
    ids_ = &sorted_;
  }
}

DimensionResolver::~DimensionResolver() = default;

size_t DimensionResolver::Add(const DimensionSpec& spec) {
  const std::vector<int64_t>& story_ids = *ids_;
  ResolvedDimension result;
  result.label = spec.text;
  result.title = spec.name.empty() ? spec.text : spec.name;
  std::pair<int64_t, AnswerToLevel> answers;
  switch (spec.source) {
    case DimensionSource::kCode:
      ResolveCode(project_, spec, story_ids, mixed_, coders_, result);
      break;
    case DimensionSource::kDyad:
    case DimensionSource::kStoneX:
    case DimensionSource::kStoneY:
      answers = PrepareSlider(project_, spec, result);
      break;
    case DimensionSource::kTriadZone:
      answers = PrepareTriadZone(project_, spec, result);
      break;
    // Role, kind, wave and respondent: one column of the story or its
    // respondent, read without the stories' text.
    case DimensionSource::kRole:
      AssignAttribute(project_, StoryAttribute::kRole, story_ids, result);
      break;
    case DimensionSource::kKind:
      AssignAttribute(project_, StoryAttribute::kKind, story_ids, result);
      break;
    case DimensionSource::kRespondent:
      AssignAttribute(project_, StoryAttribute::kRespondent, story_ids, result);
      break;
    case DimensionSource::kWave:
      AssignAttribute(project_, StoryAttribute::kWave, story_ids, result);
      break;
    case DimensionSource::kVariable:
      ResolveVariable(project_, spec, story_ids, result);
      break;
  }
  results_.push_back(std::move(result));
  if (answers.second) {
    pending_.push_back(std::make_unique<Pending>(Pending{
        results_.size() - 1, answers.first, Slots(story_ids, false), std::move(answers.second)}));
  }
  return results_.size() - 1;
}

std::vector<ResolvedDimension> DimensionResolver::Resolve() {
  if (!pending_.empty()) {
    std::vector<int64_t> signifiers;
    for (const auto& pending : pending_) signifiers.push_back(pending->signifier_id);
    std::sort(signifiers.begin(), signifiers.end());
    signifiers.erase(std::unique(signifiers.begin(), signifiers.end()), signifiers.end());
    // One pass over the values of every signifier asked for. A story's rows
    // may come in any order: N/A on any row wins over the others.
    const Slots positions(*ids_);
    constexpr int32_t kNotApplicableSlot = Slots::ReasonSlot(kNotApplicable);
    ForEachSignifierRow(project_, signifiers, [&](const SignifierRow& row) {
      const int64_t at = positions.IndexOf(row.story_id);
      if (at < 0) return;
      const auto i = static_cast<size_t>(at);
      for (const auto& pending : pending_) {
        if (pending->signifier_id != row.signifier_id) continue;
        if (row.not_applicable) {
          pending->slots.SetReason(i, kNotApplicable);
        } else if (pending->slots[i] != kNotApplicableSlot) {
          pending->answer(pending->slots, i, row);
        }
      }
    });
    for (const auto& pending : pending_) {
      pending->slots.Finish(kNoAnswer, results_[pending->dimension]);
    }
    pending_.clear();
  }
  return std::move(results_);
}

ResolvedDimension ResolveDimension(Project& project, const DimensionSpec& spec,
                                   const std::vector<int64_t>& story_ids, MixedPolicy mixed,
                                   const CoderSelection* coders) {
  DimensionResolver resolver(project, story_ids, mixed, coders);
  resolver.Add(spec);
  return std::move(resolver.Resolve().front());
}

ResolvedDimension ResolveDimension(Project& project, const DimensionSpec& spec,
                                   const std::vector<Story>& stories, MixedPolicy mixed,
                                   const CoderSelection* coders) {
  std::vector<int64_t> ids;
  ids.reserve(stories.size());
  for (const auto& story : stories) ids.push_back(story.id);
  return ResolveDimension(project, spec, ids, mixed, coders);
}

}  // namespace verhaal
