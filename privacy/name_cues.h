// Context cues before a word that say what kind of name follows: "ik heet
// X", "mevrouw X", "mijn neef X", "ik woon in X", "ik werk bij X". Private
// to privacy/ (the name stage, names.cc).
// Private to privacy/.
#ifndef VERHAAL_PRIVACY_NAME_CUES_H_
#define VERHAAL_PRIVACY_NAME_CUES_H_

#include <string>
#include <string_view>
#include <vector>

#include "privacy/tokens.h"

namespace verhaal {

enum class CueKind {
  kNone,
  kNaming,        // "ik heet", "mijn naam is", "genaamd": a name follows, whatever its case
  kTitle,         // "mevrouw", "meneer", "dhr.", "juf", "dokter": a surname or name follows
  kRelation,      // "mijn neef", "zijn vrouw", "collega", "klantmanager": a name may follow
  kPlace,         // "woon in", "uit", "naar", "gemeente": a place may follow
  kOrganisation,  // "werk bij", "stage bij", "in dienst bij": an organisation may follow
};

struct Cue {
  CueKind kind = CueKind::kNone;
  std::string_view words;  // the cue as listed, for the detection's reason
};

// The cue that ends right before tokens[index] (separated by spaces, a
// comma or a colon at most), if any.
Cue CueBefore(std::string_view text, const std::vector<Token>& tokens, size_t index);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_NAME_CUES_H_
