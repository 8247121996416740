// The REFI-QDA project import (see refi_qda.h). One ProjectImport reads the
// project XML as a stream of pieces (refi_stream.h) in the schema's order:
// Users, CodeBook, Variables, each Case, each source, Notes, Links, Sets.
// Each source's text is read from the archive when its piece comes. As the
// Notes come last but everything may refer to them, the memos are kept
// (without their notes' text) and added at the end, in the order a reading
// of the whole document would add them. Memory: one source and its piece at
// a time, plus what is kept per story (its key) and per memo (issues 25, 26).
// The stories go through StoryImporter (story_import.h), the one path of
// every importer: staging, merge by key, --update, the report (issue 20).
#include <algorithm>
#include <cstdio>
#include <exception>
#include <map>
#include <set>

#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/coding_adder.h"
#include "corpus/codings.h"
#include "corpus/files.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "importers/refi_code_tree.h"
#include "importers/refi_qda.h"
#include "importers/refi_signifiers.h"
#include "importers/refi_stream.h"
#include "importers/refi_xml.h"
#include "importers/transcript.h"

namespace verhaal {
namespace {

struct Note {
  std::string title;
  std::string text;
  std::string author;
  std::string created;
  bool used = false;
};

struct VariableInfo {
  std::string name;
  VariableType type = VariableType::kText;
  // A signifier's answer, as `export refi` writes them (refi_signifiers.h).
  std::optional<SignifierVariable> signifier;
};

// A memo to add once the notes are known: `note` names the <Note> whose text
// it gets (kData at `at` when there is none), or is empty for a memo that
// has its own text.
struct PendingMemo {
  Memo memo;
  std::string note;
  Location at;
  std::optional<Coding> coding;  // the note is this coding's own memo
};

// A <VariableValue> of a nameless (MAXQDA) case, read for the source it
// belongs to: the value, or what reading it threw (thrown when that source
// is imported, as a reading of the whole document would).
struct PendingValue {
  std::optional<std::pair<VariableInfo, std::string>> value;
  std::exception_ptr error;
};

// A source stored as a story, for its selections.
struct StoredSource {
  int64_t id = 0;
  std::string key;
  int64_t length = 0;  // of the stored text, in code points
};

// Where a source's text is, as a user would recognise it.
struct SourceText {
  std::optional<std::string> bytes;
  std::string why_missing;
};

class ProjectImport {
 public:
  ProjectImport(Project& project, const RefiPackage& package, const RefiImportOptions& options,
                const ImportOptions& import)
      : project_(project),
        package_(package),
        options_(options),
        importer_(project, import),
        codings_(project) {}

  RefiImportReport Run() {
    const std::string file =
        package_.file + (package_.bare_project ? "" : ":" + package_.project_name);
    ReadRefiStream(
        file, OpenRefiProjectXml(package_), [&](const RefiXml& root) { ReadRoot(root); },
        [&](const RefiPiece& piece) {
          xml_ = &piece.xml;
          ReadPiece(piece.xml.root(), piece.section);
          xml_ = nullptr;
        });
    for (const PendingMemo& pending : pending_memos_) {
      if (pending.note.empty()) {
        AddMemoOnce(pending.memo);
      } else if (!notes_.count(pending.note)) {
        throw DataError("NoteRef " + pending.note + " names no <Note> in <Notes>", pending.at);
      } else if (pending.coding) {
        SetCodingNote(pending.note, *pending.coding);
      } else {
        AddNoteMemo(pending.note, pending.memo);
      }
    }
    for (auto& [guid, note] : notes_) {
      if (!note.used) AddNoteMemo(guid, Memo{});
    }
    ReportIgnored("links between objects", ignored_links_);
    ReportIgnored("sets", ignored_sets_);
    ReportIgnored("graphs", ignored_graphs_);
    importer_.report().also_added = {{"code", report_.codes},
                                     {"coder", report_.coders},
                                     {"coding", report_.codings},
                                     {"memo", report_.memos}};
    report_.stories = importer_.Finish();
    return report_;
  }

 private:
  void ReadRoot(const RefiXml& xml) {
    const pugi::xml_node root = xml.root();
    if (LocalName(root) != "Project") {
      throw xml.ErrorAt(root, "the root element is <" + std::string(root.name()) +
                                  ">, not <Project>; is this a REFI-QDA project file?");
    }
    report_.origin = root.attribute("origin").value();
    base_path_ = root.attribute("basePath").value();
    counting_ =
        options_.line_breaks.value_or(AsciiLower(report_.origin).find("atlas") != std::string::npos
                                          ? LineBreakCounting::kCrlfAsOne
                                          : LineBreakCounting::kEachCharacter);
    if (!options_.line_breaks && counting_ == LineBreakCounting::kCrlfAsOne) {
      report_.notes.push_back("positions read with CRLF as one character, as " + report_.origin +
                              " counts them");
    }
    default_user_ = GuidAttribute(xml, root, "creatingUserGUID", false);
  }

