#include "study/study_run.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <system_error>

#include "base/error.h"
#include "base/sha256.h"
#include "coding/analysis_coders.h"
#include "coding/autocode.h"
#include "coding/codebook.h"
#include "coding/codebook_sync.h"
#include "coding/dimension.h"
#include "corpus/clock.h"
#include "corpus/files.h"
#include "corpus/held_project.h"
#include "corpus/output_guard.h"
#include "corpus/project_settings.h"
#include "corpus/stories.h"
#include "exporters/codebook_document.h"
#include "exporters/codings_shape.h"
#include "exporters/csv_export.h"
#include "exporters/matrix.h"
#include "exporters/matrix_report.h"
#include "exporters/pseudonymised_note.h"
#include "exporters/refi_qda.h"
#include "exporters/respondents_shape.h"
#include "exporters/slider_scatter.h"
#include "exporters/spss_stata.h"
#include "exporters/stories_shape.h"
#include "exporters/summary.h"
#include "exporters/svg_heatmap.h"
#include "exporters/table.h"
#include "exporters/xlsx_export.h"
#include "importers/byte_source.h"
#include "importers/codings_csv.h"
#include "importers/csv_import.h"
#include "importers/csv_reader.h"
#include "importers/encoding.h"
#include "importers/mapping.h"
#include "importers/refi_qda.h"
#include "importers/sensemaker.h"
#include "importers/spryng.h"
#include "importers/story_folder.h"
#include "importers/transcript.h"
#include "study/agreement_summary.h"
#include "study/matrix_query.h"
#include "study/report.h"

namespace verhaal {
namespace {

namespace fs = std::filesystem;

// The error of a step: its kind and location, its name before the message.
Error InStep(const std::string& step, const Error& e, const Location& fallback = {}) {
  return Error(e.kind(), "step '" + step + "' failed: " + e.message(),
               e.location().file.empty() ? fallback : e.location());
}

template <typename Function>
StepOutcome RunStep(const std::string& step, std::ostream& log, Function&& function) {
  StepOutcome outcome{step, "", false};
  try {
    function(outcome);
  } catch (const Error& e) {
    throw InStep(step, e);
  }
  log << step << ": " << outcome.summary << "\n";
  return outcome;
}

void RemoveDatabase(const fs::path& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(file.string() + suffix, ignored);
  }
}

// The prefix of the working copies of `project`: .NAME.run-PID-N beside it.
std::string WorkingCopyPrefix(const fs::path& project) {
  return "." + project.filename().string() + ".run-";
}

// Removes the working copies that runs killed earlier left behind: those
// whose process is gone.
void RemoveStaleWorkingCopies(const fs::path& project) {
  const fs::path folder = project.parent_path().empty() ? "." : project.parent_path();
  const std::string prefix = WorkingCopyPrefix(project);
  std::error_code ec;
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      stale.push_back(entry.path());
    }
  }
  for (const auto& file : stale) fs::remove(file, ec);
}

// A working copy of its own beside the project (same folder: the same disk),
// so that two runs at once never share one.
fs::path WorkingCopy(const fs::path& project) {
  static std::atomic<int> counter{0};
  return project.parent_path() / (WorkingCopyPrefix(project) + std::to_string(::getpid()) + "-" +
                                  std::to_string(counter++));
}

// Moves the new project `work` to `project`, which must still not exist.
void PublishNewProject(const fs::path& work, const fs::path& project) {
  if (::link(work.c_str(), project.c_str()) != 0) {
    const int error = errno;
    throw Error(ErrorKind::kCannotCreate,
                "cannot create " + project.string() + ": " + std::strerror(error) +
                    (error == EEXIST ? " (another program created it while the study ran); "
                                       "run the study again"
                                     : "; check the folder's permissions"));
  }
  std::error_code ignored;
  fs::remove(work, ignored);
}

// Removes the working copy unless it became the project.
class WorkingCopyGuard {
 public:
  explicit WorkingCopyGuard(fs::path file) : file_(std::move(file)) { RemoveDatabase(file_); }
  WorkingCopyGuard(const WorkingCopyGuard&) = delete;
  WorkingCopyGuard& operator=(const WorkingCopyGuard&) = delete;
  ~WorkingCopyGuard() {
    if (!kept_) RemoveDatabase(file_);
  }
  void Keep() { kept_ = true; }

