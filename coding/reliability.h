// Reliability data from a project's codings: for each code (or dimension)
// the value every coder gave every unit, ready for the agreement
// coefficients of stats/ (docs/agreement.md). Units of analysis:
//   presence   one unit per story: did the coder use the code (or one of
//              its descendants) anywhere in the story? 0 absent, 1 present
//   dimension  one unit per story: which level (child code) of a dimension
//              the coder assigned; two levels from one coder are reported
//              and left out (missing) for that coder
//   character  one unit per character of a story: inside a segment of the
//              code or not (NVivo's character-level comparison)
//   sentence   one unit per sentence (ICU sentence breaks): does a segment
//              of the code overlap it?
// A coder who made no coding at all in a story did not code it: their
// values for its units are missing, not "absent".
#ifndef VERHAAL_CODING_RELIABILITY_H_
#define VERHAAL_CODING_RELIABILITY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"
#include "corpus/stories.h"
#include "stats/reliability_data.h"

namespace verhaal {

enum class AgreementUnit { kPresence, kDimension, kCharacter, kSentence };

// Parses "presence", "dimension", "character", "sentence" (kUsage otherwise).
AgreementUnit ParseAgreementUnit(std::string_view name);
std::string_view AgreementUnitName(AgreementUnit unit);

// What to compare. Empty lists mean "all".
struct AgreementSelection {
  // Coders to compare; empty: every coder with codings in the selected stories.
  std::vector<std::string> coders;
  // Code paths; empty: every code with codings by the selected coders
  // (presence, character, sentence), or every dimension (dimension).
  std::vector<std::string> codes;
  StoryFilter stories;
};

// Where one unit of the reliability data lies.
struct ReliabilityUnit {
  int64_t story_id = 0;
  std::string story_key;
  int64_t start = 0;  // code points; the whole story for presence/dimension
  int64_t end = 0;
};

// The reliability data of one code or dimension.
struct CodeReliability {
  std::string code;                     // the code's path
  std::vector<std::string> coders;      // the columns of data.units, in order
  std::vector<std::string> categories;  // the name of value 0, 1, ... (data.categories)
  stats::ReliabilityData data;          // units x coders; values index `categories`
  std::vector<ReliabilityUnit> units;   // where each row of data.units lies
  // Data problems found, e.g. "SH-03-E: bram assigned two levels (moeten,
  // willen); left out". Each is one line.
  std::vector<std::string> problems;
};

// Calls `visit` with the reliability data of each selected code in tree
// order, one at a time (character-level data can be large). Throws kData
// when fewer than two coders remain ("agreement needs two coders ..."),
// when a named coder has no codings, or a named code does not exist or (for
// kDimension) is not a dimension; the message says what to do.
void ForEachCodeReliability(Project& project, AgreementUnit unit,
                            const AgreementSelection& selection,
                            const std::function<void(const CodeReliability&)>& visit);

// Sentence boundaries of `text` in code points: [start, end) per sentence,
// covering the text (ICU sentence break rules for `language`, e.g. "nl").
std::vector<std::pair<int64_t, int64_t>> SentenceSpans(std::string_view text,
                                                       std::string_view language);

}  // namespace verhaal

#endif  // VERHAAL_CODING_RELIABILITY_H_
