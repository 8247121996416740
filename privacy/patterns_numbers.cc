#include <string>

#include "privacy/char_class.h"
#include "privacy/patterns.h"

namespace verhaal {
namespace {

using namespace privacy_internal;

// A run of digits with the separators phone numbers use between groups
// ("06-1234 5678", "(030) 555 5555", "+31 (0)6 12345678", "088 - 7555555").
struct DigitRun {
  size_t end = 0;  // bytes
  std::string digits;
  int groups = 0;
};

DigitRun ReadPhoneDigits(std::string_view text, size_t i) {
  DigitRun run{i, "", 0};
  size_t j = i;
  while (j < text.size()) {
    if (IsDigit(text[j])) {
      ++run.groups;
      while (j < text.size() && IsDigit(text[j])) run.digits += text[j++];
      run.end = j;
      if (run.digits.size() > 15) break;
      continue;
    }
    // Separators between groups: " ", "-", " - ", ")", "(0)", ".", "/".
    size_t k = j;
    if (MatchesAt(text, k, "(0)")) {
      k += 3;
      if (k < text.size() && text[k] == ' ') ++k;
    } else if (text[k] == ')' || text[k] == '(') {
      ++k;
      if (k < text.size() && (text[k] == ' ' || text[k] == '-')) ++k;
    } else if (MatchesAt(text, k, " - ")) {
      k += 3;
    } else if (text[k] == ' ' || text[k] == '-' || text[k] == '.' || text[k] == '/') {
      ++k;
    }
    if (k == j || k >= text.size() || !IsDigit(text[k])) break;
    j = k;
  }
  return run;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return !s.empty();
}

// A phone number starting at i ('+', '(' or a digit at a word start), or 0.
size_t PhoneEnd(std::string_view text, size_t i) {
  size_t j = i;
  bool international = false;
  if (text[j] == '+') {
    international = true;
    ++j;
  } else if (text[j] == '(') {
    ++j;
  }
  if (j >= text.size() || !IsDigit(text[j])) return 0;
  const DigitRun run = ReadPhoneDigits(text, j);
  if (!WordEndsAt(text, run.end)) return 0;
  const std::string& d = run.digits;
  const size_t n = d.size();
  if (international) return n >= 10 && n <= 15 ? run.end : 0;
  if (d.rfind("00", 0) == 0) return n >= 11 && n <= 15 ? run.end : 0;  // 0031 6 ...
  if (d[0] != '0') return 0;
  if (d.rfind("0800", 0) == 0 || d.rfind("0900", 0) == 0 || d.rfind("0909", 0) == 0) {
    return n >= 8 && n <= 11 ? run.end : 0;
  }
  if (n == 10) return run.end;
  // One digit too many or too few, as people write them: only with groups.
  if ((n == 9 || n == 11) && run.groups >= 2) return run.end;
  return 0;
}

// An IBAN starting at i: country letters, check digits, then letters and
// digits in optional groups of four, validated mod 97.
size_t IbanEnd(std::string_view text, size_t i) {
  if (i + 15 > text.size() || !IsAsciiLetter(text[i]) || !IsAsciiLetter(text[i + 1]) ||
      !IsDigit(text[i + 2]) || !IsDigit(text[i + 3])) {
    return 0;
  }
  size_t j = i + 4;
  size_t chars = 4;
  size_t last = j;
  while (j < text.size() && chars < 34) {
    if (IsAlnum(text[j])) {
      ++chars;
      ++j;
      last = j;
    } else if (text[j] == ' ' && j + 1 < text.size() && IsAlnum(text[j + 1]) && (chars % 4) == 0) {
      ++j;
    } else {
      break;
    }
  }
  if (chars < 15 || !WordEndsAt(text, last)) return 0;
  return PassesIbanCheck(text.substr(i, last - i)) ? last : 0;
}

// A Dutch postcode at i: four digits (not starting with 0), an optional
// space and two capitals (not SA, SD or SS, which are not issued).
size_t PostcodeEnd(std::string_view text, size_t i) {
  if (i + 6 > text.size() || text[i] == '0') return 0;
  for (size_t k = 0; k < 4; ++k) {
    if (!IsDigit(text[i + k])) return 0;
  }
  size_t j = i + 4;
  if (text[j] == ' ') ++j;
  if (j + 2 > text.size() || !IsUpper(text[j]) || !IsUpper(text[j + 1])) return 0;
  const std::string_view letters = text.substr(j, 2);
  if (letters == "SA" || letters == "SD" || letters == "SS") return 0;
  return WordEndsAt(text, j + 2) ? j + 2 : 0;
}

// Nine digits, possibly written "123.456.782" or "1234 56 782".
size_t BsnEnd(std::string_view text, size_t i) {
  std::string digits;
  size_t j = i;
  size_t last = i;
  while (j < text.size() && digits.size() < 10) {
    if (IsDigit(text[j])) {
      digits += text[j++];
      last = j;
    } else if ((text[j] == '.' || text[j] == ' ') && j + 1 < text.size() && IsDigit(text[j + 1]) &&
               digits.size() < 9) {
      ++j;
    } else {
      break;
    }
  }
  if (digits.size() != 9 || !WordEndsAt(text, last)) return 0;
  return PassesElfproef(digits) ? last : 0;
}

}  // namespace

bool PassesElfproef(std::string_view d) {
  if (d.size() != 9 || !AllDigits(d)) return false;
  int sum = 0;
  for (int k = 0; k < 8; ++k) sum += (9 - k) * (d[static_cast<size_t>(k)] - '0');
  sum -= d[8] - '0';
  return sum % 11 == 0 && d != "000000000";
}

bool PassesIbanCheck(std::string_view iban) {
  std::string compact;
  for (char c : iban) {
    if (c != ' ') compact += static_cast<char>(IsAsciiLetter(c) ? (c & ~0x20) : c);
  }
  if (compact.size() < 15 || compact.size() > 34) return false;
  const std::string moved = compact.substr(4) + compact.substr(0, 4);
  int remainder = 0;
  for (char c : moved) {
    if (IsDigit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (IsUpper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

std::vector<Detection> FindNumberPatterns(std::string_view text) {
  std::vector<Detection> found;
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (!IsDigit(c) && c != '+' && c != '(') continue;  // each starts so, or has digits early
    // An IBAN: two letters at a word start, then these digits.
    if (IsDigit(c) && i >= 2 && IsAsciiLetter(text[i - 1]) && IsAsciiLetter(text[i - 2]) &&
        WordStartsAt(text, i - 2)) {
      if (const size_t end = IbanEnd(text, i - 2)) {
        found.push_back({i - 2, end, Category::kIban, "pattern:iban-mod97"});
        i = end - 1;
        continue;
      }
    }
    if (i > 0 && (IsWordByte(text[i - 1]) || text[i - 1] == '-' || text[i - 1] == '.' ||
                  text[i - 1] == '/' || text[i - 1] == ',')) {
      if (IsDigit(c)) {
        while (i + 1 < n && IsDigit(text[i + 1])) ++i;
      }
      continue;
    }
    if (IsDigit(c)) {
      if (const size_t end = PostcodeEnd(text, i)) {
        found.push_back({i, end, Category::kPostcode, "pattern:postcode"});
        i = end - 1;
        continue;
      }
      if (const size_t end = BsnEnd(text, i)) {
        found.push_back({i, end, Category::kBsn, "pattern:bsn-elfproef"});
        i = end - 1;
        continue;
      }
    }
    if (const size_t end = PhoneEnd(text, i)) {
      found.push_back({i, end, Category::kPhone, "pattern:phone"});
      i = end - 1;
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i;
      while (j < n && IsDigit(text[j])) ++j;
      if (j - i >= 7 && WordEndsAt(text, j) && (j >= n || text[j] != ',')) {
        found.push_back({i, j, Category::kNumber, "pattern:number-7-digits"});
      }
      i = j - 1;
    }
  }
  return found;
}

}  // namespace verhaal
