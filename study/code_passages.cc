#include "study/code_passages.h"

#include <algorithm>
#include <map>
#include <utility>

#include "base/error.h"
#include "base/text.h"
#include "corpus/stories.h"
#include "corpus/story_sets.h"
#include "corpus/variables.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

// A var=NAME:VALUE filter resolved: the variable and its canonical value.
struct VariableFilter {
  Variable variable;
  std::string value;
};

VariableFilter ResolveVariableFilter(Project& project, const std::string& text) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos || colon == 0) {
    throw RequestError(ErrorKind::kUsage,
                       "var needs NAME:VALUE, e.g. var=gemeente:Utrecht; got '" + text + "'",
                       "var");
  }
  const std::string name = text.substr(0, colon);
  auto variable = FindVariable(project, VariableSubject::kStory, name);
  if (!variable) variable = FindVariable(project, VariableSubject::kRespondent, name);
  if (!variable) {
    throw RequestError(
        ErrorKind::kMissing,
        "variable '" + name + "' is not a story or respondent variable of this project", "var");
  }
  const std::string value =
      BlameField("var", [&] { return CheckVariableValue(variable->type, text.substr(colon + 1)); });
  return {*variable, value};
}

// Whether story `story_id` (or its respondent) has the filter's value;
// `seen` keeps the answers by story.
bool HasValue(Project& project, const VariableFilter& filter, int64_t story_id,
              std::map<int64_t, bool>& seen) {
  if (auto it = seen.find(story_id); it != seen.end()) return it->second;
  std::map<std::string, std::string> values;
  if (filter.variable.subject == VariableSubject::kStory) {
    values = StoryValues(project, story_id);
  } else if (auto story = FindStoryById(project, story_id); story && story->respondent_id) {
    values = RespondentValues(project, *story->respondent_id);
  }
  const auto value = values.find(filter.variable.name);
  const bool match = value != values.end() && value->second == filter.value;
  seen.emplace(story_id, match);
  return match;
}

}  // namespace

CodePassages RetrieveCodePassages(Project& project, const PassageQuery& query) {
  CodePassages out;
  if (query.coders.speaker && query.coders.speaker->empty()) {
    throw RequestError(ErrorKind::kUsage,
                       "speaker takes interviewer, respondent or a speaker's name", "speaker");
  }
  out.coders = BlameField(query.coders.speaker ? "coders or speaker" : "coders",
                          [&] { return ResolveCoderSelection(project, query.coders); });
  if (out.coders.combine == CoderCombine::kEach) {
    throw RequestError(ErrorKind::kUsage,
                       "quotes takes --combine any or all; each quote already names its coder",
                       "combine");
  }
  std::optional<VariableFilter> variable;
  if (query.var) variable = ResolveVariableFilter(project, *query.var);
  QuoteQuery quotes;
  quotes.code_path = query.code_path;
  quotes.exact = query.exact;
  quotes.coders = out.coders.Set();
  quotes.role = query.role;
  quotes.kind = query.kind;
  quotes.wave = query.wave;
  quotes.set = query.set;
  if (query.set) BlameField("set", [&] { return RequireStorySet(project, *query.set); });
  quotes.context = query.context;
  out.quotes = BlameField("code", [&] { return RetrieveQuotes(project, quotes); });
  if (variable) {
    std::map<int64_t, bool> seen;
    std::erase_if(out.quotes, [&](const Quote& q) {
      return !HasValue(project, *variable, q.coding.story_id, seen);
    });
  }
  return out;
}

CodePassages RetrieveCodePassages(Project& project, const Viewer& viewer, PassageQuery query) {
  if (viewer.blind) {
    if (query.coders.coders &&
        (query.coders.coders->size() != 1 || query.coders.coders->front() != viewer.coder)) {
      throw RequestError(ErrorKind::kUsage,
                         "you code blind (verhaal serve --blind): the passages are only your "
                         "own codings; leave out other coders",
                         "coders", RequestProblem::kForbidden);
    }
    query.coders.coders = std::vector<std::string>{viewer.coder};
  }
  return RetrieveCodePassages(project, query);
}

}  // namespace verhaal
