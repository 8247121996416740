#include "importers/signification_import.h"

#include <charconv>
#include <cmath>

#include "base/text.h"
#include "corpus/variables.h"
#include "importers/story_import.h"

namespace verhaal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::pair<int64_t, ImportedStory> EnsureImportedStory(Project& project, Story story,
                                                      const Location& where, bool update,
                                                      SignificationImportSummary& summary) {
  std::optional<Story> existing = FindStory(project, story.key);
  if (!existing) {
    ++summary.stories_added;
    return {AddStory(project, std::move(story)), ImportedStory::kAdded};
  }
  const std::string text = NormalizeText(story.text, where);
  if (existing->hash == ContentHash(text)) {
    ++summary.stories_unchanged;
    return {existing->id, ImportedStory::kUnchanged};
  }
  const std::string at = story.source_file.empty() ? ""
                                                   : " (" + story.source_file + ":" +
                                                         std::to_string(story.source_line) + ")";
  if (!update) {
    ++summary.stories_changed;
    summary.warnings.push_back("story " + story.key + at +
                               " differs from the one in the project; kept the stored one "
                               "(import with --update to replace it)");
    return {existing->id, ImportedStory::kChanged};
  }
  ReplaceStoryText(project, existing->id, existing->title, text);
  for (std::string& warning :
       MovedCodingWarnings(project, existing->id, story.key, existing->text, text)) {
    summary.warnings.push_back(std::move(warning));
  }
  ++summary.stories_updated;
  return {existing->id, ImportedStory::kUpdated};
}

bool SetImportedStoryValue(Project& project, int64_t story_id, const std::string& name,
                           std::string_view value) {
  if (Trim(value).empty()) return false;
  Variable variable;
  variable.subject = VariableSubject::kStory;
  variable.name = name;
  variable.type = VariableType::kText;
  const int64_t variable_id = EnsureVariable(project, variable);
  const auto current = StoryValues(project, story_id);
  const auto it = current.find(name);
  if (it != current.end() && it->second == value) return false;
  SetStoryValue(project, story_id, variable_id, value);
  return true;
}

double ParseCellNumber(std::string_view cell, const Location& where) {
  const std::string_view text = Trim(cell);
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    throw DataError("'" + std::string(cell) + "' is not a number; write numbers like 0.25", where);
  }
  return value;
}

bool ParseCellTick(std::string_view cell, const Location& where) {
  const std::string_view text = Trim(cell);
  if (text.empty() || text == "0" || text == "false" || text == "FALSE") return false;
  if (text == "1" || text == "true" || text == "TRUE") return true;
  throw DataError("'" + std::string(cell) + "' is not a tick; use 1 for ticked or leave it empty",
                  where);
}

}  // namespace verhaal
