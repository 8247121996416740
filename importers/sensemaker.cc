#include "importers/sensemaker.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>

#include "corpus/signifiers.h"
#include "importers/story_import.h"

namespace verhaal {
namespace {

// Where one signifier's answer is in a record: column indices, -1 if absent.
struct SignifierColumns {
  Signifier signifier;  // as stored (with its id)
  int na = -1;
  int x = -1;                              // dyad percentX
  std::vector<int> anchors;                // triad anchors / dyad poles, by option
  std::vector<std::array<int, 2>> stones;  // stones: x and y, by option
  std::vector<int> items;                  // multiple-choice list: one column per item
  int single = -1;                         // single-choice list: the chosen item id
  int text = -1;                           // freetext
};

// The metadata columns of a SenseMaker export that are not signifiers.
constexpr std::array<std::string_view, 3> kMetadata = {"project_id", "version",
                                                       "definition_version"};

bool IsMetadata(const std::string& header) {
  if (header.rfind("meta_", 0) == 0) return true;
  for (std::string_view m : kMetadata) {
    if (header == m) return true;
  }
  return false;
}

// "1438121139568" (milliseconds since 1970, UTC) as YYYY-MM-DD; "" for an
// empty cell. kData at `at` for anything else, or a time before 1970 or
// after 9999.
std::string DateOfMillis(std::string_view millis, const Location& at) {
  const size_t first = millis.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  millis = millis.substr(first, millis.find_last_not_of(" \t") - first + 1);
  constexpr long long kLast = 253402300799999;  // 9999-12-31T23:59:59.999Z
  long long ms = -1;
  const auto [end, error] = std::from_chars(millis.data(), millis.data() + millis.size(), ms);
  const bool fraction = end != millis.data() + millis.size() && *end == '.' &&
                        std::string_view(end + 1, millis.data() + millis.size() - end - 1)
                                .find_first_not_of("0123456789") == std::string_view::npos;
  if (error != std::errc() || (end != millis.data() + millis.size() && !fraction) || ms < 0 ||
      ms > kLast) {
    throw DataError("server_upload_time '" + std::string(millis) +
                        "' is not a time in milliseconds since 1970 (up to the year 9999); "
                        "export the data from SenseMaker again or empty the cell",
                    at);
  }
  using namespace std::chrono;
  const year_month_day day{floor<days>(sys_time<milliseconds>(milliseconds(ms)))};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return buffer;
}

class SenseMakerImport {
 public:
  SenseMakerImport(Project& project, CsvReader& data, const SenseMakerDefinition& definition,
                   const SenseMakerOptions& options)
      : project_(project),
        data_(data),
        definition_(definition),
        options_(options),
        importer_(project, ImportOptions{.update = options.update}) {}

  SignificationImportSummary Run() {
    const CsvRecord* header = data_.Next();
    if (!header)
      throw DataError("the data file is empty; export the data from SenseMaker again",
                      Location{data_.file_name(), 0, 0, ""});
    headers_.reserve(header->size());
    for (const CsvField& f : header->fields) headers_.push_back(f.value);
    MapColumns(*header);
    while (const CsvRecord* record = data_.Next()) ImportRecord(*record);
    static_cast<ImportReport&>(summary_) = importer_.Finish();  // the stories' counts
    return summary_;
  }

 private:
  void MapColumns(const CsvRecord& header) {
    std::map<std::string, size_t> by_id;
    for (const Signifier& definition : definition_.signifiers) {
      if (definition.key == definition_.fragment_signifier_id) continue;  // the story text
      EnsureSignifier(project_, definition);
      SignifierColumns columns;
      columns.signifier = *FindSignifier(project_, definition.key);
      // Positions follow the definition's options (the stored ones may be more).
      columns.signifier.options.resize(
          std::max(columns.signifier.options.size(), definition.options.size()));
      columns.anchors.assign(definition.options.size(), -1);
      columns.stones.assign(definition.options.size(), {-1, -1});
      columns.items.assign(definition.options.size(), -1);
      by_id[definition.key] = signifiers_.size();
      signifiers_.push_back(std::move(columns));
      ++summary_.signifiers;
    }
    for (size_t i = 0; i < header.size(); ++i) {
      const std::string& name = header[i];
      const int column = static_cast<int>(i);
      if (name == "id") {
        key_ = column;
      } else if (name == definition_.fragment_signifier_id) {
        text_ = column;
      } else if (name == "language") {
        language_ = column;
      } else if (name == "server_upload_time") {
        date_ = column;
      } else if (name == "responder_id") {
        respondent_ = column;
      } else if (!MapSignifierColumn(name, column, by_id)) {
        if (!IsMetadata(name)) summary_.unknown_columns.push_back(name);
        kept_.push_back(column);
      }
    }
    if (key_ < 0) {
      throw DataError("the data has no 'id' column; give the SenseMaker data export (CSV)",
                      data_.LocationOfRecord());
    }
    if (text_ < 0) {
      throw DataError("the data has no column for the story text (signifier " +
                          definition_.fragment_signifier_id +
                          "); give the definition that belongs to this export",
                      data_.LocationOfRecord());
    }
  }

