#include "exporters/refi_code_xml.h"

#include <map>
#include <optional>

namespace verhaal {
namespace {

using Children = std::map<std::optional<int64_t>, std::vector<const Code*>>;

void AppendCode(pugi::xml_node parent, const Code& code, const Children& children,
                const std::function<void(pugi::xml_node, const Code&)>& after_description) {
  pugi::xml_node element = parent.append_child("Code");
  element.append_attribute("guid") = code.guid.c_str();
  element.append_attribute("name") = code.name.c_str();
  element.append_attribute("isCodable") = code.codable ? "true" : "false";
  if (!code.colour.empty()) element.append_attribute("color") = code.colour.c_str();
  if (!code.description.empty()) {
    element.append_child("Description").text() = code.description.c_str();
  }
  if (after_description) after_description(element, code);
  auto found = children.find(code.id);
  if (found == children.end()) return;
  for (const Code* child : found->second) AppendCode(element, *child, children, after_description);
}

}  // namespace

void AppendRefiCodes(pugi::xml_node parent, const std::vector<Code>& codes,
                     const std::function<void(pugi::xml_node, const Code&)>& after_description) {
  Children children;
  for (const Code& code : codes) children[code.parent_id].push_back(&code);
  pugi::xml_node list = parent.append_child("Codes");
  for (const Code* root : children[std::nullopt]) {
    AppendCode(list, *root, children, after_description);
  }
}

}  // namespace verhaal
