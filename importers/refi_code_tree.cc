#include "importers/refi_code_tree.h"

#include <cctype>

#include "corpus/codes.h"

namespace verhaal {
namespace {

// "#RGB" or "#RRGGBB" as "#RRGGBB" (upper case); empty when malformed.
std::string CanonicalColour(std::string_view text) {
  if (text.empty() || text[0] != '#') return "";
  std::string hex(text.substr(1));
  for (char c : hex) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
  }
  if (hex.size() == 3) hex = {hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]};
  if (hex.size() != 6) return "";
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "#" + hex;
}

}  // namespace

void ImportCodeTree(Project& project, const RefiXml& xml, pugi::xml_node codes,
                    std::optional<int64_t> parent, std::map<std::string, int64_t>& by_guid,
                    RefiImportReport& report, int depth) {
  int position = 0;
  for (pugi::xml_node element : ChildrenNamed(codes, "Code")) {
    if (depth > kMaxCodeDepth) {
      throw xml.ErrorAt(element, "codes are nested more than " + std::to_string(kMaxCodeDepth) +
                                     " levels deep here; verhaal keeps at most " +
                                     std::to_string(kMaxCodeDepth) +
                                     " levels, so flatten the code tree in the tool and export "
                                     "again");
    }
    const std::string guid = GuidAttribute(xml, element, "guid");
    if (by_guid.count(guid)) {
      throw xml.ErrorAt(element, "code GUID " + guid +
                                     " appears twice in the codebook; each "
                                     "code needs its own GUID");
    }
    std::string name = element.attribute("name").value();
    if (name.empty()) {
      throw xml.ErrorAt(element,
                        "<Code> has no name; give every code a name in the tool and "
                        "export again");
    }
    // verhaal paths use "/" between levels; a name may not contain one.
    for (char& c : name) {
      if (c == '/') c = '-';
    }
    Code code;
    code.guid = guid;
    code.parent_id = parent;
    code.name = name;
    code.position = position++;
    code.description = ChildNamed(element, "Description").text().get();
    const pugi::xml_attribute colour = element.attribute("color");
    if (colour) {
      code.colour = CanonicalColour(colour.value());
      if (code.colour.empty()) {
        throw xml.ErrorAt(element, std::string("colour '") + colour.value() +
                                       "' is not #RGB or #RRGGBB; fix it or remove the "
                                       "color attribute");
      }
    }
    const std::string codable = element.attribute("isCodable").value();
    code.codable = !(codable == "false" || codable == "0");
    std::optional<Code> existing = FindCodeByGuid(project, guid);
    if (!existing) {
      std::optional<Code> parent_code =
          parent ? FindCodeById(project, *parent) : std::optional<Code>{};
      existing = FindCodeByPath(project, parent_code ? parent_code->path + "/" + name : name);
    }
    int64_t id = 0;
    if (existing) {
      id = existing->id;
    } else {
      id = AddCode(project, code);
      ++report.codes;
    }
    by_guid[guid] = id;
    ImportCodeTree(project, xml, element, id, by_guid, report, depth + 1);
  }
}

}  // namespace verhaal
