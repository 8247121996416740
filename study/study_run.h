// Carrying out a study manifest (exporters/study.h, docs/study.md) for
// `verhaal run`: the project-changing steps (import each source, load the
// codebook, autocode, apply manual codings) run on a working copy of the
// project that replaces the project file only when every step succeeded, so
// a failing step leaves the project as it was; then the exports are written
// into the output folder, each file whole or not at all.
#ifndef VERHAAL_STUDY_STUDY_RUN_H_
#define VERHAAL_STUDY_STUDY_RUN_H_

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "corpus/project.h"
#include "study/manifest.h"

namespace verhaal {

// What one step did.
struct StepOutcome {
  std::string step;     // "import statushouders.csv", "codebook", ...
  std::string summary;  // one line
  bool changed = false;
};

// What happened to one output file.
enum class OutputState { kWritten, kUnchanged, kUpToDate };

struct OutputOutcome {
  std::filesystem::path file;
  OutputState state = OutputState::kWritten;
};

struct StudyRunReport {
  std::vector<StepOutcome> steps;
  bool project_created = false;
  bool project_changed = false;  // the project file was replaced
  std::vector<OutputOutcome> outputs;
};

// Runs the project-changing steps of `study` and returns what each did.
// Lines about each step and warnings go to `log`. Errors are those of the
// step's library function, with "step NAME: " before the message (and its
// location kept); the project file is then untouched.
StudyRunReport RunProjectSteps(const StudyManifest& study, std::ostream& log);

// Writes the exports of `study` from its (now final) project. An output is
// "up to date" and skipped when it is newer than both the manifest and the
// project file; otherwise it is built, and left alone ("unchanged") when
// its bytes equal the existing file's. Errors name the export.
void WriteStudyOutputs(const StudyManifest& study, StudyRunReport& report, std::ostream& log);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_STUDY_RUN_H_
