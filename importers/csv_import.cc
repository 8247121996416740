#include "importers/csv_import.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "base/closest_name.h"
#include "corpus/fts_side_index.h"
#include "corpus/signifiers.h"
#include "corpus/variables.h"
#include "importers/bounded_queue.h"
#include "importers/signification_import.h"
#include "importers/story_import.h"

namespace verhaal {
namespace {

constexpr int kUnmapped = -1;

// Stand-ins for the line text of the key's and the text's cell (see Place).
constexpr const char* kKeyLine = "\x01key line";
constexpr const char* kTextLine = "\x01text line";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// A variable or signifier with the column(s) it reads.
struct BoundVariable {
  int column = kUnmapped;
  Variable variable;
};
struct BoundSignifier {
  std::vector<int> columns;
  Signifier signifier;
  std::string separator;
};

class CsvImport {
 public:
  CsvImport(Project& project, CsvReader& reader, const ImportMapping& mapping,
            const ImportOptions& options, CsvReopen reopen)
      : project_(project),
        reader_(reader),
        mapping_(mapping),
        importer_(project, options),
        reopen_(std::move(reopen)) {}

  ImportReport Run() {
    const CsvRecord* header = reader_.Next();
    if (header == nullptr) {
      throw DataError(reader_.file_name() +
                      " is empty; it needs a header line with the "
                      "column names");
    }
    for (size_t i = 0; i < header->size(); ++i) {
      header_.push_back(std::string(Trim((*header)[i])));
    }
    Bind();
    // Two threads: one reads and checks the rows (CSV, UTF-8, NFC, hashes,
    // typed values), this one writes them, in file order, so a row's error
    // still comes after everything before it was stored. Into a project
    // without stories, a third builds the full-text index beside it from
    // the checked rows (the reading thread numbers them as they will be
    // stored), which Finish copies in.
    std::unique_ptr<FtsSideIndex> side;
    StoryWriter& writer = importer_.writer();
    if (writer.CanAdoptIndex()) {
      side = std::make_unique<FtsSideIndex>(project_, StoryWriter::kFtsBufferBytes);
    }
    Workers workers;
    if (side) workers.indexer = std::thread([&] { workers.Index(*side); });
    workers.reader = std::thread([&] { Produce(workers, side != nullptr); });
    while (std::optional<Batch> batch = workers.rows.Pop()) {
      for (PreparedRow& row : batch->rows) Store(row);
      if (batch->error) std::rethrow_exception(batch->error);
    }
    workers.Join();
    if (workers.index_error) std::rethrow_exception(workers.index_error);
    if (side) writer.Finish(*side);
    return importer_.Finish();
  }

 private:
  int Column(const std::string& name, const Location& where) const {
    std::optional<size_t> found;
    try {
      found = FindHeaderColumn(header_, name);
    } catch (const Error& e) {
      throw DataError(e.message(), where);
    }
    if (found) return static_cast<int>(*found);
    const std::string near = ClosestName(name, header_);
    std::string list;
    for (const auto& h : header_) list += (list.empty() ? "" : ", ") + h;
    throw DataError("column '" + name + "' is not in " + reader_.file_name() +
                        (near.empty() ? "" : "; did you mean '" + near + "'?") +
                        " (its columns: " + list + ")",
                    where);
  }

  int Field(const MappedField& f) const {
    return f.column.empty() ? kUnmapped : Column(f.column, f.where);
  }