  void ReadPiece(pugi::xml_node element, std::string_view section) {
    const std::string_view name = LocalName(element);
    if (section == "Cases") {
      if (name == "Case") ReadCase(element);
    } else if (section == "Sources") {
      ReadSource(element);
    } else if (name == "Notes") {
      ReadNotes(element);
    } else if (name == "Users") {
      ReadUsers(element);
    } else if (name == "CodeBook") {
      ImportCodeTree(project_, *xml_, ChildNamed(element, "Codes"), std::nullopt, codes_, report_);
      AttachCodeNotes(ChildNamed(element, "Codes"));
    } else if (name == "Variables") {
      ReadVariables(element);
    } else if (name == "NoteRef") {
      AddNoteMemo(element, Memo{});
    } else if (name == "Links") {
      ignored_links_ += ChildrenNamed(element, "Link").size();
    } else if (name == "Sets") {
      ignored_sets_ += ChildrenNamed(element, "Set").size();
    } else if (name == "Graphs") {
      ignored_graphs_ += ChildrenNamed(element, "Graph").size();
    }
  }

  void ReportIgnored(const char* what, size_t count) {
    if (count > 0) {
      report_.notes.push_back(std::to_string(count) + " " + what +
                              " not imported (verhaal keeps no " + what + ")");
    }
  }

  // Text of a Note or TextSource: PlainTextContent, or the plainTextPath file.
  SourceText TextOf(pugi::xml_node source) {
    if (pugi::xml_node content = ChildNamed(source, "PlainTextContent")) {
      return {std::string(content.text().get()), ""};
    }
    const std::string path = source.attribute("plainTextPath").value();
    if (path.empty()) return {std::nullopt, "it has neither PlainTextContent nor plainTextPath"};
    const std::string lower = AsciiLower(path);
    if (lower.rfind("internal://", 0) == 0) {
      const std::string name = lower.substr(11);
      if (std::optional<std::string> text = ReadRefiSource(package_, name)) {
        return {std::move(*text), ""};
      }
      if (package_.bare_project) {
        return {std::nullopt, path +
                                  " is inside the .qdpx, and only the bare .qde was given; "
                                  "import the .qdpx to get its text"};
      }
      return {std::nullopt, path + " is missing from the archive's sources folder"};
    }
    if (!package_.bare_project) {
      return {std::nullopt, "its plainTextPath '" + path +
                                "' is outside the archive; verhaal reads only the sources inside "
                                "a .qdpx"};
    }
    if (!options_.allow_external_sources) {
      return {std::nullopt, "its plainTextPath '" + path +
                                "' is a file outside the .qde; import the .qdpx, or give "
                                "--allow-external-sources to read files in the .qde's folder"};
    }
    std::filesystem::path file;
    if (lower.rfind("relative://", 0) == 0) {
      std::filesystem::path base = base_path_;
      if (base.empty() || !std::filesystem::exists(base)) base = package_.base_folder;
      file = base / path.substr(11);
    } else if (lower.rfind("absolute://", 0) == 0) {
      file = path.substr(11);
    } else {
      return {std::nullopt,
              "its plainTextPath '" + path + "' is not internal://, relative:// or absolute://"};
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      return {std::nullopt, path + " points to " + file.string() + ", which does not exist"};
    }
    const std::filesystem::path folder =
        std::filesystem::canonical(package_.base_folder.empty() ? "." : package_.base_folder, ec);
    const std::filesystem::path real = std::filesystem::canonical(file, ec);
    const std::filesystem::path inside = real.lexically_relative(folder);
    if (ec || inside.empty() || *inside.begin() == "..") {
      return {std::nullopt, path + " points to " + file.string() +
                                ", outside the .qde's folder; verhaal reads no files there"};
    }
    const uint64_t size = std::filesystem::file_size(real, ec);
    external_bytes_ += size;
    if (ec || size > package_.limits.max_entry_bytes ||
        external_bytes_ > package_.limits.max_total_bytes) {
      throw DataError(path + " points to " + file.string() + " of " + std::to_string(size) +
                          " bytes; a source may have at most " +
                          std::to_string(package_.limits.max_entry_bytes >> 20) +
                          " MB and all sources together " +
                          std::to_string(package_.limits.max_total_bytes >> 20) + " MB",
                      Location{package_.file, 0, 0, ""});
    }
    return {ReadWholeFile(real), ""};
  }

  void ReadNotes(pugi::xml_node notes) {
    for (pugi::xml_node element : ChildrenNamed(notes, "Note")) {
      const std::string guid = GuidAttribute(*xml_, element, "guid");
      Note note;
      note.title = element.attribute("name").value();
      SourceText text = TextOf(element);
      note.text = text.bytes.value_or("");
      if (note.text.find_first_not_of(" \t\r\n") == std::string::npos) note.text = note.title;
      note.author = GuidAttribute(*xml_, element, "creatingUser", false);
      note.created = element.attribute("creationDateTime").value();
      notes_[guid] = note;
    }
  }

  void ReadUsers(pugi::xml_node users) {
    for (pugi::xml_node element : ChildrenNamed(users, "User")) {
      const std::string guid = GuidAttribute(*xml_, element, "guid");
      std::string name = element.attribute("name").value();
      if (name.empty()) name = element.attribute("id").value();
      if (name.empty()) name = guid;
      if (!FindCoder(project_, name)) ++report_.coders;
      EnsureCoder(project_, name);
      users_[guid] = name;
    }
  }

  // The coder for a user GUID; a GUID not in <Users> becomes a coder named
  // after the GUID, so that no coding is lost.
  int64_t CoderFor(std::string guid) {
    if (guid.empty()) guid = default_user_;
    if (auto known = coder_ids_.find(guid); known != coder_ids_.end()) return known->second;
    std::string name;
    if (guid.empty()) {
      name = report_.origin.empty() ? "refi-qda" : report_.origin;
    } else if (auto found = users_.find(guid); found != users_.end()) {
      name = found->second;
    } else {
      name = guid;
      users_[guid] = guid;
      ++report_.coders;
      report_.notes.push_back("user " + guid + " is not listed in <Users>; named the coder " +
                              "after the GUID");
    }
    const int64_t id = EnsureCoder(project_, name);
    coder_ids_[guid] = id;
    return id;
  }