 private:
  fs::path file_;
  bool kept_ = false;
};

// The outcome of a story importer's report (folder, transcript, csv).
void StoryOutcome(const ImportReport& report, const StudySource& source, StepOutcome& outcome,
                  std::ostream& log) {
  for (const auto& warning : report.warnings) log << "verhaal: warning: " << warning << "\n";
  outcome.changed = report.changed();
  outcome.summary = report.Summary(source.file.filename().string(), false);
  const std::string prefix = source.file.filename().string() + ": ";
  if (outcome.summary.rfind(prefix, 0) == 0) outcome.summary.erase(0, prefix.size());
}

// The outcome of a self-signification import (sensemaker, spryng).
void SignificationOutcome(const SignificationImportSummary& summary, StepOutcome& outcome,
                          std::ostream& log) {
  for (const auto& warning : summary.warnings) log << "verhaal: warning: " << warning << "\n";
  for (const std::string& column : summary.unknown_columns) {
    log << "verhaal: warning: unknown column " << column << " (kept as a story variable)\n";
  }
  for (const std::string& item : summary.added_items) log << "added item: " << item << "\n";
  outcome.changed = summary.changed();
  outcome.summary =
      std::to_string(summary.stories_added) + " new stories, " +
      std::to_string(summary.stories_unchanged) + " already present, " +
      (summary.stories_updated > 0 ? std::to_string(summary.stories_updated) + " updated, "
                                   : std::string()) +
      std::to_string(summary.signifiers) + " signifiers, " +
      std::to_string(summary.values_changed) + " values set";
}

// A REFI-QDA project brings stories, codebook, codings and memos. It is
// merged as every source is (--update: the source files are the truth), so a
// run after the tool's project changed adds what is new. The file's SHA-256
// is kept in the project so that an unchanged file is not read again.
void ImportRefiSource(Project& project, const StudySource& source, StepOutcome& outcome,
                      std::ostream& log) {
  const std::string key = "study.refi." + source.file.filename().string();
  const std::string hash = Sha256Hex(ReadWholeFile(source.file));
  if (GetProjectSetting(project, key) == hash) {
    outcome.summary = "already imported, unchanged";
    return;
  }
  RefiImportOptions options;
  if (source.crlf == "one") options.line_breaks = LineBreakCounting::kCrlfAsOne;
  if (source.crlf == "two") options.line_breaks = LineBreakCounting::kEachCharacter;
  if (!source.kind.empty()) options.kind = source.kind;
  ImportOptions import;
  import.update = true;
  Transaction transaction(project);
  const RefiImportReport report = ImportRefi(project, source.file, options, import);
  SetProjectSetting(project, key, hash);
  transaction.Commit();
  for (const std::string& line : report.skipped) log << "skipped: " << line << '\n';
  for (const std::string& line : report.notes) log << "note: " << line << '\n';
  StoryOutcome(report.stories, source, outcome, log);
  outcome.changed = true;  // the file's hash at least
}

