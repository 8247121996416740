// The SenseMaker framework definition (the JSON the platform exports beside
// the data): signifier ids and their types, titles, anchors, stones and list
// items. See docs/signifiers.md, "SenseMaker".
#ifndef VERHAAL_IMPORTERS_SENSEMAKER_DEFINITION_H_
#define VERHAAL_IMPORTERS_SENSEMAKER_DEFINITION_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/signifiers.h"

namespace verhaal {

struct SenseMakerDefinition {
  std::string name;                   // the framework's name, e.g. "ADemo"
  std::string fragment_signifier_id;  // the freetext that holds the story
  std::string language;               // the framework's default language
  // The signifiers verhaal keeps (dyad, triad, stones, list, freetext), in
  // definition order, with source "sensemaker". Dyads carry their two
  // anchors as options (0 = left, 1 = right) so their columns can be read.
  std::vector<Signifier> signifiers;
  // Elements that hold no answer (labels, save buttons, navigation) are left
  // out; types verhaal does not know are listed here ("id (type)").
  std::vector<std::string> skipped_types;
};

// Parses a definition. `file_name` is used in messages. Throws kData with
// the location (line and column of the JSON) when the JSON is malformed or
// a signifier lacks what its type needs (an id, three triad anchors, two
// dyad anchors, list items).
SenseMakerDefinition ParseSenseMakerDefinition(std::string_view json, const std::string& file_name);

// Markup-free text of a SenseMaker title or label: tags dropped (<br> and
// block ends become spaces), the common entities decoded, runs of white
// space collapsed and trimmed.
std::string PlainSenseMakerText(std::string_view html);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_SENSEMAKER_DEFINITION_H_
