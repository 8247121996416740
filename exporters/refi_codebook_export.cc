// The .qdc codebook export (see refi_qda.h) and the stable GUIDs.
#include <sstream>

#include "base/error.h"
#include "base/sha256.h"
#include "corpus/files.h"
#include "exporters/refi_code_xml.h"
#include "exporters/refi_qda.h"

namespace verhaal {

std::string StableGuid(std::string_view kind, std::string_view key) {
  return NameBasedGuid(kind, key);
}

std::string BuildRefiCodebook(Project& project) {
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  pugi::xml_node root = document.append_child("CodeBook");
  root.append_attribute("xmlns") = "urn:QDA-XML:codebook:1.0";
  root.append_attribute("origin") = "verhaal";
  const std::vector<Code> codes = ListCodes(project);
  if (codes.empty()) {
    throw DataError(
        "the project has no codes, and a REFI-QDA codebook needs at least one; "
        "load a codebook first");
  }
  AppendRefiCodes(root, codes);
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

int ExportRefiCodebook(Project& project, const std::filesystem::path& file) {
  const std::string xml = BuildRefiCodebook(project);
  WriteWholeFile(file, xml);
  return static_cast<int>(ListCodes(project).size());
}

}  // namespace verhaal
