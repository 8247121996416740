// The wide "stories" shape: one row per story with its keys, respondent,
// role, kind, wave, date, attributes, signifier values and, per code, a 0/1
// presence and a count column. docs/exports.md lists the columns one by one.
#ifndef VERHAAL_EXPORTERS_STORIES_SHAPE_H_
#define VERHAAL_EXPORTERS_STORIES_SHAPE_H_

#include <memory>
#include <optional>
#include <string>

#include "coding/analysis_coders.h"
#include "corpus/project.h"
#include "corpus/stories.h"
#include "exporters/export_table.h"

namespace verhaal {

// How codings become code columns.
enum class CodingCount {
  kAll,        // every coder's codings count
  kConsensus,  // present only when every coder who coded the story applied it
};

struct StoriesShapeOptions {
  StoryFilter filter;                // which stories (default: all)
  std::optional<std::string> coder;  // only this coder's codings (kMissing if unknown)
  // Otherwise whose codings count (coding/analysis_coders.h; default: the
  // analysis set, else every human coder). The code columns' labels say whose.
  CoderRequest coders;
  CodingCount count = CodingCount::kAll;
  bool list_as_one_column = false;  // multiple-choice lists as one "a; b" text column
  bool codes = true;                // add the per-code columns
  bool text = false;                // add the story text and its length in characters
};

// Builds the shape's columns from the project's variables, signifiers and
// codes; rows are read story by story when a writer asks (constant memory).
// `project` must outlive the result. Throws kMissing for an unknown coder.
std::unique_ptr<ExportSource> MakeStoriesShape(Project& project, StoriesShapeOptions options);

}  // namespace verhaal

#endif  // VERHAAL_EXPORTERS_STORIES_SHAPE_H_
