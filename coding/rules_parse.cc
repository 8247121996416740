#include "coding/rules_parse.h"

#include <hs/hs.h>

#include <cstdlib>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "base/text.h"
#include "base/yaml_check.h"
#include "base/yaml_location.h"

namespace verhaal {
namespace {

class RuleParser {
 public:
  RuleParser(std::string_view code_path, std::string_view file, std::string_view source)
      : code_path_(code_path), file_(file), source_(source) {}

  std::vector<Rule> ParseAll(const YAML::Node& node) {
    std::vector<Rule> rules;
    if (!node.IsDefined() || node.IsNull()) return rules;
    if (!node.IsSequence()) {
      throw Fail(node, "the rules of code '" + code_path_ +
                           "' must be a list of rules (each item starting with '- ')");
    }
    std::set<std::string> names;
    int index = 0;
    for (const YAML::Node& item : node) {
      ++index;
      Rule rule = ParseOne(item, index);
      if (!names.insert(rule.name).second) {
        throw Fail(item, "two rules of code '" + code_path_ + "' are called '" + rule.name +
                             "'; give each rule its own name");
      }
      rules.push_back(std::move(rule));
    }
    return rules;
  }

 private:
  Location At(const YAML::Node& node) const { return YamlLocation(file_, source_, node.Mark()); }

  Error Fail(const YAML::Node& node, std::string message) const {
    return DataError(std::move(message), At(node));
  }

  std::string Scalar(const YAML::Node& node, std::string_view key) const {
    if (!node.IsScalar()) {
      throw Fail(node, "'" + std::string(key) + "' must be a single value, not a list or map");
    }
    return node.Scalar();
  }

  // A string or a list of strings.
  std::vector<std::string> Strings(const YAML::Node& node, std::string_view key) const {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.Scalar());
    } else if (node.IsSequence()) {
      for (const YAML::Node& item : node) out.push_back(Scalar(item, key));
    } else if (!node.IsNull()) {
      throw Fail(node, "'" + std::string(key) + "' must be a word or a list of words");
    }
    return out;
  }

  // Checks the words of one term: `*` only at a word's end, `...` only
  // between words (and only where gaps are allowed).
  void CheckTerm(const YAML::Node& node, const std::string& term, bool gaps_allowed) const {
    std::istringstream words(term);
    std::vector<std::string> list;
    for (std::string word; words >> word;) list.push_back(word);
    if (list.empty()) throw Fail(node, "a term is empty; write a word or phrase");
    for (size_t i = 0; i < list.size(); ++i) {
      const std::string& word = list[i];
      if (word == "...") {
        if (!gaps_allowed) {
          throw Fail(node,
                     "'...' (a gap) is only allowed in 'terms'; remove it from '" + term + "'");
        }
        if (i == 0 || i + 1 == list.size() || list[i - 1] == "...") {
          throw Fail(
              node, "'...' must stand between two words, as in 'moet ... van' (in '" + term + "')");
        }
        continue;
      }
      size_t star = word.find('*');
      if (star != std::string::npos && (star + 1 != word.size() || star == 0)) {
        throw Fail(node, "'*' may only end a word, as in 'verplicht*' (in '" + term + "')");
      }
    }
  }

  std::vector<std::string> Terms(const YAML::Node& node, std::string_view key,
                                 bool gaps_allowed) const {
    std::vector<std::string> terms = Strings(node, key);
    if (terms.empty()) {
      throw Fail(node, "'" + std::string(key) + "' is empty; list at least one term");
    }
    for (const std::string& term : terms) CheckTerm(node, term, gaps_allowed);
    return terms;
  }

