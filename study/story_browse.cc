#include "study/story_browse.h"

#include <algorithm>

#include "base/text.h"
#include "coding/manual_coding.h"
#include "corpus/codes.h"
#include "corpus/story_sets.h"
#include "corpus/variables.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

// The viewer's coder id when only their codings count (blind); -1 when the
// blind viewer has no codings yet (so nothing matches).
std::optional<int64_t> VisibleCoder(Project& project, const Viewer& viewer) {
  if (!viewer.blind) return std::nullopt;
  const auto coder = FindCoder(project, viewer.coder);
  return coder ? coder->id : -1;
}

}  // namespace

StoryPage BrowseStories(Project& project, const Viewer& viewer, const StoryListRequest& request) {
  if (request.offset < 0) {
    throw RequestError(ErrorKind::kUsage, "offset must be 0 or more", "offset");
  }
  if (request.limit < 1 || request.limit > kMaxStoryPage) {
    throw RequestError(ErrorKind::kUsage,
                       "limit must be from 1 to " + std::to_string(kMaxStoryPage), "limit");
  }
  StoryPageQuery query;
  query.q = request.q;
  query.role = request.role;
  query.kind = request.kind;
  query.wave = request.wave;
  if (request.ids.size() > static_cast<size_t>(kMaxStoryPage)) {
    throw RequestError(ErrorKind::kUsage,
                       "ids names at most " + std::to_string(kMaxStoryPage) +
                           " stories at a time; ask for the rest in further pages",
                       "ids");
  }
  query.ids = request.ids;
  if (request.set) {
    query.set_id = BlameField("set", [&] { return RequireStorySet(project, *request.set).id; });
  }
  query.uncoded = request.uncoded;
  query.coded = request.coded;
  query.offset = request.offset;
  query.limit = request.limit;
  query.visible_coder_id = VisibleCoder(project, viewer);
  if (request.code) {
    const auto code = FindCodeByPath(project, *request.code);
    if (!code) BlameField("code", [&] { return RequireCodableCode(project, *request.code); });
    query.code_ids = CodeSubtree(project, code->id);
  }
  if (request.coder) {
    const auto coder = FindCoder(project, *request.coder);
    query.coder_id = coder ? coder->id : -1;  // an unknown coder has coded nothing
  }
  return BlameField("q", [&] { return ListStoryPage(project, query); });
}

StoryView OpenStory(Project& project, const Viewer& viewer, const std::string& key) {
  StoryView view;
  view.story = BlameField("story", [&] { return RequireStory(project, key); });
  const Story& story = view.story;
  view.length = static_cast<int64_t>(CodePointCount(story.text));
  if (story.respondent_id) view.variables = RespondentValues(project, *story.respondent_id);
  for (auto& [name, value] : StoryValues(project, story.id)) view.variables[name] = value;
  for (Signifier& signifier : ListSignifiers(project)) {
    if (auto value = GetSignifierValue(project, signifier, story.id)) {
      view.answers.emplace_back(std::move(signifier), std::move(*value));
    }
  }
  view.turns = ListSpeakerTurns(project, story.id);
  view.memos = ListMemos(project, MemoFilter{.story_id = story.id});
  CodingFilter filter;
  filter.story_id = story.id;
  if (viewer.blind) filter.coder = viewer.coder;
  view.codings = ListCodings(project, filter);
  return view;
}

ProjectOverview OverviewProject(Project& project, const Viewer& viewer) {
  ProjectOverview overview;
  overview.name = project.name();
  overview.file = project.file().filename().string();
  overview.schema = project.schema_version();
  const ProjectTotals totals = CountProjectTotals(project, VisibleCoder(project, viewer));
  overview.stories = totals.stories;
  overview.respondents = totals.respondents;
  overview.codes = totals.codes;
  overview.codings = totals.codings;
  overview.memos = totals.memos;
  overview.facets = ListStoryFacets(project);
  return overview;
}

}  // namespace verhaal
