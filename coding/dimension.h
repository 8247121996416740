// Matrix dimensions: a rule that gives each story one level, from codings
// (a code group's children), self-signification (a dyad or stone cut at
// cut points, a triad zone) or a variable (role, kind, wave, respondent,
// any attribute). Used by `verhaal matrix`, `scatter` and `summary --by`.
// The DIM syntax is documented in docs/matrix.md.
#ifndef VERHAAL_CODING_DIMENSION_H_
#define VERHAAL_CODING_DIMENSION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/story_map.h"
#include "corpus/project.h"
#include "corpus/stories.h"

namespace verhaal {

// Where a dimension takes its levels from.
enum class DimensionSource {
  kCode,        // code:PATH[@CODER[+CODER...]]
  kDyad,        // dyad:KEY[@CUT[,CUT...]]
  kStoneX,      // stone-x:KEY/STONE[@CUT...]
  kStoneY,      // stone-y:KEY/STONE[@CUT...]
  kTriadZone,   // triad-zone:KEY
  kRole,        // role
  kKind,        // kind
  kWave,        // wave
  kRespondent,  // respondent
  kVariable,    // var:NAME, var:story.NAME, var:respondent.NAME
};

// A parsed DIM argument.
struct DimensionSpec {
  DimensionSource source = DimensionSource::kRole;
  std::string text;                  // as written, for headings
  std::string name;                  // code path, signifier key or variable name
  std::string stone;                 // kStoneX/kStoneY: the stone's key
  std::vector<std::string> coders;   // kCode: empty = all codings
  std::vector<double> cuts = {0.5};  // kDyad, kStone*: ascending, in (0, 1)
};

// Parses DIM (see docs/matrix.md). Throws a kUsage Error that names the
// accepted forms when `text` is not one of them or a cut point is not an
// ascending number in (0, 1).
DimensionSpec ParseDimension(std::string_view text);

// What to do with a story that a code dimension gives two or more levels.
enum class MixedPolicy {
  kExclude,  // leave it out, counted as "mixed"
  kLevel,    // give it the extra level "mixed"
  kEach,     // multiple response: it has each of its levels (extra_levels)
};

// Why a story got no level. The names are what reports print.
inline constexpr std::string_view kNoCoding = "no coding";
inline constexpr std::string_view kCodersDisagree = "coders disagree";
inline constexpr std::string_view kNoConsensus = "too few coders agree";  // --min-coders
inline constexpr std::string_view kMixed = "mixed";
inline constexpr std::string_view kNotApplicable = "N/A";
inline constexpr std::string_view kNoAnswer = "no answer";
inline constexpr std::string_view kNoValue = "no value";
inline constexpr std::string_view kNoZone = "no zone";

// A dimension applied to a set of stories. Each story is in exactly one of
// level_of and left_out.
struct ResolvedDimension {
  std::string label;                // the DIM text
  std::string title;                // e.g. "motivatie (moeten / willen)"
  std::vector<std::string> levels;  // in report order
  StoryMap<int> level_of;           // story id -> index into levels
  // MixedPolicy::kEach: a story's levels after its first (level_of), for
  // stories with two or more; empty otherwise.
  StoryMap<std::vector<int>> extra_levels;
  StoryMap<std::string> left_out;  // story id -> reason (kNoCoding, ...)
  // Whose codings gave the levels, for headers ("codings of anna, bram (the
  // analysis set), combined: any coder"); empty when the dimension reads no
  // codings.
  std::string codings;
};

// Gives each of `story_ids` (ascending, as ListStoryIds returns them) a level
// or a reason it has none. Reads only the columns the dimension needs, in a
// few whole-table queries, so it suits millions of stories. A code
// dimension reads the codings of `coders` (null: ResolveCoderSelection's
// default, the analysis set or every human coder), unless the DIM names its
// own (code:PATH@anna+bram). With consensus (min_coders K > 1) a level counts
// when K coders of the set gave it; a story some coded but no level with K
// coders is left out as kNoConsensus. Throws kMissing when the code,
// coder, signifier, stone or variable does not exist (the message says how
// to list what does), kUsage when the code has no child codes or the
// signifier is of another type.
ResolvedDimension ResolveDimension(Project& project, const DimensionSpec& spec,
                                   const std::vector<int64_t>& story_ids,
                                   MixedPolicy mixed = MixedPolicy::kExclude,
                                   const CoderSelection* coders = nullptr);

// Resolves several dimensions of the same stories, each as ResolveDimension
// would, reading the signifier values they need (dyads, stones, triads) in
// one pass over the table rather than one each: `verhaal matrix` with two
// dyads reads a million stories' answers once. Add each, then Resolve once.
class DimensionResolver {
 public:
  // `story_ids` (sorted here when they are not ascending) and `coders` must
  // outlive the resolver.
  DimensionResolver(Project& project, const std::vector<int64_t>& story_ids,
                    MixedPolicy mixed = MixedPolicy::kExclude,
                    const CoderSelection* coders = nullptr);
  ~DimensionResolver();
  // Holds references to its caller's stories and coders; a copy would
  // outlive neither better, and pending reads are not shared.
  DimensionResolver(const DimensionResolver&) = delete;
  DimensionResolver& operator=(const DimensionResolver&) = delete;

  // Checks `spec` and resolves it, or for a signifier dimension keeps it
  // for Resolve; returns its index in Resolve's answer. Throws what
  // ResolveDimension throws for a dimension that does not exist or cannot
  // be used (before reading any signifier values).
  size_t Add(const DimensionSpec& spec);
  // The dimensions in the order added. Call once. kIo when reading fails.
  std::vector<ResolvedDimension> Resolve();

 private:
  struct Pending;
  Project& project_;
  const std::vector<int64_t>* ids_;
  std::vector<int64_t> sorted_;  // the ids in order, when they came in another
  MixedPolicy mixed_;
  const CoderSelection* coders_;
  std::vector<ResolvedDimension> results_;
  std::vector<std::unique_ptr<Pending>> pending_;
};

// The same for `stories` (in id order, as ListStories returns them).
ResolvedDimension ResolveDimension(Project& project, const DimensionSpec& spec,
                                   const std::vector<Story>& stories,
                                   MixedPolicy mixed = MixedPolicy::kExclude,
                                   const CoderSelection* coders = nullptr);

}  // namespace verhaal

#endif  // VERHAAL_CODING_DIMENSION_H_