  int Within(const YAML::Node& node) const {
    std::string text = Scalar(node, "within");
    char* end = nullptr;
    long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < 1 || value > 1000) {
      throw Fail(node,
                 "'within' must be a whole number of words from 1 to 1000, not '" + text + "'");
    }
    return static_cast<int>(value);
  }

  bool Bool(const YAML::Node& node, std::string_view key) const {
    std::string text = Scalar(node, key);
    if (text == "true" || text == "yes") return true;
    if (text == "false" || text == "no") return false;
    throw Fail(node, "'" + std::string(key) + "' must be true or false, not '" + text + "'");
  }

  RuleScope Scope(const YAML::Node& node) const {
    std::string text = Scalar(node, "scope");
    if (text == "match") return RuleScope::kMatch;
    if (text == "sentence") return RuleScope::kSentence;
    if (text == "paragraph") return RuleScope::kParagraph;
    if (text == "story") return RuleScope::kStory;
    throw Fail(node, "unknown scope '" + text + "'; use match, sentence, paragraph or story");
  }

  void CheckRegex(const YAML::Node& node, const std::string& regex) const {
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* error = nullptr;
    unsigned flags = HS_FLAG_UTF8 | HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST;
    if (hs_expression_info(regex.c_str(), flags, &info, &error) != HS_SUCCESS) {
      std::string what = error != nullptr ? error->message : "unknown error";
      hs_free_compile_error(error);
      throw Fail(node, "bad regular expression '" + regex + "': " + what +
                           "; fix the pattern (see docs/autocoding.md)");
    }
    bool empty = info->min_width == 0;
    std::free(info);
    if (empty) {
      throw Fail(node, "regular expression '" + regex +
                           "' can match empty text; make it require at least one character");
    }
  }

  Rule ParseOne(const YAML::Node& item, int index) const {
    if (!item.IsMap()) {
      throw Fail(item, "a rule must be a map such as '{terms: [samenwerken]}'");
    }
    Rule rule;
    rule.code_path = code_path_;
    rule.name = code_path_ + ":" + std::to_string(index);
    rule.location = At(item);
    const YAML::Node* kind_node = nullptr;
    std::optional<int> within;
    const YAML::Node* within_node = nullptr;
    for (const auto& entry : item) {
      const YAML::Node& key_node = entry.first;
      const YAML::Node& value = entry.second;
      std::string key = key_node.Scalar();
      auto set_kind = [&](RuleKind kind) {
        if (kind_node != nullptr) {
          throw Fail(key_node,
                     "a rule has one of 'terms', 'near' or 'regex', not several; "
                     "split it into two rules");
        }
        kind_node = &key_node;
        rule.kind = kind;
      };
      if (key == "name") {
        rule.name = Scalar(value, key);
        if (rule.name.empty()) throw Fail(value, "'name' is empty; give the rule a name");
      } else if (key == "terms") {
        set_kind(RuleKind::kTerms);
        rule.terms = Terms(value, key, true);
      } else if (key == "near") {
        set_kind(RuleKind::kNear);
        rule.terms = Terms(value, key, false);
        if (rule.terms.size() < 2) {
          throw Fail(value, "'near' needs at least two terms; use 'terms' for one");
        }
      } else if (key == "regex") {
        set_kind(RuleKind::kRegex);
        rule.regex = Scalar(value, key);
        CheckRegex(value, rule.regex);
      } else if (key == "stem") {
        rule.stem = Bool(value, key);
      } else if (key == "within") {
        within = Within(value);
        within_node = &value;
      } else if (key == "not") {
        rule.exclusions = Terms(value, key, false);
      } else if (key == "scope") {
        rule.scope = Scope(value);
      } else if (key == "role") {
        rule.roles = Strings(value, key);
      } else if (key == "kind") {
        rule.kinds = Strings(value, key);
      } else if (key == "language") {
        rule.languages = Strings(value, key);
      } else if (key == "speaker") {
        rule.speakers = Strings(value, key);
        for (std::string& speaker : rule.speakers) {
          if (speaker.empty()) {
            throw Fail(value, "'speaker' is empty; use interviewer, respondent or a label");
          }
          speaker = AsciiLower(speaker);
        }
      } else {
        throw Fail(key_node, "unknown rule option '" + key +
                                 "'; use terms, near, regex, name, stem, within, not, scope, "
                                 "role, kind, language or speaker");
      }
    }
    if (kind_node == nullptr) {
      throw Fail(item, "the rule says nothing to look for; add 'terms', 'near' or 'regex'");
    }
    if (rule.kind == RuleKind::kRegex && rule.stem) {
      throw Fail(*kind_node, "'stem' does not apply to 'regex' rules; remove it");
    }
    if (rule.kind == RuleKind::kRegex && within_node != nullptr) {
      throw Fail(*within_node, "'within' does not apply to 'regex' rules; remove it");
    }
    if (rule.kind == RuleKind::kNear) {
      rule.within = within.value_or(kDefaultNearWithin);
    } else if (rule.kind == RuleKind::kTerms) {
      rule.within = within.value_or(kDefaultGapWithin);
    }
    return rule;
  }

  std::string code_path_;
  std::string file_;
  std::string_view source_;
};

}  // namespace

std::vector<Rule> ParseRules(const YAML::Node& node, std::string_view code_path,
                             std::string_view file, std::string_view source) {
  return RuleParser(code_path, file, source).ParseAll(node);
}

std::vector<Rule> ParseRulesText(std::string_view text, std::string_view code_path,
                                 std::string_view file) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return {};
  YAML::Node root;
  CheckYaml(text, std::string(file));
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    const Location at = YamlLocation(std::string(file), text, e.mark);
    throw DataError("the rules of code '" + std::string(code_path) +
                        "' are not valid YAML: " + e.msg + "; fix the codebook and load it again",
                    at);
  }
  if (root.IsMap() && root["rules"]) {
    return ParseRules(root["rules"], code_path, file, text);
  }
  return ParseRules(root, code_path, file, text);
}

std::string_view RuleKindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kTerms:
      return "terms";
    case RuleKind::kNear:
      return "near";
    case RuleKind::kRegex:
      return "regex";
  }
  return "terms";
}

std::string_view RuleScopeName(RuleScope scope) {
  switch (scope) {
    case RuleScope::kMatch:
      return "match";
    case RuleScope::kSentence:
      return "sentence";
    case RuleScope::kParagraph:
      return "paragraph";
    case RuleScope::kStory:
      return "story";
  }
  return "sentence";
}

}  // namespace verhaal
