// The .qdpx project export (see refi_qda.h). Writes project.qde with pugixml,
// element by element (XmlStream), in the order Project.xsd requires: Users,
// CodeBook, Variables, Cases, Sources, Notes, then the project's NoteRefs.
// project.qde is deflated into the .qdpx as it is written, and then each
// source's text is read from the project and written as its entry
// (exporters/zip_writer.h): time grows with the project, memory with the
// largest story, not with the project (issues 25, 26).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "base/error.h"
#include "corpus/codes.h"
#include "corpus/coding_listing.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/read_snapshot.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/story_lookup.h"
#include "corpus/variables.h"
#include "exporters/export_table.h"
#include "exporters/refi_code_xml.h"
#include "exporters/refi_qda.h"
#include "exporters/refi_signifier_line.h"
#include "exporters/xml_stream.h"

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

// pugixml output appended to a string.
class StringWriter : public pugi::xml_writer {
 public:
  explicit StringWriter(std::string& out) : out_(out) {}
  void write(const void* data, size_t size) override {
    out_.append(static_cast<const char*>(data), size);
  }

 private:
  std::string& out_;
};

constexpr const char* kIndent = "  ";
// Stands for a source's selections until it is printed (never written).
constexpr const char* kSelectionsMarker = "verhaal-selections";

// Writes project.qde through an XmlStream, section by section and source by
// source: the stories, their codings (SegmentCodingCursor) and values
// (StoryValueCursor) are read in story order alongside each other, so memory
// holds one story's selections at a time. Each story's text file is handed
// to `on_source` (entry name, story id) for the caller to add.
class ProjectExport {
 public:
  using SourceSink = std::function<void(const std::string& name, int64_t story_id)>;

  ProjectExport(Project& project, pugi::xml_writer& qde, SourceSink on_source)
      : project_(project), qde_(qde), on_source_(std::move(on_source)) {}

  RefiExportCounts Run() {
    pugi::xml_document root_document;
    pugi::xml_node root = root_document.append_child("Project");
    root.append_attribute("xmlns") = "urn:QDA-XML:project:1.0";
    root.append_attribute("name") = project_.name().c_str();
    root.append_attribute("origin") = "verhaal";
    XmlStream xml(qde_, root);
    memos_ = ListMemos(project_);
    for (const Memo& memo : memos_) {
      if (memo.story_id) {
        story_memos_[*memo.story_id].push_back(&memo);
      } else if (memo.code_id) {
        code_memos_[*memo.code_id].push_back(&memo);
      }
    }
    for (const Code& code : ListCodes(project_)) code_guids_[code.id] = code.guid;
    any_story_ = LargestStoryId(project_) > 0;
    signifiers_ = ListSignifiers(project_);
    // Interviews are few (corpus/speaker_turns.h): their turns are read once.
    turns_ = ListAllSpeakerTurns(project_);
    WriteUsers(xml);
    WriteCodeBook(xml);
    WriteVariables(xml);
    WriteCases(xml);
    WriteSources(xml);
    WriteNotes(xml);
    for (const Memo& memo : memos_) {
      if (!memo.story_id && !memo.code_id) {
        pugi::xml_document document;
        NoteRef(document, memo);
        xml.Write(document.first_child(), 1);
      }
    }
    xml.Finish();
    return counts_;
  }

 private:
  const std::string& CoderGuid(const std::string& name) {
    auto found = coder_guids_.find(name);
    if (found == coder_guids_.end()) {
      found = coder_guids_.emplace(name, StableGuid("coder", name)).first;
    }
    return found->second;
  }
  std::string MemoGuid(const Memo& memo) { return StableGuid("memo", std::to_string(memo.id)); }

  void NoteRef(pugi::xml_node parent, const Memo& memo) {
    parent.append_child("NoteRef").append_attribute("targetGUID") = MemoGuid(memo).c_str();
  }

  void WriteUsers(XmlStream& xml) {
    const auto coders = ListCoders(project_);
    if (coders.empty()) return;
    pugi::xml_document document;
    pugi::xml_node users = document.append_child("Users");
    for (const Coder& coder : coders) {
      pugi::xml_node user = users.append_child("User");
      user.append_attribute("guid") = CoderGuid(coder.name).c_str();
      user.append_attribute("name") = coder.name.c_str();
      coder_names_.insert(coder.name);
      ++counts_.coders;
    }
    xml.Write(users, 1);
  }

