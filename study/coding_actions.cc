#include "study/coding_actions.h"

#include "base/text.h"
#include "coding/manual_coding.h"
#include "corpus/codes.h"
#include "corpus/stories.h"
#include "study/coding_id.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

// Checks [start, end) against the story's text, naming the field at fault.
void CheckSegment(const Story& story, int64_t start, int64_t end) {
  const int64_t length = static_cast<int64_t>(CodePointCount(story.text));
  const std::string fits =
      "story " + story.key + " has " + std::to_string(length) +
      " characters (code points); use 0 <= start < end <= " + std::to_string(length);
  if (start < 0 || start >= length) {
    throw RequestError(ErrorKind::kData,
                       "start " + std::to_string(start) + " is outside the text: " + fits, "start");
  }
  if (end > length || end <= start) {
    throw RequestError(
        ErrorKind::kData,
        "end " + std::to_string(end) + " does not fit start " + std::to_string(start) + ": " + fits,
        "end");
  }
}

int64_t ViewerId(Project& project, const Viewer& viewer) {
  const auto coder = FindCoder(project, viewer.coder);
  return coder ? coder->id : 0;
}

// The viewer's own coding `id`, as stored.
Coding RequireOwnCoding(Project& project, const Viewer& viewer, std::string_view id) {
  const auto coding = FindCoding(project, ParseCodingId(id));
  if (!coding) {
    throw RequestError(ErrorKind::kMissing,
                       "coding " + std::string(id) +
                           " does not exist (any more); reload the story to see its codings",
                       "id");
  }
  if (coding->coder != viewer.coder) {
    throw RequestError(ErrorKind::kData,
                       "coding " + std::string(id) + " is " + coding->coder +
                           "'s; you can change and remove only your own codings",
                       "id", RequestProblem::kForbidden);
  }
  return *coding;
}

RequestError Conflict(std::string message) {
  return RequestError(ErrorKind::kData, std::move(message), "", RequestProblem::kConflict);
}

// Names in a coding the undo log kept as numbers (story, code; the coder is
// the viewer, whose steps they are).
Coding Named(Project& project, const Viewer& viewer, Coding coding) {
  if (auto story = FindStoryById(project, coding.story_id)) coding.story_key = story->key;
  if (auto code = FindCodeById(project, coding.code_id)) coding.code_path = code->path;
  coding.coder = viewer.coder;
  return coding;
}

// Puts back a coding the log kept, with its origin and time stamp.
void Restore(Project& project, const Coding& coding) {
  if (!FindStoryById(project, coding.story_id) || !FindCodeById(project, coding.code_id)) {
    throw Conflict(
        "the story or code of this coding no longer exists (removed or merged "
        "since); the step cannot be applied");
  }
  AddCoding(project, coding);
}

void Withdraw(Project& project, const Coding& coding) {
  if (!RemoveCoding(project, coding)) {
    throw Conflict(
        "the coding was changed or removed since (by `verhaal uncode`, a merge or "
        "another window); the step cannot be applied");
  }
}

UndoOutcome Apply(Project& project, const Viewer& viewer, bool undo) {
  int64_t failed_step = 0;  // a step that no longer applies: dropped below
  try {
    Transaction transaction(project);
    const int64_t coder_id = ViewerId(project, viewer);
    const auto step = undo ? LastDoneStep(project, coder_id) : FirstUndoneStep(project, coder_id);
    if (!step) throw Conflict(undo ? "nothing to undo" : "nothing to redo");
    try {
      const std::optional<Coding>& gone = undo ? step->after : step->before;
      const std::optional<Coding>& back = undo ? step->before : step->after;
      if (gone) Withdraw(project, *gone);
      if (back) Restore(project, *back);
    } catch (const RequestError& e) {
      if (e.problem() == RequestProblem::kConflict) failed_step = step->id;
      throw;
    }
    MarkUndoStep(project, step->id, !undo);
    UndoOutcome outcome;
    outcome.action = step->action;
    if (step->before) outcome.before = Named(project, viewer, *step->before);
    if (step->after) outcome.after = Named(project, viewer, *step->after);
    outcome.story_key = outcome.after ? outcome.after->story_key : outcome.before->story_key;
    outcome.remaining = CountUndoSteps(project, coder_id);
    transaction.Commit();
    return outcome;
  } catch (const RequestError&) {
    if (failed_step != 0) {  // the transaction above has rolled back by now
      Transaction drop(project);
      DropUndoStep(project, failed_step);
      drop.Commit();
    }
    throw;
  }
}

}  // namespace