  void ReadVariables(pugi::xml_node variables) {
    static const std::map<std::string, VariableType> kTypes = {
        {"Text", VariableType::kText},       {"Boolean", VariableType::kBoolean},
        {"Integer", VariableType::kInteger}, {"Float", VariableType::kFloat},
        {"Date", VariableType::kDate},       {"DateTime", VariableType::kText}};
    for (pugi::xml_node element : ChildrenNamed(variables, "Variable")) {
      const std::string guid = GuidAttribute(*xml_, element, "guid");
      VariableInfo info;
      info.name = element.attribute("name").value();
      if (info.name.empty()) throw xml_->ErrorAt(element, "<Variable> has no name");
      const std::string type = element.attribute("typeOfVariable").value();
      auto found = kTypes.find(type);
      if (found == kTypes.end()) {
        throw xml_->ErrorAt(element, "typeOfVariable '" + type +
                                         "' is not Text, Boolean, Integer, Float, Date or "
                                         "DateTime");
      }
      info.type = found->second;
      const std::string description = ChildNamed(element, "Description").text().get();
      info.signifier = ReadSignifierVariable(info.name, description, signifier_definitions_);
      if (info.signifier && !info.signifier->key.empty() &&
          std::find(signifier_order_.begin(), signifier_order_.end(), info.signifier->key) ==
              signifier_order_.end()) {
        signifier_order_.push_back(info.signifier->key);
      }
      variables_[guid] = info;
    }
    AddSignifiers(variables);
  }

  // The signifiers that the variables describe, added to the project (an
  // existing one is kept as it is); a signifier whose variables are not
  // whole stays ordinary variables.
  void AddSignifiers(pugi::xml_node variables) {
    for (const std::string& key : signifier_order_) {
      const Signifier& definition = signifier_definitions_.at(key);
      if (!IsWholeSignifier(definition)) continue;
      const bool known = FindSignifier(project_, key).has_value();
      try {
        EnsureSignifier(project_, definition);
      } catch (const Error& e) {
        throw xml_->ErrorAt(variables, "signifier " + key + ": " + e.message());
      }
      if (!known) {
        importer_.report().new_signifiers.push_back(
            key + " (" + std::string(SignifierTypeName(definition.type)) + ")");
      }
      signifiers_[key] = *FindSignifier(project_, key);
    }
    for (auto& [guid, info] : variables_) {
      if (!info.signifier) continue;
      const bool whole = info.signifier->part == SignifierVariable::Part::kNotApplicable
                             ? !signifiers_.empty()
                             : signifiers_.count(info.signifier->key) > 0;
      if (!whole) info.signifier.reset();
    }
  }

  // The variable and canonical value of a <VariableValue>; kData at it when
  // the reference or value is wrong. Nothing for an empty value.
  std::optional<std::pair<VariableInfo, std::string>> ValueOf(pugi::xml_node element) {
    const std::string guid = GuidAttribute(*xml_, ChildNamed(element, "VariableRef"), "targetGUID");
    auto found = variables_.find(guid);
    if (found == variables_.end()) {
      throw xml_->ErrorAt(element, "VariableRef " + guid + " names no <Variable>");
    }
    std::string raw;
    for (pugi::xml_node child : element.children()) {
      if (child.type() == pugi::node_element && LocalName(child) != "VariableRef") {
        raw = child.text().get();
      }
    }
    if (raw.empty()) return std::nullopt;
    try {
      return std::make_pair(found->second, CheckVariableValue(found->second.type, raw));
    } catch (const Error& e) {
      throw xml_->ErrorAt(element, "variable " + found->second.name + ": " + e.message());
    }
  }

  void SetValue(VariableSubject subject, int64_t id, const VariableInfo& info,
                const std::string& value) {
    Variable variable;
    variable.subject = subject;
    variable.name = info.name;
    variable.type = info.type;
    if (!FindVariable(project_, subject, info.name)) {
      importer_.report().new_variables.push_back(std::string(VariableSubjectName(subject)) + " " +
                                                 info.name + " (" +
                                                 std::string(VariableTypeName(info.type)) + ")");
    }
    const int64_t variable_id = EnsureVariable(project_, variable);
    if (subject == VariableSubject::kRespondent) {
      importer_.writer().SetRespondentValue(id, variable_id, value);
    } else {
      importer_.writer().SetStoryValue(id, variable_id, value);
    }
  }