  void Bind() {
    story_ = Field(mapping_.story);
    respondent_ = Field(mapping_.respondent);
    role_ = Field(mapping_.role);
    kind_ = Field(mapping_.kind);
    wave_ = Field(mapping_.wave);
    date_ = Field(mapping_.date);
    language_ = Field(mapping_.language);
    title_ = Field(mapping_.title);
    text_ = Field(mapping_.text);
    std::set<int> used = {story_, respondent_, role_,  kind_, wave_,
                          date_,  language_,   title_, text_};
    for (const auto& name : mapping_.ignore) used.insert(Column(name, Location{mapping_.file}));
    std::vector<MappedVariable> variables = mapping_.variables;
    for (const auto& v : variables) used.insert(Column(v.column, v.where));
    for (const auto& s : mapping_.signifiers) {
      BoundSignifier bound{{}, s.signifier, s.separator};
      for (const auto& c : s.columns) bound.columns.push_back(Column(c, s.where));
      used.insert(bound.columns.begin(), bound.columns.end());
      const bool known = FindSignifier(project_, s.signifier.key).has_value();
      try {
        EnsureSignifier(project_, s.signifier);
      } catch (const Error& e) {
        throw DataError(e.message(), s.where);
      }
      bound.signifier = *FindSignifier(project_, s.signifier.key);
      if (!known) {
        importer_.report().new_signifiers.push_back(
            s.signifier.key + " (" + std::string(SignifierTypeName(s.signifier.type)) + ")");
      }
      signifiers_.push_back(std::move(bound));
    }
    if (mapping_.other_columns != OtherColumns::kIgnore) {
      for (size_t i = 0; i < header_.size(); ++i) {
        if (used.count(static_cast<int>(i)) || header_[i].empty()) continue;
        MappedVariable v;
        v.column = header_[i];
        v.variable.name = header_[i];
        v.variable.subject = mapping_.other_columns == OtherColumns::kRespondentVariables
                                 ? VariableSubject::kRespondent
                                 : VariableSubject::kStory;
        variables.push_back(std::move(v));
      }
    }
    for (const auto& v : variables) {
      if (v.variable.subject == VariableSubject::kRespondent && !mapping_.respondent.mapped()) {
        throw DataError("respondent variable " + v.variable.name +
                            " needs respondents; map the respondent column with "
                            "`respondent: COLUMN`",
                        v.where);
      }
      const bool known = FindVariable(project_, v.variable.subject, v.variable.name).has_value();
      Variable variable = v.variable;
      try {
        variable.id = EnsureVariable(project_, v.variable);
      } catch (const Error& e) {
        throw DataError(e.message(), v.where);
      }
      const VariableSubject other = variable.subject == VariableSubject::kStory
                                        ? VariableSubject::kRespondent
                                        : VariableSubject::kStory;
      if (!known && FindVariable(project_, other, variable.name)) {
        const std::string level(VariableSubjectName(variable.subject));
        const std::string other_level(VariableSubjectName(other));
        importer_.report().warnings.push_back(
            "column '" + v.column + "' makes a " + level + " variable '" + variable.name +
            "' while a " + other_level +
            " variable of that name exists; analyses must name "
            "them var:" +
            level + "." + variable.name + " and var:" + other_level + "." + variable.name +
            " (rename the column in the mapping to keep one name per level)");
      }
      if (!known) {
        importer_.report().new_variables.push_back(
            std::string(VariableSubjectName(variable.subject)) + " " + variable.name + " (" +
            std::string(VariableTypeName(variable.type)) + ")");
      }
      variables_.push_back(BoundVariable{Column(v.column, v.where), std::move(variable)});
    }
  }

  std::string Value(const CsvRecord& r, int column, const MappedField& f) const {
    if (column == kUnmapped) return f.constant;
    return std::string(Trim(r[static_cast<size_t>(column)]));
  }

  Location At(const CsvRecord& r, int column) const {
    if (column == kUnmapped) return reader_.LocationOfRecord();
    return reader_.LocationOf(r.fields[static_cast<size_t>(column)]);
  }

  // The cell's place with a stand-in for the text of its line, so that a
  // row that imports fine copies no line; Add() puts the real text into an
  // error that carries the stand-in.
  Location Place(const CsvRecord& r, int column, const char* stand_in) const {
    if (column == kUnmapped) return Location{reader_.file_name(), r.line, 0, stand_in};
    const CsvField& field = r.fields[static_cast<size_t>(column)];
    return Location{reader_.file_name(), field.line, field.column, stand_in};
  }

  std::string Checked(VariableType type, const std::string& raw, const CsvRecord& r, int column,
                      const std::string& what) const {
    try {
      return CheckVariableValue(type, raw);
    } catch (const Error& e) {
      throw DataError(e.message() + " (" + what + ")", At(r, column));
    }
  }

  // One row, checked and ready to store.
  struct PreparedRow {
    IncomingStory in;
    std::vector<std::string> values;                     // per variables_
    std::vector<std::optional<SignifierValue>> answers;  // per signifiers_
  };
  struct Batch {
    std::vector<PreparedRow> rows;
    std::exception_ptr error;  // after `rows`: the error that ended the input
  };
  // What the full-text index needs of a story: a copy, as the writing
  // thread takes the row.
  struct IndexedStory {
    int64_t id = 0;
    std::string title;
    std::string text;
  };
  static constexpr size_t kBatchRows = 256;
  static constexpr size_t kQueuedBatches = 8;

  // The reading and indexing threads with their queues. Whatever way Run
  // leaves, the destructor stops and joins them.
  struct Workers {
    BoundedQueue<Batch> rows{kQueuedBatches};
    BoundedQueue<std::vector<IndexedStory>> to_index{kQueuedBatches};
    std::thread reader;
    std::thread indexer;
    std::exception_ptr index_error;  // read after Join()

