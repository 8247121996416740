#include "importers/spryng_columns.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <string_view>

#include "base/text.h"

namespace verhaal {
namespace {

constexpr std::string_view kSeparator = " - ";

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return std::string(s);
}

// "Q - A - X" as {"Q", "A", "X"}, each piece trimmed.
std::vector<std::string> SplitHeader(std::string_view header) {
  std::vector<std::string> parts;
  for (;;) {
    const size_t at = header.find(kSeparator);
    parts.push_back(Trim(header.substr(0, at)));
    if (at == std::string_view::npos) return parts;
    header.remove_prefix(at + kSeparator.size());
  }
}

// One question's columns as the header names them, before its shape is known.
struct Group {
  std::string question;
  int x = -1, y = -1, na = -1;
  std::vector<std::pair<std::string, int>> anchors;  // "Q - A"
  struct Marble {
    std::string name;
    int x = -1, y = -1;
  };
  std::vector<Marble> marbles;  // "Q - M - X", "Q - M - Y"
};

class HeaderParser {
 public:
  HeaderParser(const CsvRecord& header, const CsvReader& reader, const SpryngOptions& options)
      : header_(header), reader_(reader), options_(options) {
    names_.reserve(header.size());
    for (const CsvField& field : header.fields) names_.push_back(Trim(field.value));
  }

  SpryngColumns Run() {
    CheckRepeats();
    columns_.text =
        Special(options_.text_column, "--text", {"story", "verhaal", "text", "tekst", "narrative"});
    if (columns_.text < 0) {
      throw DataError(
          "found no story text column (Story, Verhaal, Text, Tekst or Narrative); "
          "name the column so or give --text COLUMN",
          reader_.LocationOfRecord());
    }
    columns_.key = Special(options_.key_column, "--key", {"id", "story id", "response id"});
    columns_.respondent =
        Special(options_.respondent_column, "--respondent",
                {"respondent", "respondent id", "participant", "participant id", "deelnemer"});
    for (size_t i = 0; i < names_.size(); ++i) {
      const int column = static_cast<int>(i);
      if (column == columns_.text || column == columns_.key || column == columns_.respondent) {
        continue;
      }
      if (!AddToGroup(column)) columns_.kept.push_back(column);
    }
    for (const Group& group : groups_) Resolve(group);
    std::sort(columns_.kept.begin(), columns_.kept.end());
    return std::move(columns_);
  }

 private:
  Location At(int column) const {
    return reader_.LocationOf(header_.fields[static_cast<size_t>(column)]);
  }

  void CheckRepeats() const {
    std::map<std::string, size_t> seen;
    for (size_t i = 0; i < names_.size(); ++i) {
      const auto [it, added] = seen.emplace(names_[i], i);
      if (!added) {
        throw DataError("column '" + names_[i] + "' appears twice (also column " +
                            std::to_string(it->second + 1) + "); give every column its own name",
                        At(static_cast<int>(i)));
      }
    }
  }

  // The column named by `given` (the option `flag`), or the one column whose
  // name is one of `names` (case ignored); -1 when there is none.
  int Special(const std::string& given, std::string_view flag,
              std::initializer_list<std::string_view> names) const {
    if (!given.empty()) {
      for (size_t i = 0; i < names_.size(); ++i) {
        if (AsciiLower(names_[i]) == AsciiLower(Trim(given))) return static_cast<int>(i);
      }
      throw DataError("there is no column '" + given + "' (" + std::string(flag) +
                          "); give the name of a column of the header line",
                      reader_.LocationOfRecord());
    }
    int found = -1;
    for (size_t i = 0; i < names_.size(); ++i) {
      const std::string lower = AsciiLower(names_[i]);
      if (std::find(names.begin(), names.end(), lower) == names.end()) continue;
      if (found >= 0) {
        throw DataError("columns '" + names_[static_cast<size_t>(found)] + "' and '" + names_[i] +
                            "' could both be meant; choose one with " + std::string(flag) +
                            " COLUMN",
                        At(static_cast<int>(i)));
      }
      found = static_cast<int>(i);
    }
    return found;
  }

  Group& GroupOf(const std::string& question) {
    const auto [it, added] = group_index_.emplace(question, groups_.size());
    if (added) groups_.push_back(Group{question});
    return groups_[it->second];
  }

