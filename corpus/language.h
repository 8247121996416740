// The languages verhaal writes its reports in, and how a default is chosen
// from the locale. The words themselves live with the outputs that use them
// (exporters/report_words.h, coding/analysis_coders.cc). See docs/report.md.
#ifndef VERHAAL_CORPUS_LANGUAGE_H_
#define VERHAAL_CORPUS_LANGUAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace verhaal {

enum class Language { kEnglish, kDutch };

// The accepted codes, for messages: "en or nl".
inline constexpr std::string_view kLanguageCodes = "en or nl";

// "en" -> kEnglish, "nl" -> kDutch (exactly, lower case); nullopt otherwise.
std::optional<Language> ParseLanguage(std::string_view code);

// "en" or "nl".
std::string_view LanguageCode(Language language);

// The language a language tag such as "nl", "nl-BE", "NL_nl" or
// "en-GB" starts with; nullopt for other languages and empty tags.
std::optional<Language> LanguageOfTag(std::string_view tag);

// The locale's language: the first set of LC_ALL, LC_MESSAGES and LANG, when
// it starts with "nl" or "en" (nl_NL.UTF-8 -> kDutch); nullopt otherwise.
std::optional<Language> LocaleLanguage();

// The language most stories are in, from (language tag, stories) pairs as
// CountStoriesByLanguage gives them: Dutch when its stories are at least as
// many as the English ones and as those in other languages, English when
// they outnumber the Dutch and are at least as many as the others; else the
// locale's, else English. Stories without a language do not count. The
// default of the report and of the codebook document (docs/report.md).
Language MostStoriesLanguage(const std::vector<std::pair<std::string, int64_t>>& stories_by_tag);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_LANGUAGE_H_
