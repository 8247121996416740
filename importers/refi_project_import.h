// Private to importers/: the REFI-QDA project import of refi_qda.h, in two
// parts. One ProjectImport reads the project XML as a stream of pieces
// (refi_stream.h) in the schema's order: Users, CodeBook, Variables, each
// Case, each source, Notes, Links, Sets. refi_import.cc reads the project's
// own pieces (users, codebook, variables, cases, notes) and adds the memos at
// the end; refi_sources.cc turns each source into a story with its text, its
// values, speaker turns, codings and memos. Each source's text is read from
// the archive when its piece comes. As the Notes come last but everything
// may refer to them, the memos are kept (without their notes' text) and
// added at the end, in the order a reading of the whole document would add
// them. Memory: one source and its piece at a time, plus what is kept per
// story (its key) and per memo (issues 25, 26). The stories go through
// StoryImporter (story_import.h), the one path of every importer: staging,
// merge by key, --update, the report (issue 20).
#ifndef VERHAAL_IMPORTERS_REFI_PROJECT_IMPORT_H_
#define VERHAAL_IMPORTERS_REFI_PROJECT_IMPORT_H_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/coding_adder.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/project.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/variables.h"
#include "importers/refi_positions.h"
#include "importers/refi_qda.h"
#include "importers/refi_signifiers.h"
#include "importers/refi_xml.h"
#include "importers/story_import.h"

namespace verhaal::refi_import {

// A <Note>, kept until the memos are added at the end.
struct Note {
  std::string title;
  std::string text;
  std::string author;
  std::string created;
  bool used = false;
};

// A <Variable> of the project, by GUID.
struct VariableInfo {
  std::string name;
  VariableType type = VariableType::kText;
  // A signifier's answer, as `export refi` writes them (refi_signifiers.h).
  std::optional<SignifierVariable> signifier;
};

// A memo to add once the notes are known: `note` names the <Note> whose text
// it gets (kData at `at` when there is none), or is empty for a memo that
// has its own text.
struct PendingMemo {
  Memo memo;
  std::string note;
  Location at;
  std::optional<Coding> coding;  // the note is this coding's own memo
};

// A <VariableValue> of a nameless (MAXQDA) case, read for the source it
// belongs to: the value, or what reading it threw (thrown when that source
// is imported, as a reading of the whole document would).
struct PendingValue {
  std::optional<std::pair<VariableInfo, std::string>> value;
  std::exception_ptr error;
};

// A source stored as a story, for its selections.
struct StoredSource {
  int64_t id = 0;
  std::string key;
  int64_t length = 0;  // of the stored text, in code points
};

// Where a source's text is, as a user would recognise it.
struct SourceText {
  std::optional<std::string> bytes;
  std::string why_missing;
};

// One import of one package into one project; the caller owns the
// transaction. Run throws kData, located in the project XML, for what the
// package gets wrong.
class ProjectImport {
 public:
  ProjectImport(Project& project, const RefiPackage& package, const RefiImportOptions& options,
                const ImportOptions& import)
      : project_(project),
        package_(package),
        options_(options),
        importer_(project, import),
        codings_(project) {}

  RefiImportReport Run();

 private:
  // The project's own pieces (refi_import.cc).
  void ReadRoot(const RefiXml& xml);
  void ReadPiece(pugi::xml_node element, std::string_view section);
  void ReportIgnored(const char* what, size_t count);
  void ReadNotes(pugi::xml_node notes);
  void ReadUsers(pugi::xml_node users);
  // The coder for a user GUID; a GUID not in <Users> becomes a coder named
  // after the GUID, so that no coding is lost.
  int64_t CoderFor(std::string guid);
  void ReadVariables(pugi::xml_node variables);
  // Adds a warning located at `node` of the piece being read.
  SignifierWarning WarnAt(pugi::xml_node node);
  // The signifiers that the variables describe, added to the project (an
  // existing one is kept as it is); a signifier whose variables are not
  // whole stays ordinary variables.
  void AddSignifiers(pugi::xml_node variables);
  // The variable and canonical value of a <VariableValue>; kData at it when
  // the reference or value is wrong. Nothing for an empty value.
  std::optional<std::pair<VariableInfo, std::string>> ValueOf(pugi::xml_node element);
  void SetValue(VariableSubject subject, int64_t id, const VariableInfo& info,
                const std::string& value);
  void ReadCase(pugi::xml_node element);