  // Files the column under its question; false for a plain column or one of
  // no known shape (kept as a story variable).
  bool AddToGroup(int column) {
    const std::vector<std::string> parts = SplitHeader(names_[static_cast<size_t>(column)]);
    if (parts.size() < 2 || parts.size() > 3 || parts[0].empty()) {
      if (parts.size() > 1) columns_.unknown.push_back(names_[static_cast<size_t>(column)]);
      return false;
    }
    const std::string token = AsciiLower(parts.back());
    if (parts.size() == 3) {
      if (token != "x" && token != "y") {
        columns_.unknown.push_back(names_[static_cast<size_t>(column)]);
        return false;
      }
      Group& group = GroupOf(parts[0]);
      auto marble = std::find_if(group.marbles.begin(), group.marbles.end(),
                                 [&](const Group::Marble& m) { return m.name == parts[1]; });
      if (marble == group.marbles.end()) {
        group.marbles.push_back({parts[1]});
        marble = group.marbles.end() - 1;
      }
      Claim(token == "x" ? marble->x : marble->y, column);
      return true;
    }
    Group& group = GroupOf(parts[0]);
    if (token == "x")
      Claim(group.x, column);
    else if (token == "y")
      Claim(group.y, column);
    else if (token == "na")
      Claim(group.na, column);
    else
      group.anchors.emplace_back(parts[1], column);
    return true;
  }

  // Sets `slot` to `column`; kData when another column (differing only in
  // the case of X, Y or NA) already holds it.
  void Claim(int& slot, int column) const {
    if (slot >= 0) {
      throw DataError("column '" + names_[static_cast<size_t>(column)] +
                          "' means the same as "
                          "column " +
                          std::to_string(slot + 1) + " ('" + names_[static_cast<size_t>(slot)] +
                          "'); give every column its own name",
                      At(column));
    }
    slot = column;
  }

  void Resolve(const Group& g) {
    SpryngQuestion q;
    q.question = g.question;
    q.na = g.na;
    const std::string name = "'" + g.question + "'";
    if (!g.marbles.empty()) {
      std::vector<int> misfits = {g.x, g.y};
      for (const auto& [anchor, column] : g.anchors) misfits.push_back(column);
      std::erase(misfits, -1);
      if (!misfits.empty()) {
        const int first = *std::min_element(misfits.begin(), misfits.end());
        throw DataError("column '" + names_[static_cast<size_t>(first)] +
                            "' does not fit question " + name +
                            ", whose other columns are marbles (QUESTION - MARBLE - X and Y); "
                            "rename the column or remove it",
                        At(first));
      }
      q.type = SignifierType::kStones;
      for (const Group::Marble& m : g.marbles) {
        if (m.x < 0 || m.y < 0) {
          throw DataError(
              "marble '" + m.name + "' of question " + name + " has " +
                  (m.x < 0 ? "a Y column but no X column" : "an X column but no Y column") +
                  "; export both coordinates of every marble",
              At(m.x < 0 ? m.y : m.x));
        }
        q.options.push_back(m.name);
        q.marbles.push_back({m.x, m.y});
      }
    } else if (g.x >= 0 && g.y >= 0) {
      if (g.anchors.size() != 3) {
        throw DataError("question " + name + " has X and Y columns and " +
                            std::to_string(g.anchors.size()) +
                            " anchor columns; a triangle needs three anchor columns "
                            "(QUESTION - ANCHOR), a slider only QUESTION - X",
                        At(g.x));
      }
      q.type = SignifierType::kTriad;
      q.x = g.x;
      q.y = g.y;
      for (const auto& [anchor, column] : g.anchors) {
        q.options.push_back(anchor);
        q.anchors.push_back(column);
      }
    } else if (g.x >= 0) {
      if (!g.anchors.empty()) {
        throw DataError("question " + name +
                            " has an X column and anchor columns but no Y column; a slider has "
                            "only QUESTION - X, a triangle three anchors with X and Y",
                        At(g.anchors.front().second));
      }
      q.type = SignifierType::kDyad;
      q.x = g.x;
    } else if (g.y >= 0) {
      throw DataError("question " + name +
                          " has a Y column but no X column; export the X "
                          "column too",
                      At(g.y));
    } else if (g.na >= 0) {
      throw DataError("question " + name +
                          " has an NA column but no X column; NA belongs to a "
                          "slider, triangle or marbles question",
                      At(g.na));
    } else {
      // Anchors alone (e.g. the options of a multiple-choice question).
      for (const auto& [anchor, column] : g.anchors) {
        columns_.kept.push_back(column);
        columns_.unknown.push_back(names_[static_cast<size_t>(column)]);
      }
      return;
    }
    columns_.questions.push_back(std::move(q));
  }

  const CsvRecord& header_;
  const CsvReader& reader_;
  const SpryngOptions& options_;
  std::vector<std::string> names_;
  std::vector<Group> groups_;
  std::map<std::string, size_t> group_index_;
  SpryngColumns columns_;
};

}  // namespace

SpryngColumns ParseSpryngHeader(const CsvRecord& header, const CsvReader& reader,
                                const SpryngOptions& options) {
  return HeaderParser(header, reader, options).Run();
}

}  // namespace verhaal
