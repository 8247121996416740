// The REFI-QDA project import (see refi_qda.h). One ProjectImport walks the
// <Project> element in the schema's order: Users, CodeBook, Variables, Cases,
// Sources, Notes (read first, as everything may refer to them), Links, Sets.
#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/files.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "importers/refi_code_tree.h"
#include "importers/refi_qda.h"
#include "importers/refi_xml.h"

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
};

// Where a source's text is, as a user would recognise it.
struct SourceText {
  std::optional<std::string> bytes;
  std::string why_missing;
};

class ProjectImport {
 public:
  ProjectImport(Project& project, const RefiPackage& package, const RefiImportOptions& options)
      : project_(project),
        package_(package),
        options_(options),
        xml_(package.file + (package.bare_project ? "" : ":" + package.project_name),
             package.project_xml) {}

  RefiImportReport Run() {
    const pugi::xml_node root = xml_.root();
    if (LocalName(root) != "Project") {
      throw xml_.ErrorAt(root, "the root element is <" + std::string(root.name()) +
                                   ">, not <Project>; is this a REFI-QDA project file?");
    }
    report_.origin = root.attribute("origin").value();
    counting_ =
        options_.line_breaks.value_or(AsciiLower(report_.origin).find("atlas") != std::string::npos
                                          ? LineBreakCounting::kCrlfAsOne
                                          : LineBreakCounting::kEachCharacter);
    if (!options_.line_breaks && counting_ == LineBreakCounting::kCrlfAsOne) {
      report_.notes.push_back("positions read with CRLF as one character, as " + report_.origin +
                              " counts them");
    }
    default_user_ = GuidAttribute(xml_, root, "creatingUserGUID", false);
    ReadNotes(ChildNamed(root, "Notes"));
    ReadUsers(ChildNamed(root, "Users"));
    if (pugi::xml_node book = ChildNamed(root, "CodeBook")) {
      ImportCodeTree(project_, xml_, ChildNamed(book, "Codes"), std::nullopt, codes_, report_);
      AttachCodeNotes(ChildNamed(book, "Codes"));
    }
    ReadVariables(ChildNamed(root, "Variables"));
    ReadCases(ChildNamed(root, "Cases"));
    ReadSources(ChildNamed(root, "Sources"));
    for (pugi::xml_node ref : ChildrenNamed(root, "NoteRef")) {
      AddNoteMemo(ref, Memo{});
    }
    for (auto& [guid, note] : notes_) {
      if (!note.used) AddNoteMemo(guid, Memo{});
    }
    ReportIgnored(root, "Links", "Link", "links between objects");
    ReportIgnored(root, "Sets", "Set", "sets");
    ReportIgnored(root, "Graphs", "Graph", "graphs");
    return report_;
  }

