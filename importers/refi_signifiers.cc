#include "importers/refi_signifiers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
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

// `text` split at "; " into keys `known` knows, where a key may hold "; "
// itself: the pieces are joined back where that makes a known key (the
// longest first, so that every piece ends in a known key when it can). The
// plain split when no such reading exists (its unknown keys are then named).
std::vector<std::string> SplitKnownItems(std::string_view text,
                                         const std::function<bool(const std::string&)>& known) {
  const std::vector<std::string> pieces = SplitItems(text);
  const size_t n = pieces.size();
  auto joined = [&](size_t from, size_t to) {  // pieces [from, to)
    std::string key = pieces[from];
    for (size_t i = from + 1; i < to; ++i) key += "; " + pieces[i];
    return key;
  };
  // readable[i]: pieces [i, n) are known keys; next[i]: where the first ends.
  std::vector<bool> readable(n + 1, false);
  std::vector<size_t> next(n + 1, n);
  readable[n] = true;
  for (size_t i = n; i-- > 0;) {
    for (size_t to = n; to > i && !readable[i]; --to) {
      if (readable[to] && known(joined(i, to))) {
        readable[i] = true;
        next[i] = to;
      }
    }
  }
  if (!readable[0]) return pieces;
  std::vector<std::string> keys;
  for (size_t i = 0; i < n; i = next[i]) keys.push_back(joined(i, next[i]));
  return keys;
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

// The Description without its verhaal: last line, and that line's JSON.
std::pair<std::string, std::optional<std::string>> SplitLine(const std::string& description) {
  constexpr std::string_view kLine = "verhaal: ";
  const size_t newline = description.rfind('\n');
  if (newline == std::string::npos || description.compare(newline + 1, kLine.size(), kLine) != 0) {
    return {description, std::nullopt};
  }
  return {description.substr(0, newline), description.substr(newline + 1 + kLine.size())};
}

// The definition a verhaal: line holds (docs/refi-qda.md). kData saying what
// is wrong with it otherwise.
Signifier ParseLine(const std::string& text) {
  using Json = nlohmann::json;
  const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    throw DataError("its verhaal: line is not a JSON object");
  }
  auto string = [](const Json& object, const char* name, bool required) {
    const auto found = object.find(name);
    if (found == object.end()) {
      if (required) throw DataError(std::string("its verhaal: line has no \"") + name + "\"");
      return std::string();
    }
    if (!found->is_string()) {
      throw DataError(std::string("in its verhaal: line, \"") + name + "\" is not a string");
    }
    return found->get<std::string>();
  };
  Signifier signifier;
  signifier.key = string(json, "key", true);
  try {
    signifier.type = ParseSignifierType(string(json, "type", true));
  } catch (const Error& e) {
    throw DataError("in its verhaal: line, " + e.message());
  }
  signifier.title = string(json, "title", false);
  signifier.x_low = string(json, "x_low", false);
  signifier.x_high = string(json, "x_high", false);
  signifier.y_low = string(json, "y_low", false);
  signifier.y_high = string(json, "y_high", false);
  signifier.source = string(json, "source", false);
  if (const auto multiple = json.find("multiple"); multiple != json.end()) {
    if (!multiple->is_boolean()) {
      throw DataError("in its verhaal: line, \"multiple\" is not true or false");
    }
    signifier.multiple = multiple->get<bool>();
  }
  if (const auto options = json.find("options"); options != json.end()) {
    if (!options->is_array()) throw DataError("in its verhaal: line, \"options\" is not a list");
    for (const Json& option : *options) {
      if (!option.is_object()) {
        throw DataError("in its verhaal: line, an option is not a JSON object");
      }
      SignifierOption read{string(option, "key", true), string(option, "label", false)};
      if (read.key.empty() || FindSignifierOption(signifier, read.key)) {
        throw DataError("in its verhaal: line, option key '" + read.key +
                        "' is empty or not unique");
      }
      signifier.options.push_back(std::move(read));
    }
  }
  if (signifier.key.empty()) throw DataError("in its verhaal: line, \"key\" is empty");
  if (signifier.type == SignifierType::kTriad && signifier.options.size() != 3) {
    throw DataError("in its verhaal: line, the triad has " +
                    std::to_string(signifier.options.size()) + " anchors, not 3");
  }
  return signifier;
}

}  // namespace

