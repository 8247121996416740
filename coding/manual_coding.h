// Coding by hand: a researcher names a story, a code, a coder and a segment
// (an exact quote, a code point span, or the whole story), and verhaal adds or
// removes that coding. Used by `verhaal code`, `verhaal uncode` and the CSV
// coding import (importers/codings_csv.h).
#ifndef VERHAAL_CODING_MANUAL_CODING_H_
#define VERHAAL_CODING_MANUAL_CODING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/stories.h"

namespace verhaal {

// How a segment is named. Exactly one of quote, span and whole is used.
struct SegmentSpec {
  std::optional<std::string> quote;  // exact text of the story
  int occurrence = 0;                // which occurrence of quote (1-based); 0: it must be unique
  std::optional<int64_t> start;      // span in code points: [start, end)
  std::optional<int64_t> end;
  bool whole = false;  // the whole story
};

// Parses "START:END" (code points) into spec.start/end; kUsage Error
// otherwise.
void ParseSpan(std::string_view text, SegmentSpec& spec);

// A resolved segment of a story's stored text, in code points.
struct Segment {
  int64_t start = 0;
  int64_t end = 0;
};

// Finds the segment `spec` names in `story`. kData Errors (that say what to
// do) when the quote does not occur, occurs more than once without an
// occurrence, or has fewer occurrences than asked; when a span lies outside
// the text or is empty; or when the spec names no or several kinds of
// segment. The quote is NFC-normalised before searching.
Segment ResolveSegment(const Story& story, const SegmentSpec& spec);

// The story with `key`; kMissing Error otherwise.
Story RequireStory(Project& project, std::string_view key);

// The code at `path` that may be coded: kMissing when unknown (with the
// closest path as a suggestion), kData when retired or not codable.
Code RequireCodableCode(Project& project, std::string_view path);

// What one manual coding operation is about.
struct CodingRequest {
  std::string story_key;
  std::string code_path;
  std::string coder;
  SegmentSpec segment;
  std::string memo;
  std::string origin = "manual";
};

// The result of CodeSegment: the coding (ids, segment, names filled) and
// whether it was new (false: the exact same coding already existed).
struct CodingResult {
  Coding coding;
  bool added = false;
};

// Adds the coding `request` describes (errors as RequireStory,
// RequireCodableCode and ResolveSegment). The caller owns the Transaction.
CodingResult CodeSegment(Project& project, const CodingRequest& request);

// Removes the coding `request` describes (the memo is ignored). Retired
// codes may be uncoded. kData Error when no such coding exists. Returns the
// removed coding.
Coding UncodeSegment(Project& project, const CodingRequest& request);

}  // namespace verhaal

#endif  // VERHAAL_CODING_MANUAL_CODING_H_
