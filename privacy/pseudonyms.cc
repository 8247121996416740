#include "privacy/pseudonyms.h"

#include <algorithm>
#include <set>

#include "privacy/lexicon.h"
#include "privacy/patterns.h"
#include "privacy/tokens.h"

namespace verhaal {
namespace {

// The words of `text`, folded.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(text))
    words.push_back(Fold(text.substr(t.begin, t.end - t.begin)));
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
  return joined;
}

// A realistic replacement for entity number `n` (from 1) of a category:
// a name of the same origin as the original's first word, a Dutch place.
std::string NameLike(Category category, std::string_view original, size_t n,
                     const std::set<std::string>& originals) {
  const Lexicon& lexicon = Lexicon::BuiltIn();
  const auto pick = [&](const std::vector<std::string>& list, size_t salt) -> std::string {
    if (list.empty()) return "";
    for (size_t k = 0; k < list.size(); ++k) {
      const std::string& candidate = list[(n * 7919 + salt + k * 31) % list.size()];
      if (!originals.contains(Fold(candidate))) return candidate;
    }
    return list[n % list.size()];
  };
  if (category == Category::kPlace) return pick(lexicon.PlaceNames(), 0);
  if (category != Category::kPerson) return "";
  const std::vector<std::string> words = Words(original);
  if (words.empty()) return "";
  const std::string* origin = lexicon.FirstName(words.front());
  if (!origin) origin = lexicon.Surname(words.back());
  const std::string group = origin ? *origin : "nl";
  if (words.size() == 1 && !lexicon.FirstName(words.front()) && lexicon.Surname(words.front())) {
    return pick(lexicon.SurnamesOf(group), 1);
  }
  std::string name = pick(lexicon.FirstNamesOf(group), 0);
  if (words.size() > 1) name += " " + pick(lexicon.SurnamesOf(group), 1);
  return name;
}

}  // namespace

std::string Pseudonyms::EntityKey(Category category, std::string_view text) const {
  // A date is the day (or month) it names, however it is written.
  if (category == Category::kDate) {
    const std::string day = CanonicalDate(text);
    if (!day.empty()) return std::string(CategoryName(category)) + "\tday:" + day;
  }
  return std::string(CategoryName(category)) + "\t" + Join(Words(text));
}

namespace {

SeenEntities EntitiesOf(const std::vector<Field>& fields) {
  SeenEntities entities;
  for (const Field& field : fields) {
    for (const Detection& d : field.detections) {
      entities.Add(d.category, std::string_view(field.text).substr(d.begin, d.end - d.begin));
    }
  }
  return entities;
}

}  // namespace

Pseudonyms::Pseudonyms(const std::vector<Field>& fields, PseudonymStyle style)
    : Pseudonyms(EntitiesOf(fields), style) {}

Pseudonyms::Pseudonyms(const SeenEntities& entities, PseudonymStyle style)
    : counts_(entities.counts()) {
  // Longer person names first, so that "Yonas" can join "Yonas Tesfay".
  // Each distinct text once, in the order it first appears.
  struct Seen {
    Category category;
    std::string text;
  };
  std::vector<Seen> seen;
  std::set<std::string> originals;
  for (const auto& [category, text] : entities.first_seen()) {
    seen.push_back({category, text});
    originals.insert(Join(Words(text)));
  }
  // Single words of longer person names: word -> entity keys holding it.
  std::map<std::string, std::set<std::string>> parts;
  for (const Seen& s : seen) {
    if (s.category != Category::kPerson) continue;
    const std::vector<std::string> words = Words(s.text);
    if (words.size() < 2) continue;
    parts[words.front()].insert(EntityKey(s.category, s.text));
    parts[words.back()].insert(EntityKey(s.category, s.text));
  }
  std::map<Category, int> numbers;
  const auto assign = [&](const Seen& s) {
    const std::string key = EntityKey(s.category, s.text);
    if (by_entity_.contains(key)) return;
    const std::vector<std::string> words = Words(s.text);
    if (s.category == Category::kPerson && words.size() == 1) {
      const auto it = parts.find(words.front());
      if (it != parts.end() && it->second.size() == 1 && by_entity_.contains(*it->second.begin())) {
        by_entity_[key] = by_entity_[*it->second.begin()];
        return;
      }
    }
    const int n = ++numbers[s.category];
    std::string pseudonym =
        "[" + std::string(CategoryName(s.category)) + "-" + std::to_string(n) + "]";
    if (style == PseudonymStyle::kNames) {
      const std::string name = NameLike(s.category, s.text, static_cast<size_t>(n), originals);
      if (!name.empty()) pseudonym = name;
    }
    by_entity_[key] = entries_.size();
    entries_.push_back({pseudonym, s.category, {}});
  };
  for (const Seen& s : seen) {
    if (s.category == Category::kPerson && Words(s.text).size() > 1) assign(s);
  }
  for (const Seen& s : seen) assign(s);
  for (const Seen& s : seen) {
    KeyEntry& entry = entries_[by_entity_.at(EntityKey(s.category, s.text))];
    if (std::find(entry.originals.begin(), entry.originals.end(), s.text) ==
        entry.originals.end()) {
      entry.originals.push_back(s.text);
    }
  }
}

const std::string& Pseudonyms::Of(Category category, std::string_view text) const {
  return entries_[by_entity_.at(EntityKey(category, text))].pseudonym;
}

}  // namespace verhaal
