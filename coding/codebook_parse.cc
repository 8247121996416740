// Parsing and checking codebook YAML (docs/codebook.md). yaml-cpp exceptions
// are translated here into located verhaal::Errors.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "base/closest_name.h"
#include "base/text.h"
#include "base/yaml_check.h"
#include "base/yaml_location.h"
#include "coding/codebook.h"
#include "coding/rules_parse.h"
#include "corpus/codes.h"

namespace verhaal {
namespace {

constexpr std::array<std::string_view, 14> kEntryKeys = {
    "name",    "guid",      "description", "inclusion", "exclusion",  "examples", "colour",
    "codable", "dimension", "retired",     "was",       "merge_into", "rules",    "children"};

class Parser {
 public:
  Parser(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  Codebook Parse() {
    YAML::Node root;
    // Every name, description, example and rule is stored and exported
    // (JSON, XML, HTML): all of it must be UTF-8.
    ValidateUtf8(text_, Location{std::string(file_), 0, 0, ""});
    CheckYaml(text_, std::string(file_));
    try {
      root = YAML::Load(std::string(text_));
    } catch (const YAML::Exception& e) {
      throw DataError("the codebook is not valid YAML: " + e.msg,
                      YamlLocation(file_, text_, e.mark));
    }
    Codebook book;
    book.file = file_;
    if (!root.IsMap() || !root["codes"]) {
      throw DataError("a codebook is a map with a 'codes:' list; see docs/codebook.md",
                      root.IsDefined() && !root.IsNull() ? At(root) : Location{file_, 1, 1, ""});
    }
    for (const auto& item : root) {
      const std::string key = item.first.Scalar();
      if (key != "codes") {
        throw DataError("unknown key '" + key + "' at the top of the codebook; " +
                            Suggest(key, {"codes"}) + "the top level holds only 'codes:'",
                        At(item.first));
      }
    }
    book.codes = ParseList(root["codes"], "");
    CheckMergeTargets(book.codes);
    return book;
  }

 private:
  Location At(const YAML::Node& node) const { return YamlLocation(file_, text_, node.Mark()); }

  static std::string Suggest(std::string_view key, const std::vector<std::string>& candidates) {
    const std::string best = ClosestName(key, candidates);
    return best.empty() ? "" : "did you mean '" + best + "'? ";
  }

  std::vector<CodebookEntry> ParseList(const YAML::Node& node, const std::string& parent) {
    std::vector<CodebookEntry> out;
    if (node.IsNull()) return out;
    if (!node.IsSequence()) {
      throw DataError("codes must be a list, each code starting with '- name:'", At(node));
    }
    std::map<std::string, Location> seen;
    for (const auto& item : node) {
      CodebookEntry entry = ParseEntry(item, parent);
      auto [it, fresh] = seen.emplace(entry.name, entry.location);
      if (!fresh) {
        throw DataError("duplicate code name '" + entry.name + "'" +
                            (parent.empty() ? " at the top level" : " under '" + parent + "'") +
                            " (first at line " + std::to_string(it->second.line) +
                            "); give sibling codes different names, or merge them with "
                            "merge_into:",
                        entry.location);
      }
      out.push_back(std::move(entry));
    }
    return out;
  }

  std::string Scalar(const YAML::Node& node, std::string_view key) const {
    if (!node.IsScalar()) {
      throw DataError("'" + std::string(key) + "' must be a single text, not a list or map",
                      At(node));
    }
    ValidateUtf8(node.Scalar(), At(node));  // escapes ("\x..") decode to bytes too
    return node.Scalar();
  }

  bool Bool(const YAML::Node& node, std::string_view key) const {
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
      throw DataError("'" + std::string(key) + "' must be true or false", At(node));
    }
    return value;
  }

