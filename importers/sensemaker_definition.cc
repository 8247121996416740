#include "importers/sensemaker_definition.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "base/text.h"

namespace verhaal {
namespace {

using nlohmann::json;

// The R-based exporter writes scalars as one-element arrays ("name": ["x"]).
const json& Unwrap(const json& value) {
  if (value.is_array() && value.size() == 1) return value[0];
  return value;
}

std::string StringOf(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) return "";
  const json& v = Unwrap(object[key]);
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  return "";
}

const json& ArrayOf(const json& object, const char* key) {
  static const json kEmpty = json::array();
  if (!object.is_object() || !object.contains(key) || !object[key].is_array()) return kEmpty;
  return object[key];
}

[[noreturn]] void Fail(const std::string& file, const std::string& message) {
  throw DataError(message, Location{file, 0, 0, ""});
}

std::vector<SignifierOption> Options(const json& list, const char* label_key,
                                     const std::string& file, const std::string& id) {
  std::vector<SignifierOption> out;
  for (const json& entry : list) {
    SignifierOption option{StringOf(entry, "id"), PlainSenseMakerText(StringOf(entry, label_key))};
    if (option.key.empty()) {
      Fail(file, "signifier " + id + " has an entry without an id; export the definition again");
    }
    out.push_back(std::move(option));
  }
  return out;
}

}  // namespace

std::string PlainSenseMakerText(std::string_view html) {
  std::string text;
  for (size_t i = 0; i < html.size();) {
    if (html[i] == '<') {
      const size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      text += ' ';
      i = end + 1;
      continue;
    }
    if (html[i] == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&nbsp;", " "},  {"&amp;", "&"}, {"&lt;", "<"},  {"&gt;", ">"},
          {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}};
      bool decoded = false;
      for (auto [entity, plain] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          text += plain;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    text += html[i++];
  }
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

SenseMakerDefinition ParseSenseMakerDefinition(std::string_view text, const std::string& file) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    const size_t byte = e.byte == 0 ? 0 : std::min<size_t>(e.byte - 1, text.size());
    const LineColumn at = LineColumnOf(text, byte);
    std::string what = e.what();
    const size_t colon = what.rfind(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw DataError("the definition is not valid JSON (" + what +
                        "); export the framework definition from SenseMaker again",
                    Location{file, at.line, at.column, std::string(LineAt(text, byte))});
  } catch (const json::exception& e) {
    // A number too large for a double ("1e400"): out_of_range, with no
    // position; the number is quoted in the message, so find it.
    std::string what = e.what();
    const size_t colon = what.rfind(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    Location where{file, 0, 0, ""};
    const size_t open = what.find('\'');
    const size_t close = what.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      const size_t byte = text.find(what.substr(open + 1, close - open - 1));
      if (byte != std::string_view::npos) {
        const LineColumn at = LineColumnOf(text, byte);
        where = Location{file, at.line, at.column, std::string(LineAt(text, byte))};
      }
    }
    throw DataError("the definition is not valid JSON (" + what +
                        "); export the framework definition from SenseMaker again",
                    where);
  }
  if (!root.is_object() || !root.contains("signifiers") || !root["signifiers"].is_array()) {
    Fail(file,
         "this is not a SenseMaker framework definition (no \"signifiers\" list); "
         "give the definition JSON with --definition");
  }
  SenseMakerDefinition def;
  def.name = StringOf(root, "name");
  def.fragment_signifier_id = StringOf(root, "fragment_signifier_id");
  def.language = StringOf(root, "language");
  for (const json& element : root["signifiers"]) {
    const std::string id = StringOf(element, "id");
    const std::string type = StringOf(element, "type");
    if (type == "label" || type == "save" || type == "navigation" || type == "html" ||
        type == "image" || type == "embedded") {
      continue;
    }
    if (id.empty()) Fail(file, "a " + type + " signifier has no id; export the definition again");
    const json empty = json::object();
    const json& content = element.contains("content") ? element["content"] : empty;
    Signifier s;
    s.key = id;
    s.title = PlainSenseMakerText(StringOf(element, "title"));
    s.source = "sensemaker";
    if (type == "triad" || type == "dyad") {
      s.type = type == "triad" ? SignifierType::kTriad : SignifierType::kDyad;
      s.options = Options(ArrayOf(content, "labels"), "text", file, id);
      const size_t needed = type == "triad" ? 3 : 2;
      if (s.options.size() != needed) {
        Fail(file, type + " " + id + " has " + std::to_string(s.options.size()) +
                       " anchor labels, not " + std::to_string(needed) +
                       "; export the definition again");
      }
      if (type == "dyad") {
        s.x_low = s.options[0].label;
        s.x_high = s.options[1].label;
      }
    } else if (type == "stones") {
      s.type = SignifierType::kStones;
      s.options = Options(ArrayOf(content, "stones"), "title", file, id);
      if (content.contains("axis") && content["axis"].is_object()) {
        const json& axis = content["axis"];
        if (axis.contains("x")) {
          s.x_low = PlainSenseMakerText(StringOf(axis["x"], "start_label"));
          s.x_high = PlainSenseMakerText(StringOf(axis["x"], "end_label"));
        }
        if (axis.contains("y")) {
          s.y_low = PlainSenseMakerText(StringOf(axis["y"], "start_label"));
          s.y_high = PlainSenseMakerText(StringOf(axis["y"], "end_label"));
        }
      }
      if (s.options.empty())
        Fail(file, "stones " + id + " has no stones; export the definition again");
    } else if (type == "list") {
      s.type = SignifierType::kList;
      s.options = Options(ArrayOf(content, "items"), "title", file, id);
      const std::string max = StringOf(content, "max_responses");
      s.multiple = !max.empty() && max != "1" && max != "0";
      if (s.options.empty())
        Fail(file, "list " + id + " has no items; export the definition again");
    } else if (type == "freetext") {
      s.type = SignifierType::kFreetext;
    } else {
      def.skipped_types.push_back(id + " (" + type + ")");
      continue;
    }
    def.signifiers.push_back(std::move(s));
  }
  return def;
}

}  // namespace verhaal
