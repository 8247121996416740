// The REFI-QDA project import (see refi_qda.h, and refi_project_import.h
// for its parts): the project's own pieces (the root, users, the codebook,
// variables, cases, notes), the memos added at the end, and the public
// entry points. The sources are refi_sources.cc's.
#include <algorithm>
#include <map>

#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/files.h"
#include "corpus/respondents.h"
#include "importers/refi_code_tree.h"
#include "importers/refi_project_import.h"
#include "importers/refi_stream.h"

namespace verhaal {
namespace refi_import {

RefiImportReport ProjectImport::Run() {
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

void ProjectImport::ReadRoot(const RefiXml& xml) {
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

void ProjectImport::ReadPiece(pugi::xml_node element, std::string_view section) {
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

void ProjectImport::ReportIgnored(const char* what, size_t count) {
  if (count > 0) {
    report_.notes.push_back(std::to_string(count) + " " + what +
                            " not imported (verhaal keeps no " + what + ")");
  }
}

void ProjectImport::ReadNotes(pugi::xml_node notes) {
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

void ProjectImport::ReadUsers(pugi::xml_node users) {
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

int64_t ProjectImport::CoderFor(std::string guid) {
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

SignifierWarning ProjectImport::WarnAt(pugi::xml_node node) {
  return [this, node](const std::string& message) {
    const Location at = xml_->LocationOf(node);
    importer_.report().warnings.push_back(at.file + ":" + std::to_string(at.line) + ":" +
                                          std::to_string(at.column) + ": " + message);
  };
}

void ProjectImport::ReadVariables(pugi::xml_node variables) {
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
    info.signifier =
        ReadSignifierVariable(info.name, description, signifier_definitions_, WarnAt(element));
    if (info.signifier && !info.signifier->key.empty() &&
        std::find(signifier_order_.begin(), signifier_order_.end(), info.signifier->key) ==
            signifier_order_.end()) {
      signifier_order_.push_back(info.signifier->key);
    }
    variables_[guid] = info;
  }
  AddSignifiers(variables);
}

void ProjectImport::AddSignifiers(pugi::xml_node variables) {
  for (const std::string& key : signifier_order_) {
    const Signifier definition =
        SignifierDefinition(signifier_definitions_, key, WarnAt(variables));
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

std::optional<std::pair<VariableInfo, std::string>> ProjectImport::ValueOf(pugi::xml_node element) {
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

void ProjectImport::SetValue(VariableSubject subject, int64_t id, const VariableInfo& info,
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

void ProjectImport::ReadCase(pugi::xml_node element) {
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

void ProjectImport::AddNoteMemo(const std::string& guid, Memo memo) {
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

void ProjectImport::AddMemoOnce(const Memo& memo) {
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

void ProjectImport::SetCodingNote(const std::string& guid, const Coding& coding) {
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

void ProjectImport::AddNoteMemo(pugi::xml_node ref, Memo memo) {
  const std::string guid = GuidAttribute(*xml_, ref, "targetGUID");
  pending_memos_.push_back({std::move(memo), guid, xml_->LocationOf(ref)});
}

void ProjectImport::AttachCodeNotes(pugi::xml_node codes) {
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

}  // namespace refi_import

RefiImportReport ImportRefiPackage(Project& project, const RefiPackage& package,
                                   const RefiImportOptions& options, const ImportOptions& import) {
  return refi_import::ProjectImport(project, package, options, import).Run();
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
