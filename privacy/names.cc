#include "privacy/names.h"

#include <algorithm>

#include "privacy/name_cues.h"

namespace verhaal {
namespace {

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() > suffix.size() + 2 && word.substr(word.size() - suffix.size()) == suffix;
}

// A street name: "Dorpsstraat", "Stationsweg", "Oranjeplein" (folded).
bool IsStreet(std::string_view folded) {
  static constexpr std::string_view kSuffixes[] = {"straat", "laan", "weg",    "plein",
                                                   "gracht", "kade", "singel", "steeg",
                                                   "dreef",  "hof",  "markt",  "dijk"};
  for (std::string_view s : kSuffixes) {
    if (EndsWith(folded, s)) return true;
  }
  return false;
}

// Particles that can start a surname written on its own ("De Vries").
bool StartsSurname(std::string_view folded) {
  static constexpr std::string_view kStarts[] = {"van", "de",  "den", "der", "ter", "ten",
                                                 "al",  "el",  "abu", "bin", "ben", "la",
                                                 "le",  "von", "du",  "da",  "di"};
  return std::find(std::begin(kStarts), std::end(kStarts), folded) != std::end(kStarts);
}

class NameScanner {
 public:
  NameScanner(std::string_view text, const std::vector<Token>& tokens, const NameStageInput& input)
      : text_(text), tokens_(tokens), in_(input) {}

  std::vector<Detection> Run() {
    size_t i = 0;
    while (i < tokens_.size()) {
      if (tokens_[i].number) {
        ++i;
        continue;
      }
      if (in_.known.size() > 0) {
        const auto [count, known] = in_.known.Match(text_, tokens_, i, scratch_);
        if (count > 0 && (!known->case_sensitive || tokens_[i].capitalised)) {
          Emit(i, i + count - 1, known->category, known->rule);
          i += count;
          continue;
        }
      }
      if (!tokens_[i].capitalised) {
        // Lower case: the word is its own folded form (one look-up, no
        // copy); words of one or two letters are no names.
        if (tokens_[i].end - tokens_[i].begin <= 2 || !in_.dutch) {
          ++i;
          continue;
        }
        i = LowerCase(i, in_.lexicon.Flags(Word(i)));
        continue;
      }
      i = Capitalised(i, in_.lexicon.Flags(Folded(i)));
    }
    return std::move(found_);
  }

