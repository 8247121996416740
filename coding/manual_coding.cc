#include "coding/manual_coding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "base/closest_name.h"
#include "base/error.h"
#include "base/text.h"

namespace verhaal {
namespace {

std::string Shorten(const std::string& text) {
  if (CodePointCount(text) <= 60) return text;
  return std::string(SliceCodePoints(text, 0, 57)) + "...";
}

std::string SpanText(int64_t start, int64_t end) {
  return std::to_string(start) + ":" + std::to_string(end);
}

// Text folded for a forgiving search: lower case, no diacritics (é -> e),
// one kind of quote and dash, every run of white space one space. `at[i]` is
// the code point index in the original text where folded[i] came from.
struct Folded {
  std::u32string text;
  std::vector<int64_t> at;
};

Folded Fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  Folded out;
  const std::u32string points = DecodeUtf8Lenient(utf8);
  bool space = false;
  for (size_t i = 0; i < points.size(); ++i) {
    char32_t c = points[i];
    if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
      if (!space && !out.text.empty()) {
        out.text.push_back(U' ');
        out.at.push_back(static_cast<int64_t>(i));
      }
      space = true;
      continue;
    }
    space = false;
    switch (c) {
      case U'\u2018':
      case U'\u2019':
      case U'\u201A':
      case U'\u201B':
      case U'\u2032':
      case U'`':
      case U'\u00B4':
        c = U'\'';
        break;
      case U'\u201C':
      case U'\u201D':
      case U'\u201E':
      case U'\u201F':
      case U'\u2033':
      case U'\u00AB':
      case U'\u00BB':
        c = U'"';
        break;
      case U'\u2010':
      case U'\u2011':
      case U'\u2012':
      case U'\u2013':
      case U'\u2014':
      case U'\u2212':
        c = U'-';
        break;
      default:
        break;
    }
    // The base letter of a precomposed character, folded.
    if (U_SUCCESS(status) && c > 0x7F) {
      icu::UnicodeString decomposition;
      if (nfd->getDecomposition(static_cast<UChar32>(c), decomposition) &&
          decomposition.length() > 0) {
        c = static_cast<char32_t>(decomposition.char32At(0));
      }
    }
    if (c > 0x7F && u_getCombiningClass(static_cast<UChar32>(c)) != 0) continue;  // a mark
    out.text.push_back(
        static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
    out.at.push_back(static_cast<int64_t>(i));
  }
  while (!out.text.empty() && out.text.back() == U' ') {
    out.text.pop_back();
    out.at.pop_back();
  }
  return out;
}

// Where `quote` occurs in `text` when case, diacritics, quote and dash style
// and white space are ignored: spans in code points of `text`, at most `max`.
std::vector<Segment> LooseMatches(std::string_view text, std::string_view quote, size_t max) {
  const Folded hay = Fold(text);
  const Folded needle = Fold(quote);
  std::vector<Segment> out;
  if (needle.text.empty()) return out;
  const std::u32string points = DecodeUtf8Lenient(text);
  const auto length = static_cast<int64_t>(points.size());
  for (auto it = hay.text.begin(); out.size() < max;) {
    it = std::search(it, hay.text.end(), needle.text.begin(), needle.text.end());
    if (it == hay.text.end()) break;
    const auto first = static_cast<size_t>(it - hay.text.begin());
    const size_t last = first + needle.text.size() - 1;
    // Just past the last character, with the marks that belong to it (a
    // decomposed é).
    int64_t end = hay.at[last] + 1;
    while (end < length &&
           u_getCombiningClass(static_cast<UChar32>(points[static_cast<size_t>(end)])) != 0) {
      ++end;
    }
    out.push_back(Segment{hay.at[first], end});
    ++it;
  }
  return out;
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
    throw UsageError(
        "--span takes START:END in characters (code points), e.g. --span 120:185; "
        "got '" +
        std::string(text) + "'");
  }
  spec.start = start;
  spec.end = end;
}

Segment ResolveSegment(const Story& story, const SegmentSpec& spec) {
  const int given = (spec.quote ? 1 : 0) + (spec.start ? 1 : 0) + (spec.whole ? 1 : 0);
  if (given != 1) {
    throw UsageError(
        "name the segment with exactly one of --quote TEXT, --span START:END or "
        "--whole");
  }
  const int64_t length = static_cast<int64_t>(CodePointCount(story.text));
  if (spec.whole) return Segment{0, length};
  if (spec.start) {
    const int64_t start = *spec.start;
    const int64_t end = spec.end.value_or(start);
    if (start < 0 || end > length || start >= end) {
      throw DataError(
          "span " + SpanText(start, end) + " does not fit story " + story.key + ", which has " +
          std::to_string(length) +
          " characters; use START:END with 0 <= START < END <= " + std::to_string(length));
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
    // Perhaps it differs only in case, accents, quotes or spaces: say where.
    const std::vector<Segment> near = LooseMatches(story.text, quote, 3);
    std::string suggestion;
    for (size_t i = 0; i < near.size(); ++i) {
      const std::string found(SliceCodePoints(story.text, static_cast<size_t>(near[i].start),
                                              static_cast<size_t>(near[i].end)));
      suggestion += (i == 0 ? "; did you mean \"" : " or \"") + Shorten(found) + "\" at " +
                    SpanText(near[i].start, near[i].end);
    }
    if (!near.empty()) {
      suggestion += "? Give it exactly as the story has it, or use --span " +
                    SpanText(near[0].start, near[0].end);
      throw DataError("the quote \"" + Shorten(quote) + "\" does not occur in story " + story.key +
                      " as written" + suggestion);
    }
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
    throw DataError("the quote \"" + Shorten(quote) + "\" occurs " + std::to_string(hits.size()) +
                    " times in story " + story.key + " (" + where +
                    "); pick one with --occurrence N or use --span");
  }
  if (spec.occurrence < 0 || spec.occurrence > static_cast<int>(hits.size())) {
    throw DataError("the quote \"" + Shorten(quote) + "\" occurs " + std::to_string(hits.size()) +
                    (hits.size() == 1 ? " time" : " times") + " in story " + story.key +
                    ", so --occurrence " + std::to_string(spec.occurrence) +
                    " does not exist; use 1 to " + std::to_string(hits.size()));
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
