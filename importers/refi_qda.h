// Importing REFI-QDA (QDA-XML 1.0) exchanges: a .qdpx project from NVivo,
// ATLAS.ti, MAXQDA, QualCoder or f4 (or its bare .qde), or a .qdc codebook.
// Users become coders, the CodeBook codes, Cases respondents with their
// VariableValues, TextSources stories, PlainTextSelections with Codings
// codings, Notes memos. The stories go through StoryImporter like every
// importer's (story_import.h): a source is found again by its key, so
// importing a project again adds only what is new, and a source whose text
// changed is replaced only with ImportOptions::update. What is imported and
// which vendor differences are handled: docs/refi-qda.md.
#ifndef VERHAAL_IMPORTERS_REFI_QDA_H_
#define VERHAAL_IMPORTERS_REFI_QDA_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corpus/project.h"
#include "importers/import_report.h"
#include "importers/refi_package.h"
#include "importers/refi_positions.h"

namespace verhaal {

struct RefiImportOptions {
  // How the exporting tool counted "\r\n"; nothing: decide from the
  // project's origin (ATLAS.ti counts it as one, the others as two).
  std::optional<LineBreakCounting> line_breaks;
  // The story kind given to imported stories.
  std::string kind = "interview";
  // A bare .qde may read its sources' text from files (relative:// or
  // absolute:// paths) inside its own folder; off by default. A .qdpx reads
  // only the sources inside the archive: any other path is skipped.
  bool allow_external_sources = false;
};

// What an import did, for the command's summary. `skipped` and `notes` are
// whole sentences for stderr.
struct RefiImportReport {
  std::string origin;  // the exporting tool, from the project's origin
  // Stories, respondents and variables, counted as every importer counts
  // them; its also_added holds the codes, coders, codings and memos below.
  ImportReport stories;
  int coders = 0;  // added now
  int codes = 0;
  int codings = 0;
  int memos = 0;
  std::vector<std::string> skipped;  // sources and selections not imported
  std::vector<std::string> notes;    // what was adapted (positions, sets, ...)
};

// Imports `file` by its extension: .qdc as a codebook, .qde or .qdpx as a
// project. Run it inside a Transaction (for a dry run, roll it back): on an
// error part of it may have been written. A source whose story is in the
// project already with the same text gets the codings, memos and values it
// lacks (nothing twice); one with another text is kept with a warning and
// none of its codings are imported, or, with `import.update`, replaced
// before they are. Errors: see ReadRefiPackage; kData at the XML element for
// a malformed file, a reference to an unknown GUID, or a position beyond a
// source's text.
RefiImportReport ImportRefi(Project& project, const std::filesystem::path& file,
                            const RefiImportOptions& options = {},
                            const ImportOptions& import = {});

// Imports a package already read (e.g. built in memory by a test).
RefiImportReport ImportRefiPackage(Project& project, const RefiPackage& package,
                                   const RefiImportOptions& options = {},
                                   const ImportOptions& import = {});

// Imports a .qdc codebook given as text; `file` names it in messages. Codes
// whose GUID or path already exists are kept and not added again.
RefiImportReport ImportRefiCodebook(Project& project, const std::string& file, std::string xml);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_REFI_QDA_H_
