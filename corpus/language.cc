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

Language MostStoriesLanguage(const std::vector<std::pair<std::string, int64_t>>& stories_by_tag) {
  int64_t dutch = 0;
  int64_t english = 0;
  int64_t other = 0;
  for (const auto& [tag, stories] : stories_by_tag) {
    if (tag.empty()) continue;
    const auto language = LanguageOfTag(tag);
    if (!language) {
      other += stories;
    } else {
      (*language == Language::kDutch ? dutch : english) += stories;
    }
  }
  if (dutch > 0 && dutch >= english && dutch >= other) return Language::kDutch;
  if (english > dutch && english >= other) return Language::kEnglish;
  return LocaleLanguage().value_or(Language::kEnglish);
}

}  // namespace verhaal