std::optional<SignifierVariable> ReadSignifierVariable(const std::string& name,
                                                       const std::string& full_description,
                                                       SignifierDescriptions& descriptions,
                                                       const SignifierWarning& warn) {
  if (name.rfind(kPrefix, 0) != 0) return std::nullopt;
  std::string_view rest = std::string_view(name).substr(kPrefix.size());
  SignifierVariable variable;
  if (rest == kNotApplicable) {
    variable.part = SignifierVariable::Part::kNotApplicable;
    return variable;
  }
  const auto [description, line] = SplitLine(full_description);
  std::optional<Signifier> exact;
  std::string problem;
  if (line) {
    try {
      exact = ParseLine(*line);
    } catch (const Error& e) {
      problem = e.message();
    }
  }
  // "TITLE (TYPE)" or "TITLE (TYPE): WHAT"; with a good verhaal: line, its
  // title and type say where the title ends (it may hold " (list)" itself).
  std::optional<SignifierType> type;
  size_t type_at = std::string::npos;
  std::string_view what;
  if (exact) {
    const std::string title = exact->title.empty() ? exact->key : exact->title;
    const std::string marker = " (" + std::string(SignifierTypeName(exact->type)) + ")";
    const size_t after = title.size() + marker.size();
    if (description.compare(0, title.size(), title) == 0 &&
        description.compare(title.size(), marker.size(), marker) == 0 &&
        (after == description.size() || description.compare(after, 2, ": ") == 0)) {
      type = exact->type;
      type_at = title.size();
      what = after == description.size() ? std::string_view()
                                         : std::string_view(description).substr(after + 2);
    }
  }
  const bool hinted = type.has_value();
  for (SignifierType t : {SignifierType::kDyad, SignifierType::kTriad, SignifierType::kStones,
                          SignifierType::kList, SignifierType::kFreetext}) {
    if (hinted) break;
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
      // KEY:STONE; a stone key may hold a colon when the verhaal: line says
      // where the signifier's key ends.
      const size_t colon = exact && rest.size() > exact->key.size() &&
                                   rest.substr(0, exact->key.size()) == exact->key &&
                                   rest[exact->key.size()] == ':'
                               ? exact->key.size()
                               : rest.rfind(':');
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
  Signifier& signifier = descriptions.described[variable.key];
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
  if (!line) {
    descriptions.without_line.insert(variable.key);
    return variable;
  }
  if (exact && exact->key != variable.key) {
    problem = "its verhaal: line is of signifier '" + exact->key + "'";
  } else if (exact && exact->type != *type) {
    problem = "its verhaal: line is of a " + std::string(SignifierTypeName(exact->type)) +
              ", its description of a " + std::string(SignifierTypeName(*type));
  } else if (exact && !stone.empty() && !FindSignifierOption(*exact, stone)) {
    problem = "its verhaal: line has no stone '" + stone + "'";
  } else if (exact) {
    const auto [first, added] = descriptions.lines.emplace(variable.key, *line);
    if (added) descriptions.exact.emplace(variable.key, *std::move(exact));
    if (!added && first->second != *line) {
      problem = "its verhaal: line differs from that of an earlier variable of signifier '" +
                variable.key + "'";
    }
  }
  if (!problem.empty()) {
    descriptions.bad_line.insert(variable.key);
    warn("variable '" + name + "': " + problem + "; signifier '" + variable.key +
         "' is read from the descriptions alone, as from other tools");
  }
  return variable;
}

Signifier SignifierDefinition(const SignifierDescriptions& descriptions, const std::string& key,
                              const SignifierWarning& warn) {
  const Signifier& described = descriptions.described.at(key);
  const auto exact = descriptions.exact.find(key);
  if (exact == descriptions.exact.end() || descriptions.bad_line.count(key)) return described;
  if (descriptions.without_line.count(key)) {
    warn("signifier '" + key +
         "': some of its variables have no verhaal: line; it is read from the descriptions "
         "alone, as from other tools");
    return described;
  }
  return exact->second;
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
    const auto is_signifier = [&](const std::string& key) { return signifiers.count(key) > 0; };
    for (const std::string& key : SplitKnownItems(value, is_signifier)) {
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
    case SignifierType::kList: {
      const auto is_item = [&](const std::string& key) {
        return FindSignifierOption(signifier, key).has_value();
      };
      for (const std::string& key : SplitKnownItems(value, is_item)) {
        const auto position = FindSignifierOption(signifier, key);
        if (!position) {
          throw DataError("signifier " + signifier.key + " has no item '" + key + "'");
        }
        answer.items.push_back(*position);
      }
      std::sort(answer.items.begin(), answer.items.end());
      break;
    }
    case SignifierType::kFreetext:
      answer.text = value;
      break;
    default:
      break;
  }
}

}  // namespace verhaal
