#include "privacy/tokens.h"

namespace verhaal {
namespace {

// Length of the non-letter sequence at text[i] when it is one of the
// typographic characters that are punctuation: ‘ ’ “ ” – — … and NBSP.
size_t PunctuationLength(std::string_view text, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  if (b(i) == 0xC2 && i + 1 < text.size() &&
      (b(i + 1) == 0xA0 || b(i + 1) == 0xAB || b(i + 1) == 0xBB)) {
    return 2;  // no-break space, « »
  }
  if (b(i) == 0xE2 && i + 2 < text.size() && b(i + 1) == 0x80) {
    const unsigned char c = b(i + 2);
    if ((c >= 0x93 && c <= 0x9F) || c == 0xA6) return 3;  // dashes, quotes, ellipsis
  }
  return 0;
}

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Whether the word starting at text[i] starts with an upper-case letter.
bool UpperAt(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && i + 1 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

// Abbreviations whose full stop ends no sentence ("mevr. Haile").
bool IsTitleAbbreviation(std::string_view word) {
  static constexpr std::string_view kTitles[] = {
      "dr", "mr", "mw", "mevr", "dhr", "drs", "ir", "ing", "prof", "st", "bijv", "mej",
      "Dr", "Mr", "Mw", "Mevr", "Dhr", "Drs", "Ir", "Ing", "Prof", "St", "Mej",  "o.a"};
  for (std::string_view t : kTitles) {
    if (word == t) return true;
  }
  return false;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5);
  bool sentence_start = true;
  bool comma = false;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (IsDigit(c)) {
      size_t j = i;
      while (j < n && IsDigit(static_cast<unsigned char>(text[j]))) ++j;
      tokens.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), true, false, false,
                        sentence_start, comma});
      sentence_start = false;
      comma = false;
      i = j;
      continue;
    }
    const bool letter = IsAsciiLetter(c) || (c >= 0x80 && PunctuationLength(text, i) == 0);
    if (!letter) {
      if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') {
        // "mevr." or "dr." end no sentence: an abbreviation before a name.
        sentence_start = true;
        if (c == '.' && !tokens.empty()) {
          const Token& t = tokens.back();
          if (t.end == i && IsTitleAbbreviation(text.substr(t.begin, t.end - t.begin))) {
            sentence_start = false;
          }
        }
      }
      comma = c == ',' || (comma && (c == ' ' || c == '"' || c == '\''));
      const size_t skip = c >= 0x80 ? PunctuationLength(text, i) : 1;
      i += skip == 0 ? 1 : skip;
      continue;
    }
    size_t j = i;
    while (j < n) {
      const auto d = static_cast<unsigned char>(text[j]);
      if (static_cast<unsigned>((d | 0x20) - 'a') < 26u) {
        ++j;
      } else if (d >= 0x80) {
        if (PunctuationLength(text, j) != 0) break;
        ++j;
      } else if ((d == '-' || d == '\'') && j + 1 < n && j > i &&
                 (IsAsciiLetter(static_cast<unsigned char>(text[j + 1])) ||
                  static_cast<unsigned char>(text[j + 1]) >= 0xC3)) {
        ++j;  // an inner hyphen or apostrophe: "Al-Khatib", "Ma'ruf"
      } else {
        break;
      }
    }
    Token t{static_cast<uint32_t>(i),
            static_cast<uint32_t>(j),
            false,
            UpperAt(text, i),
            false,
            sentence_start,
            comma};
    if (t.capitalised) {
      // All capitals ("UWV"): count the letters only of capitalised words.
      int letters = 0;
      int upper = 0;
      for (size_t k = i; k < j; ++k) {
        const auto d = static_cast<unsigned char>(text[k]);
        if (IsAsciiLetter(d)) {
          ++letters;
          upper += d <= 'Z';
        } else if (d >= 0xC0) {
          ++letters;
          upper += UpperAt(text, k);
        }
      }
      t.all_caps = letters >= 2 && upper == letters;
    }
    tokens.push_back(t);
    sentence_start = false;
    comma = false;
    i = j;
  }
  return tokens;
}

void FoldInto(std::string_view word, std::string& out) {
  out.assign(word);
  for (size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
}

std::string Fold(std::string_view word) {
  std::string out;
  FoldInto(word, out);
  return out;
}

size_t CodePoints(std::string_view text) {
  size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace verhaal