  // Recognises "<sig>", "<sig>_NA", "<sig>_percentX", "<sig>_<option>" and
  // "<sig>_<stone>_percentX/Y". Derived columns (triad percentX/Y) are
  // recognised and not read: the anchors hold the answer.
  bool MapSignifierColumn(const std::string& name, int column,
                          const std::map<std::string, size_t>& by_id) {
    const size_t underscore = name.find('_');
    const std::string id = name.substr(0, underscore);
    auto found = by_id.find(id);
    if (found == by_id.end()) return false;
    SignifierColumns& c = signifiers_[found->second];
    const Signifier& s = c.signifier;
    if (underscore == std::string::npos) {
      if (s.type == SignifierType::kFreetext)
        c.text = column;
      else if (s.type == SignifierType::kList && !s.multiple)
        c.single = column;
      else
        return false;
      return true;
    }
    const std::string rest = name.substr(underscore + 1);
    if (rest == "NA") {
      c.na = column;
      return true;
    }
    if (rest == "percentX" || rest == "percentY") {
      if (s.type == SignifierType::kDyad && rest == "percentX") c.x = column;
      return s.type == SignifierType::kDyad || s.type == SignifierType::kTriad;
    }
    const size_t second = rest.find('_');
    const std::optional<int> option = FindSignifierOption(s, rest.substr(0, second));
    if (!option) return false;
    if (s.type == SignifierType::kStones && second != std::string::npos) {
      const std::string axis = rest.substr(second + 1);
      if (axis != "percentX" && axis != "percentY") return false;
      c.stones[static_cast<size_t>(*option)][axis == "percentX" ? 0 : 1] = column;
      return true;
    }
    if (second != std::string::npos) return false;
    if (s.type == SignifierType::kTriad || s.type == SignifierType::kDyad) {
      c.anchors[static_cast<size_t>(*option)] = column;
      return true;
    }
    if (s.type == SignifierType::kList && s.multiple) {
      c.items[static_cast<size_t>(*option)] = column;
      return true;
    }
    return false;
  }

  const CsvField* Cell(const CsvRecord& record, int column) const {
    return column < 0 ? nullptr : &record.fields[static_cast<size_t>(column)];
  }
  bool Filled(const CsvField* cell) const {
    return cell && cell->value.find_first_not_of(" \t") != std::string::npos;
  }
  double Number(const CsvField* cell) {
    return ParseCellNumber(cell->value, data_.LocationOf(*cell));
  }

  void ImportRecord(const CsvRecord& record) {
    IncomingStory in;
    Story& story = in.story;
    const CsvField& key = record.fields[static_cast<size_t>(key_)];
    story.key = key.value;
    if (story.key.empty()) {
      throw DataError("this record has no id; every fragment needs its id", data_.LocationOf(key));
    }
    const CsvField& text = record.fields[static_cast<size_t>(text_)];
    story.text = text.value;
    if (language_ >= 0) story.language = record[static_cast<size_t>(language_)];
    if (story.language.empty()) story.language = definition_.language;
    if (date_ >= 0) {
      story.date = DateOfMillis(record[static_cast<size_t>(date_)],
                                data_.LocationOf(record.fields[static_cast<size_t>(date_)]));
    }
    if (respondent_ >= 0) in.respondent_key = record[static_cast<size_t>(respondent_)];
    story.source_file = data_.file_name();
    story.source_line = record.line;
    in.key_at = data_.LocationOf(key);
    in.text_at = data_.LocationOf(text);
    in.text_may_be_empty = true;  // the fragment's answers are the data
    const StoryImporter::Result stored = importer_.Add(std::move(in));
    if (stored.outcome == StoryImporter::Outcome::kChanged) return;  // kept, answers too
    for (int column : kept_) {
      if (SetImportedStoryValue(project_, stored.story_id, headers_[static_cast<size_t>(column)],
                                record[static_cast<size_t>(column)])) {
        ++summary_.story_values_changed;
      }
    }
    for (SignifierColumns& c : signifiers_) ImportValue(record, stored.story_id, c);
  }

  // Appends `key` to a single-choice list as a new item labelled by its key.
  int AddItem(SignifierColumns& c, const std::string& key) {
    Signifier extended = c.signifier;
    extended.options.push_back({key, key});
    EnsureSignifier(project_, extended);
    c.signifier = *FindSignifier(project_, c.signifier.key);
    summary_.added_items.push_back("list " + c.signifier.key + ": " + key);
    return static_cast<int>(c.signifier.options.size()) - 1;
  }