 private:
  void ReportIgnored(pugi::xml_node root, const char* group, const char* item, const char* what) {
    const size_t count = ChildrenNamed(ChildNamed(root, group), item).size();
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
      auto found = package_.sources.find(name);
      if (found != package_.sources.end()) return {found->second, ""};
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
      std::filesystem::path base = xml_.root().attribute("basePath").value();
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
      const std::string guid = GuidAttribute(xml_, element, "guid");
      Note note;
      note.title = element.attribute("name").value();
      SourceText text = TextOf(element);
      note.text = text.bytes.value_or("");
      if (note.text.find_first_not_of(" \t\r\n") == std::string::npos) note.text = note.title;
      note.author = GuidAttribute(xml_, element, "creatingUser", false);
      note.created = element.attribute("creationDateTime").value();
      notes_[guid] = note;
    }
  }

  void ReadUsers(pugi::xml_node users) {
    for (pugi::xml_node element : ChildrenNamed(users, "User")) {
      const std::string guid = GuidAttribute(xml_, element, "guid");
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
    return EnsureCoder(project_, name);
  }

  void ReadVariables(pugi::xml_node variables) {
    static const std::map<std::string, VariableType> kTypes = {
        {"Text", VariableType::kText},       {"Boolean", VariableType::kBoolean},
        {"Integer", VariableType::kInteger}, {"Float", VariableType::kFloat},
        {"Date", VariableType::kDate},       {"DateTime", VariableType::kText}};
    for (pugi::xml_node element : ChildrenNamed(variables, "Variable")) {
      const std::string guid = GuidAttribute(xml_, element, "guid");
      VariableInfo info;
      info.name = element.attribute("name").value();
      if (info.name.empty()) throw xml_.ErrorAt(element, "<Variable> has no name");
      const std::string type = element.attribute("typeOfVariable").value();
      auto found = kTypes.find(type);
      if (found == kTypes.end()) {
        throw xml_.ErrorAt(element, "typeOfVariable '" + type +
                                        "' is not Text, Boolean, Integer, Float, Date or "
                                        "DateTime");
      }
      info.type = found->second;
      variables_[guid] = info;
    }
  }

  // The variable and canonical value of a <VariableValue>; kData at it when
  // the reference or value is wrong. Nothing for an empty value.
  std::optional<std::pair<VariableInfo, std::string>> ValueOf(pugi::xml_node element) {
    const std::string guid = GuidAttribute(xml_, ChildNamed(element, "VariableRef"), "targetGUID");
    auto found = variables_.find(guid);
    if (found == variables_.end()) {
      throw xml_.ErrorAt(element, "VariableRef " + guid + " names no <Variable>");
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
      throw xml_.ErrorAt(element, "variable " + found->second.name + ": " + e.message());
    }
  }

  void SetValue(VariableSubject subject, int64_t id, const VariableInfo& info,
                const std::string& value) {
    Variable variable;
    variable.subject = subject;
    variable.name = info.name;
    variable.type = info.type;
    if (!FindVariable(project_, subject, info.name)) ++report_.variables;
    const int64_t variable_id = EnsureVariable(project_, variable);
    if (subject == VariableSubject::kRespondent) {
      SetRespondentValue(project_, id, variable_id, value);
    } else {
      SetStoryValue(project_, id, variable_id, value);
    }
  }

  void ReadCases(pugi::xml_node cases) {
    for (pugi::xml_node element : ChildrenNamed(cases, "Case")) {
      const std::string guid = GuidAttribute(xml_, element, "guid");
      const std::string name = element.attribute("name").value();
      std::vector<std::string> sources;
      for (pugi::xml_node ref : ChildrenNamed(element, "SourceRef")) {
        sources.push_back(GuidAttribute(xml_, ref, "targetGUID"));
      }
      const auto values = ChildrenNamed(element, "VariableValue");
      if (name.empty() && !sources.empty()) {
        // MAXQDA: a nameless case per source holds that document's variables.
        for (const std::string& source : sources) {
          for (pugi::xml_node value : values) pending_story_values_[source].push_back(value);
        }
        continue;
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
      if (!FindRespondent(project_, key)) ++report_.respondents;
      int64_t id = 0;
      try {
        id = EnsureRespondent(project_, key, role);
      } catch (const Error& e) {
        throw xml_.ErrorAt(element, e.message());
      }
      for (const auto& [info, value] : attributes) {
        SetValue(VariableSubject::kRespondent, id, info, value);
      }
      for (const std::string& source : sources) source_respondent_.emplace(source, id);
    }
  }

  void ReadSources(pugi::xml_node sources);
  void ReadTextSource(pugi::xml_node source);
  void ReadSelection(pugi::xml_node selection, const Story& story, const SourcePositionMap& map);

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
    AddMemo(project_, memo);
    ++report_.memos;
  }

  void AddNoteMemo(pugi::xml_node ref, Memo memo) {
    const std::string guid = GuidAttribute(xml_, ref, "targetGUID");
    if (!notes_.count(guid)) {
      throw xml_.ErrorAt(ref, "NoteRef " + guid + " names no <Note> in <Notes>");
    }
    AddNoteMemo(guid, memo);
  }

  void AttachCodeNotes(pugi::xml_node codes) {
    for (pugi::xml_node element : ChildrenNamed(codes, "Code")) {
      const auto code = codes_.find(GuidAttribute(xml_, element, "guid"));
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
  uint64_t external_bytes_ = 0;  // read from files beside a bare .qde
  RefiXml xml_;
  RefiImportReport report_;
  LineBreakCounting counting_ = LineBreakCounting::kEachCharacter;
  std::string default_user_;
  std::map<std::string, std::string> users_;  // GUID -> coder name
  std::map<std::string, int64_t> codes_;      // GUID -> code id
  std::map<std::string, VariableInfo> variables_;
  std::map<std::string, Note> notes_;
  std::map<std::string, int64_t> source_respondent_;
  std::map<std::string, std::vector<pugi::xml_node>> pending_story_values_;
  std::set<std::string> story_keys_;
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

void ProjectImport::ReadSources(pugi::xml_node sources) {
  for (pugi::xml_node element : sources.children()) {
    if (element.type() != pugi::node_element) continue;
    const std::string_view kind = LocalName(element);
    if (kind == "TextSource") {
      ReadTextSource(element);
      continue;
    }
    const std::string name = element.attribute("name").value();
    const Location at = xml_.LocationOf(element);
    report_.skipped.push_back(std::string(kind) + " '" + name + "' (line " +
                              std::to_string(at.line) + ") skipped: verhaal imports text " +
                              "sources only");
  }
}

void ProjectImport::ReadTextSource(pugi::xml_node element) {
  const std::string guid = GuidAttribute(xml_, element, "guid");
  std::string name = element.attribute("name").value();
  if (name.empty()) name = guid;
  const Location at = xml_.LocationOf(element);
  SourceText text = TextOf(element);
  if (!text.bytes) {
    report_.skipped.push_back("source '" + name + "' (line " + std::to_string(at.line) +
                              ") has no plain text: " + text.why_missing);
    return;
  }
  if (text.bytes->find_first_not_of(" \t\r\n") == std::string::npos) {
    report_.skipped.push_back("source '" + name + "' (line " + std::to_string(at.line) +
                              ") has no plain text: its text is empty (the tool may have kept "
                              "the text only in the rich-text file; export it as plain text)");
    return;
  }
  const SourcePositionMap map(*text.bytes, counting_,
                              Location{package_.file + ":" + name, 0, 0, ""});
  Story story;
  story.key = name;
  for (int n = 2; story_keys_.count(story.key) || FindStory(project_, story.key); ++n) {
    story.key = name + " (" + std::to_string(n) + ")";
  }
  if (story.key != name) {
    report_.notes.push_back("source '" + name + "' stored as story '" + story.key +
                            "': the name was taken");
  }
  story_keys_.insert(story.key);
  story.kind = options_.kind;
  const std::string description = ChildNamed(element, "Description").text().get();
  const bool title_like = !description.empty() && description.size() <= 200 &&
                          description.find('\n') == std::string::npos;
  if (title_like) story.title = description;
  story.text = map.stored_text();
  story.source_file = package_.file;
  story.source_line = at.line;
  if (auto respondent = source_respondent_.find(guid); respondent != source_respondent_.end()) {
    story.respondent_id = respondent->second;
  }
  std::vector<std::pair<VariableInfo, std::string>> values;
  std::vector<pugi::xml_node> value_elements = ChildrenNamed(element, "VariableValue");
  for (pugi::xml_node pending : pending_story_values_[guid]) value_elements.push_back(pending);
  for (pugi::xml_node value : value_elements) {
    auto parsed = ValueOf(value);
    if (parsed && !SetStoryField(story, parsed->first.name, parsed->second)) {
      values.push_back(*parsed);
    }
  }
  story.id = AddStory(project_, story);
  ++report_.stories;
  for (const auto& [info, value] : values) SetValue(VariableSubject::kStory, story.id, info, value);
  Memo on_story;
  on_story.story_id = story.id;
  if (!description.empty() && !title_like) {
    Memo memo = on_story;
    memo.title = "description";
    memo.text = description;
    AddMemo(project_, memo);
    ++report_.memos;
  }
  for (pugi::xml_node ref : ChildrenNamed(element, "NoteRef")) AddNoteMemo(ref, on_story);
  for (pugi::xml_node selection : ChildrenNamed(element, "PlainTextSelection")) {
    ReadSelection(selection, story, map);
  }
  for (pugi::xml_node coding : ChildrenNamed(element, "Coding")) {
    // A coding of the whole source.
    const std::string code_guid = GuidAttribute(xml_, ChildNamed(coding, "CodeRef"), "targetGUID");
    auto code = codes_.find(code_guid);
    if (code == codes_.end()) {
      throw xml_.ErrorAt(coding, "CodeRef " + code_guid + " names no code in the <CodeBook>");
    }
    Coding c;
    c.story_id = story.id;
    c.code_id = code->second;
    c.coder_id = CoderFor(GuidAttribute(xml_, coding, "creatingUser", false));
    c.start = 0;
    c.end = static_cast<int64_t>(CodePointCount(map.stored_text()));
    c.origin = "import:refi";
    c.created = coding.attribute("creationDateTime").value();
    if (AddCoding(project_, c)) ++report_.codings;
  }
}

void ProjectImport::ReadSelection(pugi::xml_node selection, const Story& story,
                                  const SourcePositionMap& map) {
  const std::string start_text = selection.attribute("startPosition").value();
  const std::string end_text = selection.attribute("endPosition").value();
  auto parse = [&](const std::string& text, const char* what) -> size_t {
    if (text.empty() || text.size() > 12 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      throw xml_.ErrorAt(selection, std::string(what) + " '" + text +
                                        "' is not a position (a whole number from 0)");
    }
    return static_cast<size_t>(std::stoll(text));
  };
  const size_t start = parse(start_text, "startPosition");
  const size_t end = parse(end_text, "endPosition");
  if (end < start) {
    throw xml_.ErrorAt(selection, "endPosition " + end_text + " lies before startPosition " +
                                      start_text + "; the selection is reversed");
  }
  const auto stored_start = map.StartOf(start);
  const auto stored_end = map.EndOf(end);
  if (!stored_start || !stored_end) {
    throw xml_.ErrorAt(selection,
                       "the selection [" + start_text + ", " + end_text + ") lies beyond the " +
                           "end of source '" + story.key + "', which has " +
                           std::to_string(map.source_length()) +
                           " characters; if the tool counted CRLF as one character (ATLAS.ti) "
                           "or two, say so with --crlf one|two");
  }
  const std::string selection_user = GuidAttribute(xml_, selection, "creatingUser", false);
  Memo span;
  span.story_id = story.id;
  span.start = static_cast<int64_t>(*stored_start);
  span.end = static_cast<int64_t>(*stored_end);
  const auto codings = ChildrenNamed(selection, "Coding");
  for (pugi::xml_node coding : codings) {
    const std::string code_guid = GuidAttribute(xml_, ChildNamed(coding, "CodeRef"), "targetGUID");
    auto code = codes_.find(code_guid);
    if (code == codes_.end()) {
      throw xml_.ErrorAt(coding, "CodeRef " + code_guid + " names no code in the <CodeBook>");
    }
    std::string user = GuidAttribute(xml_, coding, "creatingUser", false);
    if (user.empty()) user = selection_user;
    Coding c;
    c.story_id = story.id;
    c.code_id = code->second;
    c.coder_id = CoderFor(user);
    c.start = span.start.value();
    c.end = span.end.value();
    c.origin = "import:refi";
    c.created = coding.attribute("creationDateTime").value();
    if (c.created.empty()) c.created = selection.attribute("creationDateTime").value();
    if (AddCoding(project_, c)) ++report_.codings;
    Memo on_coding = span;
    on_coding.code_id = c.code_id;
    for (pugi::xml_node ref : ChildrenNamed(coding, "NoteRef")) AddNoteMemo(ref, on_coding);
  }
  const auto refs = ChildrenNamed(selection, "NoteRef");
  for (pugi::xml_node ref : refs) AddNoteMemo(ref, span);
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
    AddMemo(project_, memo);
    ++report_.memos;
  }
}

}  // namespace

RefiImportReport ImportRefiPackage(Project& project, const RefiPackage& package,
                                   const RefiImportOptions& options) {
  return ProjectImport(project, package, options).Run();
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
  return report;
}

RefiImportReport ImportRefi(Project& project, const std::filesystem::path& file,
                            const RefiImportOptions& options) {
  if (AsciiLower(file.extension().string()) == ".qdc") {
    return ImportRefiCodebook(project, file.string(), ReadWholeFile(file));
  }
  return ImportRefiPackage(project, ReadRefiPackage(file), options);
}

}  // namespace verhaal
