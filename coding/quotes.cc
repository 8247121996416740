#include "coding/quotes.h"

#include <algorithm>
#include <map>

#include "base/closest_name.h"
#include "base/error.h"
#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/stories.h"

namespace verhaal {

std::vector<Quote> RetrieveQuotes(Project& project, const QuoteQuery& query) {
  auto code = FindCodeByPath(project, query.code_path);
  if (!code) {
    std::vector<std::string> paths;
    for (const Code& c : ListCodes(project)) paths.push_back(c.path);
    const std::string near = ClosestName(query.code_path, paths);
    throw MissingError("code '" + query.code_path + "' does not exist; " +
                       (near.empty() ? "" : "did you mean '" + near + "'? ") +
                       "see `verhaal codebook show`");
  }
  CodingFilter filter;
  filter.code_ids = query.exact ? std::vector<int64_t>{code->id} : CodeSubtree(project, code->id);
  filter.coder = query.coder;
  filter.coders = query.coders;
  StoryFilter story_filter;
  story_filter.role = query.role;
  story_filter.kind = query.kind;
  story_filter.wave = query.wave;
  story_filter.set = query.set;
  std::map<int64_t, Story> stories;
  ForEachStory(project, story_filter, [&](const Story& s) { stories.emplace(s.id, s); });
  std::vector<Quote> out;
  for (Coding& coding : ListCodings(project, filter)) {
    auto it = stories.find(coding.story_id);
    if (it == stories.end()) continue;
    const Story& story = it->second;
    const OffsetIndex index(story.text);
    const auto clamp = [&](int64_t cp) {
      return static_cast<size_t>(std::clamp<int64_t>(cp, 0, index.code_points()));
    };
    const size_t start = clamp(coding.start);
    const size_t end = clamp(coding.end);
    const size_t from = clamp(coding.start - query.context);
    const size_t to = clamp(coding.end + query.context);
    Quote quote;
    quote.respondent = story.respondent_key;
    quote.role = story.role;
    quote.kind = story.kind;
    quote.wave = story.wave;
    quote.before = story.text.substr(index.ByteOf(from), index.ByteOf(start) - index.ByteOf(from));
    quote.text = story.text.substr(index.ByteOf(start), index.ByteOf(end) - index.ByteOf(start));
    quote.after = story.text.substr(index.ByteOf(end), index.ByteOf(to) - index.ByteOf(end));
    quote.coding = std::move(coding);
    out.push_back(std::move(quote));
  }
  return out;
}

}  // namespace verhaal
