// Variables: typed attributes of respondents (gemeente, leeftijdsgroep, ...)
// or of stories, with an optional label and value labels (e.g. 1 = "laag").
// Values are stored as canonical text: integers and floats as written by
// CheckVariableValue, dates as YYYY-MM-DD, booleans as 0/1.
#ifndef VERHAAL_CORPUS_VARIABLES_H_
#define VERHAAL_CORPUS_VARIABLES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"

namespace verhaal {

enum class VariableType { kText, kInteger, kFloat, kDate, kBoolean };
enum class VariableSubject { kRespondent, kStory };

std::string_view VariableTypeName(VariableType type);  // "text", "integer", ...
// Parses a type name; kData Error naming the valid ones otherwise.
VariableType ParseVariableType(std::string_view name);
std::string_view VariableSubjectName(VariableSubject subject);  // "respondent" / "story"

struct Variable {
  int64_t id = 0;
  VariableSubject subject = VariableSubject::kRespondent;
  std::string name;
  std::string label;
  VariableType type = VariableType::kText;
  std::map<std::string, std::string> value_labels;  // value -> label
};

// Finds the variable with this subject and name, or adds it (with its value
// labels). kData when it exists with another type. Missing value labels are
// added; existing ones keep their label. Returns the id.
int64_t EnsureVariable(Project& project, const Variable& variable);

std::optional<Variable> FindVariable(Project& project, VariableSubject subject,
                                     std::string_view name);

// Variables of one subject (or all), ordered by subject then id.
std::vector<Variable> ListVariables(Project& project,
                                    std::optional<VariableSubject> subject = std::nullopt);

// The canonical stored form of `raw` for `type`; throws a kData Error whose
// message says what was expected ("'12a' is not an integer"). The caller
// adds the location. Empty input stays empty (a missing value).
std::string CheckVariableValue(VariableType type, std::string_view raw);

// Sets (or with an empty value, clears) one value. The value must already
// be canonical (CheckVariableValue).
void SetRespondentValue(Project& project, int64_t respondent_id, int64_t variable_id,
                        std::string_view value);
void SetStoryValue(Project& project, int64_t story_id, int64_t variable_id, std::string_view value);

// name -> value for one respondent or story.
std::map<std::string, std::string> RespondentValues(Project& project, int64_t respondent_id);
std::map<std::string, std::string> StoryValues(Project& project, int64_t story_id);

// The story values (name -> value) of the stories of a pass in id order:
// one query for the whole pass, as StoryValues gives them story by story.
class StoryValueCursor {
 public:
  explicit StoryValueCursor(Project& project);
  // Holds a prepared statement on the project's connection.
  StoryValueCursor(const StoryValueCursor&) = delete;
  StoryValueCursor& operator=(const StoryValueCursor&) = delete;
  ~StoryValueCursor();

  // Replaces `values` with story `story_id`'s. Ids must not go down from one
  // call to the next.
  void ValuesOf(int64_t story_id, std::map<std::string, std::string>& values);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// RespondentValues for many respondents, through one prepared statement.
class RespondentValueReader {
 public:
  explicit RespondentValueReader(Project& project);
  // Holds a prepared statement on the project's connection.
  RespondentValueReader(const RespondentValueReader&) = delete;
  RespondentValueReader& operator=(const RespondentValueReader&) = delete;
  ~RespondentValueReader();

  // Replaces `values` with respondent `respondent_id`'s.
  void ValuesOf(int64_t respondent_id, std::map<std::string, std::string>& values);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_VARIABLES_H_