  void WriteCodeBook(XmlStream& xml) {
    const auto codes = ListCodes(project_);
    if (codes.empty()) return;
    counts_.codes = static_cast<int>(codes.size());
    pugi::xml_document document;
    pugi::xml_node book = document.append_child("CodeBook");
    AppendRefiCodes(book, codes, [&](pugi::xml_node element, const Code& code) {
      auto found = code_memos_.find(code.id);
      if (found == code_memos_.end()) return;
      for (const Memo* memo : found->second) NoteRef(element, *memo);
    });
    xml.Write(book, 1);
  }

  void AddVariable(pugi::xml_node list, const std::string& key, const std::string& name,
                   VariableType type, const std::string& description = "") {
    const std::string guid = StableGuid("variable", key);
    pugi::xml_node element = list.append_child("Variable");
    element.append_attribute("guid") = guid.c_str();
    element.append_attribute("name") = name.c_str();
    element.append_attribute("typeOfVariable") = std::string(RefiType(type)).c_str();
    if (!description.empty()) element.append_child("Description").text() = description.c_str();
    variable_guids_[key] = {guid, type};
  }

  // Each signifier's answers as story variables, named after its key
  // (docs/refi-qda.md): a dyad's position, a triad's three proportions,
  // each stone's x and y, a list's chosen item keys, a free text; and one
  // Text variable listing the signifiers a story answered "not applicable".
  // Each Description ends in a line with the whole definition.
  void AddSignifierVariables(pugi::xml_node list) {
    if (signifiers_.empty()) return;
    for (const Signifier& sig : signifiers_) {
      const std::string name = "signifier:" + sig.key;
      std::string about = sig.title.empty() ? sig.key : sig.title;
      about += " (" + std::string(SignifierTypeName(sig.type)) + ")";
      // The readable part, then the whole definition for `import refi`.
      const std::string line = "\n" + RefiSignifierLine(sig);
      auto add = [&](const std::string& variable, VariableType type, const std::string& what) {
        AddVariable(list, variable, variable, type, about + what + line);
      };
      switch (sig.type) {
        case SignifierType::kDyad:
          add(name, VariableType::kFloat,
              sig.x_low.empty() && sig.x_high.empty()
                  ? std::string()
                  : ": 0 = " + sig.x_low + ", 1 = " + sig.x_high);
          break;
        case SignifierType::kTriad: {
          static const char* kAnchors[] = {"top", "left", "right"};
          for (size_t i = 0; i < 3; ++i) {
            const std::string label = i < sig.options.size() ? sig.options[i].label : "";
            add(name + ":" + kAnchors[i], VariableType::kFloat,
                ": the share of " + (label.empty() ? std::string(kAnchors[i]) : label));
          }
          break;
        }
        case SignifierType::kStones:
          for (const SignifierOption& stone : sig.options) {
            const std::string label = stone.label.empty() ? stone.key : stone.label;
            add(name + ":" + stone.key + ":x", VariableType::kFloat,
                ": " + label + ", x (0 = " + sig.x_low + ", 1 = " + sig.x_high + ")");
            add(name + ":" + stone.key + ":y", VariableType::kFloat,
                ": " + label + ", y (0 = " + sig.y_low + ", 1 = " + sig.y_high + ")");
          }
          break;
        case SignifierType::kList: {
          std::string items;
          for (const SignifierOption& item : sig.options) {
            items +=
                (items.empty() ? ": the keys of the chosen items, \"; \" between them: " : "; ") +
                item.key + (item.label.empty() ? "" : " = " + item.label);
          }
          add(name, VariableType::kText, items);
          break;
        }
        case SignifierType::kFreetext:
          add(name, VariableType::kText, "");
          break;
      }
    }
    AddVariable(list, kNotApplicable, kNotApplicable, VariableType::kText,
                "The keys of the signifiers this story answered \"not applicable\", \"; \" "
                "between them");
  }

