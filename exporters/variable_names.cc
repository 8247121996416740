#include "exporters/variable_names.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>

namespace verhaal {
namespace {

// Reserved in SPSS (ALL AND BY ...) or Stata (byte, if, in, ...), lower case.
constexpr std::array<std::string_view, 24> kReserved = {
    "all",  "and",  "by",     "eq",    "ge", "gt", "le",  "lt",   "ne",    "not",  "or",  "to",
    "with", "byte", "double", "float", "if", "in", "int", "long", "using", "strl", "str", "pi"};

bool IsReserved(std::string_view name) {
  for (auto word : kReserved) {
    if (name == word) return true;
  }
  // Stata's str1 ... str2045 are type names.
  if (name.size() > 3 && name.substr(0, 3) == "str") {
    return name.find_first_not_of("0123456789", 3) == std::string_view::npos;
  }
  return false;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string ToAscii(std::string_view text) {
  static const std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  if (transliterator == nullptr) return std::string(text);  // falls back to "_" below
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  transliterator->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

uint32_t Fnv1a(std::string_view text) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

std::string Hex5(uint32_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(5, '0');
  for (int i = 4; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

std::string TrimUnderscores(std::string name) {
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

}  // namespace

std::string SanitizeVariableName(std::string_view text) {
  std::string name;
  for (char c : ToAscii(text)) {
    if (IsAsciiAlnum(c)) {
      name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  name = TrimUnderscores(std::move(name));
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) name = "v" + name;
  if (IsReserved(name)) name += '_';
  return name;
}

bool IsValidVariableName(std::string_view name) {
  if (name.empty() || name.size() > kMaxVariableName) return false;
  if (!(name[0] >= 'a' && name[0] <= 'z')) return false;
  for (char c : name) {
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return !IsReserved(name);
}

std::string VariableNamer::Make(std::string_view wanted) {
  std::string base = SanitizeVariableName(wanted);
  if (base.size() > kMaxVariableName) {
    base = TrimUnderscores(base.substr(0, kMaxVariableName - 6)) + "_" + Hex5(Fnv1a(wanted));
  }
  std::string name = base;
  for (int n = 2; taken_.count(name) > 0; ++n) {
    const std::string suffix = "_" + std::to_string(n);
    name =
        TrimUnderscores(base.substr(0, std::min(base.size(), kMaxVariableName - suffix.size()))) +
        suffix;
  }
  taken_.insert(name);
  return name;
}

}  // namespace verhaal
