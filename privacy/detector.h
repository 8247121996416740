// Detection as a whole: the pattern stage (patterns.h) and the name stage
// (names.h) over one text, under a policy, with the researcher's own lists,
// overlaps resolved. One Detector serves many threads: Detect is const.
#ifndef VERHAAL_PRIVACY_DETECTOR_H_
#define VERHAAL_PRIVACY_DETECTOR_H_

#include <filesystem>
#include <string_view>
#include <vector>

#include "privacy/detection.h"
#include "privacy/dutch_words.h"
#include "privacy/names.h"
#include "privacy/policy.h"

namespace verhaal {

class Detector {
 public:
  Detector(PrivacyPolicy policy, DutchWords words);
  // Holds references into itself (the name stage's input).
  Detector(const Detector&) = delete;
  Detector& operator=(const Detector&) = delete;

  // A name that is always found (the researcher's --names file, the
  // project's metadata).
  void AddKnownName(std::string_view name, KnownName known);
  // A word or phrase that is never replaced (--keep, the policy's words).
  void AddKeepWord(std::string_view word);

  // The identifiers in `text`, sorted, without overlaps, only of the
  // categories the policy replaces.
  // `dutch`: the text is Dutch (see NameStageInput::dutch).
  std::vector<Detection> Detect(std::string_view text, bool dutch = true) const;

  // Only the occurrences of `names` in `text` (the consistency pass: names
  // found in one story looked for in every other), words kept left alone.
  // In a text that is not Dutch, known names count only when capitalised.
  std::vector<Detection> FindKnown(std::string_view text, const PhraseTable<KnownName>& names,
                                   bool dutch = true) const;

  // Whether `text` as a whole is a kept word (ignoring case).
  bool IsKept(std::string_view text) const;

  const PrivacyPolicy& policy() const { return policy_; }
  const DutchWords& words() const { return words_; }

 private:
  std::vector<Detection> Finish(std::string_view text, std::vector<Detection> found) const;

  PrivacyPolicy policy_;
  DutchWords words_;
  PhraseTable<KeepEntry> keep_words_;
  StringSet keep_exact_;
  PhraseTable<KnownName> known_;
  PhraseTable<KnownName> no_names_;
};

// Reads a --names file: one name a line, optionally followed by a tab or
// ';' and a category (PERSOON when none); '#' starts a comment. kMissing
// when unreadable, kData (file:line:col) for an unknown category.
std::vector<std::pair<std::string, Category>> ReadNamesFile(const std::filesystem::path& file);

// Reads a --keep file: one word or phrase a line; '#' starts a comment.
std::vector<std::string> ReadKeepFile(const std::filesystem::path& file);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_DETECTOR_H_
