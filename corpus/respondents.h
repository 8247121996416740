// Respondents: the people behind the stories, under a stable pseudonymous key
// (e.g. "SH-07", "KM-3") with a role ("statushouder", "klantmanager", ...).
#ifndef VERHAAL_CORPUS_RESPONDENTS_H_
#define VERHAAL_CORPUS_RESPONDENTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

struct Respondent {
  int64_t id = 0;
  std::string key;
  std::string role;
};

// Adds a respondent; kData when the key is taken. Returns the new id.
int64_t AddRespondent(Project& project, const Respondent& respondent);

// The respondent with `key`, if any.
std::optional<Respondent> FindRespondent(Project& project, std::string_view key);

// Finds or adds the respondent with `key`. An existing respondent without a
// role gets `role`; a different non-empty role is a kData error.
int64_t EnsureRespondent(Project& project, std::string_view key, std::string_view role);

// All respondents, ordered by key.
std::vector<Respondent> ListRespondents(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_RESPONDENTS_H_