  void ReadCase(pugi::xml_node element) {
    const std::string guid = GuidAttribute(*xml_, element, "guid");
    const std::string name = element.attribute("name").value();
    std::vector<std::string> sources;
    for (pugi::xml_node ref : ChildrenNamed(element, "SourceRef")) {
      sources.push_back(GuidAttribute(*xml_, ref, "targetGUID"));
    }
    const auto values = ChildrenNamed(element, "VariableValue");
    if (name.empty() && !sources.empty()) {
      // MAXQDA: a nameless case per source holds that document's variables.
      std::vector<PendingValue> read;
      for (pugi::xml_node value : values) {
        PendingValue pending;
        try {
          pending.value = ValueOf(value);
        } catch (...) {
          pending.error = std::current_exception();
        }
        read.push_back(std::move(pending));
      }
      for (const std::string& source : sources) {
        auto& list = pending_story_values_[source];
        list.insert(list.end(), read.begin(), read.end());
      }
      return;
    }
    const std::string key = name.empty() ? guid : name;
    std::string role;
    std::vector<std::pair<VariableInfo, std::string>> attributes;
    for (pugi::xml_node value : values) {
      auto parsed = ValueOf(value);
      if (!parsed) continue;
      if (parsed->first.name == "role") {
        role = parsed->second;
      } else {
        attributes.push_back(*parsed);
      }
    }
    int64_t id = 0;
    try {
      const auto [respondent, added] = importer_.writer().EnsureRespondent(key, role);
      id = respondent;
      if (added) ++importer_.report().respondents_added;
    } catch (const Error& e) {
      throw xml_->ErrorAt(element, e.message());
    }
    for (const auto& [info, value] : attributes) {
      SetValue(VariableSubject::kRespondent, id, info, value);
    }
    for (const std::string& source : sources) source_respondent_.emplace(source, id);
  }

  void ReadSource(pugi::xml_node element);
  void ReadTextSource(pugi::xml_node source);
  // An AudioSource or VideoSource: each Transcript an interview story, with
  // its speaker turns (labels as `import transcript` reads them) and the
  // codings of its TranscriptSelections; a recording without one is skipped.
  void ReadMediaSource(pugi::xml_node source);
  // A transcript's SyncPoint: where it is in the stored text, and its time.
  struct SyncPoint {
    int64_t stored = 0;
    std::optional<std::string> time;  // "00:12:03"
  };
  // The SyncPoints of `transcript` by GUID; kData at one without a position
  // in the text.
  std::map<std::string, SyncPoint> SyncPointsOf(pugi::xml_node transcript,
                                                const SourcePositionMap& map);
  // The position map of the text of `element` (a TextSource or Transcript),
  // or nothing when it has none, which is reported as `what` skipped.
  std::optional<SourcePositionMap> MapText(pugi::xml_node element, const std::string& what,
                                           const std::string& name, const Location& at);
  // Stores the story of source `element` with the text `map` holds (taken
  // from it), its values, memos and whole-source codings; nothing when the
  // project's story of that key has another text and was kept.
  std::optional<StoredSource> StoreSource(pugi::xml_node element, const std::string& guid,
                                          const std::string& name, const std::string& kind,
                                          SourcePositionMap& map);
  // Stores the signifier answers of a source's story; kData at `element`
  // for an answer that does not fit its signifier.
  void SetAnswers(pugi::xml_node element, const StoredSource& story,
                  const std::vector<std::pair<SignifierVariable, std::string>>& answers);
  // A selection without a code that `export refi` wrote for a speaker turn:
  // kept in turns_ (true), or not such a selection (false).
  bool IsSpeakerTurn(pugi::xml_node selection, int64_t start, int64_t end);
  // Replaces the speaker turns of story `story_id` with turns_.
  void StoreTurns(int64_t story_id);
  // The code id of a <Coding>'s CodeRef; kData at it for an unknown GUID.
  int64_t CodeOf(pugi::xml_node coding);
  void ReadSelection(pugi::xml_node selection, const StoredSource& story,
                     const SourcePositionMap& map);
  // The codings and memos of a selection (of a text or a transcript) whose
  // span in the stored text is [start, end).
  void AddSelection(pugi::xml_node selection, const StoredSource& story, int64_t start,
                    int64_t end);

  // Adds the memo for note `guid` with the story/code/span of `memo`.
  void AddNoteMemo(const std::string& guid, Memo memo) {
    auto found = notes_.find(guid);
    if (found == notes_.end()) return;
    Note& note = found->second;
    if (note.text.empty()) return;
    note.used = true;
    memo.title = note.title;
    memo.text = note.text;
    memo.created = note.created;
    auto user = users_.find(note.author);
    memo.author = user != users_.end() ? user->second : note.author;
    AddMemoOnce(memo);
  }

  // Adds `memo` unless its story, code and span hold a memo with the same
  // title and text already (an import of the same project again).
  void AddMemoOnce(const Memo& memo) {
    if (!memo.story_id || !importer_.AddedNow(*memo.story_id)) {
      MemoFilter filter;
      filter.story_id = memo.story_id;
      filter.code_id = memo.code_id;
      filter.project_only = !memo.story_id && !memo.code_id;
      for (const Memo& stored : ListMemos(project_, filter)) {
        if (stored.story_id == memo.story_id && stored.code_id == memo.code_id &&
            stored.start == memo.start && stored.end == memo.end && stored.title == memo.title &&
            stored.text == memo.text) {
          return;
        }
      }
    }
    AddMemo(project_, memo);
    ++report_.memos;
  }

  // Makes note `guid` the memo of `coding` (kept as it is when it has that
  // memo already).
  void SetCodingNote(const std::string& guid, const Coding& coding) {
    Note& note = notes_.at(guid);
    if (note.text.empty()) return;
    note.used = true;
    CodingFilter filter;
    filter.story_id = coding.story_id;
    for (const Coding& stored : ListCodings(project_, filter)) {
      if (stored.code_id == coding.code_id && stored.coder_id == coding.coder_id &&
          stored.start == coding.start && stored.end == coding.end && stored.memo == note.text) {
        return;
      }
    }
    SetCodingMemo(project_, coding, note.text);
    ++report_.memos;
  }