// The sources other than CSV, as `verhaal import TYPE` imports them. The
// source files are the truth: edited stories are replaced (--update).
void ImportOtherSource(Project& project, const StudySource& source, StepOutcome& outcome,
                       std::ostream& log) {
  if (source.type == "refi") {
    ImportRefiSource(project, source, outcome, log);
    return;
  }
  ImportOptions options;
  options.update = true;
  Transaction transaction(project);
  if (source.type == "folder") {
    StoryFolderOptions folder;
    folder.role = source.role;
    if (!source.kind.empty()) folder.kind = source.kind;
    folder.language = source.language;
    folder.encoding = source.encoding;
    const ImportReport report = ImportStoryFolder(project, source.file, folder, options);
    transaction.Commit();
    StoryOutcome(report, source, outcome, log);
    return;
  }
  if (source.type == "transcript") {
    TranscriptOptions transcript;
    transcript.key = source.key;
    transcript.respondent = source.respondent;
    transcript.role = source.role;
    transcript.title = source.title;
    transcript.date = source.date;
    transcript.language = source.language;
    transcript.encoding = source.encoding;
    if (!source.interviewers.empty()) transcript.interviewers = source.interviewers;
    const ImportReport report = ImportTranscript(project, source.file, transcript, options);
    transaction.Commit();
    StoryOutcome(report, source, outcome, log);
    return;
  }
  CsvOptions csv;
  std::vector<std::string> warnings;
  csv.encoding = EncodingFor(source.file, source.encoding, warnings);
  for (const auto& warning : warnings) log << "verhaal: warning: " << warning << "\n";
  CsvReader reader(OpenFileSource(source.file), source.file.string(), csv);
  SignificationImportSummary summary;
  if (source.type == "sensemaker") {
    const SenseMakerDefinition definition =
        ParseSenseMakerDefinition(ReadWholeFile(source.definition), source.definition.string());
    summary = ImportSenseMaker(project, reader, definition, SenseMakerOptions{.update = true});
    for (const std::string& type : definition.skipped_types) {
      log << "skipped: signifier " << type << " of a type verhaal does not know\n";
    }
  } else {
    SpryngOptions spryng;
    spryng.text_column = source.text;
    spryng.key_column = source.key;
    spryng.respondent_column = source.respondent;
    spryng.language = source.language;
    spryng.key_prefix = source.file.stem().string();
    spryng.update = true;
    summary = ImportSpryng(project, reader, spryng);
  }
  transaction.Commit();
  SignificationOutcome(summary, outcome, log);
}

void ImportSource(Project& project, const StudySource& source, StepOutcome& outcome,
                  std::ostream& log) {
  if (source.type != "csv") {
    ImportOtherSource(project, source, outcome, log);
    return;
  }
  const ImportMapping mapping = LoadMapping(source.mapping);
  CsvOptions csv;
  csv.delimiter = mapping.delimiter;
  std::vector<std::string> warnings;
  csv.encoding = EncodingFor(source.file, mapping.encoding, warnings);
  for (const auto& warning : warnings) log << "verhaal: warning: " << warning << "\n";
  CsvReader reader(OpenFileSource(source.file), source.file.string(), csv);
  ImportOptions options;
  options.update = true;  // the source files are the truth: edited stories are replaced
  BulkWrite bulk(project);
  Transaction transaction(project);
  const ImportReport report = ImportCsv(project, reader, mapping, options, [&] {
    return std::make_unique<CsvReader>(OpenFileSource(source.file), source.file.string(), csv);
  });
  transaction.Commit();
  StoryOutcome(report, source, outcome, log);
}

