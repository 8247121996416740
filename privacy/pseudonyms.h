// Consistent typed pseudonyms: the same entity gets the same pseudonym in
// every text of the project ("[PERSOON-3]", or with the names style a
// realistic name of the same origin). An entity is a category and a text
// compared ignoring case and spacing; a date is the day or month it names
// however it is written (CanonicalDate, privacy/patterns.h); a single name
// that is the first or last word of exactly one longer name of a person is
// that person.
#ifndef VERHAAL_PRIVACY_PSEUDONYMS_H_
#define VERHAAL_PRIVACY_PSEUDONYMS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/detection.h"
#include "privacy/project_scan.h"

namespace verhaal {

enum class PseudonymStyle { kTags, kNames };

// One entity of the key: its pseudonym and every form it was written in.
struct KeyEntry {
  std::string pseudonym;
  Category category = Category::kPerson;
  std::vector<std::string> originals;
};

class Pseudonyms {
 public:
  // Assigns pseudonyms to every detection of `fields`, numbered per
  // category in the order entities first appear.
  Pseudonyms(const std::vector<Field>& fields, PseudonymStyle style);
  // The same from a streamed scan's entities (ProjectScan::entities()).
  Pseudonyms(const SeenEntities& entities, PseudonymStyle style);

  // The pseudonym of the detection's entity.
  const std::string& Of(Category category, std::string_view text) const;

  // The key: pseudonym -> originals, in pseudonym order.
  const std::vector<KeyEntry>& entries() const { return entries_; }

  // How many detections (not entities) each category had.
  const std::map<Category, int64_t>& counts() const { return counts_; }

 private:
  std::string EntityKey(Category category, std::string_view text) const;
  std::map<std::string, size_t> by_entity_;  // entity key -> index in entries_
  std::vector<KeyEntry> entries_;
  std::map<Category, int64_t> counts_;
};

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_PSEUDONYMS_H_