  void ImportValue(const CsvRecord& record, int64_t story_id, SignifierColumns& c) {
    const Signifier& s = c.signifier;
    SignifierValue value;
    const CsvField* first = nullptr;  // the first filled cell, for errors
    auto note = [&](const CsvField* cell) {
      if (!first && Filled(cell)) first = cell;
      return Filled(cell);
    };
    const CsvField* na = Cell(record, c.na);
    bool answered = false;
    if (na && ParseCellTick(na->value, data_.LocationOf(*na))) {
      value.not_applicable = true;
      answered = true;
      first = na;
    } else {
      switch (s.type) {
        case SignifierType::kDyad: {
          const int column = c.x >= 0 ? c.x : (c.anchors.size() == 2 ? c.anchors[1] : -1);
          const CsvField* cell = Cell(record, column);
          if ((answered = note(cell))) value.x = Number(cell);
          break;
        }
        case SignifierType::kTriad: {
          std::array<double, 3> p{};
          int filled = 0;
          for (size_t i = 0; i < 3; ++i) filled += note(Cell(record, c.anchors[i])) ? 1 : 0;
          if (filled == 0) break;
          for (size_t i = 0; i < 3; ++i) {
            const CsvField* cell = Cell(record, c.anchors[i]);
            if (!Filled(cell)) {
              throw DataError("triad " + s.key + " has no value for anchor '" + s.options[i].label +
                                  "' while the others have one; give all "
                                  "three proportions or none",
                              cell ? data_.LocationOf(*cell) : data_.LocationOfRecord());
            }
            p[i] = Number(cell);
          }
          value.triad = {p[0], p[1], p[2]};
          answered = true;
          break;
        }
        case SignifierType::kStones:
          value.stones.resize(c.stones.size());
          for (size_t i = 0; i < c.stones.size(); ++i) {
            const CsvField* x = Cell(record, c.stones[i][0]);
            const CsvField* y = Cell(record, c.stones[i][1]);
            const bool has_x = note(x), has_y = note(y);
            if (!has_x && !has_y) continue;
            if (has_x != has_y) {
              const CsvField* empty = has_x ? y : x;
              throw DataError("stone '" + s.options[i].label + "' of stones " + s.key +
                                  " has only one coordinate; give both x and y or neither",
                              empty ? data_.LocationOf(*empty) : data_.LocationOfRecord());
            }
            value.stones[i] = StonePlacement{Number(x), Number(y)};
            answered = true;
          }
          break;
        case SignifierType::kList:
          if (!s.multiple) {
            const CsvField* cell = Cell(record, c.single);
            if (!note(cell)) break;
            std::optional<int> item = FindSignifierOption(s, cell->value);
            if (!item && options_.add_unknown_items) item = AddItem(c, cell->value);
            if (!item) {
              throw DataError("list " + s.key + " (" + s.title + ") has no item '" + cell->value +
                                  "'; give the definition that belongs to this export, or "
                                  "--add-unknown-items to keep it as a new item",
                              data_.LocationOf(*cell));
            }
            value.items = {*item};
            answered = true;
            break;
          }
          for (size_t i = 0; i < c.items.size(); ++i) {
            const CsvField* cell = Cell(record, c.items[i]);
            note(cell);
            if (cell && ParseCellTick(cell->value, data_.LocationOf(*cell))) {
              value.items.push_back(static_cast<int>(i));
              answered = true;
            }
          }
          break;
        case SignifierType::kFreetext: {
          const CsvField* cell = Cell(record, c.text);
          if ((answered = note(cell))) value.text = cell->value;
          break;
        }
      }
    }
    if (!answered) {
      if (ClearSignifierValue(project_, s, story_id)) ++summary_.values_changed;
      return;
    }
    try {
      if (SetSignifierValue(project_, s, story_id, std::move(value))) ++summary_.values_changed;
    } catch (const Error& e) {
      if (e.location().line != 0) throw;
      throw DataError(e.message(), first ? data_.LocationOf(*first) : data_.LocationOfRecord());
    }
  }

  Project& project_;
  CsvReader& data_;
  const SenseMakerDefinition& definition_;
  const SenseMakerOptions& options_;
  std::vector<std::string> headers_;
  std::vector<SignifierColumns> signifiers_;
  std::vector<int> kept_;  // metadata and unknown columns, kept as story variables
  int key_ = -1, text_ = -1, language_ = -1, date_ = -1, respondent_ = -1;
  StoryImporter importer_;  // adds the fragments as every importer adds stories
  SignificationImportSummary summary_;
};

}  // namespace

SignificationImportSummary ImportSenseMaker(Project& project, CsvReader& data,
                                            const SenseMakerDefinition& definition,
                                            const SenseMakerOptions& options) {
  return SenseMakerImport(project, data, definition, options).Run();
}

}  // namespace verhaal