  // The story's signifier answers as VariableValues of `element`.
  void AppendSignifierValues(pugi::xml_node element,
                             const std::vector<std::optional<SignifierValue>>& values) {
    std::string not_applicable;
    auto number = [](double value) { return FormatNumber(value); };
    for (size_t i = 0; i < signifiers_.size() && i < values.size(); ++i) {
      if (!values[i]) continue;
      const Signifier& sig = signifiers_[i];
      const SignifierValue& value = *values[i];
      const std::string name = "signifier:" + sig.key;
      if (value.not_applicable) {
        not_applicable += (not_applicable.empty() ? "" : "; ") + sig.key;
        continue;
      }
      switch (sig.type) {
        case SignifierType::kDyad:
          AppendValue(element, name, number(value.x));
          break;
        case SignifierType::kTriad:
          AppendValue(element, name + ":top", number(value.triad.top));
          AppendValue(element, name + ":left", number(value.triad.left));
          AppendValue(element, name + ":right", number(value.triad.right));
          break;
        case SignifierType::kStones:
          for (size_t k = 0; k < value.stones.size() && k < sig.options.size(); ++k) {
            if (!value.stones[k]) continue;
            const std::string stone = name + ":" + sig.options[k].key;
            AppendValue(element, stone + ":x", number(value.stones[k]->x));
            AppendValue(element, stone + ":y", number(value.stones[k]->y));
          }
          break;
        case SignifierType::kList: {
          std::string chosen;
          for (int item : value.items) {
            if (item < 0 || static_cast<size_t>(item) >= sig.options.size()) continue;
            chosen += (chosen.empty() ? "" : "; ") + sig.options[item].key;
          }
          AppendValue(element, name, chosen);
          break;
        }
        case SignifierType::kFreetext:
          AppendValue(element, name, value.text);
          break;
      }
    }
    AppendValue(element, kNotApplicable, not_applicable);
  }

  static constexpr const char* kNotApplicable = "signifier:not applicable";

