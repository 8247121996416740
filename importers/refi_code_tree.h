// The code tree of a REFI-QDA CodeBook (in a .qde or a .qdc), shared by the
// project and codebook imports.
// Private to importers/.
#ifndef VERHAAL_IMPORTERS_REFI_CODE_TREE_H_
#define VERHAAL_IMPORTERS_REFI_CODE_TREE_H_

#include <cstdint>
#include <map>
#include <string>

#include "corpus/project.h"
#include "importers/refi_qda.h"
#include "importers/refi_xml.h"

namespace verhaal {

// Adds the <Code> children of `codes` (recursively) under `parent`, keeping
// names, GUIDs, colours, descriptions and the codable flag. A code whose GUID
// or path already exists is reused. Fills `by_guid` (canonical GUID -> code
// id) and counts added codes in `report`. kData at the element for a missing
// name or GUID, a duplicate GUID, a bad colour or codes nested deeper than
// kMaxCodeDepth. `depth` is the depth of `codes`' children (1: the top).
void ImportCodeTree(Project& project, const RefiXml& xml, pugi::xml_node codes,
                    std::optional<int64_t> parent, std::map<std::string, int64_t>& by_guid,
                    RefiImportReport& report, int depth = 1);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_CODE_TREE_H_