  // Keeps the memo of the <Note> that `ref` names, for the end.
  void AddNoteMemo(pugi::xml_node ref, Memo memo) {
    const std::string guid = GuidAttribute(*xml_, ref, "targetGUID");
    pending_memos_.push_back({std::move(memo), guid, xml_->LocationOf(ref)});
  }

  // Keeps a memo with its own text, for the end.
  void AddOwnMemo(Memo memo) { pending_memos_.push_back({std::move(memo), "", Location{}}); }

  void AttachCodeNotes(pugi::xml_node codes) {
    for (pugi::xml_node element : ChildrenNamed(codes, "Code")) {
      const auto code = codes_.find(GuidAttribute(*xml_, element, "guid"));
      for (pugi::xml_node ref : ChildrenNamed(element, "NoteRef")) {
        Memo memo;
        memo.code_id = code->second;
        AddNoteMemo(ref, memo);
      }
      AttachCodeNotes(element);
    }
  }

  Project& project_;
  const RefiPackage& package_;
  const RefiImportOptions& options_;
  StoryImporter importer_;
  uint64_t external_bytes_ = 0;  // read from files beside a bare .qde
  CodingAdder codings_;
  const RefiXml* xml_ = nullptr;  // the piece being read
  std::string base_path_;         // the root's basePath, for relative:// sources
  RefiImportReport report_;
  LineBreakCounting counting_ = LineBreakCounting::kEachCharacter;
  std::string default_user_;
  std::map<std::string, std::string> users_;  // GUID -> coder name
  std::map<std::string, int64_t> codes_;      // GUID -> code id
  std::map<std::string, VariableInfo> variables_;
  std::map<std::string, Signifier> signifier_definitions_;  // as the variables describe them
  std::map<std::string, Signifier> signifiers_;             // key -> as stored
  std::vector<std::string> signifier_order_;                // keys, as the variables come
  std::map<std::string, Note> notes_;
  std::map<std::string, int64_t> source_respondent_;
  std::map<std::string, std::vector<PendingValue>> pending_story_values_;
  std::vector<PendingMemo> pending_memos_;
  std::vector<SpeakerTurn> turns_;  // of the source being read
  std::set<std::string> story_keys_;
  std::map<std::string, int64_t> coder_ids_;  // user GUID -> coder id
  size_t ignored_links_ = 0;
  size_t ignored_sets_ = 0;
  size_t ignored_graphs_ = 0;
};

// The story kind/wave/date/language travel as story variables of these names
// (see docs/refi-qda.md); anything else is a story variable.
bool SetStoryField(Story& story, const std::string& name, const std::string& value) {
  if (name == "kind" && IsStoryKind(value)) {
    story.kind = value;
  } else if (name == "wave" && !value.empty() &&
             value.find_first_not_of("0123456789") == std::string::npos && value.size() < 9) {
    story.wave = std::stoi(value);
  } else if (name == "date" && value.size() == 10) {
    story.date = value;
  } else if (name == "language" && value.size() <= 3) {
    story.language = value;
  } else {
    return false;
  }
  return true;
}

void ProjectImport::ReadSource(pugi::xml_node element) {
  const std::string_view kind = LocalName(element);
  if (kind == "TextSource") {
    ReadTextSource(element);
    return;
  }
  if (kind == "AudioSource" || kind == "VideoSource") {
    ReadMediaSource(element);
    return;
  }
  const std::string name = element.attribute("name").value();
  const Location at = xml_->LocationOf(element);
  report_.skipped.push_back(std::string(kind) + " '" + name + "' (line " + std::to_string(at.line) +
                            ") skipped: verhaal imports text sources and transcripts only");
}

void ProjectImport::ReadMediaSource(pugi::xml_node element) {
  const std::string kind(LocalName(element));
  const std::string guid = GuidAttribute(*xml_, element, "guid");
  std::string name = element.attribute("name").value();
  if (name.empty()) name = guid;
  const Location at = xml_->LocationOf(element);
  const auto transcripts = ChildrenNamed(element, "Transcript");
  if (transcripts.empty()) {
    report_.skipped.push_back(kind + " '" + name + "' (line " + std::to_string(at.line) +
                              ") skipped: it has no transcript, and verhaal imports text "
                              "sources and transcripts only");
    return;
  }
  const size_t media_selections =
      ChildrenNamed(element, kind == "AudioSource" ? "AudioSelection" : "VideoSelection").size();
  if (media_selections > 0) {
    report_.notes.push_back(std::to_string(media_selections) + " selections of the recording of " +
                            kind + " '" + name +
                            "' not imported (verhaal codes text: code its transcript)");
  }
  for (size_t n = 0; n < transcripts.size(); ++n) {
    const pugi::xml_node transcript = transcripts[n];
    // One transcript is the source's story; several are told apart by name.
    std::string story_name = name;
    if (transcripts.size() > 1) {
      const std::string own = transcript.attribute("name").value();
      story_name += " - " + (own.empty() ? "transcript " + std::to_string(n + 1) : own);
    }
    std::optional<SourcePositionMap> map =
        MapText(transcript, "transcript of " + kind + " '" + name + "'", story_name,
                xml_->LocationOf(transcript));
    if (!map) continue;
    const std::map<std::string, SyncPoint> sync = SyncPointsOf(transcript, *map);
    std::vector<SpeakerTurn> turns = ParseTranscript(map->stored_text(), kDefaultInterviewers);
    for (SpeakerTurn& turn : turns) {
      // The time of the turn's earliest sync point, when its label had none.
      const SyncPoint* earliest = nullptr;
      for (const auto& [id, point] : sync) {
        if (point.time && point.stored >= turn.start && point.stored < turn.end &&
            (!earliest || point.stored < earliest->stored)) {
          earliest = &point;
        }
      }
      if (turn.timestamp.empty() && earliest) turn.timestamp = *earliest->time;
    }
    const std::optional<StoredSource> story =
        StoreSource(element, guid, story_name, "interview", *map);
    if (!story) continue;
    if (!turns.empty()) ReplaceSpeakerTurns(project_, story->id, turns);
    Memo on_story;
    on_story.story_id = story->id;
    for (pugi::xml_node ref : ChildrenNamed(transcript, "NoteRef")) AddNoteMemo(ref, on_story);
    turns_.clear();
    for (pugi::xml_node selection : ChildrenNamed(transcript, "TranscriptSelection")) {
      auto point = [&](const char* attribute) {
        const std::string id = GuidAttribute(*xml_, selection, attribute);
        auto found = sync.find(id);
        if (found == sync.end()) {
          throw xml_->ErrorAt(selection, std::string(attribute) + " " + id +
                                             " names no <SyncPoint> of this transcript");
        }
        return found->second.stored;
      };
      const int64_t start = point("fromSyncPoint");
      const int64_t end = point("toSyncPoint");
      if (end < start) {
        throw xml_->ErrorAt(selection,
                            "toSyncPoint lies before fromSyncPoint; the selection is reversed");
      }
      AddSelection(selection, *story, start, end);
    }
    if (!turns_.empty()) StoreTurns(story->id);
  }
}

std::map<std::string, ProjectImport::SyncPoint> ProjectImport::SyncPointsOf(
    pugi::xml_node transcript, const SourcePositionMap& map) {
  std::map<std::string, SyncPoint> points;
  for (pugi::xml_node element : ChildrenNamed(transcript, "SyncPoint")) {
    const std::string id = GuidAttribute(*xml_, element, "guid");
    const std::string position = element.attribute("position").value();
    if (position.empty() || position.size() > 12 ||
        position.find_first_not_of("0123456789") != std::string::npos) {
      throw xml_->ErrorAt(element, "SyncPoint position '" + position +
                                       "' is not a position (a whole number from 0); verhaal "
                                       "places transcript selections by their sync points");
    }
    const auto stored = map.StartOf(static_cast<size_t>(std::stoll(position)));
    if (!stored) {
      throw xml_->ErrorAt(element, "SyncPoint position " + position +
                                       " lies beyond the end of the transcript, which has " +
                                       std::to_string(map.source_length()) + " characters");
    }
    SyncPoint point;
    point.stored = static_cast<int64_t>(*stored);
    const std::string ms = element.attribute("timeStamp").value();
    if (!ms.empty() && ms.size() < 12 && ms.find_first_not_of("0123456789") == std::string::npos) {
      const int64_t seconds = std::stoll(ms) / 1000;
      char clock[32];
      std::snprintf(
          clock, sizeof clock, "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
          static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
      point.time = clock;
    }
    points[id] = point;
  }
  return points;
}

void ProjectImport::ReadTextSource(pugi::xml_node element) {
  const std::string guid = GuidAttribute(*xml_, element, "guid");
  std::string name = element.attribute("name").value();
  if (name.empty()) name = guid;
  const Location at = xml_->LocationOf(element);
  std::optional<SourcePositionMap> map = MapText(element, "source '" + name + "'", name, at);
  if (!map) return;
  const std::optional<StoredSource> story = StoreSource(element, guid, name, options_.kind, *map);
  if (!story) return;
  turns_.clear();
  for (pugi::xml_node selection : ChildrenNamed(element, "PlainTextSelection")) {
    ReadSelection(selection, *story, *map);
  }
  if (!turns_.empty()) StoreTurns(story->id);
}

bool ProjectImport::IsSpeakerTurn(pugi::xml_node selection, int64_t start, int64_t end) {
  // "speaker: NAME", then " (interviewer)" and " at 00:12:03" when they
  // apply, as `export refi` writes a turn (docs/refi-qda.md).
  SpeakerTurn turn;
  turn.speaker = selection.attribute("name").value();
  const std::string prefix = "speaker: " + turn.speaker;
  std::string_view rest = ChildNamed(selection, "Description").text().get();
  if (turn.speaker.empty() || rest.substr(0, prefix.size()) != prefix || start >= end) {
    return false;
  }
  rest.remove_prefix(prefix.size());
  constexpr std::string_view kInterviewer = " (interviewer)";
  constexpr std::string_view kAt = " at ";
  if (rest.substr(0, kInterviewer.size()) == kInterviewer) {
    turn.interviewer = true;
    rest.remove_prefix(kInterviewer.size());
  }
  if (rest.substr(0, kAt.size()) == kAt) {
    turn.timestamp = std::string(rest.substr(kAt.size()));
    rest = {};
  }
  if (!rest.empty()) return false;
  turn.start = start;
  turn.end = end;
  turns_.push_back(std::move(turn));
  return true;
}

void ProjectImport::StoreTurns(int64_t story_id) {
  std::stable_sort(turns_.begin(), turns_.end(),
                   [](const SpeakerTurn& a, const SpeakerTurn& b) { return a.start < b.start; });
  try {
    ReplaceSpeakerTurns(project_, story_id, turns_);
  } catch (const Error& e) {
    throw DataError(e.message() + " (speaker turns of story " + std::to_string(story_id) + ")",
                    Location{package_.file, 0, 0, ""});
  }
  turns_.clear();
}

std::optional<SourcePositionMap> ProjectImport::MapText(pugi::xml_node element,
                                                        const std::string& what,
                                                        const std::string& name,
                                                        const Location& at) {
  SourceText text = TextOf(element);
  if (!text.bytes) {
    report_.skipped.push_back(what + " (line " + std::to_string(at.line) +
                              ") has no plain text: " + text.why_missing);
    return std::nullopt;
  }
  if (text.bytes->find_first_not_of(" \t\r\n") == std::string::npos) {
    report_.skipped.push_back(what + " (line " + std::to_string(at.line) +
                              ") has no plain text: its text is empty (the tool may have kept "
                              "the text only in the rich-text file; export it as plain text)");
    return std::nullopt;
  }
  return SourcePositionMap(*text.bytes, counting_, Location{package_.file + ":" + name, 0, 0, ""});
}

std::optional<StoredSource> ProjectImport::StoreSource(pugi::xml_node element,
                                                       const std::string& guid,
                                                       const std::string& name,
                                                       const std::string& kind,
                                                       SourcePositionMap& map) {
  const Location at = xml_->LocationOf(element);
  IncomingStory incoming;
  Story& story = incoming.story;
  // Sources are told apart by GUID, stories by key: a second source of the
  // same name in this project gets the next free key, the same each time.
  story.key = name;
  for (int n = 2; story_keys_.count(story.key); ++n) {
    story.key = name + " (" + std::to_string(n) + ")";
  }
  if (story.key != name) {
    report_.notes.push_back("source '" + name + "' stored as story '" + story.key +
                            "': another source of this project has that name");
  }
  story_keys_.insert(story.key);
  story.kind = kind;
  const std::string description = ChildNamed(element, "Description").text().get();
  const bool title_like = !description.empty() && description.size() <= 200 &&
                          description.find('\n') == std::string::npos;
  if (title_like) story.title = description;
  StoredSource stored;
  stored.length = static_cast<int64_t>(map.stored_length());
  story.text = map.TakeStoredText();
  story.source_file = package_.file;
  story.source_line = at.line;
  if (auto respondent = source_respondent_.find(guid); respondent != source_respondent_.end()) {
    story.respondent_id = respondent->second;
  }
  std::vector<std::pair<VariableInfo, std::string>> values;
  std::vector<std::pair<SignifierVariable, std::string>> answers;
  auto keep = [&](const std::optional<std::pair<VariableInfo, std::string>>& parsed) {
    if (!parsed) return;
    if (parsed->first.signifier) {
      answers.emplace_back(*parsed->first.signifier, parsed->second);
    } else if (!SetStoryField(story, parsed->first.name, parsed->second)) {
      values.push_back(*parsed);
    }
  };
  for (pugi::xml_node value : ChildrenNamed(element, "VariableValue")) keep(ValueOf(value));
  if (auto pending = pending_story_values_.find(guid); pending != pending_story_values_.end()) {
    for (const PendingValue& value : pending->second) {
      if (value.error) std::rethrow_exception(value.error);
      keep(value.value);
    }
    pending_story_values_.erase(pending);
  }
  stored.key = story.key;
  incoming.key_at = at;
  incoming.text_at = at;
  StoryImporter::Prepare(incoming);
  const StoryImporter::Result result = importer_.Store(std::move(incoming));
  if (result.outcome == StoryImporter::Outcome::kChanged) {
    importer_.report().warnings.push_back(
        "source '" + name +
        "': its codings, memos and values were not imported, as they belong "
        "to its new text");
    return std::nullopt;
  }
  stored.id = result.story_id;
  for (const auto& [info, value] : values) {
    SetValue(VariableSubject::kStory, stored.id, info, value);
  }
  if (!answers.empty()) SetAnswers(element, stored, answers);
  Memo on_story;
  on_story.story_id = stored.id;
  if (!description.empty() && !title_like) {
    Memo memo = on_story;
    memo.title = "description";
    memo.text = description;
    AddOwnMemo(memo);
  }
  for (pugi::xml_node ref : ChildrenNamed(element, "NoteRef")) AddNoteMemo(ref, on_story);
  for (pugi::xml_node coding : ChildrenNamed(element, "Coding")) {
    // A coding of the whole source.
    Coding c;
    c.story_id = stored.id;
    c.code_id = CodeOf(coding);
    c.coder_id = CoderFor(GuidAttribute(*xml_, coding, "creatingUser", false));
    c.start = 0;
    c.end = stored.length;
    c.origin = "import:refi";
    c.created = coding.attribute("creationDateTime").value();
    if (codings_.Add(c, stored.key, stored.length)) ++report_.codings;
  }
  return stored;
}

void ProjectImport::SetAnswers(
    pugi::xml_node element, const StoredSource& story,
    const std::vector<std::pair<SignifierVariable, std::string>>& answers) {
  std::map<std::string, SignifierValue> values;
  try {
    for (const auto& [variable, value] : answers) {
      AddSignifierAnswer(variable, value, signifiers_, values);
    }
    for (auto& [key, value] : values) {
      SetSignifierValue(project_, signifiers_.at(key), story.id, std::move(value));
    }
  } catch (const Error& e) {
    throw xml_->ErrorAt(element, "source '" + story.key + "': " + e.message());
  }
}

int64_t ProjectImport::CodeOf(pugi::xml_node coding) {
  const std::string code_guid = GuidAttribute(*xml_, ChildNamed(coding, "CodeRef"), "targetGUID");
  auto code = codes_.find(code_guid);
  if (code == codes_.end()) {
    throw xml_->ErrorAt(coding, "CodeRef " + code_guid + " names no code in the <CodeBook>");
  }
  return code->second;
}

void ProjectImport::ReadSelection(pugi::xml_node selection, const StoredSource& story,
                                  const SourcePositionMap& map) {
  const std::string start_text = selection.attribute("startPosition").value();
  const std::string end_text = selection.attribute("endPosition").value();
  auto parse = [&](const std::string& text, const char* what) -> size_t {
    if (text.empty() || text.size() > 12 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      throw xml_->ErrorAt(selection, std::string(what) + " '" + text +
                                         "' is not a position (a whole number from 0)");
    }
    return static_cast<size_t>(std::stoll(text));
  };
  const size_t start = parse(start_text, "startPosition");
  const size_t end = parse(end_text, "endPosition");
  if (end < start) {
    throw xml_->ErrorAt(selection, "endPosition " + end_text + " lies before startPosition " +
                                       start_text + "; the selection is reversed");
  }
  const auto stored_start = map.StartOf(start);
  const auto stored_end = map.EndOf(end);
  if (!stored_start || !stored_end) {
    throw xml_->ErrorAt(selection,
                        "the selection [" + start_text + ", " + end_text + ") lies beyond the " +
                            "end of source '" + story.key + "', which has " +
                            std::to_string(map.source_length()) +
                            " characters; if the tool counted CRLF as one character (ATLAS.ti) "
                            "or two, say so with --crlf one|two");
  }
  AddSelection(selection, story, static_cast<int64_t>(*stored_start),
               static_cast<int64_t>(*stored_end));
}

void ProjectImport::AddSelection(pugi::xml_node selection, const StoredSource& story, int64_t start,
                                 int64_t end) {
  const std::string selection_user = GuidAttribute(*xml_, selection, "creatingUser", false);
  Memo span;
  span.story_id = story.id;
  span.start = start;
  span.end = end;
  const auto codings = ChildrenNamed(selection, "Coding");
  for (pugi::xml_node coding : codings) {
    std::string user = GuidAttribute(*xml_, coding, "creatingUser", false);
    if (user.empty()) user = selection_user;
    Coding c;
    c.story_id = story.id;
    c.code_id = CodeOf(coding);
    c.coder_id = CoderFor(user);
    c.start = span.start.value();
    c.end = span.end.value();
    c.origin = "import:refi";
    c.created = coding.attribute("creationDateTime").value();
    if (c.created.empty()) c.created = selection.attribute("creationDateTime").value();
    if (codings_.Add(c, story.key, story.length)) ++report_.codings;
    // The first note on a coding is its own memo; any further ones are
    // memos on its span and code.
    Memo on_coding = span;
    on_coding.code_id = c.code_id;
    const auto notes = ChildrenNamed(coding, "NoteRef");
    for (size_t i = 0; i < notes.size(); ++i) {
      AddNoteMemo(notes[i], on_coding);
      if (i == 0) pending_memos_.back().coding = c;
    }
  }
  const auto refs = ChildrenNamed(selection, "NoteRef");
  for (pugi::xml_node ref : refs) AddNoteMemo(ref, span);
  if (codings.empty() && refs.empty() && IsSpeakerTurn(selection, start, end)) return;
  if (codings.empty() && refs.empty()) {
    // A selection without a code: keep it as a memo on that span.
    Memo memo = span;
    memo.title = selection.attribute("name").value();
    memo.text = ChildNamed(selection, "Description").text().get();
    if (memo.text.empty()) memo.text = memo.title;
    if (memo.text.empty()) memo.text = "selection without a code, imported from REFI-QDA";
    memo.created = selection.attribute("creationDateTime").value();
    auto user = users_.find(selection_user);
    if (user != users_.end()) memo.author = user->second;
    AddOwnMemo(memo);
  }
}

}  // namespace

RefiImportReport ImportRefiPackage(Project& project, const RefiPackage& package,
                                   const RefiImportOptions& options, const ImportOptions& import) {
  return ProjectImport(project, package, options, import).Run();
}

RefiImportReport ImportRefiCodebook(Project& project, const std::string& file, std::string xml) {
  RefiXml document(file, std::move(xml));
  const pugi::xml_node root = document.root();
  if (LocalName(root) != "CodeBook") {
    throw document.ErrorAt(root, "the root element is <" + std::string(root.name()) +
                                     ">, not <CodeBook>; is this a REFI-QDA .qdc codebook?");
  }
  RefiImportReport report;
  report.origin = root.attribute("origin").value();
  std::map<std::string, int64_t> by_guid;
  ImportCodeTree(project, document, ChildNamed(root, "Codes"), std::nullopt, by_guid, report);
  const size_t sets = ChildrenNamed(ChildNamed(root, "Sets"), "Set").size();
  if (sets > 0) {
    report.notes.push_back(std::to_string(sets) + " sets not imported (verhaal keeps no sets)");
  }
  report.stories.also_added = {{"code", report.codes}};
  return report;
}

RefiImportReport ImportRefi(Project& project, const std::filesystem::path& file,
                            const RefiImportOptions& options, const ImportOptions& import) {
  if (AsciiLower(file.extension().string()) == ".qdc") {
    return ImportRefiCodebook(project, file.string(), ReadWholeFile(file));
  }
  return ImportRefiPackage(project, ReadRefiPackage(file), options, import);
}

}  // namespace verhaal
