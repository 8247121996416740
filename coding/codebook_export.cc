// Writing a project's codes as codebook YAML (docs/codebook.md).
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>

#include "coding/codebook.h"
#include "corpus/codes.h"

namespace verhaal {
namespace {

void Text(YAML::Emitter& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out << YAML::Key << key << YAML::Value;
  if (value.find('\n') != std::string::npos) out << YAML::Literal;
  out << value;
}

void Emit(YAML::Emitter& out,
          const std::map<std::optional<int64_t>, std::vector<const Code*>>& tree,
          std::optional<int64_t> parent) {
  out << YAML::BeginSeq;
  const auto it = tree.find(parent);
  if (it != tree.end()) {
    for (const Code* code : it->second) {
      out << YAML::BeginMap;
      out << YAML::Key << "name" << YAML::Value << code->name;
      out << YAML::Key << "guid" << YAML::Value << code->guid;
      Text(out, "description", code->description);
      Text(out, "inclusion", code->inclusion);
      Text(out, "exclusion", code->exclusion);
      if (!code->examples.empty()) {
        out << YAML::Key << "examples" << YAML::Value << YAML::BeginSeq;
        for (const auto& e : code->examples) out << e;
        out << YAML::EndSeq;
      }
      if (!code->colour.empty()) {
        out << YAML::Key << "colour" << YAML::Value << YAML::DoubleQuoted << code->colour;
      }
      if (code->dimension) out << YAML::Key << "dimension" << YAML::Value << true;
      if (code->codable == code->dimension) {  // not the default (see ParseCodebook)
        out << YAML::Key << "codable" << YAML::Value << code->codable;
      }
      if (code->retired) out << YAML::Key << "retired" << YAML::Value << true;
      if (!code->rules.empty()) {
        out << YAML::Key << "rules" << YAML::Value << YAML::Load(code->rules);
      }
      if (tree.count(code->id) > 0) {
        out << YAML::Key << "children" << YAML::Value;
        Emit(out, tree, code->id);
      }
      out << YAML::EndMap;
    }
  }
  out << YAML::EndSeq;
}

}  // namespace

std::string ExportCodebook(Project& project) {
  const std::vector<Code> codes = ListCodes(project);
  std::map<std::optional<int64_t>, std::vector<const Code*>> tree;
  for (const auto& c : codes) tree[c.parent_id].push_back(&c);
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap << YAML::Key << "codes" << YAML::Value;
  Emit(out, tree, std::nullopt);
  out << YAML::EndMap;
  return "# verhaal codebook (docs/codebook.md), exported from " + project.name() + "\n" +
         out.c_str() + "\n";
}

}  // namespace verhaal
