// Parsing the study manifest (docs/study.md). yaml-cpp exceptions are
// translated here into located verhaal::Errors.
#include "study/manifest.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "base/closest_name.h"
#include "base/yaml_check.h"
#include "base/yaml_location.h"
#include "coding/dimension.h"
#include "corpus/files.h"
#include "exporters/codebook_document.h"
#include "exporters/matrix_segments.h"
#include "exporters/spss_stata.h"
#include "study/report.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;

struct ExportKind {
  StudyExportType type;
  std::string_view name;
  std::vector<std::string> extensions;
};

const std::vector<ExportKind>& ExportKinds() {
  static const std::vector<ExportKind> kinds = {
      {StudyExportType::kMatrix, "matrix", {".txt", ".csv", ".json", ".md", ".svg"}},
      {StudyExportType::kScatter, "scatter", {".svg", ".txt", ".csv", ".json", ".md"}},
      {StudyExportType::kSummary, "summary", {".txt", ".csv", ".md"}},
      {StudyExportType::kStories, "stories", {".csv", ".sav", ".dta", ".xlsx"}},
      {StudyExportType::kCodings, "codings", {".csv", ".sav", ".dta", ".xlsx"}},
      {StudyExportType::kRespondents, "respondents", {".csv", ".sav", ".dta", ".xlsx"}},
      {StudyExportType::kCodebookTable, "codebook-table", {".csv", ".sav", ".dta", ".xlsx"}},
      {StudyExportType::kWorkbook, "workbook", {".xlsx"}},
      {StudyExportType::kRefi, "refi", {".qdpx"}},
      {StudyExportType::kAgreement, "agreement", {".txt", ".csv", ".json", ".md"}},
      {StudyExportType::kReport, "report", {".html"}},
  };
  return kinds;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : ", ") + word;
  return out;
}

class Parser {
 public:
  Parser(std::string_view text, const fs::path& file)
      : text_(text), file_(file), name_(file.string()), base_(file.parent_path()) {}

  StudyManifest Parse() {
    YAML::Node root;
    CheckYaml(text_, name_);
    try {
      root = YAML::Load(std::string(text_));
    } catch (const YAML::Exception& e) {
      throw DataError("the study manifest is not valid YAML: " + e.msg,
                      YamlLocation(name_, text_, e.mark));
    }
    if (!root.IsMap()) {
      throw DataError(
          "a study manifest is a map with 'project:', 'sources:', 'codebook:', ... "
          "see docs/study.md",
          root.IsDefined() && !root.IsNull() ? At(root) : Location{name_, 1, 1, ""});
    }
    StudyManifest study;
    study.file = file_;
    CheckKeys(root,
              {"name", "project", "sources", "codebook", "autocode", "codings", "analysis",
               "language", "outputs"},
              "the top of the manifest");
    if (!root["project"]) {
      throw DataError("the manifest names no project file; add e.g. 'project: study.verhaal'",
                      At(root));
    }
    study.project = PathOf(root["project"], "project");
    study.name = root["name"] ? ScalarOf(root["name"], "name") : study.project.stem().string();
    if (const YAML::Node sources = root["sources"]) {
      for (const auto& node : ListOf(sources, "sources")) study.sources.push_back(Source(node));
    }
    if (const YAML::Node codebook = root["codebook"]) {
      study.codebook = PathOf(codebook, "codebook");
      study.codebook_where = At(codebook);
    }
    if (const YAML::Node autocode = root["autocode"]) study.autocode = Autocode(autocode);
    if (const YAML::Node codings = root["codings"]) {
      for (const auto& node : ListOf(codings, "codings")) study.codings.push_back(Codings(node));
    }
    if (const YAML::Node analysis = root["analysis"]) {
      if (!analysis.IsMap()) {
        throw DataError("'analysis' is a map: 'analysis: {coders: [anna, bram]}'", At(analysis));
      }
      CheckKeys(analysis, {"coders"}, "analysis");
      study.analysis_where = At(analysis);
      if (analysis["coders"]) {
        for (const auto& coder : ListOf(analysis["coders"], "coders")) {
          study.analysis_coders.push_back(ScalarOf(coder, "coders"));
        }
      }
    }
    if (const YAML::Node language = root["language"]) {
      const std::string code = ScalarOf(language, "language");
      study.language = ParseLanguage(code);
      if (!study.language) {
        throw DataError("unknown language '" + code + "'; the report is written in " +
                            std::string(kLanguageCodes) + " (docs/study.md)",
                        At(language));
      }
    }
    study.output_folder = base_;
    if (const YAML::Node outputs = root["outputs"]) Outputs(outputs, study);
    return study;
  }

