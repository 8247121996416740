#include <array>

#include "privacy/char_class.h"
#include "privacy/patterns.h"

namespace verhaal {
namespace {

using namespace privacy_internal;

bool IsLocalPartByte(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsDomainByte(char c) { return IsAlnum(c) || c == '-' || c == '.'; }

// The end of a domain starting at i ("mail.example.nl"), or i when there
// is none: labels of letters, digits and hyphens, at least one dot, a last
// label of two or more letters. A trailing full stop is not part of it.
size_t DomainEnd(std::string_view text, size_t i) {
  size_t j = i;
  while (j < text.size() && IsDomainByte(text[j])) ++j;
  while (j > i && (text[j - 1] == '.' || text[j - 1] == '-')) --j;
  const size_t dot = text.substr(i, j - i).rfind('.');
  if (dot == std::string_view::npos || dot == 0) return i;
  const size_t tld = i + dot + 1;
  if (j - tld < 2) return i;
  for (size_t k = tld; k < j; ++k) {
    if (!IsAsciiLetter(text[k])) return i;
  }
  return j;
}

constexpr std::array<std::string_view, 16> kTopLevelDomains = {
    "nl", "com", "org", "net", "eu", "be", "de", "info",
    "io", "nu",  "gov", "edu", "uk", "fr", "so", "er"};

// The rest of a URL after its host: a path, query or fragment up to white
// space or a closing bracket or quote, without trailing punctuation.
size_t UrlPathEnd(std::string_view text, size_t j) {
  if (j < text.size() && (text[j] == '/' || text[j] == '?' || text[j] == '#' || text[j] == ':')) {
    while (j < text.size()) {
      const char c = text[j];
      if (c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '<' || c == '>' || c == ')' ||
          c == ']') {
        break;
      }
      ++j;
    }
    while (j > 0 &&
           (text[j - 1] == '.' || text[j - 1] == ',' || text[j - 1] == ';' || text[j - 1] == ':' ||
            text[j - 1] == '!' || text[j - 1] == '?' || text[j - 1] == '\'')) {
      --j;
    }
  }
  return j;
}

}  // namespace

std::vector<Detection> FindContactPatterns(std::string_view text) {
  std::vector<Detection> found;
  size_t covered = 0;  // bytes before this are inside a detection already
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = text[i];
    // Every e-mail address has an '@', every URL and domain a '.' between
    // letters or digits; nothing else needs a look.
    if (c != '@' && c != '.') continue;
    if (i < covered || i == 0 || i + 1 >= n) continue;
    if (c == '@') {
      size_t start = i;
      while (start > covered && IsLocalPartByte(text[start - 1])) --start;
      while (start < i && (text[start] == '.' || text[start] == '-')) ++start;
      const size_t end = DomainEnd(text, i + 1);
      if (start < i && end > i + 1) {
        found.push_back({start, end, Category::kEmail, "pattern:email"});
        covered = end;
        i = end - 1;
      }
      continue;
    }
    if (!IsAlnum(text[i - 1]) || !IsAlnum(text[i + 1])) continue;
    // The start of the host: back over letters, digits, '-' and '.'.
    size_t start = i;
    while (start > covered && IsDomainByte(text[start - 1])) --start;
    if (start > 0 && text[start - 1] == '@') continue;  // an e-mail's domain, found at '@'
    size_t begin = start;                               // with a scheme, where the URL begins
    bool scheme = false;
    if (start >= 3 && text.substr(start - 3, 3) == "://") {
      size_t s = start - 3;
      while (s > covered && IsAsciiLetter(text[s - 1])) --s;
      if (MatchesAt(text, s, "http") && WordStartsAt(text, s)) {
        begin = s;
        scheme = true;
      }
    }
    if (!scheme && !WordStartsAt(text, start)) continue;
    const size_t end = DomainEnd(text, start);
    if (end <= i) continue;
    if (end < n && text[end] == '@') continue;  // the local part of an e-mail address
    const std::string_view host = text.substr(start, end - start);
    bool known = scheme || MatchesAt(text, start, "www.");
    if (!known) {
      std::string tld(host.substr(host.rfind('.') + 1));
      for (char& t : tld) t = static_cast<char>(t | 0x20);
      for (std::string_view k : kTopLevelDomains) known = known || tld == k;
      // "o.a.nl" is no domain; a real one has a label of two or more.
      known = known && host.find('.') >= 2;
    }
    if (!known) continue;
    const size_t full = UrlPathEnd(text, end);
    found.push_back({begin, full, Category::kUrl,
                     scheme || MatchesAt(text, start, "www.") ? "pattern:url" : "pattern:domain"});
    covered = full;
    i = full - 1;
  }
  return found;
}

}  // namespace verhaal
