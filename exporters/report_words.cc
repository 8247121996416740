#include "exporters/report_words.h"

#include <array>
#include <cctype>

#include "coding/dimension.h"

namespace verhaal {
namespace {

struct Entry {
  std::string_view english;
  std::string_view dutch;
};

constexpr Entry kWords[] = {
#define VERHAAL_WORD_ENTRY(id, english, dutch) {english, dutch},
    VERHAAL_REPORT_WORDS(VERHAAL_WORD_ENTRY)
#undef VERHAAL_WORD_ENTRY
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits with points between thousands, from five digits on ("12.345").
std::string GroupThousands(std::string_view digits) {
  if (digits.size() < 5) return std::string(digits);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string_view Say(Language language, Word word) {
  const Entry& entry = kWords[static_cast<size_t>(word)];
  return language == Language::kDutch ? entry.dutch : entry.english;
}

std::string Fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && IsDigit(pattern[i + 1]) &&
        pattern[i + 2] == '}') {
      const size_t n = static_cast<size_t>(pattern[i + 1] - '1');
      if (n < values.size()) {
        out += *(values.begin() + n);
        i += 2;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

std::string Say(Language language, Word word, std::initializer_list<std::string_view> values) {
  return Fill(Say(language, word), values);
}

std::string LocalNumber(std::string_view number, Language language) {
  if (language == Language::kEnglish) return std::string(number);
  std::string out;
  size_t i = 0;
  while (i < number.size()) {
    if (!IsDigit(number[i])) {
      out += number[i++];
      continue;
    }
    size_t end = i;
    while (end < number.size() && IsDigit(number[end])) ++end;
    out += GroupThousands(number.substr(i, end - i));
    if (end + 1 < number.size() && number[end] == '.' && IsDigit(number[end + 1])) {
      out += ',';
      ++end;
      const size_t start = end;
      while (end < number.size() && IsDigit(number[end])) ++end;
      out += number.substr(start, end - start);
    }
    i = end;
  }
  return out;
}

std::string LocalCount(int64_t n, Language language) {
  return LocalNumber(std::to_string(n), language);
}

std::string Counted(Language language, int64_t n, Word one, Word many) {
  return LocalCount(n, language) + " " + std::string(Say(language, n == 1 ? one : many));
}

std::string KindName(Language language, std::string_view kind) {
  if (kind == "experience") return std::string(Say(language, Word::kKindExperience));
  if (kind == "reflection") return std::string(Say(language, Word::kKindReflection));
  if (kind == "interview") return std::string(Say(language, Word::kKindInterview));
  if (kind == "other") return std::string(Say(language, Word::kKindOther));
  return std::string(kind);
}

std::string ReasonText(Language language, std::string_view reason) {
  static constexpr std::pair<std::string_view, Word> kReasons[] = {
      {kNoCoding, Word::kReasonNoCoding},
      {kCodersDisagree, Word::kReasonCodersDisagree},
      {kNoConsensus, Word::kReasonNoConsensus},
      {kMixed, Word::kReasonMixed},
      {kNotApplicable, Word::kReasonNotApplicable},
      {kNoAnswer, Word::kReasonNoAnswer},
      {kNoValue, Word::kReasonNoValue},
      {kNoZone, Word::kReasonNoZone}};
  // "dimension: reason" (exporters/matrix.cc names reasons so).
  const size_t colon = reason.rfind(": ");
  const std::string_view prefix =
      colon == std::string_view::npos ? "" : reason.substr(0, colon + 2);
  const std::string_view bare = colon == std::string_view::npos ? reason : reason.substr(colon + 2);
  for (const auto& [english, word] : kReasons) {
    if (bare == english) return std::string(prefix) + std::string(Say(language, word));
  }
  return std::string(reason);
}

void LocalizeDimension(ResolvedDimension& dim, const DimensionSpec& spec, Language language) {
  if (language == Language::kEnglish) return;
  auto name = [&](Word word) {
    dim.title = Say(language, word);
    dim.label = dim.title;
  };
  switch (spec.source) {
    case DimensionSource::kRole:
      name(Word::kRole);
      break;
    case DimensionSource::kWave:
      name(Word::kWave);
      break;
    case DimensionSource::kRespondent:
      name(Word::kRespondentOne);
      break;
    case DimensionSource::kKind:
      name(Word::kKind);
      for (auto& level : dim.levels) level = KindName(language, level);
      break;
    case DimensionSource::kTriadZone:
      dim.title = Say(language, Word::kZonesOf, {spec.name});
      if (!dim.levels.empty() && dim.levels.back() == "centre") {
        dim.levels.back() = Say(language, Word::kCentre);
      }
      break;
    default:
      break;
  }
}

}  // namespace verhaal