void LoadCodebook(Project& project, const fs::path& file, StepOutcome& outcome) {
  const Codebook codebook = ReadCodebookFile(file);
  Transaction transaction(project);
  const std::vector<CodebookChange> changes = SyncCodebook(project, codebook);
  transaction.Commit();
  outcome.changed = !changes.empty();
  if (changes.empty()) {
    outcome.summary = "unchanged";
    return;
  }
  std::map<std::string, int> kinds;
  for (const auto& change : changes) kinds[std::string(CodebookChangeName(change.kind))]++;
  for (const auto& [kind, n] : kinds) {
    outcome.summary += (outcome.summary.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
  }
}

void RunAutocode(Project& project, const StudyAutocode& autocode, StepOutcome& outcome) {
  AutocodeOptions options;
  options.coder = autocode.coder;
  options.code_paths = autocode.codes;
  const AutocodeReport report = Autocode(project, options);
  int64_t hits = 0, added = 0, removed = 0, codes = 0;
  for (const auto& code : report.codes) {
    hits += code.hits;
    added += code.added;
    removed += code.removed;
    codes += code.hits > 0;
  }
  outcome.changed = added + removed > 0;
  outcome.summary = std::to_string(hits) + " segments of " + std::to_string(codes) + " codes in " +
                    std::to_string(report.stories) + " stories; " +
                    (outcome.changed ? std::to_string(added) + " codings added, " +
                                           std::to_string(removed) + " removed"
                                     : "codings unchanged");
}

void ApplyCodings(Project& project, const StudyCodings& codings, StepOutcome& outcome) {
  CodingsCsvOptions options;
  options.default_coder = codings.coder;
  Transaction transaction(project);
  const CodingsCsvResult result =
      ImportCodingsCsv(project, OpenFileSource(codings.file), codings.file.string(), options);
  transaction.Commit();
  outcome.changed = result.added > 0;
  outcome.summary = std::to_string(result.rows) + " rows: " + std::to_string(result.added) +
                    " codings added, " + std::to_string(result.duplicates) + " already there";
}

// --- outputs ---------------------------------------------------------------

// Puts `bytes` at `file` unless it already holds exactly them.
OutputState CommitText(const fs::path& file, const std::string& bytes) {
  std::error_code ec;
  if (fs::exists(file, ec) && ReadWholeFile(file) == bytes) return OutputState::kUnchanged;
  WriteWholeFile(file, bytes);
  return OutputState::kWritten;
}

// Moves a freshly written `staging` file to `file` unless the bytes are the same.
OutputState CommitStaged(const fs::path& staging, const fs::path& file) {
  std::error_code ec;
  if (fs::exists(file, ec) && SameFileBytes(file, staging)) {
    fs::remove(staging, ec);
    return OutputState::kUnchanged;
  }
  fs::rename(staging, file, ec);
  if (ec) {
    fs::remove(staging, ec);
    throw Error(ErrorKind::kCannotCreate, "cannot write " + file.string() + ": " + ec.message());
  }
  return OutputState::kWritten;
}

TableFormat FormatOf(const fs::path& file) {
  const std::string extension = file.extension().string();
  if (extension == ".csv") return TableFormat::kCsv;
  if (extension == ".json") return TableFormat::kJson;
  if (extension == ".md") return TableFormat::kMarkdown;
  return TableFormat::kText;
}

// Whose codings an output counts: its `coders:`, else the analysis set.
CoderRequest CoderRequestOf(const StudyExport& out) {
  CoderRequest request;
  if (!out.coders.empty()) request.coders = out.coders;
  request.coders_named_by = "coders: in study.yaml";
  if (!out.speaker.empty()) request.speaker = out.speaker;
  return request;
}

// The same query, plan and matrix as `verhaal matrix` and the workbench
// (study/matrix_query.h), so a study's matrix says what it counts as theirs do.
std::string MatrixOutput(Project& project, const StudyExport& out) {
  if (ListStoryIds(project, out.filter).empty()) {
    throw DataError("no stories match this export's role, kind or wave");
  }
  MatrixQuery query;
  query.rows = out.rows;
  query.cols = out.cols;
  if (!out.by.empty()) query.by = out.by;
  if (!out.mixed.empty()) query.mixed = out.mixed;
  if (!out.unit.empty()) query.unit = out.unit;
  if (!out.within.empty()) query.within = out.within;
  query.coders = CoderRequestOf(out);
  query.stories = out.filter;
  const Matrix matrix = RunMatrixQuery(project, query).matrix;
  if (out.file.extension() == ".svg") return MatrixHeatmapSvg(matrix);
  std::ostringstream text;
  WriteMatrix(text, matrix, FormatOf(out.file));
  return text.str();
}

std::string ScatterOutput(Project& project, const StudyExport& out) {
  const std::vector<Story> stories = ListStories(project, out.filter);
  std::optional<ResolvedDimension> by;
  if (!out.by.empty()) by = ResolveDimension(project, ParseDimension(out.by), stories);
  const SliderScatter scatter =
      BuildSliderScatter(project, ParseDimension(SliderDimension(out.x)),
                         ParseDimension(SliderDimension(out.y)), stories, by ? &*by : nullptr);
  if (out.file.extension() == ".svg") return SliderScatterSvg(scatter);
  std::ostringstream text;
  WriteTable(text, SliderQuadrantTable(scatter), FormatOf(out.file));
  return text.str();
}

// Code frequencies and the dyad, triad and list summaries, one table after
// the other (CSV: separated by a blank line).
std::string SummaryOutput(Project& project, const StudyExport& out) {
  const std::vector<Story> stories = ListStories(project, out.filter);
  if (stories.empty()) throw DataError("no stories match this export's role, kind or wave");
  std::optional<ResolvedDimension> by;
  if (!out.by.empty()) by = ResolveDimension(project, ParseDimension(out.by), stories);
  SummaryStories counted = SummaryStoriesOf(stories, by ? &*by : nullptr);
  const CoderSelection coders = ResolveCoderSelection(project, CoderRequestOf(out));
  counted.coders = coders.Set();
  Summary summary(project, std::move(counted));
  const TableFormat format = FormatOf(out.file);
  const std::pair<const char*, Table> sections[] = {
      {"codes", summary.SectionTable("codes")},
      {"dyads", summary.SectionTable("dyads")},
      {"triads", summary.SectionTable("triads")},
      {"lists", summary.SectionTable("lists")},
  };
  std::ostringstream text;
  if (format == TableFormat::kCsv) {
    WriteTable(text, Table{{"setting", "value"}, {{"codings", coders.Describe()}}, {}}, format);
    text << "\r\n";
  } else {
    text << "codings: " << coders.Describe() << "\n\n";
  }
  bool first = true;
  for (const auto& [name, table] : sections) {
    if (format == TableFormat::kCsv) {
      if (!first) text << "\r\n";
    } else {
      text << (first ? "" : "\n") << (format == TableFormat::kMarkdown ? "### " : "== ") << name
           << (format == TableFormat::kMarkdown ? "\n\n" : "\n");
    }
    WriteTable(text, table, format);
    first = false;
  }
  return text.str();
}

// The CSV export of `source` at `file` (as `verhaal export --format csv`
// with `options`), unless it already holds those bytes: streamed to a
// temporary file beside it, so memory does not grow with the rows.
OutputState CsvOutput(ExportSource& source, const CsvExportOptions& options, const fs::path& file) {
  const fs::path staging = TemporaryBeside(file);
  AtomicFileWriter out(staging);
  WriteCsvExport(source, options, [&](std::string_view chunk) { out.Write(chunk); });
  out.Commit();
  return CommitStaged(staging, file);
}

// A data export and the companions its entry asks for (StudyExport::
// Companions: the syntax file and the CSV it reads, the codebook document),
// each of which goes into `companions`. Warnings name the output files, not
// the temporary files they are written to.
OutputState DataOutput(Project& project, ExportSource& source, const StudyExport& out,
                       const StudyManifest& study, const fs::path& staging, std::ostream& log,
                       std::vector<OutputOutcome>& companions) {
  const fs::path& file = out.file;
  const std::string extension = file.extension().string();
  CodebookDocumentInfo document;
  document.file = file.filename().string();
  document.shape = source.name();
  document.notes = PseudonymisedNoteLines(project);
  OutputState state;
  if (extension == ".csv") {
    document.format = DataFileFormat::kCsv;
    state = CsvOutput(source, {}, file);
  } else if (extension == ".xlsx") {
    document.format = DataFileFormat::kXlsx;
    WriteXlsx({&source}, staging, log, ExportTime(project), file);
    state = CommitStaged(staging, file);
  } else {
    const StatFormat format = extension == ".sav" ? StatFormat::kSav : StatFormat::kDta;
    document.format = format == StatFormat::kSav ? DataFileFormat::kSav : DataFileFormat::kDta;
    const fs::path syntax = out.syntax ? StatSyntaxPath(file, format) : fs::path();
    const fs::path syntax_staging = out.syntax ? TemporaryBeside(syntax) : fs::path();
    const fs::path csv = fs::path(file).replace_extension(".csv");
    WriteStatFile(source, format, staging, log, ExportTime(project), document.notes, syntax_staging,
                  csv.filename().string(), &document.formats, file);
    state = CommitStaged(staging, file);
    if (out.syntax) {
      companions.push_back({syntax, CommitStaged(syntax_staging, syntax)});
      // The CSV the syntax reads: not-applicable answers as -9, as the
      // syntax's missing values expect (docs/exports.md).
      CsvExportOptions options;
      options.not_applicable = "-9";
      companions.push_back({csv, CsvOutput(source, options, csv)});
    }
  }
  if (!out.codebook_doc.empty()) {
    // In the study's language, else as `verhaal export --codebook-doc` chooses.
    document.language =
        study.language.value_or(MostStoriesLanguage(CountStoriesByLanguage(project)));
    const bool html = out.codebook_doc.extension() != ".md";
    companions.push_back(
        {out.codebook_doc,
         CommitText(out.codebook_doc, html ? CodebookHtml(source.columns(), document)
                                           : CodebookMarkdown(source.columns(), document))});
  }
  return state;
}

OutputState WriteOutput(Project& project, const StudyManifest& study, const StudyExport& out,
                        std::ostream& log, std::vector<OutputOutcome>& companions) {
  CheckOutputFile(out.file);
  RemoveStaleTemporaries(out.file);
  const fs::path staging = TemporaryBeside(out.file);
  switch (out.type) {
    case StudyExportType::kMatrix:
      return CommitText(out.file, MatrixOutput(project, out));
    case StudyExportType::kScatter:
      return CommitText(out.file, ScatterOutput(project, out));
    case StudyExportType::kSummary:
      return CommitText(out.file, SummaryOutput(project, out));
    case StudyExportType::kStories: {
      StoriesShapeOptions options;
      options.filter = out.filter;
      options.coders = CoderRequestOf(out);
      options.text = out.with_text;
      return DataOutput(project, *MakeStoriesShape(project, options), out, study, staging, log,
                        companions);
    }
    case StudyExportType::kCodings:
      return DataOutput(project, *MakeCodingsShape(project), out, study, staging, log, companions);
    case StudyExportType::kRespondents:
      return DataOutput(project, *MakeRespondentsShape(project), out, study, staging, log,
                        companions);
    case StudyExportType::kCodebookTable:
      return DataOutput(project, *MakeCodebookShape(project), out, study, staging, log, companions);
    case StudyExportType::kWorkbook: {
      auto stories = MakeStoriesShape(project, {});
      auto codings = MakeCodingsShape(project);
      auto respondents = MakeRespondentsShape(project);
      auto codebook = MakeCodebookShape(project);
      WriteXlsx({stories.get(), codings.get(), respondents.get(), codebook.get()}, staging, log,
                ExportTime(project), out.file);
      return CommitStaged(staging, out.file);
    }
    case StudyExportType::kRefi:
      ExportRefiProject(project, staging);
      return CommitStaged(staging, out.file);
    case StudyExportType::kAgreement: {
      std::ostringstream text;
      WriteTable(text, SummarizeAgreement(project, out.coders).table, FormatOf(out.file));
      return CommitText(out.file, text.str());
    }
    case StudyExportType::kReport: {
      ReportOptions options;
      options.title = out.title.empty() ? study.name : out.title;
      options.rows = out.rows;
      options.cols = out.cols;
      options.by = out.by;
      options.x = out.x;
      options.y = out.y;
      options.filter = out.filter;
      options.coders = out.coders;
      options.analysis = CoderRequestOf(out);
      options.language = study.language;
      return CommitText(out.file, BuildReport(project, options));
    }
  }
  return OutputState::kUnchanged;
}

// `analysis: coders:` becomes the project's analysis set; a name that is not
// a coder is an error at the manifest's line.
void SetStudyAnalysisSet(Project& project, const StudyManifest& study, StepOutcome& outcome) {
  std::vector<std::string> wanted = study.analysis_coders;
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::string names;
  for (const auto& name : wanted) names += (names.empty() ? "" : ", ") + name;
  if (AnalysisSet(project) == wanted) {
    outcome.summary = names + " (unchanged)";
    return;
  }
  Transaction transaction(project);
  try {
    SetAnalysisSet(project, wanted);
  } catch (const Error& e) {
    throw DataError("analysis: " + e.message(), study.analysis_where);
  }
  transaction.Commit();
  outcome.summary = names;
  outcome.changed = true;
}

}  // namespace

