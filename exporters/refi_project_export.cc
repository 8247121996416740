// The .qdpx project export (see refi_qda.h). Builds project.qde with pugixml
// in the order Project.xsd requires: Users, CodeBook, Variables, Cases,
// Sources, Notes, then the project's NoteRefs.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "exporters/refi_code_xml.h"
#include "exporters/refi_qda.h"

namespace verhaal {
namespace {

// The story fields that travel as story variables (docs/refi-qda.md).
constexpr const char* kStoryFields[] = {"kind", "wave", "date", "language"};

std::string_view RefiType(VariableType type) {
  switch (type) {
    case VariableType::kText:
      return "Text";
    case VariableType::kInteger:
      return "Integer";
    case VariableType::kFloat:
      return "Float";
    case VariableType::kDate:
      return "Date";
    case VariableType::kBoolean:
      return "Boolean";
  }
  return "Text";
}

// A stored value in the XML Schema form of its type.
std::pair<const char*, std::string> RefiValue(VariableType type, const std::string& value) {
  switch (type) {
    case VariableType::kText:
      return {"TextValue", value};
    case VariableType::kInteger:
      return {"IntegerValue", value};
    case VariableType::kDate:
      return {"DateValue", value};
    case VariableType::kBoolean:
      return {"BooleanValue", value == "1" ? "true" : "false"};
    case VariableType::kFloat: {
      if (value.find_first_of("eE") == std::string::npos) return {"FloatValue", value};
      char buffer[64];  // xsd:decimal has no exponent
      std::snprintf(buffer, sizeof buffer, "%.17f", std::stod(value));
      std::string fixed = buffer;
      while (fixed.size() > 1 && fixed.back() == '0') fixed.pop_back();
      if (fixed.back() == '.') fixed.pop_back();
      return {"FloatValue", fixed};
    }
  }
  return {"TextValue", value};
}

// True for "YYYY-MM-DDTHH:MM:SS" with an optional zone, as xsd:dateTime wants.
bool IsDateTime(const std::string& text) {
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':') {
    return false;
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

class ProjectExport {
 public:
  explicit ProjectExport(Project& project) : project_(project) {}

  RefiExportFiles Run() {
    pugi::xml_node declaration = document_.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "utf-8";
    pugi::xml_node root = document_.append_child("Project");
    root.append_attribute("xmlns") = "urn:QDA-XML:project:1.0";
    root.append_attribute("name") = project_.name().c_str();
    root.append_attribute("origin") = "verhaal";
    files_.entries.push_back({"project.qde", ""});
    stories_ = ListStories(project_);
    codings_ = ListCodings(project_);
    memos_ = ListMemos(project_);
    WriteUsers(root);
    WriteCodeBook(root);
    WriteVariables(root);
    WriteCases(root);
    WriteSources(root);
    WriteNotes(root);
    for (const Memo& memo : memos_) {
      if (!memo.story_id && !memo.code_id) NoteRef(root, memo);
    }
    std::ostringstream out;
    document_.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    files_.entries.front().bytes = out.str();
    return files_;
  }

 private:
  std::string CoderGuid(const std::string& name) { return StableGuid("coder", name); }
  std::string MemoGuid(const Memo& memo) { return StableGuid("memo", std::to_string(memo.id)); }

  void NoteRef(pugi::xml_node parent, const Memo& memo) {
    parent.append_child("NoteRef").append_attribute("targetGUID") = MemoGuid(memo).c_str();
  }

  void WriteUsers(pugi::xml_node root) {
    const auto coders = ListCoders(project_);
    if (coders.empty()) return;
    pugi::xml_node users = root.append_child("Users");
    for (const Coder& coder : coders) {
      pugi::xml_node user = users.append_child("User");
      user.append_attribute("guid") = CoderGuid(coder.name).c_str();
      user.append_attribute("name") = coder.name.c_str();
      coder_names_.insert(coder.name);
      ++files_.counts.coders;
    }
  }

  void WriteCodeBook(pugi::xml_node root) {
    const auto codes = ListCodes(project_);
    if (codes.empty()) return;
    files_.counts.codes = static_cast<int>(codes.size());
    AppendRefiCodes(root.append_child("CodeBook"), codes,
                    [&](pugi::xml_node element, const Code& code) {
                      for (const Memo& memo : memos_) {
                        if (memo.code_id == code.id && !memo.story_id) NoteRef(element, memo);
                      }
                    });
  }

  void AddVariable(pugi::xml_node list, const std::string& key, const std::string& name,
                   VariableType type) {
    const std::string guid = StableGuid("variable", key);
    pugi::xml_node element = list.append_child("Variable");
    element.append_attribute("guid") = guid.c_str();
    element.append_attribute("name") = name.c_str();
    element.append_attribute("typeOfVariable") = std::string(RefiType(type)).c_str();
    variable_guids_[key] = {guid, type};
  }

  void WriteVariables(pugi::xml_node root) {
    pugi::xml_node list = root.append_child("Variables");
    bool any_role = false;
    for (const Respondent& r : ListRespondents(project_)) any_role |= !r.role.empty();
    if (any_role) AddVariable(list, "respondent:role", "role", VariableType::kText);
    std::set<std::string> story_names;
    // By subject and name, so that a project imported from this export
    // exports the same file again.
    std::vector<Variable> variables = ListVariables(project_);
    std::sort(variables.begin(), variables.end(), [](const Variable& a, const Variable& b) {
      return std::tie(a.subject, a.name) < std::tie(b.subject, b.name);
    });
    for (const Variable& v : variables) {
      const std::string subject(VariableSubjectName(v.subject));
      if (v.subject == VariableSubject::kRespondent && v.name == "role") continue;
      if (v.subject == VariableSubject::kStory) story_names.insert(v.name);
      AddVariable(list, subject + ":" + v.name, v.name, v.type);
    }
    if (!stories_.empty()) {
      for (const char* field : kStoryFields) {
        if (story_names.count(field)) continue;  // a real story variable wins
        AddVariable(list, std::string("story:") + field, field,
                    std::string(field) == "wave"   ? VariableType::kInteger
                    : std::string(field) == "date" ? VariableType::kDate
                                                   : VariableType::kText);
      }
    }
    if (!list.first_child()) root.remove_child(list);
  }

  void AppendValue(pugi::xml_node parent, const std::string& key, const std::string& value) {
    auto found = variable_guids_.find(key);
    if (found == variable_guids_.end() || value.empty()) return;
    pugi::xml_node element = parent.append_child("VariableValue");
    element.append_child("VariableRef").append_attribute("targetGUID") =
        found->second.first.c_str();
    const auto [name, text] = RefiValue(found->second.second, value);
    element.append_child(name).text() = text.c_str();
  }

  void WriteCases(pugi::xml_node root) {
    const auto respondents = ListRespondents(project_);
    if (respondents.empty()) return;
    pugi::xml_node cases = root.append_child("Cases");
    for (const Respondent& r : respondents) {
      pugi::xml_node element = cases.append_child("Case");
      element.append_attribute("guid") = StableGuid("respondent", r.key).c_str();
      element.append_attribute("name") = r.key.c_str();
      AppendValue(element, "respondent:role", r.role);
      for (const auto& [name, value] : RespondentValues(project_, r.id)) {
        if (name != "role") AppendValue(element, "respondent:" + name, value);
      }
      for (const Story& story : stories_) {
        if (story.respondent_id == r.id) {
          element.append_child("SourceRef").append_attribute("targetGUID") =
              StableGuid("story", story.key).c_str();
        }
      }
      ++files_.counts.respondents;
    }
  }

  void WriteSources(pugi::xml_node root) {
    if (stories_.empty()) return;
    pugi::xml_node sources = root.append_child("Sources");
    for (const Story& story : stories_) WriteSource(sources, story);
  }

  void WriteSource(pugi::xml_node sources, const Story& story) {
    const std::string guid = StableGuid("story", story.key);
    pugi::xml_node element = sources.append_child("TextSource");
    element.append_attribute("guid") = guid.c_str();
    element.append_attribute("name") = story.key.c_str();
    element.append_attribute("plainTextPath") = ("internal://" + guid + ".txt").c_str();
    if (!story.title.empty()) element.append_child("Description").text() = story.title.c_str();
    files_.entries.push_back({"sources/" + guid + ".txt", story.text});
    ++files_.counts.stories;
    // One selection per segment, holding every coding of it and the memos
    // on that span.
    std::map<std::pair<int64_t, int64_t>, std::vector<const Coding*>> codings;
    std::map<std::pair<int64_t, int64_t>, std::vector<const Memo*>> span_memos;
    for (const Coding& c : codings_) {
      if (c.story_id == story.id) codings[{c.start, c.end}].push_back(&c);
    }
    for (const Memo& m : memos_) {
      if (m.story_id == story.id && m.start && m.end) span_memos[{*m.start, *m.end}].push_back(&m);
    }
    std::set<std::pair<int64_t, int64_t>> spans;
    for (const auto& [span, list] : codings) spans.insert(span);
    for (const auto& [span, list] : span_memos) spans.insert(span);
    for (const auto& span : spans) {
      const std::string where =
          story.key + ":" + std::to_string(span.first) + ":" + std::to_string(span.second);
      pugi::xml_node selection = element.append_child("PlainTextSelection");
      selection.append_attribute("guid") = StableGuid("selection", where).c_str();
      selection.append_attribute("startPosition") = std::to_string(span.first).c_str();
      selection.append_attribute("endPosition") = std::to_string(span.second).c_str();
      const auto& list = codings[span];
      if (!list.empty()) {
        selection.append_attribute("creatingUser") = CoderGuid(list.front()->coder).c_str();
        if (IsDateTime(list.front()->created)) {
          selection.append_attribute("creationDateTime") = list.front()->created.c_str();
        }
      }
      ++files_.counts.selections;
      for (const Coding* c : list) {
        const std::string code_guid = FindCodeById(project_, c->code_id)->guid;
        pugi::xml_node coding = selection.append_child("Coding");
        coding.append_attribute("guid") =
            StableGuid("coding", where + ":" + code_guid + ":" + c->coder).c_str();
        coding.append_attribute("creatingUser") = CoderGuid(c->coder).c_str();
        if (IsDateTime(c->created)) {
          coding.append_attribute("creationDateTime") = c->created.c_str();
        }
        coding.append_child("CodeRef").append_attribute("targetGUID") = code_guid.c_str();
        ++files_.counts.codings;
      }
      for (const Memo* m : span_memos[span]) NoteRef(selection, *m);
    }
    for (const Memo& m : memos_) {
      if (m.story_id == story.id && !(m.start && m.end)) NoteRef(element, m);
    }
    AppendValue(element, "story:kind", story.kind);
    if (story.wave) AppendValue(element, "story:wave", std::to_string(*story.wave));
    AppendValue(element, "story:date", story.date);
    AppendValue(element, "story:language", story.language);
    for (const auto& [name, value] : StoryValues(project_, story.id)) {
      AppendValue(element, "story:" + name, value);
    }
  }

  void WriteNotes(pugi::xml_node root) {
    if (memos_.empty()) return;
    pugi::xml_node notes = root.append_child("Notes");
    for (const Memo& memo : memos_) {
      pugi::xml_node note = notes.append_child("Note");
      note.append_attribute("guid") = MemoGuid(memo).c_str();
      if (!memo.title.empty()) note.append_attribute("name") = memo.title.c_str();
      if (coder_names_.count(memo.author)) {
        note.append_attribute("creatingUser") = CoderGuid(memo.author).c_str();
      }
      if (IsDateTime(memo.created)) {
        note.append_attribute("creationDateTime") = memo.created.c_str();
      }
      note.append_child("PlainTextContent").text() = memo.text.c_str();
      ++files_.counts.memos;
    }
  }

  Project& project_;
  pugi::xml_document document_;
  RefiExportFiles files_;
  std::vector<Story> stories_;
  std::vector<Coding> codings_;
  std::vector<Memo> memos_;
  std::set<std::string> coder_names_;
  // "subject:name" -> GUID and type.
  std::map<std::string, std::pair<std::string, VariableType>> variable_guids_;
};

}  // namespace

RefiExportFiles BuildRefiProject(Project& project) { return ProjectExport(project).Run(); }

RefiExportCounts ExportRefiProject(Project& project, const std::filesystem::path& file) {
  const RefiExportFiles files = BuildRefiProject(project);
  WriteZip(file, files.entries, ExportTime(project));
  return files.counts;
}

}  // namespace verhaal