 private:
  Location At(const YAML::Node& node) const { return YamlLocation(name_, text_, node.Mark()); }

  void CheckKeys(const YAML::Node& map, const std::vector<std::string>& keys,
                 const std::string& where) const {
    for (const auto& item : map) {
      const std::string key = item.first.Scalar();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
      const std::string best = ClosestName(key, keys);
      throw DataError("unknown key '" + key + "' in " + where + "; " +
                          (best.empty() ? "" : "did you mean '" + best + "'? ") +
                          "the keys here are " + Join(keys) + " (docs/study.md)",
                      At(item.first));
    }
  }

  std::string ScalarOf(const YAML::Node& node, const std::string& key) const {
    if (!node.IsScalar() || node.Scalar().empty()) {
      throw DataError("'" + key + "' needs a single non-empty value", At(node));
    }
    return node.Scalar();
  }

  fs::path PathOf(const YAML::Node& node, const std::string& key) const {
    const fs::path path = ScalarOf(node, key);
    return (path.is_absolute() ? path : base_ / path).lexically_normal();
  }

  std::vector<YAML::Node> ListOf(const YAML::Node& node, const std::string& key) const {
    if (!node.IsSequence()) {
      throw DataError("'" + key + "' is a list; write each entry on its own line after '- '",
                      At(node));
    }
    return std::vector<YAML::Node>(node.begin(), node.end());
  }

  StudySource Source(const YAML::Node& node) const {
    if (!node.IsMap()) {
      throw DataError(
          "a source is a map: '- file: stories.csv' with 'mapping: stories.mapping.yaml'",
          At(node));
    }
    StudySource source;
    source.where = At(node);
    if (node["type"]) {
      source.type = ScalarOf(node["type"], "type");
    } else if (node["folder"]) {
      source.type = "folder";
    }
    // The keys each type takes, as the options of `verhaal import TYPE`.
    static const std::map<std::string, std::vector<std::string>> kKeys = {
        {"csv", {"type", "file", "mapping"}},
        {"folder", {"type", "folder", "role", "kind", "language", "encoding"}},
        {"transcript",
         {"type", "file", "key", "respondent", "role", "title", "date", "language", "encoding",
          "interviewers"}},
        {"sensemaker", {"type", "file", "definition"}},
        {"spryng", {"type", "file", "text", "key", "respondent", "language", "encoding"}},
        {"refi", {"type", "file", "crlf", "kind"}},
    };
    const auto keys = kKeys.find(source.type);
    if (keys == kKeys.end()) {
      throw DataError("unknown source type '" + source.type +
                          "'; use csv, folder, transcript, sensemaker, spryng or refi (for "
                          "NVivo, ATLAS.ti or MAXQDA: export a REFI-QDA .qdpx and use refi)",
                      At(node["type"]));
    }
    CheckKeys(node, keys->second, "a " + source.type + " source");
    const std::string where_key = source.type == "folder" ? "folder" : "file";
    if (!node[where_key]) {
      throw DataError("this " + source.type + " source names no '" + where_key + ":' to import",
                      At(node));
    }
    source.file = PathOf(node[where_key], where_key);
    auto text = [&](const char* key, std::string& into) {
      if (node[key]) into = ScalarOf(node[key], key);
    };
    text("role", source.role);
    text("kind", source.kind);
    text("language", source.language);
    text("encoding", source.encoding);
    text("respondent", source.respondent);
    text("title", source.title);
    text("date", source.date);
    text("text", source.text);
    text("key", source.key);
    text("crlf", source.crlf);
    if (!source.crlf.empty() && source.crlf != "one" && source.crlf != "two" &&
        source.crlf != "auto") {
      throw DataError("crlf takes one, two or auto, not '" + source.crlf + "'", At(node["crlf"]));
    }
    if (node["interviewers"]) {
      for (const auto& label : ListOf(node["interviewers"], "interviewers")) {
        source.interviewers.push_back(ScalarOf(label, "interviewers"));
      }
    }
    if (source.type == "csv") {
      if (!node["mapping"]) {
        throw DataError("source " + node["file"].Scalar() +
                            " has no 'mapping:'; write one (docs/import-mapping.md), or let "
                            "`verhaal import csv FILE --text COLUMN` print a first version",
                        At(node));
      }
      source.mapping = PathOf(node["mapping"], "mapping");
    }
    if (source.type == "sensemaker") {
      if (!node["definition"]) {
        throw DataError("sensemaker source " + node["file"].Scalar() +
                            " has no 'definition:'; name the framework definition JSON that "
                            "comes with the data export",
                        At(node));
      }
      source.definition = PathOf(node["definition"], "definition");
    }
    return source;
  }