  void WriteVariables(XmlStream& xml) {
    pugi::xml_document document;
    pugi::xml_node list = document.append_child("Variables");
    respondents_ = ListRespondents(project_);
    bool any_role = false;
    for (const Respondent& r : respondents_) any_role |= !r.role.empty();
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
    if (any_story_) {
      for (const char* field : kStoryFields) {
        if (story_names.count(field)) continue;  // a real story variable wins
        AddVariable(list, std::string("story:") + field, field,
                    std::string(field) == "wave"   ? VariableType::kInteger
                    : std::string(field) == "date" ? VariableType::kDate
                                                   : VariableType::kText);
      }
    }
    AddSignifierVariables(list);
    if (list.first_child()) xml.Write(list, 1);
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

  void WriteCases(XmlStream& xml) {
    if (respondents_.empty()) return;
    xml.Open("Cases");
    RespondentValueReader values(project_);
    StoryLookup stories(project_);
    std::map<std::string, std::string> respondent_values;
    for (const Respondent& r : respondents_) {
      pugi::xml_document document;
      pugi::xml_node element = document.append_child("Case");
      element.append_attribute("guid") = StableGuid("respondent", r.key).c_str();
      element.append_attribute("name") = r.key.c_str();
      AppendValue(element, "respondent:role", r.role);
      values.ValuesOf(r.id, respondent_values);
      for (const auto& [name, value] : respondent_values) {
        if (name != "role") AppendValue(element, "respondent:" + name, value);
      }
      for (const std::string& key : stories.KeysOfRespondent(r.id)) {
        element.append_child("SourceRef").append_attribute("targetGUID") =
            StableGuid("story", key).c_str();
      }
      xml.Write(element, 2);
      ++counts_.respondents;
    }
    xml.Close("Cases");
  }

  void WriteSources(XmlStream& xml) {
    if (!any_story_) return;
    xml.Open("Sources");
    SegmentCodingCursor codings(project_);
    StoryValueCursor values(project_);
    std::optional<SignifierValueCursor> signifier_values;
    if (!signifiers_.empty()) signifier_values.emplace(project_, signifiers_);
    std::map<std::string, std::string> story_values;
    ForEachStoryHead(project_, {}, [&](const Story& story) {
      pugi::xml_document document;
      const std::string guid = WriteSource(document, story, codings.Of(story.id));
      values.ValuesOf(story.id, story_values);
      pugi::xml_node element = document.first_child();
      for (const auto& [name, value] : story_values) {
        AppendValue(element, "story:" + name, value);
      }
      if (signifier_values) AppendSignifierValues(element, signifier_values->ValuesOf(story.id));
      WriteSourceElement(xml, element);
      on_source_("sources/" + guid + ".txt", story.id);
    });
    xml.Close("Sources");
  }

  // The <TextSource> of `story` under `parent`, without its story variables;
  // returns its GUID.
  std::string WriteSource(pugi::xml_node parent, const Story& story,
                          const std::vector<SegmentCoding>& story_codings) {
    const std::string guid = StableGuid("story", story.key);
    pugi::xml_node element = parent.append_child("TextSource");
    element.append_attribute("guid") = guid.c_str();
    element.append_attribute("name") = story.key.c_str();
    element.append_attribute("plainTextPath") = ("internal://" + guid + ".txt").c_str();
    if (!story.title.empty()) element.append_child("Description").text() = story.title.c_str();
    ++counts_.stories;
    // One selection per segment, holding every coding of it and the memos
    // on that span.
    std::map<std::pair<int64_t, int64_t>, std::vector<const SegmentCoding*>> codings;
    std::map<std::pair<int64_t, int64_t>, std::vector<const Memo*>> span_memos;
    for (const SegmentCoding& c : story_codings) codings[{c.start, c.end}].push_back(&c);
    static const std::vector<const Memo*> kNoMemos;
    auto memos_found = story_memos_.find(story.id);
    const std::vector<const Memo*>& memos =
        memos_found == story_memos_.end() ? kNoMemos : memos_found->second;
    for (const Memo* m : memos) {
      if (m->start && m->end) span_memos[{*m->start, *m->end}].push_back(m);
    }
    // Each speaker turn of an interview as a selection of its own, named
    // after the speaker, its Description saying who speaks (a selection
    // without a code: REFI-QDA has no speakers for text sources).
    auto turns = turns_.find(story.id);
    if (turns != turns_.end()) {
      for (const SpeakerTurn& turn : turns->second) {
        pugi::xml_node selection = element.append_child("PlainTextSelection");
        selection.append_attribute("guid") =
            StableGuid("speaker-turn", story.key + ":" + std::to_string(turn.position)).c_str();
        selection.append_attribute("name") = turn.speaker.c_str();
        selection.append_attribute("startPosition") = std::to_string(turn.start).c_str();
        selection.append_attribute("endPosition") = std::to_string(turn.end).c_str();
        std::string about = "speaker: " + turn.speaker;
        if (turn.interviewer) about += " (interviewer)";
        if (!turn.timestamp.empty()) about += " at " + turn.timestamp;
        selection.append_child("Description").text() = about.c_str();
        ++counts_.speaker_turns;
      }
    }
    std::set<std::pair<int64_t, int64_t>> spans;
    for (const auto& [span, list] : codings) spans.insert(span);
    for (const auto& [span, list] : span_memos) spans.insert(span);
    // The selections are formatted here, as pugixml would print them, into
    // selections_ (a DOM per coding cost a fifth of the export), and take
    // the place of a marker element when the source is printed. A selection
    // with a memo, or a value pugixml would escape, is printed by pugixml.
    selections_.clear();
    for (const auto& span : spans) {
      const std::string where =
          story.key + ":" + std::to_string(span.first) + ":" + std::to_string(span.second);
      const auto& list = codings[span];
      const auto& on_span = span_memos[span];
      bool plain = on_span.empty() && !list.empty();
      for (const SegmentCoding* c : list) {
        plain = plain && c->memo.empty() && Plain(c->created) && Plain(code_guids_.at(c->code_id));
      }
      if (plain) {
        FormatSelection(where, span, list);
        continue;
      }
      pugi::xml_document scratch;
      pugi::xml_node selection = scratch.append_child("PlainTextSelection");
      selection.append_attribute("guid") = StableGuid("selection", where).c_str();
      selection.append_attribute("startPosition") = std::to_string(span.first).c_str();
      selection.append_attribute("endPosition") = std::to_string(span.second).c_str();
      if (!list.empty()) {
        selection.append_attribute("creatingUser") = CoderGuid(list.front()->coder).c_str();
        if (IsDateTime(list.front()->created)) {
          selection.append_attribute("creationDateTime") = list.front()->created.c_str();
        }
      }
      ++counts_.selections;
      for (const SegmentCoding* c : list) {
        const std::string& code_guid = code_guids_.at(c->code_id);
        pugi::xml_node coding = selection.append_child("Coding");
        coding.append_attribute("guid") =
            StableGuid("coding", where + ":" + code_guid + ":" + c->coder).c_str();
        coding.append_attribute("creatingUser") = CoderGuid(c->coder).c_str();
        if (IsDateTime(c->created)) {
          coding.append_attribute("creationDateTime") = c->created.c_str();
        }
        coding.append_child("CodeRef").append_attribute("targetGUID") = code_guid.c_str();
        if (!c->memo.empty()) {
          // The coding's own memo: a Note, written with the others after
          // the sources, and a NoteRef in the Coding.
          CodingMemo memo{StableGuid("coding-memo", where + ":" + code_guid + ":" + c->coder),
                          c->coder, c->created, c->memo};
          coding.append_child("NoteRef").append_attribute("targetGUID") = memo.guid.c_str();
          coding_memos_.push_back(std::move(memo));
        }
        ++counts_.codings;
      }
      for (const Memo* m : on_span) NoteRef(selection, *m);
      StringWriter out(selections_);
      selection.print(out, kIndent, pugi::format_default, pugi::encoding_utf8, 3);
    }
    if (!selections_.empty()) element.append_child(kSelectionsMarker);
    for (const Memo* m : memos) {
      if (!(m->start && m->end)) NoteRef(element, *m);
    }
    AppendValue(element, "story:kind", story.kind);
    if (story.wave) AppendValue(element, "story:wave", std::to_string(*story.wave));
    AppendValue(element, "story:date", story.date);
    AppendValue(element, "story:language", story.language);
    return guid;
  }

  // Whether pugixml writes `value` in an attribute as it is (no entity):
  // checked before formatting a selection by hand.
  static bool Plain(const std::string& value) {
    for (const char c : value) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 32 || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') return false;
    }
    return true;
  }

