// What the privacy module finds: a span of a text that identifies someone,
// with its category and the rule or list that found it. Spans are byte
// offsets into the UTF-8 text while detecting; ProjectScan turns them into
// code points (as codings use) when it reports them. See docs/privacy.md.
#ifndef VERHAAL_PRIVACY_DETECTION_H_
#define VERHAAL_PRIVACY_DETECTION_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verhaal {

// The kinds of identifiers. The names (PERSOON, ...) appear in pseudonyms,
// in the policy and decisions files and in the JSON of --dry-run.
enum class Category : uint8_t {
  kPerson,        // PERSOON
  kPlace,         // PLAATS
  kAddress,       // ADRES (street with house number)
  kOrganisation,  // ORGANISATIE
  kDate,          // DATUM
  kAge,           // LEEFTIJD
  kPhone,         // TELEFOON
  kEmail,         // EMAIL
  kUrl,           // URL
  kBsn,           // BSN
  kIban,          // IBAN
  kPostcode,      // POSTCODE
  kNumber,        // NUMMER: another number of 7 or more digits (client, file)
};

inline constexpr int kCategoryCount = 13;

// "PERSOON", "PLAATS", ...
std::string_view CategoryName(Category category);

// The category called `name` (case-insensitive), if any.
std::optional<Category> ParseCategory(std::string_view name);

// All categories, in enum order.
std::array<Category, kCategoryCount> AllCategories();

// One found identifier: [begin, end) in bytes of the scanned text.
struct Detection {
  size_t begin = 0;
  size_t end = 0;
  Category category = Category::kPerson;
  std::string rule;  // which rule or list found it, e.g. "list:first-names"
};

// Sorts by begin and keeps, of overlapping detections, the longer one (the
// earlier one on a tie), so no two spans overlap.
std::vector<Detection> ResolveOverlaps(std::vector<Detection> detections);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_DETECTION_H_