StudyRunReport RunProjectSteps(const StudyManifest& study, std::ostream& log) {
  StudyRunReport report;
  RemoveStaleWorkingCopies(study.project);
  const fs::path work = WorkingCopy(study.project);
  WorkingCopyGuard guard(work);
  std::optional<Project> project;
  // The project's write lock, held from the copy until its content is
  // written back: a command that writes meanwhile waits instead of writing
  // to a file the run then replaces.
  std::optional<HeldProject> held;
  std::error_code ec;
  if (fs::exists(study.project, ec)) {
    held.emplace(study.project);
    held->CopyTo(work);
    project.emplace(Project::Open(work));
  } else {
    if (!study.project.parent_path().empty())
      fs::create_directories(study.project.parent_path(), ec);
    if (ec) {
      throw Error(ErrorKind::kCannotCreate,
                  "cannot create the folder of " + study.project.string() + ": " + ec.message());
    }
    project.emplace(Project::Create(work, study.name));
    report.project_created = true;
    log << "create " << study.project.string() << "\n";
  }
  for (const StudySource& source : study.sources) {
    report.steps.push_back(
        RunStep("import " + source.file.filename().string(), log,
                [&](StepOutcome& o) { ImportSource(*project, source, o, log); }));
  }
  if (study.codebook) {
    report.steps.push_back(
        RunStep("codebook " + study.codebook->filename().string(), log,
                [&](StepOutcome& o) { LoadCodebook(*project, *study.codebook, o); }));
  }
  if (study.autocode) {
    report.steps.push_back(RunStep(
        "autocode", log, [&](StepOutcome& o) { RunAutocode(*project, *study.autocode, o); }));
  }
  for (const StudyCodings& codings : study.codings) {
    report.steps.push_back(RunStep("codings " + codings.file.filename().string(), log,
                                   [&](StepOutcome& o) { ApplyCodings(*project, codings, o); }));
  }
  if (!study.analysis_coders.empty()) {
    report.steps.push_back(RunStep(
        "analysis set", log, [&](StepOutcome& o) { SetStudyAnalysisSet(*project, study, o); }));
  }
  project.reset();  // closes the working copy, folding its WAL into the file
  const bool changed =
      report.project_created || std::any_of(report.steps.begin(), report.steps.end(),
                                            [](const auto& s) { return s.changed; });
  if (changed) {
    if (held) {
      held->ReplaceWith(work);
    } else {
      PublishNewProject(work, study.project);
      guard.Keep();
    }
    report.project_changed = true;
  }
  return report;
}