  // A selection of `span` holding `list` (codings without memos), at depth
  // 3 (in a TextSource in <Sources>), appended to selections_ exactly as
  // pugixml prints it (format_default, two-space indent).
  void FormatSelection(const std::string& where, const std::pair<int64_t, int64_t>& span,
                       const std::vector<const SegmentCoding*>& list) {
    std::string& out = selections_;
    out += "      <PlainTextSelection guid=\"";
    out += StableGuid("selection", where);
    out += "\" startPosition=\"";
    out += std::to_string(span.first);
    out += "\" endPosition=\"";
    out += std::to_string(span.second);
    out += "\" creatingUser=\"";
    out += CoderGuid(list.front()->coder);
    if (IsDateTime(list.front()->created)) {
      out += "\" creationDateTime=\"";
      out += list.front()->created;
    }
    out += "\">\n";
    ++counts_.selections;
    for (const SegmentCoding* c : list) {
      const std::string& code_guid = code_guids_.at(c->code_id);
      out += "        <Coding guid=\"";
      out += StableGuid("coding", where + ":" + code_guid + ":" + c->coder);
      out += "\" creatingUser=\"";
      out += CoderGuid(c->coder);
      if (IsDateTime(c->created)) {
        out += "\" creationDateTime=\"";
        out += c->created;
      }
      out += "\">\n          <CodeRef targetGUID=\"";
      out += code_guid;
      out += "\" />\n        </Coding>\n";
      ++counts_.codings;
    }
    out += "      </PlainTextSelection>\n";
  }

  // Prints the TextSource `element` with selections_ in place of its marker.
  void WriteSourceElement(XmlStream& xml, pugi::xml_node element) {
    if (selections_.empty()) {
      xml.Write(element, 2);
      return;
    }
    printed_.clear();
    StringWriter out(printed_);
    element.print(out, kIndent, pugi::format_default, pugi::encoding_utf8, 2);
    static const std::string kMarkerLine = std::string("      <") + kSelectionsMarker + " />\n";
    const size_t at = printed_.find(kMarkerLine);
    if (at == std::string::npos) {
      throw Error(ErrorKind::kInternal, "export refi: the selections' place was not found");
    }
    printed_.replace(at, kMarkerLine.size(), selections_);
    xml.Raw(printed_);
  }

