// The workbench's undo history: per coder, each coding change as the coding
// before and after it (schema 5, table undo_step). Steps survive restarts.
// The study module (study/coding_actions.h) decides what a step means; this
// file only stores and finds them. The caller owns the Transaction.
#ifndef VERHAAL_CORPUS_UNDO_STEPS_H_
#define VERHAAL_CORPUS_UNDO_STEPS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "corpus/codings.h"
#include "corpus/project.h"

namespace verhaal {

// One change to a coding. `before` is empty for an addition, `after` for a
// removal; a change has both. Codings keep ids, origin, memo and created.
struct UndoStep {
  int64_t id = 0;
  int64_t coder_id = 0;
  std::string action;  // "add", "change" or "remove"
  std::optional<Coding> before;
  std::optional<Coding> after;
};

// Records a new step for its coder and drops the coder's undone steps (they
// can no longer be redone). Returns the step's id.
int64_t PushUndoStep(Project& project, const UndoStep& step);

// The coder's most recent step that is done (the one undo reverses), if any.
std::optional<UndoStep> LastDoneStep(Project& project, int64_t coder_id);

// The coder's oldest undone step (the one redo repeats), if any.
std::optional<UndoStep> FirstUndoneStep(Project& project, int64_t coder_id);

// Marks a step done (redone) or not done (undone).
void MarkUndoStep(Project& project, int64_t step_id, bool done);

// Removes a step that can no longer be applied.
void DropUndoStep(Project& project, int64_t step_id);

// How many steps the coder can undo and redo.
struct UndoCounts {
  int64_t undo = 0;
  int64_t redo = 0;
};
UndoCounts CountUndoSteps(Project& project, int64_t coder_id);

}  // namespace verhaal

#endif  // VERHAAL_CORPUS_UNDO_STEPS_H_
