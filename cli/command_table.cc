#include <array>

#include "cli/command.h"
#include "cli/export_formats.h"
#include "cli/handlers.h"
#include "cli/import_formats.h"

namespace verhaal {

std::span<const Command> Commands() {
  static const std::array kCommands = {
      Command{"init", "create a new project file", RunInit},
      Command{"run", "carry out a study manifest: import, code, export, report", RunRun},
      Command{"info", "what the project holds: respondents, stories, codes, codings", RunInfo},
      Command{"search", "full-text search in the stories", RunSearch},
      Command{"stories", "list the stories; delete or rename one", RunStories, StoriesSubcommands},
      Command{"import", "import stories: CSV/TSV with a mapping, story folders, transcripts",
              RunImport, ImportFormats},
      Command{"export", "write the project in another format (REFI-QDA, ...)", RunExport,
              ExportFormats},
      Command{"matrix", "cross-tabulate stories by two dimensions, with tests", RunMatrix},
      Command{"scatter", "plot stories on two sliders, with counts per quadrant", RunScatter},
      Command{"summary", "code frequencies, signifier statistics, co-occurrence", RunSummary},
      Command{"codebook", "load, preview, show and export the codebook (YAML)", RunCodebook,
              CodebookSubcommands},
      Command{"code", "code a segment of a story by hand, or apply a CSV of codings", RunCode},
      Command{"uncode", "remove a coding made by hand", RunUncode},
      Command{"quotes", "the coded segments of a code, with context", RunQuotes},
      Command{"show", "a story with its codings marked, attributes and signifiers", RunShow},
      Command{"memo", "add and list memos on stories, codes and the project", RunMemo,
              MemoSubcommands},
      Command{"autocode", "code stories by the codebook's rules (terms, stems, near, not)",
              RunAutocode},
      Command{"export-for-coder", "a blind copy of the project for one coder", RunExportForCoder},
      Command{"merge", "merge coders' copies into a team project", RunMerge},
      Command{"agreement", "inter-coder agreement per code and coder pair", RunAgreement},
      Command{"coders", "the coders, their codings, and whose codings analyses use", RunCoders,
              CodersSubcommands},
      Command{"sets", "named story sets (a filter: --set NAME): list, show, delete", RunSets,
              SetsSubcommands},
      Command{"report", "one self-contained HTML report of the study", RunReport},
      Command{"pseudonymise", "replace names, places, numbers, ... by pseudonyms in a new project",
              RunPseudonymise},
      Command{"serve", "the workbench: read and code stories in the browser", RunServe},
      Command{"completion", "shell completion for bash or zsh", RunCompletion},
  };
  return kCommands;
}

}  // namespace verhaal