  // The sources (refi_sources.cc).
  // Text of a Note or TextSource: PlainTextContent, or the plainTextPath file.
  SourceText TextOf(pugi::xml_node source);
  void ReadSource(pugi::xml_node element);
  void ReadTextSource(pugi::xml_node source);
  // An AudioSource or VideoSource: each Transcript an interview story, with
  // its speaker turns (labels as `import transcript` reads them) and the
  // codings of its TranscriptSelections; a recording without one is skipped.
  void ReadMediaSource(pugi::xml_node source);
  // A transcript's SyncPoint: where it is in the stored text, and its time.
  struct SyncPoint {
    int64_t stored = 0;
    std::optional<std::string> time;  // "00:12:03"
  };
  // The SyncPoints of `transcript` by GUID; kData at one without a position
  // in the text.
  std::map<std::string, SyncPoint> SyncPointsOf(pugi::xml_node transcript,
                                                const SourcePositionMap& map);
  // The position map of the text of `element` (a TextSource or Transcript),
  // or nothing when it has none, which is reported as `what` skipped.
  std::optional<SourcePositionMap> MapText(pugi::xml_node element, const std::string& what,
                                           const std::string& name, const Location& at);
  // Stores the story of source `element` with the text `map` holds (taken
  // from it), its values, memos and whole-source codings; nothing when the
  // project's story of that key has another text and was kept.
  std::optional<StoredSource> StoreSource(pugi::xml_node element, const std::string& guid,
                                          const std::string& name, const std::string& kind,
                                          SourcePositionMap& map);
  // Stores the signifier answers of a source's story; kData at `element`
  // for an answer that does not fit its signifier.
  void SetAnswers(pugi::xml_node element, const StoredSource& story,
                  const std::vector<std::pair<SignifierVariable, std::string>>& answers);
  // A selection without a code that `export refi` wrote for a speaker turn:
  // kept in turns_ (true), or not such a selection (false).
  bool IsSpeakerTurn(pugi::xml_node selection, int64_t start, int64_t end);
  // Replaces the speaker turns of story `story_id` with turns_.
  void StoreTurns(int64_t story_id);
  // The code id of a <Coding>'s CodeRef; kData at it for an unknown GUID.
  int64_t CodeOf(pugi::xml_node coding);
  void ReadSelection(pugi::xml_node selection, const StoredSource& story,
                     const SourcePositionMap& map);
  // The codings and memos of a selection (of a text or a transcript) whose
  // span in the stored text is [start, end).
  void AddSelection(pugi::xml_node selection, const StoredSource& story, int64_t start,
                    int64_t end);

  // Memos (refi_import.cc).
  // Adds the memo for note `guid` with the story/code/span of `memo`.
  void AddNoteMemo(const std::string& guid, Memo memo);

  // Adds `memo` unless its story, code and span hold a memo with the same
  // title and text already (an import of the same project again).
  void AddMemoOnce(const Memo& memo);

  // Makes note `guid` the memo of `coding` (kept as it is when it has that
  // memo already).
  void SetCodingNote(const std::string& guid, const Coding& coding);

  // Keeps the memo of the <Note> that `ref` names, for the end.
  void AddNoteMemo(pugi::xml_node ref, Memo memo);

  // Keeps a memo with its own text, for the end.
  void AddOwnMemo(Memo memo) { pending_memos_.push_back({std::move(memo), "", Location{}}); }

  void AttachCodeNotes(pugi::xml_node codes);

  Project& project_;
  const RefiPackage& package_;
  const RefiImportOptions& options_;
  StoryImporter importer_;
  uint64_t external_bytes_ = 0;  // read from files beside a bare .qde
  CodingAdder codings_;
  const RefiXml* xml_ = nullptr;  // the piece being read
  std::string base_path_;         // the root's basePath, for relative:// sources
  RefiImportReport report_;
  LineBreakCounting counting_ = LineBreakCounting::kEachCharacter;
  std::string default_user_;
  std::map<std::string, std::string> users_;  // GUID -> coder name
  std::map<std::string, int64_t> codes_;      // GUID -> code id
  std::map<std::string, VariableInfo> variables_;
  SignifierDescriptions signifier_definitions_;  // as the variables describe them
  std::map<std::string, Signifier> signifiers_;  // key -> as stored
  std::vector<std::string> signifier_order_;     // keys, as the variables come
  std::map<std::string, Note> notes_;
  std::map<std::string, int64_t> source_respondent_;
  std::map<std::string, std::vector<PendingValue>> pending_story_values_;
  std::vector<PendingMemo> pending_memos_;
  std::vector<SpeakerTurn> turns_;  // of the source being read
  std::set<std::string> story_keys_;
  std::map<std::string, int64_t> coder_ids_;  // user GUID -> coder id
  size_t ignored_links_ = 0;
  size_t ignored_sets_ = 0;
  size_t ignored_graphs_ = 0;
};

}  // namespace verhaal::refi_import

#endif  // VERHAAL_IMPORTERS_REFI_PROJECT_IMPORT_H_
