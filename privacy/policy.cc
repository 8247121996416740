#include "privacy/policy.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "base/text.h"
#include "base/yaml_check.h"
#include "base/yaml_location.h"
#include "privacy/lexicon.h"

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

std::string ReadWhole(const std::filesystem::path& file, std::string_view what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw MissingError("cannot read the " + std::string(what) + " " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Strings(const YAML::Node& node, const std::string& file,
                                 const std::string& text, std::string_view key) {
  if (!node.IsSequence()) {
    throw DataError(std::string(key) + " must be a list", YamlLocation(file, text, node.Mark()));
  }
  std::vector<std::string> values;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      throw DataError(std::string(key) + " must hold words", YamlLocation(file, text, item.Mark()));
    }
    values.push_back(item.as<std::string>());
  }
  return values;
}

}  // namespace

bool PrivacyPolicy::Replaces(Category category) const {
  return std::find(replace.begin(), replace.end(), category) != replace.end();
}

PrivacyPolicy DefaultPolicy() {
  PrivacyPolicy policy;
  const auto all = AllCategories();
  policy.replace.assign(all.begin(), all.end());
  policy.keep_groups = Lexicon::BuiltIn().keep_groups();
  return policy;
}

PrivacyPolicy LoadPolicy(const std::filesystem::path& path) {
  const std::string file = path.string();
  const std::string text = ReadWhole(path, "policy file");
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
  PrivacyPolicy policy = DefaultPolicy();
  if (root.IsNull()) return policy;
  if (!root.IsMap()) {
    throw DataError("a policy file is a mapping (replace:, leave_alone:, ...)",
                    YamlLocation(file, text, root.Mark()));
  }
  for (const auto& entry : root) {
    const std::string key = KeyText(entry.first, file, text);
    const YAML::Node& value = entry.second;
    const Location where = YamlLocation(file, text, entry.first.Mark());
    if (key == "replace") {
      if (!value.IsSequence()) throw DataError("replace must be a list of categories", where);
      policy.replace.clear();
      for (const YAML::Node& item : value) {
        if (!item.IsScalar()) {
          throw DataError("replace must be a list of categories",
                          YamlLocation(file, text, item.Mark()));
        }
        const auto category = ParseCategory(item.as<std::string>());
        if (!category) {
          throw DataError("unknown category '" + item.as<std::string>() +
                              "' (PERSOON, PLAATS, ADRES, ORGANISATIE, DATUM, LEEFTIJD, TELEFOON, "
                              "EMAIL, URL, BSN, IBAN, POSTCODE, NUMMER)",
                          YamlLocation(file, text, item.Mark()));
        }
        policy.replace.push_back(*category);
      }
    } else if (key == "leave_alone") {
      if (!value.IsMap()) throw DataError("leave_alone must be a mapping", where);
      for (const auto& inner : value) {
        const std::string name = KeyText(inner.first, file, text);
        const Location at = YamlLocation(file, text, inner.first.Mark());
        if (name == "groups") {
          policy.keep_groups = Strings(inner.second, file, text, "leave_alone.groups");
          const auto& known = Lexicon::BuiltIn().keep_groups();
          for (size_t i = 0; i < policy.keep_groups.size(); ++i) {
            if (std::find(known.begin(), known.end(), policy.keep_groups[i]) == known.end()) {
              std::string list;
              for (const std::string& g : known) list += (list.empty() ? "" : ", ") + g;
              throw DataError("unknown group '" + policy.keep_groups[i] + "' (known: " + list + ")",
                              YamlLocation(file, text, inner.second[i].Mark()));
            }
          }
        } else if (name == "words") {
          policy.keep_words = Strings(inner.second, file, text, "leave_alone.words");
        } else if (name == "variables") {
          policy.skip_variables = Strings(inner.second, file, text, "leave_alone.variables");
        } else {
          throw DataError("unknown key '" + name + "' under leave_alone (groups, words, variables)",
                          at);
        }
      }
    } else if (key == "unknown_capitalised_words") {
      if (!value.IsScalar() || (value.Scalar() != "true" && value.Scalar() != "false")) {
        throw DataError("unknown_capitalised_words must be true or false", where);
      }
      policy.unknown_capitalised = value.Scalar() == "true";
    } else if (key == "word_list") {
      if (!value.IsScalar()) throw DataError("word_list must be a file name", where);
      policy.word_list = value.Scalar();
    } else {
      throw DataError(
          "unknown key '" + key + "' (replace, leave_alone, unknown_capitalised_words, word_list)",
          where);
    }
  }
  return policy;
}

}  // namespace verhaal
