// The study manifest (`study.yaml`, docs/study.md): which project file a
// study lives in, which sources to import with which mappings, the
// codebook, the autocoding step, the manual codings, and the outputs to
// write. `verhaal run study.yaml` carries it out (study/study_run.h). Paths in
// the file are relative to the manifest's folder; the parser makes them
// absolute and keeps where each entry was written, so every later complaint
// about an entry can point at file:line:col.
#ifndef VERHAAL_STUDY_MANIFEST_H_
#define VERHAAL_STUDY_MANIFEST_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "corpus/language.h"
#include "corpus/stories.h"

namespace verhaal {

// A source of stories, imported as `verhaal import TYPE` would (docs/study.md):
// csv (a CSV/TSV file with an import mapping, docs/import-mapping.md), folder
// (a folder of .txt/.md stories), transcript (an interview), sensemaker (data
// CSV with its definition JSON) or spryng (a Spryng.io export).
struct StudySource {
  std::string type = "csv";
  std::filesystem::path file;     // csv, transcript, sensemaker, spryng, refi; folder: the folder
  std::filesystem::path mapping;  // csv
  std::filesystem::path definition;  // sensemaker
  // folder and transcript: defaults for what the files do not say; spryng:
  // language. Empty: not given.
  std::string role;
  std::string kind;
  std::string language;
  std::string encoding;
  std::string respondent;  // transcript: the interviewee; spryng: the respondent column
  std::string title;       // transcript
  std::string date;        // transcript
  std::vector<std::string> interviewers;  // transcript; empty: the default labels
  std::string text;                       // spryng: the text column
  std::string key;                        // transcript: the story key; spryng: the key column
  std::string crlf;                       // refi: one, two or auto (empty: auto)
  Location where;
};

// The autocoding step: the codebook's rules applied by `coder`.
struct StudyAutocode {
  std::string coder = "rules";
  std::vector<std::string> codes;  // only these code paths; empty: every code with rules
  Location where;
};

// A CSV of manual codings (docs/codings-csv.md).
struct StudyCodings {
  std::filesystem::path file;
  std::string coder;  // for rows without a coder column; may be empty
  Location where;
};

// What an output entry writes.
enum class StudyExportType {
  kMatrix,         // exporters/matrix.h; .txt .csv .json .md or .svg (heat map)
  kScatter,        // exporters/slider_scatter.h; .svg, or the quadrant counts as a table
  kSummary,        // exporters/summary.h: codes, dyads, triads, lists; .txt .csv .md
  kStories,        // the wide stories shape; .csv .sav .dta .xlsx
  kCodings,        // the long codings shape; same formats
  kRespondents,    // the respondents shape; same formats
  kCodebookTable,  // the codebook shape; same formats
  kWorkbook,       // stories, codings, respondents and codebook sheets; .xlsx
  kRefi,           // REFI-QDA project; .qdpx
  kAgreement,      // agreement per code between coders; .txt .csv .json .md
  kReport,         // the HTML report (study/report.h); .html
};

// "matrix", "scatter", "stories", ... as written in the manifest.
std::string_view StudyExportTypeName(StudyExportType type);

// One entry of `outputs: exports:`.
struct StudyExport {
  StudyExportType type = StudyExportType::kMatrix;
  std::filesystem::path file;  // absolute: the output folder / the entry's file
  std::string rows;            // matrix, report: the row dimension (docs/matrix.md)
  std::string cols;            // matrix, report: the column dimension
  std::string by;              // matrix, report, summary: per group; scatter: colour (optional)
  std::string x;               // scatter, report: the slider across (SliderDimension)
  std::string y;               // scatter, report: the slider up
  // agreement: the coders compared; matrix, summary, report: whose codings
  // count (the report also compares them); empty: the analysis set.
  std::vector<std::string> coders;
  StoryFilter filter;  // role, kind, wave: which stories count
  std::string title;   // report: the page title (default: the study name)
  // matrix: what a cell counts and how (docs/matrix.md), as `verhaal matrix
  // --unit --within --mixed`; empty: the command's defaults.
  std::string unit;
  std::string within;
  std::string mixed;
  // matrix, summary, stories, report: only codings in this speaker's turns
  // (--speaker); empty: all.
  std::string speaker;
  bool with_text = false;  // stories: the story text and its length (--with-text)
  // stories, codings, respondents, codebook_table to .sav/.dta: also the
  // syntax companion (--syntax), FILE.sps or FILE.do beside the file, and
  // the CSV it reads, FILE.csv (not-applicable answers as -9).
  bool syntax = false;
  // The same exports in any format: also the codebook document
  // (--codebook-doc), absolute like `file`; empty: none.
  std::filesystem::path codebook_doc;
  // The files this entry writes besides `file`: the syntax companion and
  // its CSV, the codebook document.
  std::vector<std::filesystem::path> Companions() const;
  Location where;
};

struct StudyManifest {
  std::filesystem::path file;  // the manifest itself
  std::string name;            // the study's name (project name when created)
  std::filesystem::path project;
  std::vector<StudySource> sources;
  std::optional<std::filesystem::path> codebook;
  Location codebook_where;
  std::optional<StudyAutocode> autocode;
  std::vector<StudyCodings> codings;
  // `analysis: coders:`: the project's analysis set (coding/analysis_coders.h),
  // set after the codings are in; empty: the set is left as it is.
  std::vector<std::string> analysis_coders;
  Location analysis_where;
  // `language: nl|en`: the language of the report; nullopt: the report's
  // default (ReportLanguage in study/report.h).
  std::optional<Language> language;
  std::filesystem::path output_folder;
  std::vector<StudyExport> exports;
};

// Parses manifest YAML; `file` is the manifest's path (relative paths in it
// are taken from its folder). Throws kData Errors located at the offending
// node (FILE:LINE:COL with the line and a caret): malformed YAML, an unknown
// key (with the closest valid one), a missing `project`, a source without
// `mapping`, a `language` other than en or nl, an unknown export type, a file extension the export
// cannot write, a malformed dimension, or two exports writing the same file. Does not check that
// input files exist: the run step that reads them does.
StudyManifest ParseStudyManifest(std::string_view yaml, const std::filesystem::path& file);

// Reads and parses `file` (kMissing when absent, kIo when unreadable).
StudyManifest LoadStudyManifest(const std::filesystem::path& file);

}  // namespace verhaal

#endif  // VERHAAL_STUDY_MANIFEST_H_
