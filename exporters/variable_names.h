// Variable names that SPSS, Stata and R all accept: ASCII letters, digits
// and "_", starting with a letter, at most 32 characters, lower case, not a
// reserved word of either package, and unique ignoring case. Names are
// stable: the same wanted names in the same order give the same result on
// every run. The full text (a code path, a question title) goes into the
// variable label; docs/exports.md describes the rules.
// Private to exporters/.
#ifndef VERHAAL_EXPORTERS_VARIABLE_NAMES_H_
#define VERHAAL_EXPORTERS_VARIABLE_NAMES_H_

#include <set>
#include <string>
#include <string_view>

namespace verhaal {

// The longest name Stata accepts (SPSS allows 64).
inline constexpr size_t kMaxVariableName = 32;

// `text` (UTF-8) made into a name without the length limit: diacritics
// transliterated to ASCII ("één" -> "een", "ß" -> "ss"), everything else
// but letters and digits turned into single "_", lower case, "v" put in
// front of a leading digit (or used for empty text), "_" appended to a
// reserved word. Never fails.
std::string SanitizeVariableName(std::string_view text);

// Whether `name` meets every rule above except uniqueness.
bool IsValidVariableName(std::string_view name);

// Hands out unique names for one export. Not thread-safe.
class VariableNamer {
 public:
  // A valid name for `wanted`, different (ignoring case) from every name
  // this namer returned before. A name that is too long is cut to 26
  // characters and gets "_" plus 5 hex digits of a hash of `wanted`, so it
  // stays the same whatever other names exist; a name already taken gets
  // "_2", "_3", ... .
  std::string Make(std::string_view wanted);

 private:
  std::set<std::string> taken_;
};

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_VARIABLE_NAMES_H_
