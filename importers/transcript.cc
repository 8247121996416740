#include "importers/transcript.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/text.h"
#include "corpus/variables.h"
#include "importers/encoding.h"
#include "importers/story_import.h"

namespace verhaal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "00:12:03", "12:03" or "1:02:03" at the start of `s`; returns its length.
size_t TimestampLength(std::string_view s) {
  size_t i = 0;
  int groups = 0;
  while (groups < 3) {
    size_t digits = 0;
    while (i < s.size() && IsDigit(s[i]) && digits < 2) {
      ++i;
      ++digits;
    }
    if (digits == 0) return 0;
    ++groups;
    if (i < s.size() && s[i] == ':' && i + 1 < s.size() && IsDigit(s[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  return groups >= 2 ? i : 0;
}

// A speaker label: one to three words, each starting with a capital (or a
// non-ASCII letter), at most 40 bytes, or one of the interviewer labels.
bool IsSpeaker(std::string_view label, const std::vector<std::string>& interviewers) {
  if (label.empty() || label.size() > 40) return false;
  if (std::find(interviewers.begin(), interviewers.end(), label) != interviewers.end()) {
    return true;
  }
  int words = 0;
  bool word_start = true;
  for (char c : label) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ') {
      if (word_start) return false;  // two spaces
      word_start = true;
      continue;
    }
    if (word_start) {
      ++words;
      if (!(std::isupper(u) || u >= 0x80)) return false;
      word_start = false;
    } else if (!(std::isalnum(u) || u >= 0x80 || c == '-' || c == '.' || c == '\'')) {
      return false;
    }
  }
  return words >= 1 && words <= 3 && !word_start;
}

struct Label {
  std::string speaker;
  std::string timestamp;
  size_t content = 0;  // byte offset of the words after the label, in the line
};

std::optional<Label> ParseLabel(std::string_view line,
                                const std::vector<std::string>& interviewers) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  Label label;
  const bool bracket = i < line.size() && (line[i] == '[' || line[i] == '(');
  const size_t stamp = TimestampLength(line.substr(i + (bracket ? 1 : 0)));
  if (stamp > 0) {
    label.timestamp = std::string(line.substr(i + (bracket ? 1 : 0), stamp));
    i += stamp + (bracket ? 1 : 0);
    if (bracket) {
      if (i >= line.size() || (line[i] != ']' && line[i] != ')')) return std::nullopt;
      ++i;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  } else if (bracket) {
    return std::nullopt;
  }
  const size_t colon = line.find(':', i);
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view speaker = line.substr(i, colon - i);
  while (!speaker.empty() && speaker.back() == ' ') speaker.remove_suffix(1);
  if (!IsSpeaker(speaker, interviewers)) return std::nullopt;
  label.speaker = std::string(speaker);
  label.content = colon + 1;
  while (label.content < line.size() && line[label.content] == ' ') ++label.content;
  return label;
}

}  // namespace

std::vector<SpeakerTurn> ParseTranscript(std::string_view text,
                                         const std::vector<std::string>& interviewers) {
  struct ByteTurn {
    SpeakerTurn turn;
    size_t start = 0;
    size_t end = 0;
  };
  std::vector<ByteTurn> turns;
  size_t at = 0;
  while (at < text.size()) {
    size_t next = text.find('\n', at);
    if (next == std::string_view::npos) next = text.size();
    const std::string_view line = text.substr(at, next - at);
    if (auto label = ParseLabel(line, interviewers)) {
      ByteTurn t;
      t.turn.speaker = label->speaker;
      t.turn.timestamp = label->timestamp;
      t.turn.interviewer =
          std::find(interviewers.begin(), interviewers.end(), label->speaker) != interviewers.end();
      t.start = at + label->content;
      t.end = t.start;
      turns.push_back(t);
    }
    if (!turns.empty() && line.find_first_not_of(" \t") != std::string_view::npos) {
      turns.back().end = std::max(turns.back().start, next);
    }
    at = next + 1;
  }
  OffsetIndex index(text);
  std::vector<SpeakerTurn> out;
  for (auto& t : turns) {
    t.turn.position = static_cast<int>(out.size());
    t.turn.start = static_cast<int64_t>(index.CodePointOf(t.start));
    t.turn.end = static_cast<int64_t>(index.CodePointOf(t.end));
    out.push_back(t.turn);
  }
  return out;
}

ImportReport ImportTranscript(Project& project, const std::filesystem::path& file,
                              const TranscriptOptions& transcript, const ImportOptions& options) {
  const std::string name = file.string();
  IncomingStory in;
  Story& s = in.story;
  std::vector<std::string> warnings;
  s.text = NormalizeText(ReadTextFile(file, EncodingFor(file, transcript.encoding, warnings)),
                         Location{name, 0, 0, ""});
  const auto turns = ParseTranscript(s.text, transcript.interviewers);
  if (turns.empty()) {
    throw DataError(
        "no speaker turns found; start each turn with a label like "
        "\"Interviewer: \", \"R: \" or \"[00:12:03] Amina: \" (see "
        "docs/transcripts.md)",
        Location{name, 1, 0, ""});
  }
  s.key = transcript.key.empty() ? file.stem().string() : transcript.key;
  s.kind = "interview";
  s.title = transcript.title;
  s.date = CheckVariableValue(VariableType::kDate, transcript.date);
  s.language = transcript.language;
  s.source_file = name;
  s.source_line = 1;
  in.respondent_key = transcript.respondent;
  in.role = transcript.role;
  in.key_at = Location{name, 1, 0, ""};
  in.text_at = in.key_at;
  StoryImporter importer(project, options);
  for (auto& w : warnings) importer.report().warnings.push_back(std::move(w));
  const auto result = importer.Add(std::move(in));
  if (result.write_values()) ReplaceSpeakerTurns(project, result.story_id, turns);
  return importer.Finish();
}

}  // namespace verhaal
