#include "privacy/decisions.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "corpus/yaml_location.h"

namespace verhaal {
namespace {

Decision ReadDecision(const YAML::Node& node, const std::string& file, const std::string& text,
                      bool adding) {
  Decision d;
  d.where = YamlLocation(file, text, node.Mark());
  if (!node.IsMap()) {
    throw DataError("each decision is a mapping {story:, start:, end:" +
                        std::string(adding ? ", category:}" : "} or {text:}"),
                    d.where);
  }
  for (const auto& entry : node) {
    const std::string key = entry.first.as<std::string>();
    const Location at = YamlLocation(file, text, entry.second.Mark());
    try {
      if (key == "story") {
        d.story = entry.second.as<std::string>();
      } else if (key == "start") {
        d.start = entry.second.as<int64_t>();
      } else if (key == "end") {
        d.end = entry.second.as<int64_t>();
      } else if (key == "text" && !adding) {
        d.text = entry.second.as<std::string>();
      } else if (key == "category" && adding) {
        d.category = ParseCategory(entry.second.as<std::string>());
        if (!d.category) {
          throw DataError("unknown category '" + entry.second.as<std::string>() +
                              "' (PERSOON, PLAATS, ADRES, ORGANISATIE, DATUM, ...)",
                          at);
        }
      } else if (key != "note" && key != "category" && key != "reason") {
        throw DataError("unknown key '" + key + "' (story, start, end" +
                            (adding ? ", category" : ", text") + ", note)",
                        YamlLocation(file, text, entry.first.Mark()));
      }
    } catch (const YAML::BadConversion&) {
      throw DataError("'" + key + "' has the wrong type (start and end are whole numbers)", at);
    }
  }
  if (d.text.empty()) {
    if (d.story.empty()) throw DataError("a decision needs story: (or text: to reject)", d.where);
    if (d.start < 0 || d.end <= d.start) {
      throw DataError("span " + std::to_string(d.start) + ":" + std::to_string(d.end) +
                          " is empty or reversed; use 0 <= start < end",
                      d.where);
    }
  }
  return d;
}

}  // namespace

Decisions LoadDecisions(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw MissingError("cannot read the decisions file " + file);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw DataError("not valid YAML: " + e.msg, YamlLocation(file, text, e.mark));
  }
  Decisions decisions;
  if (root.IsNull()) return decisions;
  if (!root.IsMap()) {
    throw DataError("a decisions file is a mapping with reject: and add:",
                    YamlLocation(file, text, root.Mark()));
  }
  for (const auto& entry : root) {
    const std::string key = entry.first.as<std::string>();
    if (key != "reject" && key != "add") {
      throw DataError("unknown key '" + key + "' (reject, add)",
                      YamlLocation(file, text, entry.first.Mark()));
    }
    if (!entry.second.IsSequence()) {
      throw DataError(key + " must be a list", YamlLocation(file, text, entry.second.Mark()));
    }
    for (const YAML::Node& item : entry.second) {
      (key == "add" ? decisions.add : decisions.reject)
          .push_back(ReadDecision(item, file, text, key == "add"));
    }
  }
  return decisions;
}

}  // namespace verhaal