 private:
  std::string_view Word(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  const std::string& Folded(size_t i) {
    FoldInto(Word(i), folded_);
    return folded_;
  }
  // tokens[b] follows tokens[a] after exactly one space.
  bool Adjacent(size_t a, size_t b) const {
    return b < tokens_.size() && tokens_[b].begin == tokens_[a].end + 1 &&
           text_[tokens_[a].end] == ' ';
  }

  // How many tokens from i on are left alone (0 when none).
  size_t Kept(size_t i, int flags = -1) {
    if (flags < 0) flags = in_.lexicon.Flags(Folded(i));
    const auto [count, entry] = (flags & kKeepStart)
                                    ? in_.lexicon.keep().Match(text_, tokens_, i, scratch_)
                                    : std::pair<size_t, const KeepEntry*>{0, nullptr};
    if (count > 0 &&
        (!entry->lower_only || !tokens_[i].capitalised || tokens_[i].sentence_start ||
         tokens_[i].all_caps) &&
        std::find(in_.keep_groups.begin(), in_.keep_groups.end(), entry->group) !=
            in_.keep_groups.end()) {
      return count;
    }
    if (in_.keep_words.size() > 0) {
      const auto [words, unused] = in_.keep_words.Match(text_, tokens_, i, scratch_);
      if (words > 0) return words;
    }
    return 0;
  }

  void Emit(size_t first, size_t last, Category category, std::string rule) {
    found_.push_back({tokens_[first].begin, tokens_[last].end, category, std::move(rule)});
  }

  // "C-rijbewijs", "Taalhuis-docent": a hyphenated word ending in an
  // ordinary word is no name ("Al-Khatib" and "Jan-Willem" end in capitals).
  bool IsCompoundOfWord(std::string_view folded) const {
    const size_t hyphen = folded.rfind('-');
    return hyphen != std::string_view::npos && in_.words.IsOrdinary(folded.substr(hyphen + 1));
  }

  // The last token of a name starting at tokens[i]: following capitalised
  // words, particles before a capitalised word ("van den Berg"), and
  // lower-case surnames from the lists.
  size_t ExtendName(size_t i) {
    size_t j = i;
    while (true) {
      size_t k = j + 1;
      if (!Adjacent(j, k)) break;
      size_t m = k;
      while (m < tokens_.size() && Adjacent(m - 1, m) && !tokens_[m].number &&
             IsNameParticle(Folded(m))) {
        ++m;
      }
      if (m > k) {
        if (m < tokens_.size() && Adjacent(m - 1, m) && tokens_[m].capitalised && Kept(m) == 0 &&
            !in_.lexicon.places().Match(text_, tokens_, m, scratch_).first) {
          j = m;
          continue;
        }
        break;
      }
      const Token& t = tokens_[k];
      if (t.number || t.sentence_start) break;
      if (t.capitalised) {
        if (t.end - t.begin < 2 || Kept(k) > 0 ||
            in_.lexicon.organisations().Match(text_, tokens_, k, scratch_).first) {
          break;
        }
        j = k;
        continue;
      }
      const std::string& w = Folded(k);
      if (in_.lexicon.Surname(w) && !in_.words.IsOrdinary(w)) {
        j = k;
        continue;
      }
      break;
    }
    return j;
  }

  // The last token of a run of capitalised words (with particles) from i,
  // or i - 1 when tokens[i] does not start one.
  size_t CapitalisedRun(size_t i) {
    if (i >= tokens_.size() || !tokens_[i].capitalised || tokens_[i].number || Kept(i) > 0) {
      return i - 1;
    }
    return ExtendName(i);
  }

  // An organisation tail ("Van Dijk Transport", "Jansen B.V.") after j:
  // the tail's last token, or j.
  size_t Tail(size_t j) {
    if (!Adjacent(j, j + 1) &&
        !(j + 1 < tokens_.size() && tokens_[j + 1].begin == tokens_[j].end + 1)) {
      return j;
    }
    const auto [count, kind] = in_.lexicon.organisations().Match(text_, tokens_, j + 1, scratch_);
    if (count > 0 && *kind == OrganisationWord::kTail) return j + count;
    return j;
  }

  size_t LowerCase(size_t i, uint8_t flags) {
    if (flags & kOrganisationStart) {
      if (const auto [count, kind] = in_.lexicon.organisations().Match(text_, tokens_, i, scratch_);
          count > 0 && *kind == OrganisationWord::kHead) {
        return Head(i, count);
      }
    }
    if (Word(i) == "postbus" && Adjacent(i, i + 1) && tokens_[i + 1].number) {
      Emit(i, i + 1, Category::kAddress, "postbus and number");
      return i + 2;
    }
    const bool first = flags & kFirstNameWord;
    const bool surname = !first && (flags & kSurnameWord);
    const bool place = !first && !surname && (flags & kPlaceStart) &&
                       in_.lexicon.places().Find(std::string_view(Folded(i)));
    bool naming = false;
    if (!first && !surname && !place) {
      if (i == 0 || tokens_[i - 1].number) return i + 1;
      const std::string_view prev = Word(i - 1);
      if (prev != "heet" && prev != "heette" && prev != "genaamd" && prev != "is" && prev != "me") {
        return i + 1;
      }
      naming = CueBefore(text_, tokens_, i).kind == CueKind::kNaming;
      if (!naming) return i + 1;
    }
    if (in_.words.IsOrdinary(Folded(i)) || Kept(i, flags) > 0) return i + 1;
    if (place) {
      Emit(i, i, Category::kPlace, "list:places (lower case)");
      return i + 1;
    }
    const size_t j = ExtendName(i);
    Emit(i, j, Category::kPerson,
         naming ? "cue:naming (lower case)"
                : (first ? "list:first-names (lower case)" : "list:surnames (lower case)"));
    return j + 1;
  }

  size_t Capitalised(size_t i, uint8_t flags) {
    const Token& t = tokens_[i];
    if (const size_t kept = Kept(i, flags)) return i + kept;
    // Organisations: "basisschool De Regenboog", "Albert Heijn".
    if (const auto [count, kind] =
            (flags & kOrganisationStart)
                ? in_.lexicon.organisations().Match(text_, tokens_, i, scratch_)
                : std::pair<size_t, const OrganisationWord*>{0, nullptr};
        count > 0) {
      if (*kind == OrganisationWord::kEmployer) {
        Emit(i, i + count - 1, Category::kOrganisation, "list:employers");
        return i + count;
      }
      if (*kind == OrganisationWord::kHead) return Head(i, count);
    }
    const Cue cue = CueBefore(text_, tokens_, i);
    if (cue.kind == CueKind::kOrganisation) {
      const size_t j = Tail(ExtendName(i));
      Emit(i, j, Category::kOrganisation, "cue:" + std::string(cue.words));
      return j + 1;
    }
    const std::string w = Folded(i);
    const bool ordinary = in_.words.IsOrdinary(w);
    if (const auto [count, group] = (flags & kPlaceStart)
                                        ? in_.lexicon.places().Match(text_, tokens_, i, scratch_)
                                        : std::pair<size_t, const std::string*>{0, nullptr};
        count > 0 && (!t.sentence_start || !ordinary || count > 1)) {
      Emit(i, i + count - 1, Category::kPlace, "list:places");
      return i + count;
    }
    if (w == "postbus" && Adjacent(i, i + 1) && tokens_[i + 1].number) {
      Emit(i, i + 1, Category::kAddress, "postbus and number");
      return i + 2;
    }
    if (IsStreet(w)) {
      size_t j = i;
      if (Adjacent(j, j + 1) && tokens_[j + 1].number) {
        ++j;
        if (j + 1 < tokens_.size() && tokens_[j + 1].begin == tokens_[j].end &&
            tokens_[j + 1].end - tokens_[j + 1].begin == 1) {
          ++j;  // "12a"
        }
      }
      Emit(i, j, Category::kAddress, "street name");
      return j + 1;
    }
    if (StartsSurname(w) && (!t.sentence_start || cue.kind == CueKind::kTitle)) {
      size_t m = i + 1;
      while (m < tokens_.size() && Adjacent(m - 1, m) && IsNameParticle(Folded(m))) ++m;
      if (m < tokens_.size() && Adjacent(m - 1, m) && tokens_[m].capitalised && Kept(m) == 0) {
        const std::string& next = Folded(m);
        if (cue.kind == CueKind::kTitle || in_.lexicon.Surname(next) || !in_.words.IsKnown(next)) {
          const size_t j = ExtendName(m);
          Emit(i, j, Category::kPerson, "particle and surname");
          return j + 1;
        }
      }
    }
    const bool listed = flags & (kFirstNameWord | kSurnameWord);
    std::string rule;
    Category category = Category::kPerson;
    if (listed) {
      if (!t.sentence_start || !ordinary) {
        rule = (flags & kFirstNameWord) ? "list:first-names" : "list:surnames";
      } else if (cue.kind == CueKind::kTitle || cue.kind == CueKind::kRelation ||
                 cue.kind == CueKind::kNaming) {
        rule = "cue:" + std::string(cue.words) + " + list";
      } else if (Adjacent(i, i + 1) && tokens_[i + 1].capitalised && !tokens_[i + 1].number &&
                 Kept(i + 1) == 0) {
        rule = "list:first-names + capitalised word";
      }
    } else if (cue.kind == CueKind::kNaming || cue.kind == CueKind::kTitle) {
      rule = "cue:" + std::string(cue.words);
    } else if (in_.unknown_capitalised && in_.dutch && !t.all_caps && t.end - t.begin >= 2 &&
               (!t.sentence_start || t.end - t.begin >= 3) && !in_.words.IsKnown(w) &&
               !IsCompoundOfWord(w)) {
      rule = "capitalised, not in the Dutch word list";
    } else if (in_.unknown_capitalised && in_.dutch && !t.sentence_start && !ordinary &&
               !t.all_caps && !IsCompoundOfWord(w)) {
      rule = "capitalised proper noun";
    }
    if (rule.empty()) return i + 1;
    if (!listed && cue.kind == CueKind::kPlace) category = Category::kPlace;
    size_t j = ExtendName(i);
    const size_t tail = Tail(j);
    if (tail != j) {
      category = Category::kOrganisation;
      rule += " + organisation word";
      j = tail;
    }
    Emit(i, j, category, rule);
    return j + 1;
  }

  // An organisation head ("basisschool", "VV") at i spanning `count`
  // tokens, followed by its name.
  size_t Head(size_t i, size_t count) {
    const size_t last_head = i + count - 1;
    if (!Adjacent(last_head, last_head + 1)) return i + count;
    size_t name = last_head + 1;
    size_t m = name;
    while (m < tokens_.size() && Adjacent(m - 1, m) && IsNameParticle(Folded(m)) &&
           tokens_[m].capitalised) {
      ++m;
    }
    const size_t j = CapitalisedRun(m);
    if (j + 1 == m) return i + count;  // no name follows: "de school"
    Emit(i, Tail(j), Category::kOrganisation, "organisation word + name");
    return Tail(j) + 1;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const NameStageInput& in_;
  std::string folded_;
  std::string scratch_;
  std::vector<Detection> found_;
};

}  // namespace

std::vector<Detection> FindNames(std::string_view text, const std::vector<Token>& tokens,
                                 const NameStageInput& input) {
  return NameScanner(text, tokens, input).Run();
}

}  // namespace verhaal