    // The indexing thread: adds stories to `side` until the reader closes
    // the queue; on an error, keeps it and stops taking stories.
    void Index(FtsSideIndex& side) {
      try {
        while (std::optional<std::vector<IndexedStory>> stories = to_index.Pop()) {
          for (const IndexedStory& s : *stories) side.Add(s.id, s.title, s.text);
        }
      } catch (...) {
        index_error = std::current_exception();
        to_index.Cancel();
      }
    }
    void Join() {
      if (reader.joinable()) reader.join();
      if (indexer.joinable()) indexer.join();
    }
    Workers() = default;
    Workers(const Workers&) = delete;  // the threads refer to its queues
    Workers& operator=(const Workers&) = delete;
    ~Workers() {
      rows.Cancel();
      to_index.Cancel();
      Join();
    }
  };

  // The reading thread: reads, prepares and hands on rows until the end of
  // the input, an error (passed on in its place) or a cancel; with `index`,
  // numbers the stories from 1 and hands them to the indexing thread too.
  void Produce(Workers& workers, bool index) {
    Batch batch;
    std::vector<IndexedStory> indexed;
    int64_t next_id = 1;
    try {
      int64_t records = 0;
      while (const CsvRecord* record = reader_.Next()) {
        batch.rows.push_back(Prepare(*record));
        if (index) {
          Story& story = batch.rows.back().in.story;
          story.id = next_id++;
          indexed.push_back(IndexedStory{story.id, story.title, story.text});
        }
        if (batch.rows.size() == kBatchRows) {
          // A refused index batch means the indexer failed: Run reports it.
          if (index && !workers.to_index.Push(std::move(indexed))) index = false;
          indexed.clear();
          if (!workers.rows.Push(std::move(batch))) break;
          batch = Batch{};
        }
        if (++records % 4096 == 0 && importer_.options().progress) {
          importer_.options().progress(reader_.bytes_read(), reader_.input_size());
        }
      }
    } catch (...) {
      batch.error = std::current_exception();
    }
    if (index && workers.to_index.Push(std::move(indexed))) workers.to_index.Close();
    if (workers.rows.Push(std::move(batch))) workers.rows.Close();
  }

  // Everything that does not need the project: runs on the reading thread.
  PreparedRow Prepare(const CsvRecord& r) const {
    PreparedRow row;
    IncomingStory& in = row.in;
    Story& s = in.story;
    s.key = Value(r, story_, mapping_.story);
    if (story_ == kUnmapped && mapping_.story.constant.empty()) {
      s.key =
          std::filesystem::path(reader_.file_name()).stem().string() + "-" + std::to_string(r.line);
    }
    in.key_at = Place(r, story_, kKeyLine);
    in.respondent_key = Value(r, respondent_, mapping_.respondent);
    in.role = Value(r, role_, mapping_.role);
    s.kind = Value(r, kind_, mapping_.kind);
    if (s.kind.empty()) s.kind = "experience";
    if (!IsStoryKind(s.kind)) {
      throw DataError(
          "unknown kind '" + s.kind + "'; use experience, reflection, interview or other",
          At(r, kind_));
    }
    const std::string wave =
        Checked(VariableType::kInteger, Value(r, wave_, mapping_.wave), r, wave_, "the wave");
    if (!wave.empty()) s.wave = WaveNumber(wave, At(r, wave_));
    s.date = Checked(VariableType::kDate, Value(r, date_, mapping_.date), r, date_, "the date");
    s.language = Value(r, language_, mapping_.language);
    s.title = Value(r, title_, mapping_.title);
    s.text = r[static_cast<size_t>(text_)];
    in.text_at = Place(r, text_, kTextLine);
    s.source_file = reader_.file_name();
    s.source_line = r.line;

    // Check every value before storing, so a dry run finds all errors.
    row.values.reserve(variables_.size());
    for (const auto& v : variables_) {
      row.values.push_back(Checked(v.variable.type,
                                   std::string(Trim(r[static_cast<size_t>(v.column)])), r, v.column,
                                   v.variable.name));
    }
    for (const auto& b : signifiers_) row.answers.push_back(Answer(r, b));
    try {
      StoryImporter::Prepare(in);
    } catch (const Error& e) {
      throw WithLineText(
          e, [&](const Location& at) { return At(r, at.text == kKeyLine ? story_ : text_).text; });
    }
    return row;
  }

  // Writes a prepared row: runs on this (the project's) thread.
  void Store(PreparedRow& row) {
    StoryImporter::Result result;
    try {
      result = importer_.Store(std::move(row.in));
    } catch (const Error& e) {
      throw WithLineText(e, [&](const Location& at) { return LineAgain(at.line); });
    }
    if (!result.write_values()) return;
    StoryWriter& writer = importer_.writer();
    for (size_t i = 0; i < variables_.size(); ++i) {
      const Variable& v = variables_[i].variable;
      if (v.subject == VariableSubject::kStory) {
        writer.SetStoryValue(result.story_id, v.id, row.values[i]);
      } else if (result.respondent_id && !row.values[i].empty()) {
        writer.SetRespondentValue(*result.respondent_id, v.id, row.values[i]);
      }
    }
    for (size_t i = 0; i < signifiers_.size(); ++i) {
      const auto& answer = row.answers[i];
      if (result.outcome == StoryImporter::Outcome::kAdded) {
        // A new story has no answers yet: insert without looking.
        if (answer) writer.AddSignifierValue(result.story_id, signifiers_[i].signifier, *answer);
      } else if (answer) {
        SetSignifierValue(project_, signifiers_[i].signifier, result.story_id, *answer);
      } else {
        ClearSignifierValue(project_, signifiers_[i].signifier, result.story_id);
      }
    }
  }