void WriteStudyOutputs(const StudyManifest& study, StudyRunReport& report, std::ostream& log) {
  std::error_code ec;
  // Empty: the manifest's folder is the current one.
  if (!study.output_folder.empty()) fs::create_directories(study.output_folder, ec);
  if (ec) {
    throw Error(ErrorKind::kCannotCreate, "cannot create the output folder " +
                                              study.output_folder.string() + ": " + ec.message());
  }
  const fs::file_time_type inputs =
      std::max(fs::last_write_time(study.file), fs::last_write_time(study.project));
  Project project = Project::Open(study.project);
  for (const StudyExport& out : study.exports) {
    const std::string step = "export " + out.file.filename().string();
    OutputState state = OutputState::kUpToDate;
    std::vector<OutputOutcome> companions;
    const std::vector<fs::path> companion_files = out.Companions();
    const bool companions_there =
        std::all_of(companion_files.begin(), companion_files.end(),
                    [&](const fs::path& file) { return fs::exists(file, ec); });
    if (report.project_changed || !fs::exists(out.file, ec) || !companions_there ||
        fs::last_write_time(out.file, ec) <= inputs) {
      try {
        state = WriteOutput(project, study, out, log, companions);
      } catch (const Error& e) {
        throw InStep(step, e, out.where);
      }
      if (state == OutputState::kUnchanged) {
        fs::last_write_time(out.file, fs::file_time_type::clock::now(), ec);
      }
    } else {
      for (const fs::path& file : companion_files) {
        companions.push_back({file, OutputState::kUpToDate});
      }
    }
    const auto said = [](OutputState s) {
      return s == OutputState::kWritten     ? "written"
             : s == OutputState::kUnchanged ? "unchanged"
                                            : "up to date";
    };
    log << step << ": " << said(state) << "\n";
    report.outputs.push_back(OutputOutcome{out.file, state});
    for (const OutputOutcome& companion : companions) {
      log << "export " << companion.file.filename().string() << " (beside "
          << out.file.filename().string() << "): " << said(companion.state) << "\n";
      report.outputs.push_back(companion);
    }
  }
}

}  // namespace verhaal