  CodebookEntry ParseEntry(const YAML::Node& node, const std::string& parent) {
    if (!node.IsMap()) {
      throw DataError("each code is a map starting with 'name:', e.g. '- name: vertrouwen'",
                      At(node));
    }
    CodebookEntry entry;
    entry.location = At(node);
    const std::vector<std::string> keys(kEntryKeys.begin(), kEntryKeys.end());
    for (const auto& item : node) {
      const std::string key = item.first.Scalar();
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        throw DataError("unknown key '" + key + "'; " + Suggest(key, keys) +
                            "a code may have name, guid, description, inclusion, exclusion, "
                            "examples, colour, codable, dimension, retired, was, merge_into, "
                            "rules and children",
                        At(item.first));
      }
    }
    if (!node["name"]) {
      throw DataError("this code has no 'name:'; every code needs one", entry.location);
    }
    entry.name = Scalar(node["name"], "name");
    if (entry.name.empty() || entry.name.find('/') != std::string::npos) {
      throw DataError("code name '" + entry.name +
                          "' must be non-empty and without '/'; nest codes with 'children:'",
                      At(node["name"]));
    }
    entry.path = parent.empty() ? entry.name : parent + "/" + entry.name;
    if (std::count(entry.path.begin(), entry.path.end(), '/') >= kMaxCodeDepth) {
      throw DataError("codes are nested more than " + std::to_string(kMaxCodeDepth) +
                          " levels deep here; verhaal keeps at most " +
                          std::to_string(kMaxCodeDepth) + " levels, so flatten the code tree",
                      entry.location);
    }
    if (node["guid"]) entry.guid = Scalar(node["guid"], "guid");
    if (node["description"]) entry.description = Scalar(node["description"], "description");
    if (node["inclusion"]) entry.inclusion = Scalar(node["inclusion"], "inclusion");
    if (node["exclusion"]) entry.exclusion = Scalar(node["exclusion"], "exclusion");
    if (const YAML::Node examples = node["examples"]) {
      if (examples.IsScalar()) {
        entry.examples.push_back(Scalar(examples, "examples"));
      } else if (examples.IsSequence()) {
        for (const auto& e : examples) entry.examples.push_back(Scalar(e, "examples"));
      } else if (!examples.IsNull()) {
        throw DataError("'examples' must be a text or a list of texts", At(examples));
      }
    }
    if (node["colour"]) {
      entry.colour = Scalar(node["colour"], "colour");
      const bool hex = entry.colour.size() == 7 && entry.colour[0] == '#' &&
                       std::all_of(entry.colour.begin() + 1, entry.colour.end(), [](char c) {
                         return std::isxdigit(static_cast<unsigned char>(c));
                       });
      if (!hex) {
        throw DataError("colour '" + entry.colour + "' is not of the form \"#RRGGBB\" (quote it)",
                        At(node["colour"]));
      }
    }
    if (node["dimension"]) entry.dimension = Bool(node["dimension"], "dimension");
    // A dimension's levels are its children; the group itself is not coded
    // unless the file says so.
    entry.codable = !entry.dimension;
    if (node["codable"]) entry.codable = Bool(node["codable"], "codable");
    if (node["retired"]) entry.retired = Bool(node["retired"], "retired");
    if (node["was"]) entry.was = Scalar(node["was"], "was");
    if (node["merge_into"]) {
      entry.merge_into = Scalar(node["merge_into"], "merge_into");
      entry.merge_location = At(node["merge_into"]);
    }
    if (const YAML::Node rules = node["rules"]) {
      ParseRules(rules, entry.path, file_, text_);  // validates; throws located errors
      if (!rules.IsNull()) {
        YAML::Emitter emitter;
        emitter << rules;
        entry.rules = emitter.c_str();
      }
    }
    if (const YAML::Node children = node["children"]) {
      entry.children = ParseList(children, entry.path);
    }
    if (!entry.merge_into.empty() && !entry.children.empty()) {
      throw DataError("code '" + entry.path +
                          "' is merged (merge_into) but has children; give the children "
                          "another place first",
                      entry.merge_location);
    }
    if (entry.dimension) {
      const auto levels =
          std::count_if(entry.children.begin(), entry.children.end(),
                        [](const CodebookEntry& c) { return c.merge_into.empty(); });
      if (levels < 2) {
        throw DataError("dimension '" + entry.path + "' has " + std::to_string(levels) +
                            (levels == 1 ? " level" : " levels") +
                            "; a dimension needs at least two levels (children), so add one "
                            "or drop 'dimension: true'",
                        At(node["dimension"]));
      }
    }
    return entry;
  }

  // Every merge_into names a code of the file that is not merged itself.
  void CheckMergeTargets(const std::vector<CodebookEntry>& codes) {
    std::set<std::string> targets;
    std::vector<const CodebookEntry*> merges;
    std::vector<std::string> paths;
    Collect(codes, targets, merges);
    paths.assign(targets.begin(), targets.end());
    for (const CodebookEntry* merge : merges) {
      if (targets.count(merge->merge_into) == 0) {
        throw DataError("merge_into target '" + merge->merge_into +
                            "' is not a code in this codebook; " +
                            Suggest(merge->merge_into, paths) +
                            "name the full path of a code that stays, e.g. 'motivatie/willen'",
                        merge->merge_location);
      }
    }
  }

  static void Collect(const std::vector<CodebookEntry>& codes, std::set<std::string>& targets,
                      std::vector<const CodebookEntry*>& merges) {
    for (const auto& c : codes) {
      if (c.merge_into.empty()) {
        targets.insert(c.path);
      } else {
        merges.push_back(&c);
      }
      Collect(c.children, targets, merges);
    }
  }

  std::string_view text_;
  std::string file_;
};

}  // namespace

Codebook ParseCodebook(std::string_view text, std::string_view file) {
  return Parser(text, file).Parse();
}

Codebook ReadCodebookFile(const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    throw MissingError("codebook " + file.string() + " does not exist; check the path");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw IoError("cannot read codebook " + file.string());
  return ParseCodebook(text.str(), file.string());
}

}  // namespace verhaal
