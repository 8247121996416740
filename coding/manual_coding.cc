#include "coding/manual_coding.h"

#include <charconv>
#include <vector>

#include "coding/closest_name.h"
#include "corpus/error.h"
#include "corpus/text.h"

namespace verhaal {
namespace {

std::string Shorten(const std::string& text) {
  if (CodePointCount(text) <= 60) return text;
  return std::string(SliceCodePoints(text, 0, 57)) + "...";
}

std::string SpanText(int64_t start, int64_t end) {
  return std::to_string(start) + ":" + std::to_string(end);
}

}  // namespace

void ParseSpan(std::string_view text, SegmentSpec& spec) {
  const size_t colon = text.find(':');
  int64_t start = 0;
  int64_t end = 0;
  auto number = [](std::string_view s, int64_t& out) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
  };
  if (colon == std::string_view::npos || !number(text.substr(0, colon), start) ||
      !number(text.substr(colon + 1), end)) {
    throw UsageError("--span takes START:END in characters (code points), e.g. --span 120:185; "
                     "got '" + std::string(text) + "'");
  }
  spec.start = start;
  spec.end = end;
}

Segment ResolveSegment(const Story& story, const SegmentSpec& spec) {
  const int given = (spec.quote ? 1 : 0) + (spec.start ? 1 : 0) + (spec.whole ? 1 : 0);
  if (given != 1) {
    throw UsageError("name the segment with exactly one of --quote TEXT, --span START:END or "
                     "--whole");
  }
  const int64_t length = static_cast<int64_t>(CodePointCount(story.text));
  if (spec.whole) return Segment{0, length};
  if (spec.start) {
    const int64_t start = *spec.start;
    const int64_t end = spec.end.value_or(start);
    if (start < 0 || end > length || start >= end) {
      throw DataError("span " + SpanText(start, end) + " does not fit story " + story.key +
                      ", which has " + std::to_string(length) +
                      " characters; use START:END with 0 <= START < END <= " +
                      std::to_string(length));
    }
    return Segment{start, end};
  }
  const std::string quote = NormalizeText(*spec.quote);
  if (quote.empty()) throw DataError("the quote is empty; give the exact text to code");
  std::vector<size_t> hits;
  for (size_t at = story.text.find(quote); at != std::string::npos;
       at = story.text.find(quote, at + 1)) {
    hits.push_back(at);
  }
  if (hits.empty()) {
    throw DataError("the quote \"" + Shorten(quote) + "\" does not occur in story " + story.key +
                    "; copy it exactly (spaces, punctuation and case count) from `verhaal show " +
                    story.key + "`");
  }
  OffsetIndex index(story.text);
  const int64_t quote_length = static_cast<int64_t>(CodePointCount(quote));
  auto describe = [&](size_t byte) {
    const LineColumn lc = LineColumnOf(story.text, byte);
    const int64_t start = static_cast<int64_t>(index.CodePointOf(byte));
    return "line " + std::to_string(lc.line) + " column " + std::to_string(lc.column) + " (" +
           SpanText(start, start + quote_length) + ")";
  };
  if (spec.occurrence == 0 && hits.size() > 1) {
    std::string where;
    constexpr size_t kShown = 5;
    for (size_t i = 0; i < hits.size() && i < kShown; ++i) {
      where += (i == 0 ? "" : ", ") + std::to_string(i + 1) + ": " + describe(hits[i]);
    }
    if (hits.size() > kShown) where += ", ...";
    throw DataError("the quote \"" + Shorten(quote) + "\" occurs " +
                    std::to_string(hits.size()) + " times in story " + story.key + " (" + where +
                    "); pick one with --occurrence N or use --span");
  }
  if (spec.occurrence < 0 || spec.occurrence > static_cast<int>(hits.size())) {
    throw DataError("the quote \"" + Shorten(quote) + "\" occurs " +
                    std::to_string(hits.size()) + (hits.size() == 1 ? " time" : " times") +
                    " in story " + story.key + ", so --occurrence " +
                    std::to_string(spec.occurrence) + " does not exist; use 1 to " +
                    std::to_string(hits.size()));
  }
  const size_t byte = hits[spec.occurrence == 0 ? 0 : spec.occurrence - 1];
  const int64_t start = static_cast<int64_t>(index.CodePointOf(byte));
  return Segment{start, start + quote_length};
}

Story RequireStory(Project& project, std::string_view key) {
  auto story = FindStory(project, key);
  if (!story) {
    throw MissingError("story '" + std::string(key) +
                       "' does not exist; see the keys with `verhaal search` or `verhaal info`");
  }
  return *story;
}

Code RequireCodableCode(Project& project, std::string_view path) {
  auto code = FindCodeByPath(project, path);
  if (!code) {
    std::vector<std::string> paths;
    for (const Code& c : ListCodes(project)) paths.push_back(c.path);
    const std::string near = ClosestName(path, paths);
    throw MissingError("code '" + std::string(path) + "' does not exist; " +
                       (near.empty() ? "" : "did you mean '" + near + "'? ") +
                       "see `verhaal codebook show`");
  }
  if (code->retired) {
    throw DataError("code '" + code->path +
                    "' is retired; code with its successor, or bring it back in the codebook "
                    "(retired: false)");
  }
  if (!code->codable) {
    std::string levels;
    for (const Code& c : ListCodes(project)) {
      if (c.parent_id == code->id && c.codable && !c.retired) {
        levels += (levels.empty() ? "" : ", ") + c.path;
      }
    }
    throw DataError("code '" + code->path + "' is a group and cannot be coded" +
                    (levels.empty() ? "" : "; code one of " + levels));
  }
  return *code;
}

CodingResult CodeSegment(Project& project, const CodingRequest& request) {
  const Story story = RequireStory(project, request.story_key);
  const Code code = RequireCodableCode(project, request.code_path);
  const Segment segment = ResolveSegment(story, request.segment);
  CodingResult result;
  Coding& coding = result.coding;
  coding.story_id = story.id;
  coding.code_id = code.id;
  coding.coder_id = EnsureCoder(project, request.coder);
  coding.start = segment.start;
  coding.end = segment.end;
  coding.origin = request.origin;
  coding.memo = request.memo;
  coding.story_key = story.key;
  coding.code_path = code.path;
  coding.coder = request.coder;
  result.added = AddCoding(project, coding);
  return result;
}

Coding UncodeSegment(Project& project, const CodingRequest& request) {
  const Story story = RequireStory(project, request.story_key);
  auto code = FindCodeByPath(project, request.code_path);
  if (!code) RequireCodableCode(project, request.code_path);  // throws with a suggestion
  const Segment segment = ResolveSegment(story, request.segment);
  Coding coding;
  coding.story_id = story.id;
  coding.code_id = code->id;
  coding.start = segment.start;
  coding.end = segment.end;
  coding.story_key = story.key;
  coding.code_path = code->path;
  coding.coder = request.coder;
  auto coder = FindCoder(project, request.coder);
  if (coder) coding.coder_id = coder->id;
  if (!coder || !RemoveCoding(project, coding)) {
    throw DataError("story " + story.key + " has no coding of '" + code->path + "' by " +
                    request.coder + " at " + SpanText(segment.start, segment.end) +
                    "; see its codings with `verhaal show " + story.key + "`");
  }
  return coding;
}

}  // namespace verhaal