  StudyAutocode Autocode(const YAML::Node& node) const {
    StudyAutocode autocode;
    autocode.where = At(node);
    if (node.IsScalar()) {
      if (node.Scalar() == "true" || node.Scalar() == "yes") return autocode;
      throw DataError("'autocode' is 'true' or a map with 'coder:' and 'codes:'", At(node));
    }
    if (!node.IsMap()) {
      throw DataError("'autocode' is 'true' or a map with 'coder:' and 'codes:'", At(node));
    }
    CheckKeys(node, {"coder", "codes"}, "autocode");
    if (node["coder"]) autocode.coder = ScalarOf(node["coder"], "coder");
    if (node["codes"]) {
      for (const auto& code : ListOf(node["codes"], "codes")) {
        autocode.codes.push_back(ScalarOf(code, "codes"));
      }
    }
    return autocode;
  }

  StudyCodings Codings(const YAML::Node& node) const {
    if (node.IsScalar()) return StudyCodings{PathOf(node, "codings"), "", At(node)};
    if (!node.IsMap()) {
      throw DataError("a codings entry is a file name or a map with 'file:' and 'coder:'",
                      At(node));
    }
    CheckKeys(node, {"file", "coder"}, "a codings entry");
    if (!node["file"]) throw DataError("this codings entry names no 'file:'", At(node));
    StudyCodings codings{PathOf(node["file"], "file"), "", At(node)};
    if (node["coder"]) codings.coder = ScalarOf(node["coder"], "coder");
    return codings;
  }

  void Outputs(const YAML::Node& node, StudyManifest& study) const {
    if (!node.IsMap()) {
      throw DataError("'outputs' is a map with 'folder:' and 'exports:'", At(node));
    }
    CheckKeys(node, {"folder", "exports"}, "outputs");
    if (node["folder"]) study.output_folder = PathOf(node["folder"], "folder");
    if (!node["exports"]) return;
    std::map<fs::path, Location> seen;
    for (const auto& entry : ListOf(node["exports"], "exports")) {
      StudyExport out = Export(entry, study.output_folder);
      std::vector<fs::path> files = out.Companions();
      files.insert(files.begin(), out.file);
      for (const fs::path& written : files) {
        const auto [it, added] = seen.emplace(written, out.where);
        if (!added) {
          throw DataError("two exports write " + written.filename().string() +
                              " (the first at line " + std::to_string(it->second.line) +
                              "); give each its own file",
                          out.where);
        }
      }
      study.exports.push_back(std::move(out));
    }
  }

