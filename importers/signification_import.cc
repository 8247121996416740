#include "importers/signification_import.h"

#include <charconv>
#include <cmath>

#include "corpus/variables.h"

namespace verhaal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

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
