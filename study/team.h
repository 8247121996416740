// The team's work side by side (the workbench's Team view): what each coder
// did, how far the coders agree (study/agreement.h, the numbers of `verhaal
// agreement`), where two coders differ, and the lead's decisions on those
// differences. A decision writes the codings of the coder `consensus`
// (origin "consensus:LEAD", with the time) and a memo by the lead on the
// code in the story, titled "consensus: DECISION (A, B)", which keeps the
// decision (also "neither", which writes no coding) for audit and export.
// Decisions: take A's segments, B's, both, neither, or edit (segments the
// lead sets by hand).
//
// Who may: under --blind only the lead sees the team's work (others get a
// kForbidden RequestError saying why); only the lead settles. Errors are
// RequestErrors naming the request field at fault (`coders`, `code`,
// `unit`, `story`, `coder_a`, `coder_b`, `decision`).
#ifndef VERHAAL_STUDY_TEAM_H_
#define VERHAAL_STUDY_TEAM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coding/analysis_coders.h"
#include "coding/reliability.h"
#include "corpus/codings.h"
#include "corpus/project.h"
#include "study/agreement.h"
#include "study/viewer.h"

namespace verhaal {

// The coder whose codings are the lead's decisions: kConsensusCoderName
// (coding/analysis_coders.h).

// A coder's work: "human", "rules" (the autocoder) or "consensus".
struct CoderWork {
  std::string name;
  std::string kind;
  int64_t stories = 0;
  int64_t codings = 0;
};

// What the Team view's overview is asked for.
struct TeamQuery {
  std::optional<std::vector<std::string>> coders;  // default: DefaultTeamCoders
  AgreementUnit unit = AgreementUnit::kPresence;   // presence or dimension
};

struct TeamOverview {
  std::vector<CoderWork> coders;      // every coder of the project, by name
  std::vector<std::string> compared;  // the coders the agreement compares
  std::optional<AgreementTable> agreement;
  std::string agreement_error;  // why there is no table (e.g. one coder only)
  int64_t settled = 0;          // decisions kept (consensus memos)
};

// The coders the Team view compares unless told: the analysis set, else
// every human coder (coding/analysis_coders.h), without `consensus`.
std::vector<std::string> DefaultTeamCoders(Project& project);

// Each coder's work and the agreement table. kUsage (`coders`) for fewer
// than two names or a name not in the project, (`unit`) for character or
// sentence; kForbidden under --blind for anyone but the lead.
TeamOverview OverviewTeam(Project& project, const Viewer& viewer, const TeamQuery& query);

// A decision on a disagreement, as kept.
struct Settlement {
  std::string decision;  // take_a, take_b, both, neither, edit
  std::string coder_a;
  std::string coder_b;
  std::string by;  // the lead
  std::string at;  // ISO 8601 UTC
};

// One disagreement of two coders, with each one's segments and, when the
// lead decided it, the decision and the consensus codings.
struct TeamDisagreement {
  std::string story_key;
  std::string code;
  std::string value_a;  // "yes"/"no" or the level (dimension)
  std::string value_b;
  std::vector<DisagreementSegment> segments_a;
  std::vector<DisagreementSegment> segments_b;
  std::vector<DisagreementSegment> consensus;
  std::optional<Settlement> settled;
};

struct DisagreementQuery {
  std::optional<std::string> coder_a;  // both or neither: default the first two team coders
  std::optional<std::string> coder_b;
  std::optional<std::string> code;  // default every compared code
  AgreementUnit unit = AgreementUnit::kPresence;
};

struct TeamDisagreements {
  std::string coder_a;
  std::string coder_b;
  std::vector<TeamDisagreement> disagreements;
};

// Where coder_a and coder_b differ (ListDisagreements), by code and story.
// kUsage for an unknown coder (`coders`) or code (`code`), kData (`coders`)
// when fewer than two coders have codings; kForbidden as OverviewTeam.
TeamDisagreements ListTeamDisagreements(Project& project, const Viewer& viewer,
                                        const DisagreementQuery& query);

// A consensus segment the lead sets by hand (decision "edit").
struct SettleSegment {
  std::string code;   // the disagreement's code or one of its sub-codes; empty: the code
  int64_t start = 0;  // code points, [start, end)
  int64_t end = 0;
};

// The lead's decision on one disagreement.
struct SettleRequest {
  std::string story;
  std::string code;
  std::string coder_a;
  std::string coder_b;
  std::string decision;                 // take_a, take_b, both, neither, edit
  std::vector<SettleSegment> segments;  // edit: the consensus codings to write
  AgreementUnit unit = AgreementUnit::kPresence;
};

// What settling did: the disagreement as it now stands, and the consensus
// codings removed (an earlier decision) and added.
struct SettleOutcome {
  TeamDisagreement disagreement;
  std::vector<Coding> removed;
  std::vector<Coding> added;
};

// Settles a disagreement in one transaction: replaces the consensus codings
// of the code (and its descendants) in the story by coder A's, B's, both,
// none, or the segments given (edit), and keeps the decision as a memo.
// kForbidden when the viewer is not the lead; kUsage (`decision`, `coder_b`,
// `segments`) for an unknown decision, the same coder twice, `consensus` as
// a coder, edit without segments or segments without edit, a segment's code
// outside the disagreement's; kData (`segments`) for a segment outside the
// text or a code that cannot be coded; kMissing (`story`, `code`,
// `coder_a`, `coder_b`) for what is not in the project; kConflict when the
// two coders do not (or no longer) differ there.
SettleOutcome SettleDisagreement(Project& project, const Viewer& viewer,
                                 const SettleRequest& request);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_TEAM_H_