CodingOutcome MakeCoding(Project& project, const Viewer& viewer, const NewCoding& request) {
  Transaction transaction(project);
  const Story story = BlameField("story", [&] { return RequireStory(project, request.story_key); });
  BlameField("code", [&] { return RequireCodableCode(project, request.code_path); });
  CodingRequest coding;
  coding.story_key = request.story_key;
  coding.code_path = request.code_path;
  coding.coder = viewer.coder;
  coding.memo = request.memo;
  if (request.whole) {
    coding.segment.whole = true;
  } else {
    if (!request.start || !request.end) {
      throw RequestError(ErrorKind::kUsage, "give start and end (code points) or \"whole\": true",
                         request.start ? "end" : "start");
    }
    CheckSegment(story, *request.start, *request.end);
    coding.segment.start = request.start;
    coding.segment.end = request.end;
  }
  const CodingResult result = BlameField("start", [&] { return CodeSegment(project, coding); });
  CodingOutcome outcome{*FindCoding(project, result.coding), result.added};
  if (result.added) {
    PushUndoStep(project,
                 UndoStep{0, outcome.coding.coder_id, "add", std::nullopt, outcome.coding});
  }
  transaction.Commit();
  return outcome;
}

CodingChange ChangeCoding(Project& project, const Viewer& viewer, std::string_view id,
                          const CodingEdit& edit) {
  Transaction transaction(project);
  CodingChange change;
  change.before = RequireOwnCoding(project, viewer, id);
  Coding next = change.before;
  if (edit.code_path) {
    next.code_id =
        BlameField("code", [&] { return RequireCodableCode(project, *edit.code_path); }).id;
  }
  if (edit.start) next.start = *edit.start;
  if (edit.end) next.end = *edit.end;
  if (edit.memo) next.memo = *edit.memo;
  const bool moved = next.code_id != change.before.code_id || next.start != change.before.start ||
                     next.end != change.before.end;
  bool merged = false;  // the coder had coded `next` already
  if (moved) {
    const Story story = *FindStoryById(project, next.story_id);
    CheckSegment(story, next.start, next.end);
    RemoveCoding(project, change.before);
    next.origin = "manual";
    next.created.clear();  // now
    merged = !AddCoding(project, next);
  } else if (edit.memo) {
    SetCodingMemo(project, next, next.memo);
  }
  change.after = *FindCoding(project, next);
  if (merged) {
    // The change took `before` away and left the coding that was there as
    // it was: undoing it puts `before` back, and must not take that one.
    PushUndoStep(project,
                 UndoStep{0, change.before.coder_id, "remove", change.before, std::nullopt});
  } else if (moved || change.after.memo != change.before.memo) {
    PushUndoStep(project,
                 UndoStep{0, change.before.coder_id, "change", change.before, change.after});
  }
  transaction.Commit();
  return change;
}

Coding DeleteCoding(Project& project, const Viewer& viewer, std::string_view id) {
  Transaction transaction(project);
  const Coding coding = RequireOwnCoding(project, viewer, id);
  RemoveCoding(project, coding);
  PushUndoStep(project, UndoStep{0, coding.coder_id, "remove", coding, std::nullopt});
  transaction.Commit();
  return coding;
}

UndoOutcome UndoCodingChange(Project& project, const Viewer& viewer) {
  return Apply(project, viewer, true);
}

UndoOutcome RedoCodingChange(Project& project, const Viewer& viewer) {
  return Apply(project, viewer, false);
}

UndoCounts CodingUndoCounts(Project& project, const Viewer& viewer) {
  const int64_t coder_id = ViewerId(project, viewer);
  return coder_id ? CountUndoSteps(project, coder_id) : UndoCounts{};
}

}  // namespace verhaal
