// What a coder does to codings in a front end (the workbench's API): code a
// segment, change or remove one of their own codings, undo and redo. Each
// function is one transaction of its own, so the project is unchanged when
// it throws. A coding made here is the row `verhaal code` makes (through
// coding/manual_coding.h's CodeSegment: same offsets, coder, origin
// "manual", time stamp). Errors are RequestErrors naming the field at fault:
// kMissing for an unknown story, code or coding, kData for a segment outside
// the text or a retired/group code, kForbidden for someone else's coding,
// kConflict when there is nothing to undo or a step no longer applies.
#ifndef VERHAAL_STUDY_CODING_ACTIONS_H_
#define VERHAAL_STUDY_CODING_ACTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/codings.h"
#include "corpus/project.h"
#include "corpus/undo_steps.h"
#include "study/viewer.h"

namespace verhaal {

// A coding to make: [start, end) in code points, or the whole story.
struct NewCoding {
  std::string story_key;
  std::string code_path;
  std::optional<int64_t> start;
  std::optional<int64_t> end;
  bool whole = false;
  std::string memo;
};

// The coding as stored (names, origin, created filled) and whether it is
// new (false: the coder had coded exactly this already; nothing changed).
struct CodingOutcome {
  Coding coding;
  bool added = false;
};

// Codes a segment as `viewer.coder` and records an undo step.
CodingOutcome MakeCoding(Project& project, const Viewer& viewer, const NewCoding& request);

// What to change in a coding; unset fields stay.
struct CodingEdit {
  std::optional<std::string> code_path;
  std::optional<int64_t> start;
  std::optional<int64_t> end;
  std::optional<std::string> memo;
};

struct CodingChange {
  Coding before;
  Coding after;
};

// Changes the viewer's own coding `id` (study/coding_id.h). A new code or
// segment gives the coding a new id and time stamp; a memo alone keeps both.
// Into a coding the viewer has already (same code and segment) it merges:
// `after` is that coding, unchanged, and the undo step is the removal of
// `before` (undoing it keeps that coding).
CodingChange ChangeCoding(Project& project, const Viewer& viewer, std::string_view id,
                          const CodingEdit& edit);

// Removes the viewer's own coding `id`; returns it as it was.
Coding DeleteCoding(Project& project, const Viewer& viewer, std::string_view id);

// What undo or redo did: the step's action ("add", "change", "remove"), the
// coding before and after the step (as the step recorded them, names
// filled), and how many steps remain each way.
struct UndoOutcome {
  std::string action;
  std::optional<Coding> before;
  std::optional<Coding> after;
  std::string story_key;
  UndoCounts remaining;
};

// Reverses the viewer's most recent coding change.
UndoOutcome UndoCodingChange(Project& project, const Viewer& viewer);

// Repeats the viewer's most recently undone change.
UndoOutcome RedoCodingChange(Project& project, const Viewer& viewer);

// How many steps the viewer can undo and redo.
UndoCounts CodingUndoCounts(Project& project, const Viewer& viewer);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_CODING_ACTIONS_H_
