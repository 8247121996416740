// Interview transcripts (docs/transcripts.md): plain text where each turn
// starts with a speaker label, "Interviewer: ...", "R: ...", or with a time
// stamp, "[00:12:03] Amina: ...". Lines without a label continue the turn.
// The whole transcript becomes one story of kind `interview` with each turn's
// speaker and span recorded (corpus/speaker_turns.h).
#ifndef VERHAAL_IMPORTERS_TRANSCRIPT_H_
#define VERHAAL_IMPORTERS_TRANSCRIPT_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"
#include "corpus/speaker_turns.h"
#include "importers/import_report.h"

namespace verhaal {

// Speaker labels counted as the interviewer when TranscriptOptions names none.
inline const std::vector<std::string> kDefaultInterviewers = {
    "Interviewer", "Interviewster", "Onderzoeker", "I", "Int", "Q", "Vraag"};

struct TranscriptOptions {
  std::string key;         // default: the file name without extension
  std::string respondent;  // the interviewee's respondent key; may be empty
  std::string role;
  std::string title;
  std::string date;  // YYYY-MM-DD or empty
  std::string language;
  std::string encoding;  // empty: guessed from the file (importers/encoding.h)
  std::vector<std::string> interviewers = kDefaultInterviewers;
};

// The turns of stored text `text` (NFC, "\n" line ends), spans in code
// points covering each turn's words without its label. Text before the first
// label is not a turn. Pure: no I/O.
std::vector<SpeakerTurn> ParseTranscript(std::string_view text,
                                         const std::vector<std::string>& interviewers);

// Imports `file` as one interview story (idempotent, see story_import.h).
// kData when no turn is found (with what a turn looks like), plus the errors
// of StoryImporter::Add.
ImportReport ImportTranscript(Project& project, const std::filesystem::path& file,
                              const TranscriptOptions& transcript, const ImportOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_IMPORTERS_TRANSCRIPT_H_
