#include "privacy/lexicon.h"

#include <functional>

namespace verhaal {
namespace {

constexpr std::string_view kFirstNames =
#include "privacy/list_first_names.inc"
    ;
constexpr std::string_view kSurnames =
#include "privacy/list_surnames.inc"
    ;
constexpr std::string_view kPlaces =
#include "privacy/list_places.inc"
    ;
constexpr std::string_view kKeep =
#include "privacy/list_keep.inc"
    ;
constexpr std::string_view kOrganisations =
#include "privacy/list_organisations.inc"
    ;

// Calls visit(group, line) for each line of a list; "# group" lines name
// the group of the lines after them.
void ForEachLine(std::string_view list,
                 const std::function<void(std::string_view, std::string_view)>& visit) {
  std::string_view group;
  size_t i = 0;
  while (i < list.size()) {
    size_t j = list.find('\n', i);
    if (j == std::string_view::npos) j = list.size();
    std::string_view line = list.substr(i, j - i);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.starts_with("# ")) {
      group = line.substr(2);
      const size_t space = group.find(' ');
      if (space != std::string_view::npos && group.find('(') != std::string_view::npos) {
        group = group.substr(0, space);
      }
    } else if (!line.empty()) {
      visit(group, line);
    }
    i = j + 1;
  }
}

bool StartsLower(std::string_view word) {
  return !word.empty() && word[0] >= 'a' && word[0] <= 'z';
}

const std::vector<std::string> kNoNames;

}  // namespace

const Lexicon& Lexicon::BuiltIn() {
  static const Lexicon lexicon;
  return lexicon;
}

Lexicon::Lexicon() {
  ForEachLine(kFirstNames, [&](std::string_view origin, std::string_view name) {
    first_names_.emplace(Fold(name), std::string(origin));
    first_by_origin_[std::string(origin)].emplace_back(name);
  });
  ForEachLine(kSurnames, [&](std::string_view origin, std::string_view name) {
    surnames_.emplace(Fold(name), std::string(origin));
    surnames_by_origin_[std::string(origin)].emplace_back(name);
  });
  ForEachLine(kPlaces, [&](std::string_view group, std::string_view place) {
    places_.Add(place, std::string(group));
    if (group == "nl") place_names_.emplace_back(place);
  });
  ForEachLine(kKeep, [&](std::string_view group, std::string_view word) {
    if (keep_groups_.empty() || keep_groups_.back() != group) keep_groups_.emplace_back(group);
    keep_.Add(word, KeepEntry{std::string(group), StartsLower(word)});
  });
  ForEachLine(kOrganisations, [&](std::string_view group, std::string_view word) {
    const OrganisationWord kind = group == "heads"   ? OrganisationWord::kHead
                                  : group == "tails" ? OrganisationWord::kTail
                                                     : OrganisationWord::kEmployer;
    organisations_.Add(word, kind);
  });
  for (const auto& [name, origin] : first_names_) flags_[name] |= kFirstNameWord;
  for (const auto& [name, origin] : surnames_) flags_[name] |= kSurnameWord;
  places_.ForEachFirstWord([&](const std::string& w) { flags_[w] |= kPlaceStart; });
  organisations_.ForEachFirstWord([&](const std::string& w) { flags_[w] |= kOrganisationStart; });
  keep_.ForEachFirstWord([&](const std::string& w) { flags_[w] |= kKeepStart; });
}

const std::string* Lexicon::FirstName(std::string_view folded) const {
  auto it = first_names_.find(folded);
  return it == first_names_.end() ? nullptr : &it->second;
}

const std::string* Lexicon::Surname(std::string_view folded) const {
  auto it = surnames_.find(folded);
  return it == surnames_.end() ? nullptr : &it->second;
}

const std::vector<std::string>& Lexicon::FirstNamesOf(std::string_view origin) const {
  auto it = first_by_origin_.find(origin);
  return it == first_by_origin_.end() ? kNoNames : it->second;
}

const std::vector<std::string>& Lexicon::SurnamesOf(std::string_view origin) const {
  auto it = surnames_by_origin_.find(origin);
  return it == surnames_by_origin_.end() ? kNoNames : it->second;
}

bool IsNameParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {
      "van", "de", "der", "den", "ter", "ten", "te", "het", "'t",  "in", "op",    "la",     "le",
      "el",  "al", "bin", "ben", "abu", "von", "du", "da",  "dos", "di", "vande", "vander", "d'"};
  for (std::string_view p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

}  // namespace verhaal
