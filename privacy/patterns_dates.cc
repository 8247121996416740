#include <array>
#include <cstdio>
#include <string>

#include "privacy/char_class.h"
#include "privacy/patterns.h"

namespace verhaal {
namespace {

using namespace privacy_internal;

// Month names and their abbreviations (lower case), with the month number.
struct MonthName {
  std::string_view name;
  int month;
};
constexpr std::array<MonthName, 26> kMonths = {{
    {"januari", 1},   {"februari", 2},  {"maart", 3},    {"april", 4},     {"mei", 5},
    {"juni", 6},      {"juli", 7},      {"augustus", 8}, {"september", 9}, {"oktober", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},      {"feb", 2},       {"mrt", 3},
    {"apr", 4},       {"jun", 6},       {"jul", 7},      {"aug", 8},       {"sept", 9},
    {"sep", 9},       {"okt", 10},      {"nov", 11},     {"dec", 12},      {"febr", 2},
    {"aug.", 8},
}};

// The month name at i and its end, or {0, i}.
std::pair<int, size_t> MonthAt(std::string_view text, size_t i) {
  if (i >= text.size()) return {0, i};
  const char first = static_cast<char>(text[i] | 0x20);
  if (first != 'j' && first != 'f' && first != 'm' && first != 'a' && first != 's' &&
      first != 'o' && first != 'n' && first != 'd') {
    return {0, i};
  }
  for (const MonthName& m : kMonths) {
    if (MatchesAt(text, i, m.name) && WordEndsAt(text, i + m.name.size())) {
      size_t end = i + m.name.size();
      if (m.name.size() <= 4 && end < text.size() && text[end] == '.') ++end;
      return {m.month, end};
    }
  }
  return {0, i};
}

// A number of 1 to `max_digits` digits at i: {value, end} or {-1, i}.
std::pair<int, size_t> NumberAt(std::string_view text, size_t i, size_t max_digits) {
  size_t j = i;
  int value = 0;
  while (j < text.size() && IsDigit(text[j]) && j - i < max_digits + 1) {
    value = value * 10 + (text[j] - '0');
    ++j;
  }
  if (j == i || j - i > max_digits || (j < text.size() && IsDigit(text[j]))) return {-1, i};
  return {value, j};
}

// A year at i: four digits 1900-2099, or two digits after an optional
// apostrophe or backtick ('02, `22, 21). `year`, when given, gets its value
// (two digits: 2000-2049 for 00-49, 1950-1999 for 50-99).
std::pair<bool, size_t> YearAt(std::string_view text, size_t i, bool allow_two,
                               int* year = nullptr) {
  size_t j = i;
  if (j < text.size() && (text[j] == '\'' || text[j] == '`')) ++j;
  const auto [value, end] = NumberAt(text, j, 4);
  if (value < 0 || !WordEndsAt(text, end)) return {false, i};
  if (end - j == 4) {
    if (year) *year = value;
    return {value >= 1900 && value <= 2099, end};
  }
  if (end - j == 2 && allow_two) {
    if (year) *year = value < 50 ? 2000 + value : 1900 + value;
    return {true, end};
  }
  return {false, i};
}

// Separator of a numeric date at i: '-', '/', '.' or ' '.
size_t SeparatorAt(std::string_view text, size_t i, char* which) {
  if (i >= text.size()) return 0;
  const char c = text[i];
  if (c == '-' || c == '/' || c == '.' || c == ' ') {
    *which = c;
    return 1;
  }
  return 0;
}

// Between a day and a month name: spaces, "-", ".", "- ".
size_t NameSeparatorEnd(std::string_view text, size_t i) {
  size_t j = i;
  if (j < text.size() && (text[j] == '-' || text[j] == '.')) ++j;
  if (j < text.size() && text[j] == ' ') ++j;
  return j;
}

bool ValidDay(int day, int month) {
  static constexpr std::array<int, 13> kDays = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month >= 1 && month <= 12 && day >= 1 && day <= kDays[static_cast<size_t>(month)];
}

// The day a date names: year 0 when it has none ("12 maart").
struct DateParts {
  int year = 0;
  int month = 0;
  int day = 0;
};

// A date starting with a number at i; its end or 0. `parts`, when given,
// gets what it names.
size_t DateEnd(std::string_view text, size_t i, DateParts* parts = nullptr) {
  DateParts found;
  const auto [first, first_end] = NumberAt(text, i, 4);
  if (first < 0) return 0;
  const auto done = [&](size_t end, int year, int month, int day) {
    if (parts) *parts = {year, month, day};
    return end;
  };
  char sep = 0;
  if (first_end - i <= 2) {
    // day-month-year: "24-07-1966", "26-4-21", "23 10 2011"
    if (SeparatorAt(text, first_end, &sep)) {
      const auto [month, month_end] = NumberAt(text, first_end + 1, 2);
      char sep2 = 0;
      if (month > 0 && SeparatorAt(text, month_end, &sep2) && sep2 == sep) {
        int year = 0;
        const auto [ok, end] = YearAt(text, month_end + 1, sep != ' ', &year);
        if (ok && ValidDay(first, month)) return done(end, year, month, first);
      }
    }
    // day month-name [year]: "12 maart 2021", "17-mei-2011", "15.jan.1928"
    const size_t name_at = NameSeparatorEnd(text, first_end);
    if (name_at > first_end) {
      const auto [month, name_end] = MonthAt(text, name_at);
      if (month > 0 && ValidDay(first, month)) {
        const size_t year_at = NameSeparatorEnd(text, name_end);
        int year = 0;
        const auto [ok, end] = YearAt(text, year_at, true, &year);
        return ok ? done(end, year, month, first) : done(name_end, 0, month, first);
      }
    }
    return 0;
  }
  if (first_end - i != 4 || first < 1900 || first > 2099) return 0;
  // year-month-day: "2009-05-31", "2011 10 23", "2022.1.8"
  if (SeparatorAt(text, first_end, &sep)) {
    const auto [month, month_end] = NumberAt(text, first_end + 1, 2);
    char sep2 = 0;
    if (month > 0 && SeparatorAt(text, month_end, &sep2) && sep2 == sep) {
      const auto [day, end] = NumberAt(text, month_end + 1, 2);
      if (day > 0 && ValidDay(day, month) && WordEndsAt(text, end)) {
        return done(end, first, month, day);
      }
    }
  }
  // year month-name day: "2019 augustus 1"
  const size_t name_at = NameSeparatorEnd(text, first_end);
  if (name_at > first_end) {
    const auto [month, name_end] = MonthAt(text, name_at);
    if (month > 0) {
      const size_t day_at = NameSeparatorEnd(text, name_end);
      const auto [day, end] = NumberAt(text, day_at, 2);
      if (day > 0 && ValidDay(day, month) && WordEndsAt(text, end)) {
        return done(end, first, month, day);
      }
    }
  }
  return 0;
}

// The word before byte i (skipping spaces), lower-cased, and where it starts.
std::string WordBefore(std::string_view text, size_t i, size_t* start = nullptr) {
  size_t j = i;
  while (j > 0 && text[j - 1] == ' ') --j;
  size_t k = j;
  while (k > 0 && IsWordByte(text[k - 1])) --k;
  if (start) *start = k;
  std::string word(text.substr(k, j - k));
  for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return word;
}

// The word after byte i (skipping spaces), lower-cased.
std::string WordAfter(std::string_view text, size_t i) {
  size_t j = i;
  while (j < text.size() && text[j] == ' ') ++j;
  size_t k = j;
  while (k < text.size() && IsWordByte(text[k])) ++k;
  std::string word(text.substr(j, k - j));
  for (char& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return word;
}

bool OneOf(const std::string& word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

// An age at i (a number of 1-3 digits, "11-12", "2.5"): its end or 0, and
// the rule that recognised it.
size_t AgeEnd(std::string_view text, size_t i, std::string_view* rule) {
  const auto [value, number_end] = NumberAt(text, i, 3);
  if (value < 0 || value > 120) return 0;
  size_t end = number_end;
  // "11-12", "2.5", "6,5", "12,5-jarige"
  if (end + 1 < text.size() && (text[end] == '-' || text[end] == '.' || text[end] == ',') &&
      IsDigit(text[end + 1])) {
    const auto [v2, e2] = NumberAt(text, end + 1, 2);
    if (v2 >= 0) end = e2;
  }
  if (MatchesAt(text, end, "-jarig") || MatchesAt(text, end, " jarig") ||
      MatchesAt(text, end, "jarig")) {
    *rule = "pattern:age-jarig";
    return end;
  }
  const std::string after = WordAfter(text, end);
  const std::string before = WordBefore(text, i);
  if (after == "jaar" || after == "jr") {
    size_t jaar = end;
    while (jaar < text.size() && text[jaar] == ' ') ++jaar;
    const std::string next = WordAfter(text, jaar + after.size());
    if (next == "oud") {
      *rule = "pattern:age-jaar-oud";
      return end;
    }
    if (OneOf(next, {"geleden", "lang",    "later",   "eerder",   "terug",    "gestopt",
                     "gewerkt", "gewoond", "gewacht", "ervaring", "in",       "op",
                     "bij",     "hier",    "daar",    "de",       "het",      "een",
                     "heb",     "had",     "werk",    "duurde",   "controle", "afspraak"})) {
      return 0;
    }
    if (OneOf(before, {"ben", "is", "was", "werd", "word", "wordt", "zijn", "waren", "leeftijd",
                       "van", "tussen", "al"}) ||
        (before.empty() && i == 0)) {
      if (before == "al" || before == "van" || before == "tussen") {
        // "al 10 jaar" is a duration; "een zoon van 16 jaar" an age.
        if (before == "al") return 0;
        size_t start = 0;
        WordBefore(text, i, &start);
        const std::string two = WordBefore(text, start);
        if (OneOf(two, {"over", "na", "sinds", "binnen", "ruim", "bijna", "meer", "dan"})) return 0;
      }
      *rule = "pattern:age-jaar";
      return end;
    }
    return 0;
  }
  if (before == "leeftijd") {
    *rule = "pattern:age-leeftijd";
    return end;
  }
  // "de oudste is 16", "mijn zoon is 7"
  if (before == "is" || before == "was" || before == "wordt" || before == "werd") {
    size_t start = 0;
    WordBefore(text, i, &start);
    const std::string two = WordBefore(text, start);
    if (OneOf(two, {"oudste", "jongste", "zoon", "dochter", "broer", "zus", "zusje", "broertje",
                    "kind", "baby", "moeder", "vader", "man", "vrouw", "middelste"})) {
      *rule = "pattern:age-family-is";
      return end;
    }
  }
  // "Yonas (34)"
  if (i > 0 && text[i - 1] == '(' && end < text.size() && text[end] == ')' && value >= 1) {
    size_t j = i - 1;
    while (j > 0 && text[j - 1] == ' ') --j;
    if (j > 0 && IsWordByte(text[j - 1])) {
      *rule = "pattern:age-in-brackets";
      return end;
    }
  }
  return 0;
}

}  // namespace

std::vector<Detection> FindDatePatterns(std::string_view text) {
  std::vector<Detection> found;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsDigit(text[i])) continue;  // every date and age has a digit
    if (i > 0 && (IsWordByte(text[i - 1]) || text[i - 1] == '/' || text[i - 1] == ':' ||
                  ((text[i - 1] == '-' || text[i - 1] == '.') && i > 1 && IsDigit(text[i - 2])))) {
      while (i + 1 < n && IsDigit(text[i + 1])) ++i;
      continue;
    }
    if (const size_t end = DateEnd(text, i)) {
      found.push_back({i, end, Category::kDate, "pattern:date"});
      i = end - 1;
      continue;
    }
    // "maart 2021": a year after a month name (without a day before it).
    if (i > 1 && text[i - 1] == ' ') {
      size_t month_at = 0;
      const std::string before = WordBefore(text, i, &month_at);
      const auto [month, name_end] = MonthAt(text, month_at);
      const auto [ok, end] = YearAt(text, i, false);
      if (month > 0 && name_end + 1 == i && ok) {
        found.push_back({month_at, end, Category::kDate, "pattern:date-month-year"});
        i = end - 1;
        continue;
      }
    }
    std::string_view rule;
    if (const size_t end = AgeEnd(text, i, &rule)) {
      found.push_back({i, end, Category::kAge, std::string(rule)});
      i = end - 1;
      continue;
    }
    while (i + 1 < n && IsDigit(text[i + 1])) ++i;
  }
  return found;
}

std::string CanonicalDate(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  char out[16];
  DateParts parts;
  if (!text.empty() && IsDigit(text.front()) && DateEnd(text, 0, &parts) == text.size()) {
    if (parts.year == 0) {
      std::snprintf(out, sizeof out, "--%02d-%02d", parts.month, parts.day);
    } else {
      std::snprintf(out, sizeof out, "%04d-%02d-%02d", parts.year, parts.month, parts.day);
    }
    return out;
  }
  // "maart 2021", "mrt. 2021": a month.
  const auto [month, name_end] = MonthAt(text, 0);
  if (month > 0 && name_end < text.size() && text[name_end] == ' ') {
    int year = 0;
    const auto [ok, end] = YearAt(text, name_end + 1, false, &year);
    if (ok && end == text.size()) {
      std::snprintf(out, sizeof out, "%04d-%02d", year, month);
      return out;
    }
  }
  return "";
}

}  // namespace verhaal
