#include "exporters/respondents_shape.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "corpus/codes.h"
#include "corpus/coding_scan.h"
#include "corpus/codings.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "exporters/variable_names.h"

namespace verhaal {
namespace {

ExportColumn Text(std::string name, std::string label) {
  return {std::move(name), std::move(label), ColumnKind::kText, Measure::kNominal, {}};
}

ExportColumn Number(std::string name, std::string label, Measure measure = Measure::kScale,
                    std::vector<std::pair<double, std::string>> labels = {}) {
  return {std::move(name), std::move(label), ColumnKind::kNumber, measure, std::move(labels)};
}

Cell TextOrMissing(const std::string& text) {
  return text.empty() ? Cell::Missing() : Cell::Text(text);
}

}  // namespace

std::unique_ptr<ExportSource> MakeRespondentsShape(Project& project) {
  const auto respondents = ListRespondents(project);
  std::set<std::string> roles;
  for (const auto& r : respondents) {
    if (!r.role.empty()) roles.insert(r.role);
  }
  std::map<std::string, double> role_codes;
  std::vector<std::pair<double, std::string>> role_labels;
  for (const auto& role : roles) {
    role_codes[role] = static_cast<double>(role_labels.size() + 1);
    role_labels.emplace_back(role_codes[role], role);
  }
  const auto variables = ListVariables(project, VariableSubject::kRespondent);
  VariableNamer namer;
  std::vector<ExportColumn> columns = {Text(namer.Make("respondent"), "respondent key"),
                                       {namer.Make("role"), "respondent role",
                                        ColumnKind::kCategory, Measure::kNominal, role_labels},
                                       Number(namer.Make("stories"), "number of stories")};
  for (const auto& v : variables) {
    const bool numeric = v.type == VariableType::kInteger || v.type == VariableType::kFloat ||
                         v.type == VariableType::kBoolean;
    std::vector<std::pair<double, std::string>> labels;
    for (const auto& [value, label] : v.value_labels) {
      char* end = nullptr;
      const double code = std::strtod(value.c_str(), &end);
      if (!value.empty() && *end == '\0') labels.emplace_back(code, label);
    }
    if (v.type == VariableType::kBoolean && labels.empty()) labels = {{0, "no"}, {1, "yes"}};
    ExportColumn column = numeric
                              ? Number(namer.Make(v.name), v.label.empty() ? v.name : v.label,
                                       labels.empty() ? Measure::kScale : Measure::kNominal, labels)
                              : Text(namer.Make(v.name), v.label.empty() ? v.name : v.label);
    column.date = v.type == VariableType::kDate;
    columns.push_back(std::move(column));
  }
  std::map<int64_t, int64_t> story_counts;
  ForEachStory(project, {}, [&](const Story& story) {
    if (story.respondent_id) ++story_counts[*story.respondent_id];
  });
  auto source = std::make_unique<MemoryExportSource>("respondents", columns);
  for (const auto& r : respondents) {
    const auto values = RespondentValues(project, r.id);
    ExportRow row = {Cell::Text(r.key),
                     r.role.empty() ? Cell::Missing() : Cell::Category(role_codes[r.role], r.role),
                     Cell::Number(static_cast<double>(story_counts[r.id]))};
    for (size_t i = 0; i < variables.size(); ++i) {
      auto found = values.find(variables[i].name);
      if (found == values.end() || found->second.empty()) {
        row.push_back(Cell::Missing());
      } else if (columns[i + 3].kind == ColumnKind::kNumber) {
        row.push_back(Cell::Number(std::strtod(found->second.c_str(), nullptr)));
      } else {
        row.push_back(Cell::Text(found->second));
      }
    }
    source->AddRow(std::move(row));
  }
  return source;
}

std::unique_ptr<ExportSource> MakeCodebookShape(Project& project) {
  const std::vector<std::pair<double, std::string>> yes_no = {{0, "no"}, {1, "yes"}};
  auto source = std::make_unique<MemoryExportSource>(
      "codebook",
      std::vector<ExportColumn>{
          Text("code", "code path"), Text("name", "code name"),
          Number("level", "depth in the code tree (1 = top)", Measure::kOrdinal),
          Text("description", "description"), Text("inclusion", "inclusion criteria"),
          Text("exclusion", "exclusion criteria"),
          Number("codable", "can be applied", Measure::kNominal, yes_no),
          Number("dimension", "its children are matrix levels", Measure::kNominal, yes_no),
          Number("retired", "no longer used", Measure::kNominal, yes_no),
          Number("codings", "number of codings of this code"),
          Number("stories", "number of stories with this code"), Text("guid", "GUID")});
  // Every code's codings (kept per code and coder) and stories (one pass
  // over each story's codes).
  struct Counts {
    int64_t codings = 0;
    int64_t stories = 0;
  };
  std::unordered_map<int64_t, Counts> counts;
  for (const auto& [code_id, n] : CountCodingsByCode(project, std::nullopt)) {
    counts[code_id].codings = n;
  }
  CodingScan(project).ForEachStoryCode(
      [&](const CodingSpan& coding) { ++counts[coding.code_id].stories; });
  for (const auto& code : ListCodes(project)) {
    const Counts found = counts.contains(code.id) ? counts[code.id] : Counts{};
    const int64_t codings = found.codings;
    const int64_t stories = found.stories;
    const double level =
        1.0 + static_cast<double>(std::count(code.path.begin(), code.path.end(), '/'));
    source->AddRow({Cell::Text(code.path), Cell::Text(code.name), Cell::Number(level),
                    TextOrMissing(code.description), TextOrMissing(code.inclusion),
                    TextOrMissing(code.exclusion), Cell::Number(code.codable ? 1 : 0),
                    Cell::Number(code.dimension ? 1 : 0), Cell::Number(code.retired ? 1 : 0),
                    Cell::Number(static_cast<double>(codings)),
                    Cell::Number(static_cast<double>(stories)), Cell::Text(code.guid)});
  }
  return source;
}

}  // namespace verhaal