  StudyExport Export(const YAML::Node& node, const fs::path& folder) const {
    if (!node.IsMap()) {
      throw DataError("an export is a map such as '{type: stories, file: stories.sav}'", At(node));
    }
    CheckKeys(
        node,
        {"type", "file", "rows", "cols", "by", "x", "y", "coders", "role", "kind", "wave", "title",
         "unit", "within", "mixed", "speaker", "with_text", "syntax", "codebook_doc"},
        "an export");
    StudyExport out;
    out.where = At(node);
    if (!node["type"]) throw DataError("this export has no 'type:'", At(node));
    const std::string type = ScalarOf(node["type"], "type");
    std::vector<std::string> names;
    const ExportKind* kind = nullptr;
    for (const auto& k : ExportKinds()) {
      names.emplace_back(k.name);
      if (k.name == type) kind = &k;
    }
    if (kind == nullptr) {
      const std::string best = ClosestName(type, names);
      throw DataError("unknown export type '" + type + "'; " +
                          (best.empty() ? "" : "did you mean '" + best + "'? ") + "the types are " +
                          Join(names),
                      At(node["type"]));
    }
    out.type = kind->type;
    if (!node["file"]) throw DataError("this " + type + " export has no 'file:'", At(node));
    const std::string file = ScalarOf(node["file"], "file");
    const fs::path inside = fs::path(file).lexically_normal();
    if (inside.empty() || inside.has_root_path() || *inside.begin() == ".." || inside == ".") {
      throw DataError("export file '" + file + "' is outside the output folder; name a file " +
                          "inside it, such as '" + fs::path(file).filename().string() +
                          "' (docs/study.md)",
                      At(node["file"]));
    }
    out.file = (folder / inside).lexically_normal();
    const std::string extension = fs::path(file).extension().string();
    if (std::find(kind->extensions.begin(), kind->extensions.end(), extension) ==
        kind->extensions.end()) {
      throw DataError("a " + type + " export cannot write '" + file + "'; name a file ending in " +
                          Join(kind->extensions),
                      At(node["file"]));
    }
    for (auto [key, field] :
         {std::pair{"rows", &out.rows}, std::pair{"cols", &out.cols}, std::pair{"by", &out.by}}) {
      if (!node[key]) continue;
      *field = ScalarOf(node[key], key);
      try {
        ParseDimension(*field);
      } catch (const Error& e) {
        throw DataError(e.message(), At(node[key]));
      }
    }
    for (auto [key, field] :
         {std::pair{"x", &out.x}, std::pair{"y", &out.y}, std::pair{"title", &out.title}}) {
      if (node[key]) *field = ScalarOf(node[key], key);
    }
    for (auto [key, field] : {std::pair{"x", &out.x}, std::pair{"y", &out.y}}) {
      if (field->empty()) continue;
      try {
        ParseDimension(SliderDimension(*field));
      } catch (const Error& e) {
        throw DataError(e.message(), At(node[key]));
      }
    }
    if (node["coders"]) {
      for (const auto& coder : ListOf(node["coders"], "coders")) {
        out.coders.push_back(ScalarOf(coder, "coders"));
      }
    }
    if (node["role"]) out.filter.role = ScalarOf(node["role"], "role");
    if (node["kind"]) out.filter.kind = ScalarOf(node["kind"], "kind");
    if (node["wave"]) {
      try {
        out.filter.wave = node["wave"].as<int>();
      } catch (const YAML::Exception&) {
        throw DataError("'wave' is a whole number", At(node["wave"]));
      }
    }
    // Keys that only some types take: elsewhere they would be ignored, which
    // a researcher would not notice, so they are errors.
    const auto only_for = [&](const char* key, std::initializer_list<StudyExportType> types,
                              const char* which) {
      if (!node[key]) return false;
      if (std::find(types.begin(), types.end(), out.type) == types.end()) {
        throw DataError("a " + type + " export does not take '" + key + ":'; " + which,
                        At(node[key]));
      }
      return true;
    };
    if (only_for("unit", {StudyExportType::kMatrix}, "only a matrix counts by unit")) {
      out.unit = ScalarOf(node["unit"], "unit");
      if (out.unit != "story" && out.unit != "segment" && out.unit != "respondent") {
        throw DataError("unknown unit '" + out.unit + "'; use story, segment or respondent",
                        At(node["unit"]));
      }
    }
    if (only_for("within", {StudyExportType::kMatrix}, "it belongs to a matrix of unit: segment")) {
      out.within = ScalarOf(node["within"], "within");
      if (out.unit != "segment") {
        throw DataError("'within:' needs 'unit: segment' (segments that meet)", At(node["within"]));
      }
      try {
        ParseSegmentMeeting(out.within);
      } catch (const Error&) {
        throw DataError(
            "'within:' takes a number of characters of 0 or more, sentence or turn, "
            "not '" +
                out.within + "'",
            At(node["within"]));
      }
    }
    if (only_for("mixed", {StudyExportType::kMatrix}, "only a matrix has mixed stories")) {
      out.mixed = ScalarOf(node["mixed"], "mixed");
      if (out.mixed != "exclude" && out.mixed != "level" && out.mixed != "each") {
        throw DataError("unknown 'mixed: " + out.mixed + "'; use exclude, level or each",
                        At(node["mixed"]));
      }
    }
    if (only_for("speaker",
                 {StudyExportType::kMatrix, StudyExportType::kSummary, StudyExportType::kStories,
                  StudyExportType::kReport},
                 "matrix, summary, stories and report exports count codings by speaker")) {
      out.speaker = ScalarOf(node["speaker"], "speaker");
    }
    if (only_for("with_text", {StudyExportType::kStories}, "only a stories export adds the text")) {
      try {
        out.with_text = node["with_text"].as<bool>();
      } catch (const YAML::Exception&) {
        throw DataError("'with_text' is true or false", At(node["with_text"]));
      }
    }
    const std::initializer_list<StudyExportType> data_types = {
        StudyExportType::kStories, StudyExportType::kCodings, StudyExportType::kRespondents,
        StudyExportType::kCodebookTable};
    if (only_for("syntax", data_types,
                 "only a stories, codings, respondents or codebook_table export to .sav or .dta "
                 "has a syntax companion")) {
      try {
        out.syntax = node["syntax"].as<bool>();
      } catch (const YAML::Exception&) {
        throw DataError("'syntax' is true or false", At(node["syntax"]));
      }
      if (out.syntax && extension != ".sav" && extension != ".dta") {
        throw DataError(
            "'syntax: true' goes with a .sav or .dta file (an SPSS .sps or Stata .do "
            "that labels the CSV export), not '" +
                file + "'",
            At(node["syntax"]));
      }
    }
    if (only_for("codebook_doc", data_types,
                 "only a stories, codings, respondents or codebook_table export has a codebook "
                 "document")) {
      const std::string doc = ScalarOf(node["codebook_doc"], "codebook_doc");
      const fs::path doc_inside = fs::path(doc).lexically_normal();
      if (doc_inside.empty() || doc_inside.has_root_path() || *doc_inside.begin() == ".." ||
          !IsCodebookDocumentPath(doc_inside)) {
        throw DataError(
            "'codebook_doc' is a .md (Markdown) or .html file inside the output "
            "folder, such as '" +
                fs::path(file).stem().string() + ".md', not '" + doc + "'",
            At(node["codebook_doc"]));
      }
      out.codebook_doc = (folder / doc_inside).lexically_normal();
    }
    const bool needs_dims =
        out.type == StudyExportType::kMatrix || out.type == StudyExportType::kReport;
    if (needs_dims && (out.rows.empty() || out.cols.empty())) {
      throw DataError("a " + type +
                          " export needs 'rows:' and 'cols:' dimensions, e.g. "
                          "'rows: dyad:motivatie' and 'cols: dyad:stijl' (docs/matrix.md)",
                      out.where);
    }
    if (out.type == StudyExportType::kScatter && (out.x.empty() || out.y.empty())) {
      throw DataError(
          "a scatter export needs 'x:' and 'y:', two dyads (e.g. 'x: stijl') or "
          "stones' axes (docs/matrix.md)",
          out.where);
    }
    return out;
  }

  std::string_view text_;
  fs::path file_;
  std::string name_;
  fs::path base_;
};

}  // namespace

std::vector<fs::path> StudyExport::Companions() const {
  std::vector<fs::path> files;
  if (syntax) {
    files.push_back(
        StatSyntaxPath(file, file.extension() == ".sav" ? StatFormat::kSav : StatFormat::kDta));
    files.push_back(fs::path(file).replace_extension(".csv"));
  }
  if (!codebook_doc.empty()) files.push_back(codebook_doc);
  return files;
}

std::string_view StudyExportTypeName(StudyExportType type) {
  for (const auto& kind : ExportKinds()) {
    if (kind.type == type) return kind.name;
  }
  return "?";
}

StudyManifest ParseStudyManifest(std::string_view yaml, const fs::path& file) {
  return Parser(yaml, file).Parse();
}

StudyManifest LoadStudyManifest(const fs::path& file) {
  return ParseStudyManifest(ReadWholeFile(file), file);
}

}  // namespace verhaal
