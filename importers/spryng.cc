#include "importers/spryng.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <tuple>

#include "corpus/signifiers.h"
#include "importers/spryng_columns.h"
#include "importers/story_import.h"

namespace verhaal {
namespace {

// How far a value may lie outside its range (rounding in the exporting
// tool), on the 0–1 scale; 100 times this on the 0–100 scale of triangles.
constexpr double kRangeTolerance = 0.01;

// 0.25 as "0.25", 110 as "110".
std::string Short(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

bool InRange(double value, double high) {
  return value >= -kRangeTolerance * high && value <= high * (1 + kRangeTolerance);
}

class SpryngImport {
 public:
  SpryngImport(Project& project, CsvReader& data, const SpryngOptions& options)
      : project_(project),
        data_(data),
        options_(options),
        importer_(project, ImportOptions{.update = options.update}) {}

  SignificationImportSummary Run() {
    const CsvRecord* header = data_.Next();
    if (!header) {
      throw DataError("the file is empty; export the stories from Spryng.io again (CSV)",
                      Location{data_.file_name(), 0, 0, ""});
    }
    columns_ = ParseSpryngHeader(*header, data_, options_);
    for (const CsvField& field : header->fields) headers_.push_back(field.value);
    summary_.unknown_columns = columns_.unknown;
    DefineSignifiers();
    while (const CsvRecord* record = data_.Next()) {
      ++records_;
      ImportRecord(*record);
    }
    static_cast<ImportReport&>(summary_) = importer_.Finish();  // the stories' counts
    return summary_;
  }

 private:
  void DefineSignifiers() {
    for (const SpryngQuestion& q : columns_.questions) {
      Signifier definition;
      definition.key = q.question;
      definition.title = q.question;
      definition.type = q.type;
      definition.source = "spryng";
      for (const std::string& option : q.options) definition.options.push_back({option, option});
      EnsureSignifier(project_, definition);
      signifiers_.push_back(*FindSignifier(project_, q.question));
      ++summary_.signifiers;
    }
  }

  const CsvField& Cell(const CsvRecord& record, int column) const {
    return record.fields[static_cast<size_t>(column)];
  }
  static bool Filled(const CsvField& cell) {
    return cell.value.find_first_not_of(" \t\r") != std::string::npos;
  }
  double Number(const CsvField& cell) const {
    return ParseCellNumber(cell.value, data_.LocationOf(cell));
  }

  void ImportRecord(const CsvRecord& record) {
    IncomingStory in;
    Story& story = in.story;
    const CsvField& text = Cell(record, columns_.text);
    story.text = text.value;
    if (columns_.key >= 0) {
      const CsvField& key = Cell(record, columns_.key);
      story.key = key.value;
      if (!Filled(key)) {
        throw DataError("this record has no " + headers_[static_cast<size_t>(columns_.key)] +
                            "; every story needs its key",
                        data_.LocationOf(key));
      }
      in.key_at = data_.LocationOf(key);
    } else {
      story.key = options_.key_prefix + "-" + std::to_string(records_);
      in.key_at = data_.LocationOfRecord();
    }
    if (!Filled(text)) {
      throw DataError("story " + story.key + " has no text; give the story in column '" +
                          headers_[static_cast<size_t>(columns_.text)] +
                          "' or leave the record out",
                      data_.LocationOf(text));
    }
    if (columns_.respondent >= 0 && Filled(Cell(record, columns_.respondent))) {
      in.respondent_key = Cell(record, columns_.respondent).value;
    }
    story.language = options_.language;
    story.source_file = data_.file_name();
    story.source_line = record.line;
    in.text_at = data_.LocationOf(text);
    const StoryImporter::Result stored = importer_.Add(std::move(in));
    if (stored.outcome == StoryImporter::Outcome::kChanged) return;  // kept, answers too
    for (int column : columns_.kept) {
      if (SetImportedStoryValue(project_, stored.story_id, headers_[static_cast<size_t>(column)],
                                Cell(record, column).value)) {
        ++summary_.story_values_changed;
      }
    }
    for (size_t i = 0; i < columns_.questions.size(); ++i) {
      ImportValue(record, stored.story_id, columns_.questions[i], signifiers_[i]);
    }
  }

  // Reads one question's answer; nullptr `first` when skipped.
  void ImportValue(const CsvRecord& record, int64_t story_id, const SpryngQuestion& q,
                   const Signifier& signifier) {
    SignifierValue value;
    const CsvField* first = nullptr;  // the answer's first cell, for errors
    if (q.na >= 0 &&
        ParseCellTick(Cell(record, q.na).value, data_.LocationOf(Cell(record, q.na)))) {
      value.not_applicable = true;
      first = &Cell(record, q.na);
    } else if (q.type == SignifierType::kDyad) {
      first = ReadSlider(record, q, value);
    } else if (q.type == SignifierType::kTriad) {
      first = ReadTriangle(record, q, value);
    } else {
      first = ReadMarbles(record, q, value);
    }
    if (!first) {
      if (ClearSignifierValue(project_, signifier, story_id)) ++summary_.values_changed;
      return;
    }
    try {
      if (SetSignifierValue(project_, signifier, story_id, std::move(value))) {
        ++summary_.values_changed;
      }
    } catch (const Error& e) {
      if (e.location().line != 0) throw;
      throw DataError(e.message(), data_.LocationOf(*first));
    }
  }

  const CsvField* ReadSlider(const CsvRecord& record, const SpryngQuestion& q,
                             SignifierValue& value) const {
    const CsvField& cell = Cell(record, q.x);
    if (!Filled(cell)) return nullptr;
    value.x = Number(cell);
    if (!InRange(value.x, 1)) {
      throw DataError("slider '" + q.question + "' has X = " + Short(value.x) +
                          ", outside 0–1; sliders are exported as numbers from 0 to 1",
                      data_.LocationOf(cell));
    }
    return &cell;
  }

  const CsvField* ReadTriangle(const CsvRecord& record, const SpryngQuestion& q,
                               SignifierValue& value) const {
    const CsvField* first = nullptr;
    for (int column : q.anchors) {
      if (!first && Filled(Cell(record, column))) first = &Cell(record, column);
    }
    if (!first) return nullptr;
    double percent[3];
    for (size_t i = 0; i < 3; ++i) {
      const CsvField& cell = Cell(record, q.anchors[i]);
      if (!Filled(cell)) {
        throw DataError("triangle '" + q.question + "' has no value for anchor '" + q.options[i] +
                            "' while the others have one; give all three anchors or none",
                        data_.LocationOf(cell));
      }
      percent[i] = Number(cell);
      if (!InRange(percent[i], 100)) {
        throw DataError("triangle '" + q.question + "' has " + Short(percent[i]) + " for anchor '" +
                            q.options[i] +
                            "', outside 0–100; triangle anchors are percentages from 0 to 100",
                        data_.LocationOf(cell));
      }
    }
    const double sum = percent[0] + percent[1] + percent[2];
    if (std::abs(sum - 100) > 100 * kTriadSumTolerance) {
      throw DataError("triangle '" + q.question + "' has anchors " + Short(percent[0]) + ", " +
                          Short(percent[1]) + ", " + Short(percent[2]) + " that sum to " +
                          Short(sum) +
                          ", not 100; give the three anchors as percentages "
                          "summing to 100",
                      data_.LocationOf(*first));
    }
    value.triad = {percent[0] / 100, percent[1] / 100, percent[2] / 100};
    return first;
  }

  const CsvField* ReadMarbles(const CsvRecord& record, const SpryngQuestion& q,
                              SignifierValue& value) const {
    const CsvField* first = nullptr;
    value.stones.resize(q.marbles.size());
    for (size_t i = 0; i < q.marbles.size(); ++i) {
      const CsvField& x = Cell(record, q.marbles[i][0]);
      const CsvField& y = Cell(record, q.marbles[i][1]);
      if (!Filled(x) && !Filled(y)) continue;
      if (Filled(x) != Filled(y)) {
        throw DataError("marble '" + q.options[i] + "' of '" + q.question + "' has " +
                            (Filled(x) ? "X but no Y" : "Y but no X") +
                            "; give both coordinates or neither",
                        data_.LocationOf(Filled(x) ? y : x));
      }
      StonePlacement placement{Number(x), Number(y)};
      for (const auto& [coordinate, cell, name] :
           {std::tuple{placement.x, &x, "X"}, std::tuple{placement.y, &y, "Y"}}) {
        if (!InRange(coordinate, 1)) {
          throw DataError("marble '" + q.options[i] + "' of '" + q.question + "' has " + name +
                              " = " + Short(coordinate) +
                              ", outside 0–1; marbles are exported as numbers from 0 to 1",
                          data_.LocationOf(*cell));
        }
      }
      value.stones[i] = placement;
      if (!first) first = &x;
    }
    return first;
  }

  Project& project_;
  CsvReader& data_;
  const SpryngOptions& options_;
  SpryngColumns columns_;
  std::vector<std::string> headers_;
  std::vector<Signifier> signifiers_;  // as stored, by question
  int64_t records_ = 0;
  StoryImporter importer_;  // adds the stories as every importer does
  SignificationImportSummary summary_;
};

}  // namespace

SignificationImportSummary ImportSpryng(Project& project, CsvReader& data,
                                        const SpryngOptions& options) {
  return SpryngImport(project, data, options).Run();
}

}  // namespace verhaal
