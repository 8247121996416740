// What `verhaal pseudonymise` replaces and what it leaves alone: the
// default policy, or one read from a YAML file (docs/privacy.md, "The
// policy file"). Read errors are kData Errors located at file:line:col.
#ifndef VERHAAL_PRIVACY_POLICY_H_
#define VERHAAL_PRIVACY_POLICY_H_

#include <filesystem>
#include <string>
#include <vector>

#include "privacy/detection.h"
#include "privacy/dutch_words.h"

namespace verhaal {

struct PrivacyPolicy {
  // The categories that are found and replaced; the default is all.
  std::vector<Category> replace;
  // The groups of the built-in keep list that are left alone; the default
  // is all of them ("countries", "nationalities", "languages", "religions",
  // "public bodies", "job titles", "calendar").
  std::vector<std::string> keep_groups;
  // More words or phrases left alone (matched ignoring case).
  std::vector<std::string> keep_words;
  // Variables (by name) whose values are not scanned.
  std::vector<std::string> skip_variables;
  // Whether a capitalised word in mid-sentence that is in no Dutch word
  // list and no list of kept words counts as a name.
  bool unknown_capitalised = true;
  // The Dutch word list that tells words from names.
  std::string word_list = std::string(kDebianDutchWordList);

  bool Replaces(Category category) const;
};

// Every category replaced, every keep group left alone.
PrivacyPolicy DefaultPolicy();

// Reads a policy file; keys it does not set keep their defaults. kMissing
// when the file cannot be read, kData (located) for unknown keys,
// categories or groups.
PrivacyPolicy LoadPolicy(const std::filesystem::path& file);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_POLICY_H_
