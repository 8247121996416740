// Project settings: small named values kept in the project file (the
// project_info table), such as the analysis set of coders. Keys are
// lower-case words with dots ("analysis.coders").
#ifndef VERHAAL_CORPUS_PROJECT_SETTINGS_H_
#define VERHAAL_CORPUS_PROJECT_SETTINGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/project.h"

namespace verhaal {

// The value of `key`, or nullopt when it was never set (or was cleared).
std::optional<std::string> GetProjectSetting(Project& project, std::string_view key);

// Sets `key` to `value` (replacing any earlier value). Call it inside a
// Transaction when it is part of a larger change.
void SetProjectSetting(Project& project, std::string_view key, std::string_view value);

// Removes `key`; nothing happens when it is not set.
void ClearProjectSetting(Project& project, std::string_view key);

// What a clean copy of `verhaal pseudonymise` records of itself (the setting
// "pseudonymised", written by privacy/clean_copy.cc): for the notes that the
// report and `verhaal info` print.
struct PseudonymisationNote {
  std::string source;        // the original project's file name
  std::string date;          // YYYY-MM-DD
  std::string style;         // "tags" or "names"
  int64_t replacements = 0;  // over every category
};

// The note of a clean copy; nullopt for any other project (or an unreadable
// note).
std::optional<PseudonymisationNote> ReadPseudonymisationNote(Project& project);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_PROJECT_SETTINGS_H_