  // `e` with the text of its line in place of a stand-in (see Place), from
  // `line_text`; other errors as they are.
  template <typename LineText>
  static Error WithLineText(const Error& e, LineText line_text) {
    const Location& at = e.location();
    if (at.text != kKeyLine && at.text != kTextLine) return e;
    Location located = at;
    located.text = line_text(at);
    return Error(e.kind(), e.message(), located);
  }

  // The text of `line` of the input, read again (the reading thread is past
  // it by now); empty when the input cannot be read again. Only for errors.
  std::string LineAgain(int line) const {
    if (!reopen_) return "";
    try {
      std::unique_ptr<CsvReader> again = reopen_();
      while (const CsvRecord* record = again->Next()) {
        if (record->line == line) return again->LocationOfRecord().text;
        if (record->line > line) break;
      }
    } catch (const Error&) {
      // The input changed or went away: the message goes without its line.
    }
    return "";
  }

  double Number(const CsvRecord& r, int column) const {
    std::string cell(Trim(r[static_cast<size_t>(column)]));
    // Dutch Excel writes 0,25.
    if (cell.find('.') == std::string::npos) std::replace(cell.begin(), cell.end(), ',', '.');
    try {
      return ParseCellNumber(cell, Location{});
    } catch (const Error& e) {
      throw DataError(e.message(), At(r, column));  // the line is copied only here
    }
  }

  std::optional<SignifierValue> Answer(const CsvRecord& r, const BoundSignifier& b) const {
    bool empty = true;
    bool not_applicable = false;
    for (int c : b.columns) {
      const std::string_view cell = Trim(r[static_cast<size_t>(c)]);
      if (!cell.empty()) empty = false;
      if (cell == mapping_.not_applicable) not_applicable = true;
    }
    if (empty) return std::nullopt;
    SignifierValue value;
    value.not_applicable = not_applicable;
    const Signifier& sig = b.signifier;
    if (!not_applicable) {
      if (sig.type == SignifierType::kDyad) {
        value.x = Number(r, b.columns[0]);
      } else if (sig.type == SignifierType::kTriad) {
        value.triad =
            Triad{Number(r, b.columns[0]), Number(r, b.columns[1]), Number(r, b.columns[2])};
      } else {
        std::string_view cell = Trim(r[static_cast<size_t>(b.columns[0])]);
        while (!cell.empty()) {
          const size_t cut = cell.find(b.separator);
          const std::string_view item = Trim(cell.substr(0, cut));
          cell = cut == std::string_view::npos ? "" : cell.substr(cut + b.separator.size());
          if (item.empty()) continue;
          value.items.push_back(Item(sig, item, r, b.columns[0]));
        }
        std::sort(value.items.begin(), value.items.end());
      }
    }
    try {
      CheckSignifierValue(sig, value);
    } catch (const Error& e) {
      throw DataError(e.message(), At(r, b.columns[0]));
    }
    return value;
  }

  int Item(const Signifier& sig, std::string_view item, const CsvRecord& r, int column) const {
    std::string list;
    for (size_t i = 0; i < sig.options.size(); ++i) {
      if (sig.options[i].key == item || sig.options[i].label == item) return static_cast<int>(i);
      list += (list.empty() ? "" : ", ") + sig.options[i].key;
    }
    throw DataError("'" + std::string(item) + "' is not an item of " + sig.key + "; use one of " +
                        list + " (or add it to the items in the mapping)",
                    At(r, column));
  }

  Project& project_;
  CsvReader& reader_;
  const ImportMapping& mapping_;
  StoryImporter importer_;
  CsvReopen reopen_;
  std::vector<std::string> header_;
  int story_ = kUnmapped, respondent_ = kUnmapped, role_ = kUnmapped, kind_ = kUnmapped,
      wave_ = kUnmapped, date_ = kUnmapped, language_ = kUnmapped, title_ = kUnmapped,
      text_ = kUnmapped;
  std::vector<BoundVariable> variables_;
  std::vector<BoundSignifier> signifiers_;
};

}  // namespace

ImportReport ImportCsv(Project& project, CsvReader& reader, const ImportMapping& mapping,
                       const ImportOptions& options, CsvReopen reopen) {
  return CsvImport(project, reader, mapping, options, std::move(reopen)).Run();
}

}  // namespace verhaal
