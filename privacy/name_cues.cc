#include "privacy/name_cues.h"

#include <array>
#include <unordered_map>

namespace verhaal {
namespace {

struct CueWords {
  std::string_view words;  // lower case, one space between words
  CueKind kind;
};

// Longer cues first where one ends another ("mijn naam is" before "is").
constexpr std::array kCues = {
    CueWords{"ik heet", CueKind::kNaming},
    CueWords{"mijn naam is", CueKind::kNaming},
    CueWords{"zijn naam is", CueKind::kNaming},
    CueWords{"haar naam is", CueKind::kNaming},
    CueWords{"heette", CueKind::kNaming},
    CueWords{"heet", CueKind::kNaming},
    CueWords{"genaamd", CueKind::kNaming},
    CueWords{"noemen me", CueKind::kNaming},
    CueWords{"noem me", CueKind::kNaming},
    CueWords{"mevrouw", CueKind::kTitle},
    CueWords{"meneer", CueKind::kTitle},
    CueWords{"mevr", CueKind::kTitle},
    CueWords{"mw", CueKind::kTitle},
    CueWords{"dhr", CueKind::kTitle},
    CueWords{"de heer", CueKind::kTitle},
    CueWords{"juf", CueKind::kTitle},
    CueWords{"juffrouw", CueKind::kTitle},
    CueWords{"meester", CueKind::kTitle},
    CueWords{"dokter", CueKind::kTitle},
    CueWords{"dr", CueKind::kTitle},
    CueWords{"drs", CueKind::kTitle},
    CueWords{"mr", CueKind::kTitle},
    CueWords{"ir", CueKind::kTitle},
    CueWords{"prof", CueKind::kTitle},
    CueWords{"wethouder", CueKind::kTitle},
    CueWords{"burgemeester", CueKind::kTitle},
    CueWords{"neef", CueKind::kRelation},
    CueWords{"nicht", CueKind::kRelation},
    CueWords{"zoon", CueKind::kRelation},
    CueWords{"dochter", CueKind::kRelation},
    CueWords{"broer", CueKind::kRelation},
    CueWords{"zus", CueKind::kRelation},
    CueWords{"zusje", CueKind::kRelation},
    CueWords{"broertje", CueKind::kRelation},
    CueWords{"man", CueKind::kRelation},
    CueWords{"vrouw", CueKind::kRelation},
    CueWords{"vader", CueKind::kRelation},
    CueWords{"moeder", CueKind::kRelation},
    CueWords{"oom", CueKind::kRelation},
    CueWords{"tante", CueKind::kRelation},
    CueWords{"buurman", CueKind::kRelation},
    CueWords{"buurvrouw", CueKind::kRelation},
    CueWords{"vriend", CueKind::kRelation},
    CueWords{"vriendin", CueKind::kRelation},
    CueWords{"collega", CueKind::kRelation},
    CueWords{"klantmanager", CueKind::kRelation},
    CueWords{"begeleider", CueKind::kRelation},
    CueWords{"begeleidster", CueKind::kRelation},
    CueWords{"jobcoach", CueKind::kRelation},
    CueWords{"taalcoach", CueKind::kRelation},
    CueWords{"taalmaatje", CueKind::kRelation},
    CueWords{"maatje", CueKind::kRelation},
    CueWords{"consulent", CueKind::kRelation},
    CueWords{"docent", CueKind::kRelation},
    CueWords{"leraar", CueKind::kRelation},
    CueWords{"lerares", CueKind::kRelation},
    CueWords{"baas", CueKind::kRelation},
    CueWords{"werkgever", CueKind::kRelation},
    CueWords{"leidinggevende", CueKind::kRelation},
    CueWords{"contactpersoon", CueKind::kRelation},
    CueWords{"schoonzus", CueKind::kRelation},
    CueWords{"zwager", CueKind::kRelation},
    CueWords{"schoonmoeder", CueKind::kRelation},
    CueWords{"schoonvader", CueKind::kRelation},
    CueWords{"kleinzoon", CueKind::kRelation},
    CueWords{"kleindochter", CueKind::kRelation},
    CueWords{"cliënt", CueKind::kRelation},
    CueWords{"client", CueKind::kRelation},
    CueWords{"klant", CueKind::kRelation},
    CueWords{"statushouder", CueKind::kRelation},
    CueWords{"mentor", CueKind::kRelation},
    CueWords{"tolk", CueKind::kRelation},
    CueWords{"met", CueKind::kRelation},
    CueWords{"en", CueKind::kRelation},
    CueWords{"woon in", CueKind::kPlace},
    CueWords{"woont in", CueKind::kPlace},
    CueWords{"wonen in", CueKind::kPlace},
    CueWords{"woonde in", CueKind::kPlace},
    CueWords{"verhuisd naar", CueKind::kPlace},
    CueWords{"verhuizen naar", CueKind::kPlace},
    CueWords{"kwam uit", CueKind::kPlace},
    CueWords{"kom uit", CueKind::kPlace},
    CueWords{"geboren in", CueKind::kPlace},
    CueWords{"gemeente", CueKind::kPlace},
    CueWords{"in", CueKind::kPlace},
    CueWords{"uit", CueKind::kPlace},
    CueWords{"naar", CueKind::kPlace},
    CueWords{"te", CueKind::kPlace},
    CueWords{"vanuit", CueKind::kPlace},
    CueWords{"rond", CueKind::kPlace},
    CueWords{"azc", CueKind::kPlace},
    CueWords{"richting", CueKind::kPlace},
    CueWords{"werk bij", CueKind::kOrganisation},
    CueWords{"werkt bij", CueKind::kOrganisation},
    CueWords{"werken bij", CueKind::kOrganisation},
    CueWords{"werkte bij", CueKind::kOrganisation},
    CueWords{"stage bij", CueKind::kOrganisation},
    CueWords{"dienst bij", CueKind::kOrganisation},
    CueWords{"slag bij", CueKind::kOrganisation},
    CueWords{"baan bij", CueKind::kOrganisation},
    CueWords{"gesolliciteerd bij", CueKind::kOrganisation},
    CueWords{"solliciteren bij", CueKind::kOrganisation},
    CueWords{"vrijwilliger bij", CueKind::kOrganisation},
    CueWords{"vrijwilligerswerk bij", CueKind::kOrganisation},
    CueWords{"werkervaringsplek bij", CueKind::kOrganisation},
    CueWords{"contract bij", CueKind::kOrganisation},
};

bool LowerEquals(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

// Whether the cue's words are the tokens ending at tokens[last].
bool EndsWith(std::string_view text, const std::vector<Token>& tokens, size_t last,
              std::string_view cue) {
  size_t word_end = cue.size();
  size_t t = last + 1;
  while (true) {
    const size_t space = cue.rfind(' ', word_end - 1);
    const size_t word_begin = space == std::string_view::npos ? 0 : space + 1;
    if (t == 0) return false;
    --t;
    const Token& token = tokens[t];
    if (!LowerEquals(text.substr(token.begin, token.end - token.begin),
                     cue.substr(word_begin, word_end - word_begin))) {
      return false;
    }
    if (word_begin == 0) return true;
    word_end = space;
  }
}

}  // namespace

Cue CueBefore(std::string_view text, const std::vector<Token>& tokens, size_t index) {
  if (index == 0) return {};
  const Token& prev = tokens[index - 1];
  // Only spaces, a full stop of an abbreviation, a comma or a colon between.
  for (size_t k = prev.end; k < tokens[index].begin; ++k) {
    const char c = text[k];
    if (c != ' ' && c != '.' && c != ',' && c != ':') return {};
  }
  // Most words end no cue: look at the cues ending in this word only.
  static const std::unordered_map<std::string_view, std::vector<const CueWords*>> kByLastWord = [] {
    std::unordered_map<std::string_view, std::vector<const CueWords*>> map;
    for (const CueWords& cue : kCues) {
      const size_t space = cue.words.rfind(' ');
      map[space == std::string_view::npos ? cue.words : cue.words.substr(space + 1)].push_back(
          &cue);
    }
    return map;
  }();
  const std::string_view last = text.substr(prev.begin, prev.end - prev.begin);
  if (last.size() > 24) return {};
  char lower[24];
  for (size_t k = 0; k < last.size(); ++k) {
    const char c = last[k];
    lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  const auto it = kByLastWord.find(std::string_view(lower, last.size()));
  if (it == kByLastWord.end()) return {};
  for (const CueWords* cue : it->second) {
    if (EndsWith(text, tokens, index - 1, cue->words)) return {cue->kind, cue->words};
  }
  return {};
}

}  // namespace verhaal
