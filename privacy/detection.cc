#include "privacy/detection.h"

#include <algorithm>

namespace verhaal {
namespace {

constexpr std::array<std::string_view, kCategoryCount> kNames = {
    "PERSOON", "PLAATS", "ADRES", "ORGANISATIE", "DATUM",    "LEEFTIJD", "TELEFOON",
    "EMAIL",   "URL",    "BSN",   "IBAN",        "POSTCODE", "NUMMER"};

bool SameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::string_view CategoryName(Category category) { return kNames[static_cast<size_t>(category)]; }

std::optional<Category> ParseCategory(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (SameIgnoringCase(kNames[i], name)) return static_cast<Category>(i);
  }
  return std::nullopt;
}

std::array<Category, kCategoryCount> AllCategories() {
  std::array<Category, kCategoryCount> all{};
  for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<Category>(i);
  return all;
}

std::vector<Detection> ResolveOverlaps(std::vector<Detection> detections) {
  std::stable_sort(detections.begin(), detections.end(),
                   [](const Detection& a, const Detection& b) {
                     if (a.begin != b.begin) return a.begin < b.begin;
                     return a.end - a.begin > b.end - b.begin;
                   });
  std::vector<Detection> kept;
  for (Detection& d : detections) {
    if (d.end <= d.begin) continue;
    if (!kept.empty() && d.begin < kept.back().end) {
      // Overlap: keep the longer of the two.
      if (d.end - d.begin > kept.back().end - kept.back().begin) kept.back() = std::move(d);
      continue;
    }
    kept.push_back(std::move(d));
  }
  return kept;
}

}  // namespace verhaal
