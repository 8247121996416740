#include "importers/refi_signifiers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace verhaal {
namespace {

constexpr std::string_view kPrefix = "signifier:";
constexpr std::string_view kNotApplicable = "not applicable";
constexpr std::array<std::string_view, 3> kAnchors = {"top", "left", "right"};

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::vector<std::string> SplitItems(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const size_t at = text.find("; ");
    items.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 2);
  }
  return items;
}

// A position or proportion; kData when `value` is not a number.
double Number(const std::string& value, const std::string& variable) {
  char* end = nullptr;
  const double number = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(number)) {
    throw DataError("signifier " + variable + ": '" + value + "' is not a number");
  }
  return number;
}

// "0 = LOW, 1 = HIGH" -> {LOW, HIGH}.
std::optional<std::pair<std::string, std::string>> Poles(std::string_view text) {
  if (text.substr(0, 4) != "0 = ") return std::nullopt;
  const size_t high = text.rfind(", 1 = ");
  if (high == std::string_view::npos || high < 4) return std::nullopt;
  return std::make_pair(std::string(text.substr(4, high - 4)), std::string(text.substr(high + 6)));
}

}  // namespace

std::optional<SignifierVariable> ReadSignifierVariable(
    const std::string& name, const std::string& description,
    std::map<std::string, Signifier>& signifiers) {
  if (name.rfind(kPrefix, 0) != 0) return std::nullopt;
  std::string_view rest = std::string_view(name).substr(kPrefix.size());
  SignifierVariable variable;
  if (rest == kNotApplicable) {
    variable.part = SignifierVariable::Part::kNotApplicable;
    return variable;
  }
  // "TITLE (TYPE)" or "TITLE (TYPE): WHAT".
  std::optional<SignifierType> type;
  size_t type_at = std::string::npos;
  std::string_view what;
  for (SignifierType t : {SignifierType::kDyad, SignifierType::kTriad, SignifierType::kStones,
                          SignifierType::kList, SignifierType::kFreetext}) {
    const std::string marker = " (" + std::string(SignifierTypeName(t)) + ")";
    for (size_t at = description.find(marker); at != std::string::npos;
         at = description.find(marker, at + 1)) {
      const size_t after = at + marker.size();
      if (after != description.size() && description.compare(after, 2, ": ") != 0) continue;
      if (at < type_at) {
        type = t;
        type_at = at;
        what = after == description.size() ? std::string_view()
                                           : std::string_view(description).substr(after + 2);
      }
      break;
    }
  }
  if (!type) return std::nullopt;
  std::string stone;
  switch (*type) {
    case SignifierType::kTriad: {
      const size_t colon = rest.rfind(':');
      if (colon == std::string_view::npos) return std::nullopt;
      const std::string_view anchor = rest.substr(colon + 1);
      const auto found = std::find(kAnchors.begin(), kAnchors.end(), anchor);
      if (found == kAnchors.end()) return std::nullopt;
      variable.part = static_cast<SignifierVariable::Part>(
          static_cast<int>(SignifierVariable::Part::kTop) + (found - kAnchors.begin()));
      rest = rest.substr(0, colon);
      break;
    }
    case SignifierType::kStones: {
      if (!EndsWith(rest, ":x") && !EndsWith(rest, ":y")) return std::nullopt;
      variable.part =
          rest.back() == 'x' ? SignifierVariable::Part::kStoneX : SignifierVariable::Part::kStoneY;
      rest.remove_suffix(2);
      const size_t colon = rest.rfind(':');
      if (colon == std::string_view::npos) return std::nullopt;
      stone = std::string(rest.substr(colon + 1));
      rest = rest.substr(0, colon);
      break;
    }
    default:
      break;
  }
  if (rest.empty()) return std::nullopt;
  variable.key = std::string(rest);
  variable.stone = stone;
  Signifier& signifier = signifiers[variable.key];
  if (signifier.key.empty()) {
    signifier.key = variable.key;
    signifier.type = *type;
    signifier.title = description.substr(0, type_at);
    signifier.source = "refi-qda";
    signifier.multiple = *type == SignifierType::kList;  // not in the export: allow several
  } else if (signifier.type != *type) {
    return std::nullopt;
  }
  switch (*type) {
    case SignifierType::kDyad:
      if (auto poles = Poles(what)) std::tie(signifier.x_low, signifier.x_high) = *poles;
      break;
    case SignifierType::kTriad: {
      const size_t index =
          static_cast<size_t>(variable.part) - static_cast<size_t>(SignifierVariable::Part::kTop);
      signifier.options.resize(3);
      constexpr std::string_view kShare = "the share of ";
      std::string label(what.substr(0, kShare.size()) == kShare ? what.substr(kShare.size())
                                                                : what);
      signifier.options[index] = {std::string(kAnchors[index]), label};
      break;
    }
    case SignifierType::kStones: {
      // "LABEL, x (0 = LOW, 1 = HIGH)".
      const bool x = variable.part == SignifierVariable::Part::kStoneX;
      const std::string axis = x ? ", x (" : ", y (";
      const size_t at = what.rfind(axis);
      std::string label =
          at == std::string_view::npos ? std::string(what) : std::string(what.substr(0, at));
      if (at != std::string_view::npos && EndsWith(what, ")")) {
        const std::string_view inside =
            what.substr(at + axis.size(), what.size() - at - axis.size() - 1);
        if (auto poles = Poles(inside)) {
          std::tie(x ? signifier.x_low : signifier.y_low, x ? signifier.x_high : signifier.y_high) =
              *poles;
        }
      }
      if (!FindSignifierOption(signifier, stone)) signifier.options.push_back({stone, label});
      break;
    }
    case SignifierType::kList: {
      constexpr std::string_view kItems = "between them: ";
      const size_t at = what.find(kItems);
      if (at == std::string_view::npos) break;
      for (const std::string& item : SplitItems(what.substr(at + kItems.size()))) {
        const size_t eq = item.find(" = ");
        SignifierOption option;
        option.key = item.substr(0, eq);
        if (eq != std::string::npos) option.label = item.substr(eq + 3);
        if (!FindSignifierOption(signifier, option.key)) signifier.options.push_back(option);
      }
      break;
    }
    case SignifierType::kFreetext:
      break;
  }
  return variable;
}

