// Writing a verhaal code tree as REFI-QDA <Code> elements, shared by the
// .qdpx and .qdc exports.
// Private to exporters/.
#ifndef VERHAAL_EXPORTERS_REFI_CODE_XML_H_
#define VERHAAL_EXPORTERS_REFI_CODE_XML_H_

#include <cstdint>
#include <functional>
#include <pugixml.hpp>
#include <vector>

#include "corpus/codes.h"

namespace verhaal {

// Appends a <Codes> element under `parent` holding `codes` (in ListCodes
// order) as nested <Code> elements: guid, name, isCodable, color, then
// <Description>. `after_description` is called for each code element after
// its Description (the project export adds NoteRefs there).
void AppendRefiCodes(
    pugi::xml_node parent, const std::vector<Code>& codes,
    const std::function<void(pugi::xml_node, const Code&)>& after_description = {});

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_REFI_CODE_XML_H_
