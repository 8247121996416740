// The lists compiled into verhaal (privacy/list_*.inc): first names and
// surnames by origin, places, organisation words and employers, and the
// words left alone by default (countries, languages, ...). Facts written
// for verhaal; their provenance is in docs/privacy.md. Built once, on first
// use, and shared read-only by every thread.
#ifndef VERHAAL_PRIVACY_LEXICON_H_
#define VERHAAL_PRIVACY_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/phrase_table.h"

namespace verhaal {

// Why a word is left alone; the policy file names these groups.
struct KeepEntry {
  std::string group;  // "countries", "languages", "public bodies", ...
  // Written in lower case in the list: kept only when the text has it in
  // lower case or at the start of a sentence ("bakker" the job, not
  // "Bakker" the surname).
  bool lower_only = false;
};

// How an organisation word works in a name.
enum class OrganisationWord { kHead, kTail, kEmployer };

// What a folded word can be in the lists: one look-up tells the name stage
// whether a word needs any further look-ups.
enum WordFlag : uint8_t {
  kFirstNameWord = 1,
  kSurnameWord = 2,
  kPlaceStart = 4,         // first word of a place
  kOrganisationStart = 8,  // first word of an organisation word or employer
  kKeepStart = 16,         // first word of a kept word
};

class Lexicon {
 public:
  // The built-in lists.
  static const Lexicon& BuiltIn();

  // The origin group ("nl", "ar", "ti", "fa", "so") of a first name or a
  // surname (folded), or nullptr when it is not in the lists.
  const std::string* FirstName(std::string_view folded) const;
  const std::string* Surname(std::string_view folded) const;

  // The WordFlag bits of `folded` (0 when it is in no list).
  uint8_t Flags(std::string_view folded) const {
    auto it = flags_.find(folded);
    return it == flags_.end() ? 0 : it->second;
  }

  const PhraseTable<std::string>& places() const { return places_; }
  const PhraseTable<KeepEntry>& keep() const { return keep_; }
  const PhraseTable<OrganisationWord>& organisations() const { return organisations_; }

  // The names of one origin group, as written in the lists (for --style
  // names), and all groups.
  const std::vector<std::string>& FirstNamesOf(std::string_view origin) const;
  const std::vector<std::string>& SurnamesOf(std::string_view origin) const;
  const std::vector<std::string>& PlaceNames() const { return place_names_; }

  // The keep groups the lists define, in list order.
  const std::vector<std::string>& keep_groups() const { return keep_groups_; }

 private:
  Lexicon();
  StringMap<uint8_t> flags_;
  StringMap<std::string> first_names_;
  StringMap<std::string> surnames_;
  StringMap<std::vector<std::string>> first_by_origin_;
  StringMap<std::vector<std::string>> surnames_by_origin_;
  std::vector<std::string> place_names_;
  std::vector<std::string> keep_groups_;
  PhraseTable<std::string> places_;
  PhraseTable<KeepEntry> keep_;
  PhraseTable<OrganisationWord> organisations_;
};

// Words that join the parts of a name: "van", "de", "van den", "ter",
// "al", "bin", "abu", ... (folded).
bool IsNameParticle(std::string_view folded);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_LEXICON_H_
