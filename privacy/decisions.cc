#include "privacy/decisions.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "base/text.h"
#include "base/yaml_check.h"
#include "base/yaml_location.h"
#include "corpus/files.h"

namespace verhaal {
namespace {

// A map's key as text; a key that is a list or a map ("? [a, b]") is a
// located error, not yaml-cpp's "bad conversion".
std::string KeyText(const YAML::Node& key, const std::string& file, const std::string& text) {
  if (!key.IsScalar()) {
    throw DataError("a key must be a name, not a list or a map",
                    YamlLocation(file, text, key.Mark()));
  }
  return key.as<std::string>();
}

Decision ReadDecision(const YAML::Node& node, const std::string& file, const std::string& text,
                      bool adding) {
  Decision d;
  d.where = YamlLocation(file, text, node.Mark());
  if (!node.IsMap()) {
    throw DataError("each decision is a mapping {story:, start:, end:" +
                        std::string(adding ? ", category:}" : "} or {text:}"),
                    d.where);
  }
  bool span = false;  // story:, start: or end: given
  for (const auto& entry : node) {
    const std::string key = KeyText(entry.first, file, text);
    const Location at = YamlLocation(file, text, entry.second.Mark());
    span = span || key == "story" || key == "start" || key == "end";
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
      } else if (key == "note") {
        d.note = entry.second.as<std::string>();
      } else if (key != "category" && key != "reason") {
        throw DataError("unknown key '" + key + "' (story, start, end" +
                            (adding ? ", category" : ", text") + ", note)",
                        YamlLocation(file, text, entry.first.Mark()));
      }
    } catch (const YAML::BadConversion&) {
      throw DataError("'" + key + "' has the wrong type (start and end are whole numbers)", at);
    }
  }
  if (!d.text.empty() && span) {
    // Which one was meant? A text holds wherever it is found, a span in one
    // story only; the file the workbench writes has one or the other.
    throw DataError("a decision by text: takes no story:, start: or end: (give one or the other)",
                    d.where);
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
  // Not UTF-8: located here, not read as something else (a note that
  // would not come back the same from the file the workbench writes).
  ValidateUtf8(text, Location{file, 0, 0, ""});
  CheckYaml(text, file);
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw DataError("not valid YAML: " + e.msg, YamlLocation(file, text, e.mark));
  }
  Decisions decisions;
  if (root.IsNull()) return decisions;
  if (!root.IsMap()) {
    throw DataError("a decisions file is a mapping with reject:, add: and accept:",
                    YamlLocation(file, text, root.Mark()));
  }
  for (const auto& entry : root) {
    const std::string key = KeyText(entry.first, file, text);
    if (key != "reject" && key != "add" && key != "accept") {
      throw DataError("unknown key '" + key + "' (reject, add, accept)",
                      YamlLocation(file, text, entry.first.Mark()));
    }
    if (!entry.second.IsSequence()) {
      throw DataError(key + " must be a list", YamlLocation(file, text, entry.second.Mark()));
    }
    for (const YAML::Node& item : entry.second) {
      (key == "add"      ? decisions.add
       : key == "accept" ? decisions.accept
                         : decisions.reject)
          .push_back(ReadDecision(item, file, text, key == "add"));
    }
  }
  return decisions;
}

namespace {

// A YAML scalar that reads back as `value`: double-quoted, with escapes.
std::string Quoted(const std::string& value) {
  YAML::Emitter out;
  out << YAML::DoubleQuoted << value;
  return out.c_str();
}

void WriteList(std::string& yaml, const char* key, const std::vector<Decision>& list, bool adding) {
  if (list.empty()) return;
  yaml += key;
  yaml += ":\n";
  for (const Decision& d : list) {
    yaml += "  - {";
    if (d.story.empty()) {
      yaml += "text: " + Quoted(d.text);
    } else {
      yaml += "story: " + Quoted(d.story) + ", start: " + std::to_string(d.start) +
              ", end: " + std::to_string(d.end);
      if (adding) {
        yaml += ", category: " + std::string(CategoryName(d.category.value_or(Category::kPerson)));
      }
    }
    if (!d.note.empty()) yaml += ", note: " + Quoted(d.note);
    yaml += "}\n";
  }
}

}  // namespace

std::string DecisionsYaml(const Decisions& decisions) {
  std::string yaml =
      "# Privacy review (verhaal pseudonymise --decisions; docs/privacy.md, \"Reviewing\").\n"
      "# reject: not identifiers; add: spans the tool missed; accept: looked at and right.\n";
  WriteList(yaml, "reject", decisions.reject, false);
  WriteList(yaml, "add", decisions.add, true);
  WriteList(yaml, "accept", decisions.accept, false);
  return yaml;
}

void SaveDecisions(const std::filesystem::path& file, const Decisions& decisions) {
  WriteWholeFile(file, DecisionsYaml(decisions));
}

std::filesystem::path DefaultDecisionsFile(const std::filesystem::path& project) {
  std::filesystem::path file = project;
  file.replace_extension(".review.yaml");
  return file;
}

}  // namespace verhaal
