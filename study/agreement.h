// Inter-coder agreement on a project's codings, as `verhaal agreement`
// prints it and the workbench's Team view shows it (GET /api/team), so both
// give the same numbers by construction: one row per code (or dimension)
// and pair of coders, plus one for all coders when there are more than two,
// and the units where coders differ with the segments each coded. The
// reliability data comes from coding/reliability.h; the coefficients from
// stats/ (docs/agreement.md). Reads only.
#ifndef VERHAAL_STUDY_AGREEMENT_H_
#define VERHAAL_STUDY_AGREEMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coding/reliability.h"
#include "corpus/project.h"

namespace verhaal {

// One row of the agreement table. Undefined coefficients are NaN.
struct AgreementRow {
  std::string unit;                // "presence", "dimension", ...
  std::string code;                // the code's (or dimension's) path
  std::string coders;              // "anna+bram", or "all (3)"
  std::vector<std::string> names;  // the row's coders
  int64_t n = 0;                   // units with values from the row's coders
  bool compared = false;           // false: no unit was coded by these coders together
  double agreement = 0;            // percent agreement p_a
  std::optional<double> kappa;     // Cohen's kappa: pairs only
  double fleiss = 0;
  double ac1 = 0;
  double alpha = 0;  // Krippendorff's alpha, nominal
  std::string note;  // why a value is undefined; "; " between reasons
};

// The agreement table of `selection` at `unit`.
struct AgreementTable {
  std::vector<std::string> coders;  // compared, in order
  std::vector<AgreementRow> rows;
  // Data problems, "CODE: PROBLEM" each (e.g. two levels from one coder).
  std::vector<std::string> problems;
};

// Computes the table. Throws the kData Errors of ForEachCodeReliability
// (fewer than two coders, a named coder without codings, an unknown code),
// and kData "nothing to compare ..." when no code was compared.
AgreementTable ComputeAgreement(Project& project, AgreementUnit unit,
                                const AgreementSelection& selection);

// The same table, empty rather than an error when no code was compared (the
// report's agreement summary asks for two units and shows what there is).
// Throws the kData Errors of ForEachCodeReliability.
AgreementTable TabulateAgreement(Project& project, AgreementUnit unit,
                                 const AgreementSelection& selection);

// A coded segment shown with a disagreement.
struct DisagreementSegment {
  std::string coder;
  std::string code;  // the path: the unit's code or one of its descendants
  int64_t start = 0;
  int64_t end = 0;
  std::string text;  // the segment's text, as stored
  std::string origin;
  std::string created;
};

// A unit where the coders' values differ.
struct Disagreement {
  std::string story_key;
  int64_t story_id = 0;
  std::string code;
  bool whole = true;  // the unit is the story (presence, dimension)
  int64_t start = 0;  // else the code point range of a character run or sentence
  int64_t end = 0;
  // Each coder's value, beside AgreementTable::coders: "yes"/"no", the
  // level, or "-" when the coder did not code the story.
  std::vector<std::string> values;
  // For whole-story units: the coders' segments of the code (and its
  // descendants) in the story, by story position; else empty.
  std::vector<DisagreementSegment> segments;
  // The segments as `coder: text | coder: text` (whole-story units), or the
  // unit's text; line breaks become spaces.
  std::string text;
};

struct DisagreementList {
  std::vector<std::string> coders;
  std::vector<Disagreement> disagreements;
  std::vector<std::string> problems;  // as in AgreementTable
};

// The units of `selection` at `unit` where two or more coders gave different
// values (a run of characters with the same values is one). Errors as
// ComputeAgreement.
DisagreementList ListDisagreements(Project& project, AgreementUnit unit,
                                   const AgreementSelection& selection);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_AGREEMENT_H_