bool IsWholeSignifier(const Signifier& signifier) {
  switch (signifier.type) {
    case SignifierType::kTriad:
      return signifier.options.size() == 3 &&
             std::none_of(signifier.options.begin(), signifier.options.end(),
                          [](const SignifierOption& o) { return o.key.empty(); });
    case SignifierType::kStones:
    case SignifierType::kList:
      return !signifier.options.empty();
    default:
      return true;
  }
}

void AddSignifierAnswer(const SignifierVariable& variable, const std::string& value,
                        const std::map<std::string, Signifier>& signifiers,
                        std::map<std::string, SignifierValue>& answers) {
  if (variable.part == SignifierVariable::Part::kNotApplicable) {
    for (const std::string& key : SplitItems(value)) {
      if (signifiers.count(key)) answers[key].not_applicable = true;
    }
    return;
  }
  const auto found = signifiers.find(variable.key);
  if (found == signifiers.end()) return;
  const Signifier& signifier = found->second;
  SignifierValue& answer = answers[variable.key];
  using Part = SignifierVariable::Part;
  switch (variable.part) {
    case Part::kTop:
      answer.triad.top = Number(value, variable.key);
      return;
    case Part::kLeft:
      answer.triad.left = Number(value, variable.key);
      return;
    case Part::kRight:
      answer.triad.right = Number(value, variable.key);
      return;
    case Part::kStoneX:
    case Part::kStoneY: {
      const auto position = FindSignifierOption(signifier, variable.stone);
      if (!position) return;
      answer.stones.resize(signifier.options.size());
      auto& placement = answer.stones[static_cast<size_t>(*position)];
      if (!placement) placement = StonePlacement{};
      (variable.part == Part::kStoneX ? placement->x : placement->y) = Number(value, variable.key);
      return;
    }
    default:
      break;
  }
  switch (signifier.type) {
    case SignifierType::kDyad:
      answer.x = Number(value, variable.key);
      break;
    case SignifierType::kList:
      for (const std::string& key : SplitItems(value)) {
        const auto position = FindSignifierOption(signifier, key);
        if (!position) {
          throw DataError("signifier " + signifier.key + " has no item '" + key + "'");
        }
        answer.items.push_back(*position);
      }
      std::sort(answer.items.begin(), answer.items.end());
      break;
    case SignifierType::kFreetext:
      answer.text = value;
      break;
    default:
      break;
  }
}

}  // namespace verhaal
