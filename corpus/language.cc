#include "corpus/language.h"

#include <cctype>
#include <cstdlib>
#include <string>

namespace verhaal {

std::optional<Language> ParseLanguage(std::string_view code) {
  if (code == "en") return Language::kEnglish;
  if (code == "nl") return Language::kDutch;
  return std::nullopt;
}

std::string_view LanguageCode(Language language) {
  return language == Language::kDutch ? "nl" : "en";
}

std::optional<Language> LanguageOfTag(std::string_view tag) {
  if (tag.size() < 2 || (tag.size() > 2 && std::isalpha(static_cast<unsigned char>(tag[2])))) {
    return std::nullopt;
  }
  std::string code;
  for (char c : tag.substr(0, 2))
    code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ParseLanguage(code);
}

std::optional<Language> LocaleLanguage() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return LanguageOfTag(value);
  }
  return std::nullopt;
}

}  // namespace verhaal
