// Stage 2 of detection: persons, places, addresses and organisations,
// found over the tokens of a text by the built-in lists, context cues
// (name_cues.h), capitalisation against the Dutch word list, surname
// particles, and the names a caller already knows (the researcher's
// --names file, the project's metadata, names found elsewhere in the
// project). Every detection's rule says which of these found it.
#ifndef VERHAAL_PRIVACY_NAMES_H_
#define VERHAAL_PRIVACY_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "privacy/detection.h"
#include "privacy/dutch_words.h"
#include "privacy/lexicon.h"
#include "privacy/tokens.h"

namespace verhaal {

// A name known before detection, with how it is to be found.
struct KnownName {
  Category category = Category::kPerson;
  std::string rule;             // e.g. "list:--names", "consistency"
  bool case_sensitive = false;  // for names that are also words ("Roos")
};

// What the name stage reads besides the text. The references must outlive
// the stage.
struct NameStageInput {
  const Lexicon& lexicon;
  const DutchWords& words;
  // The keep groups in force and the extra words left alone.
  const std::vector<std::string>& keep_groups;
  const PhraseTable<KeepEntry>& keep_words;
  // Names known beforehand (may be empty).
  const PhraseTable<KnownName>& known;
  bool unknown_capitalised = true;
  // The text is Dutch: the word list can tell words from names. In another
  // language only capitalised listed names, cues and known names count.
  bool dutch = true;
};

// Persons, places, addresses and organisations in `text`, whose tokens are
// `tokens`. Spans may overlap; the caller resolves overlaps.
std::vector<Detection> FindNames(std::string_view text, const std::vector<Token>& tokens,
                                 const NameStageInput& input);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_NAMES_H_