  void WriteNotes(XmlStream& xml) {
    if (memos_.empty() && coding_memos_.empty()) return;
    pugi::xml_document document;
    pugi::xml_node notes = document.append_child("Notes");
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
      ++counts_.memos;
    }
    for (const CodingMemo& memo : coding_memos_) {
      pugi::xml_node note = notes.append_child("Note");
      note.append_attribute("guid") = memo.guid.c_str();
      note.append_attribute("creatingUser") = CoderGuid(memo.coder).c_str();
      if (IsDateTime(memo.created)) {
        note.append_attribute("creationDateTime") = memo.created.c_str();
      }
      note.append_child("PlainTextContent").text() = memo.text.c_str();
      ++counts_.memos;
    }
    xml.Write(notes, 1);
  }

  Project& project_;
  pugi::xml_writer& qde_;
  SourceSink on_source_;
  RefiExportCounts counts_;
  bool any_story_ = false;
  std::vector<Respondent> respondents_;
  std::vector<Memo> memos_;
  // The codings' own memos, met in the sources and written in the Notes:
  // memory grows with them (they are written by hand, so few).
  struct CodingMemo {
    std::string guid;
    std::string coder;
    std::string created;
    std::string text;
  };
  std::vector<CodingMemo> coding_memos_;
  std::vector<Signifier> signifiers_;
  std::map<int64_t, std::vector<SpeakerTurn>> turns_;
  std::string selections_;  // the current source's selections, formatted
  std::string printed_;     // the current source, printed
  std::unordered_map<int64_t, std::vector<const Memo*>> story_memos_;  // in ListMemos order
  std::unordered_map<int64_t, std::vector<const Memo*>> code_memos_;   // not on a story
  std::unordered_map<int64_t, std::string> code_guids_;
  std::unordered_map<std::string, std::string> coder_guids_;
  std::set<std::string> coder_names_;
  // "subject:name" -> GUID and type.
  std::map<std::string, std::pair<std::string, VariableType>> variable_guids_;
};

// pugixml output deflated into a zip entry as it comes.
class ZipEntryWriter : public pugi::xml_writer {
 public:
  explicit ZipEntryWriter(ZipWriter& zip) : zip_(zip) {}
  void write(const void* data, size_t size) override {
    zip_.WriteEntry(std::string_view(static_cast<const char*>(data), size));
  }

 private:
  ZipWriter& zip_;
};

// Deflate levels. project.qde at ISA-L's level 1 (kZipFast): zlib's
// fastest level took half the CPU time of an export at 100,000 stories
// (2.2 s for project.qde's 708 MB), igzip a fifth of that, for a smaller
// file (issue 25). The sources, under a KB each in the bench projects, with
// zlib's runs only: igzip (0.57 s against 0.9 s for 100,000 of them) gave
// a few of them other bytes from one run to the next, and two exports must
// be the same bytes. Level 9 had taken two thirds of an export for a
// project.qde 17% smaller.
constexpr int kQdeDeflateLevel = kZipFast;
constexpr int kSourceDeflateLevel = kZipRunsOnly;

}  // namespace

RefiExportFiles BuildRefiProject(Project& project) {
  RefiExportFiles files;
  files.entries.push_back({"project.qde", ""});
  std::string xml;  // not in entries[0]: adding the sources moves the entries
  StringWriter qde(xml);
  StoryLookup lookup(project);
  files.counts = ProjectExport(project, qde, [&](const std::string& name, int64_t story_id) {
                   files.entries.push_back({name, lookup.TextOf(story_id)});
                 }).Run();
  files.entries.front().bytes = std::move(xml);
  return files;
}

RefiExportCounts ExportRefiProject(Project& project, const std::filesystem::path& file) {
  ReadSnapshot snapshot(project);  // one state of the project, one lock
  ZipWriter zip(file, ExportTime(project));
  // project.qde streams into the archive as it is written; then each
  // story's text, in the order of its TextSource, from a second pass over
  // the stories (nothing is kept per story between the two).
  zip.BeginEntry("project.qde", kQdeDeflateLevel);
  ZipEntryWriter writer(zip);
  int64_t sources = 0;
  const RefiExportCounts counts =
      ProjectExport(project, writer, [&](const std::string&, int64_t) { ++sources; }).Run();
  zip.EndEntry();
  int64_t written = 0;
  ForEachStoryText(project, [&](const StoryTextView& story) {
    zip.AddBytes("sources/" + StableGuid("story", story.key) + ".txt", story.text,
                 kSourceDeflateLevel);
    ++written;
  });
  if (written != sources) {
    throw Error(ErrorKind::kInternal, "export refi: " + std::to_string(sources) +
                                          " sources in project.qde but " + std::to_string(written) +
                                          " stories read for their text");
  }
  zip.Close();
  return counts;
}

}  // namespace verhaal
