// The sources of a REFI-QDA project (refi_project_import.h): each
// TextSource, and each Transcript of an AudioSource or VideoSource, becomes
// a story through StoryImporter, with its text (PlainTextContent, a file in
// the archive or, for a bare .qde, beside it), its positions mapped to the
// stored text (refi_positions.h), its variables and signifier answers, its
// speaker turns, and the codings and memos of its selections.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "base/text.h"
#include "corpus/files.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "importers/refi_code_tree.h"
#include "importers/refi_project_import.h"
#include "importers/story_import.h"
#include "importers/transcript.h"

namespace verhaal::refi_import {
namespace {

// The story kind/wave/date/language travel as story variables of these names
// (see docs/refi-qda.md); anything else is a story variable.
bool SetStoryField(Story& story, const std::string& name, const std::string& value) {
  if (name == "kind" && IsStoryKind(value)) {
    story.kind = value;
  } else if (name == "wave" && !value.empty() &&
             value.find_first_not_of("0123456789") == std::string::npos && value.size() < 9) {
    story.wave = std::stoi(value);
  } else if (name == "date" && value.size() == 10) {
    story.date = value;
  } else if (name == "language" && value.size() <= 3) {
    story.language = value;
  } else {
    return false;
  }
  return true;
}

}  // namespace

SourceText ProjectImport::TextOf(pugi::xml_node source) {
  if (pugi::xml_node content = ChildNamed(source, "PlainTextContent")) {
    return {std::string(content.text().get()), ""};
  }
  const std::string path = source.attribute("plainTextPath").value();
  if (path.empty()) return {std::nullopt, "it has neither PlainTextContent nor plainTextPath"};
  const std::string lower = AsciiLower(path);
  if (lower.rfind("internal://", 0) == 0) {
    const std::string name = lower.substr(11);
    if (std::optional<std::string> text = ReadRefiSource(package_, name)) {
      return {std::move(*text), ""};
    }
    if (package_.bare_project) {
      return {std::nullopt, path +
                                " is inside the .qdpx, and only the bare .qde was given; "
                                "import the .qdpx to get its text"};
    }
    return {std::nullopt, path + " is missing from the archive's sources folder"};
  }
  if (!package_.bare_project) {
    return {std::nullopt, "its plainTextPath '" + path +
                              "' is outside the archive; verhaal reads only the sources inside "
                              "a .qdpx"};
  }
  if (!options_.allow_external_sources) {
    return {std::nullopt, "its plainTextPath '" + path +
                              "' is a file outside the .qde; import the .qdpx, or give "
                              "--allow-external-sources to read files in the .qde's folder"};
  }
  std::filesystem::path file;
  if (lower.rfind("relative://", 0) == 0) {
    std::filesystem::path base = base_path_;
    if (base.empty() || !std::filesystem::exists(base)) base = package_.base_folder;
    file = base / path.substr(11);
  } else if (lower.rfind("absolute://", 0) == 0) {
    file = path.substr(11);
  } else {
    return {std::nullopt,
            "its plainTextPath '" + path + "' is not internal://, relative:// or absolute://"};
  }
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return {std::nullopt, path + " points to " + file.string() + ", which does not exist"};
  }
  const std::filesystem::path folder =
      std::filesystem::canonical(package_.base_folder.empty() ? "." : package_.base_folder, ec);
  const std::filesystem::path real = std::filesystem::canonical(file, ec);
  const std::filesystem::path inside = real.lexically_relative(folder);
  if (ec || inside.empty() || *inside.begin() == "..") {
    return {std::nullopt, path + " points to " + file.string() +
                              ", outside the .qde's folder; verhaal reads no files there"};
  }
  const uint64_t size = std::filesystem::file_size(real, ec);
  external_bytes_ += size;
  if (ec || size > package_.limits.max_entry_bytes ||
      external_bytes_ > package_.limits.max_total_bytes) {
    throw DataError(path + " points to " + file.string() + " of " + std::to_string(size) +
                        " bytes; a source may have at most " +
                        std::to_string(package_.limits.max_entry_bytes >> 20) +
                        " MB and all sources together " +
                        std::to_string(package_.limits.max_total_bytes >> 20) + " MB",
                    Location{package_.file, 0, 0, ""});
  }
  return {ReadWholeFile(real), ""};
}

void ProjectImport::ReadSource(pugi::xml_node element) {
  const std::string_view kind = LocalName(element);
  if (kind == "TextSource") {
    ReadTextSource(element);
    return;
  }
  if (kind == "AudioSource" || kind == "VideoSource") {
    ReadMediaSource(element);
    return;
  }
  const std::string name = element.attribute("name").value();
  const Location at = xml_->LocationOf(element);
  report_.skipped.push_back(std::string(kind) + " '" + name + "' (line " + std::to_string(at.line) +
                            ") skipped: verhaal imports text sources and transcripts only");
}

void ProjectImport::ReadMediaSource(pugi::xml_node element) {
  const std::string kind(LocalName(element));
  const std::string guid = GuidAttribute(*xml_, element, "guid");
  std::string name = element.attribute("name").value();
  if (name.empty()) name = guid;
  const Location at = xml_->LocationOf(element);
  const auto transcripts = ChildrenNamed(element, "Transcript");
  if (transcripts.empty()) {
    report_.skipped.push_back(kind + " '" + name + "' (line " + std::to_string(at.line) +
                              ") skipped: it has no transcript, and verhaal imports text "
                              "sources and transcripts only");
    return;
  }
  const size_t media_selections =
      ChildrenNamed(element, kind == "AudioSource" ? "AudioSelection" : "VideoSelection").size();
  if (media_selections > 0) {
    report_.notes.push_back(std::to_string(media_selections) + " selections of the recording of " +
                            kind + " '" + name +
                            "' not imported (verhaal codes text: code its transcript)");
  }
  for (size_t n = 0; n < transcripts.size(); ++n) {
    const pugi::xml_node transcript = transcripts[n];
    // One transcript is the source's story; several are told apart by name.
    std::string story_name = name;
    if (transcripts.size() > 1) {
      const std::string own = transcript.attribute("name").value();
      story_name += " - " + (own.empty() ? "transcript " + std::to_string(n + 1) : own);
    }
    std::optional<SourcePositionMap> map =
        MapText(transcript, "transcript of " + kind + " '" + name + "'", story_name,
                xml_->LocationOf(transcript));
    if (!map) continue;
    const std::map<std::string, SyncPoint> sync = SyncPointsOf(transcript, *map);
    std::vector<SpeakerTurn> turns = ParseTranscript(map->stored_text(), kDefaultInterviewers);
    for (SpeakerTurn& turn : turns) {
      // The time of the turn's earliest sync point, when its label had none.
      const SyncPoint* earliest = nullptr;
      for (const auto& [id, point] : sync) {
        if (point.time && point.stored >= turn.start && point.stored < turn.end &&
            (!earliest || point.stored < earliest->stored)) {
          earliest = &point;
        }
      }
      if (turn.timestamp.empty() && earliest) turn.timestamp = *earliest->time;
    }
    const std::optional<StoredSource> story =
        StoreSource(element, guid, story_name, "interview", *map);
    if (!story) continue;
    if (!turns.empty()) ReplaceSpeakerTurns(project_, story->id, turns);
    Memo on_story;
    on_story.story_id = story->id;
    for (pugi::xml_node ref : ChildrenNamed(transcript, "NoteRef")) AddNoteMemo(ref, on_story);
    turns_.clear();
    for (pugi::xml_node selection : ChildrenNamed(transcript, "TranscriptSelection")) {
      auto point = [&](const char* attribute) {
        const std::string id = GuidAttribute(*xml_, selection, attribute);
        auto found = sync.find(id);
        if (found == sync.end()) {
          throw xml_->ErrorAt(selection, std::string(attribute) + " " + id +
                                             " names no <SyncPoint> of this transcript");
        }
        return found->second.stored;
      };
      const int64_t start = point("fromSyncPoint");
      const int64_t end = point("toSyncPoint");
      if (end < start) {
        throw xml_->ErrorAt(selection,
                            "toSyncPoint lies before fromSyncPoint; the selection is reversed");
      }
      AddSelection(selection, *story, start, end);
    }
    if (!turns_.empty()) StoreTurns(story->id);
  }
}

std::map<std::string, ProjectImport::SyncPoint> ProjectImport::SyncPointsOf(
    pugi::xml_node transcript, const SourcePositionMap& map) {
  std::map<std::string, SyncPoint> points;
  for (pugi::xml_node element : ChildrenNamed(transcript, "SyncPoint")) {
    const std::string id = GuidAttribute(*xml_, element, "guid");
    const std::string position = element.attribute("position").value();
    if (position.empty() || position.size() > 12 ||
        position.find_first_not_of("0123456789") != std::string::npos) {
      throw xml_->ErrorAt(element, "SyncPoint position '" + position +
                                       "' is not a position (a whole number from 0); verhaal "
                                       "places transcript selections by their sync points");
    }
    const auto stored = map.StartOf(static_cast<size_t>(std::stoll(position)));
    if (!stored) {
      throw xml_->ErrorAt(element, "SyncPoint position " + position +
                                       " lies beyond the end of the transcript, which has " +
                                       std::to_string(map.source_length()) + " characters");
    }
    SyncPoint point;
    point.stored = static_cast<int64_t>(*stored);
    const std::string ms = element.attribute("timeStamp").value();
    if (!ms.empty() && ms.size() < 12 && ms.find_first_not_of("0123456789") == std::string::npos) {
      const int64_t seconds = std::stoll(ms) / 1000;
      char clock[32];
      std::snprintf(
          clock, sizeof clock, "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
          static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
      point.time = clock;
    }
    points[id] = point;
  }
  return points;
}

void ProjectImport::ReadTextSource(pugi::xml_node element) {
  const std::string guid = GuidAttribute(*xml_, element, "guid");
  std::string name = element.attribute("name").value();
  if (name.empty()) name = guid;
  const Location at = xml_->LocationOf(element);
  std::optional<SourcePositionMap> map = MapText(element, "source '" + name + "'", name, at);
  if (!map) return;
  const std::optional<StoredSource> story = StoreSource(element, guid, name, options_.kind, *map);
  if (!story) return;
  turns_.clear();
  for (pugi::xml_node selection : ChildrenNamed(element, "PlainTextSelection")) {
    ReadSelection(selection, *story, *map);
  }
  if (!turns_.empty()) StoreTurns(story->id);
}

bool ProjectImport::IsSpeakerTurn(pugi::xml_node selection, int64_t start, int64_t end) {
  // "speaker: NAME", then " (interviewer)" and " at 00:12:03" when they
  // apply, as `export refi` writes a turn (docs/refi-qda.md).
  SpeakerTurn turn;
  turn.speaker = selection.attribute("name").value();
  const std::string prefix = "speaker: " + turn.speaker;
  std::string_view rest = ChildNamed(selection, "Description").text().get();
  if (turn.speaker.empty() || rest.substr(0, prefix.size()) != prefix || start >= end) {
    return false;
  }
  rest.remove_prefix(prefix.size());
  constexpr std::string_view kInterviewer = " (interviewer)";
  constexpr std::string_view kAt = " at ";
  if (rest.substr(0, kInterviewer.size()) == kInterviewer) {
    turn.interviewer = true;
    rest.remove_prefix(kInterviewer.size());
  }
  if (rest.substr(0, kAt.size()) == kAt) {
    turn.timestamp = std::string(rest.substr(kAt.size()));
    rest = {};
  }
  if (!rest.empty()) return false;
  turn.start = start;
  turn.end = end;
  turns_.push_back(std::move(turn));
  return true;
}

void ProjectImport::StoreTurns(int64_t story_id) {
  std::stable_sort(turns_.begin(), turns_.end(),
                   [](const SpeakerTurn& a, const SpeakerTurn& b) { return a.start < b.start; });
  try {
    ReplaceSpeakerTurns(project_, story_id, turns_);
  } catch (const Error& e) {
    throw DataError(e.message() + " (speaker turns of story " + std::to_string(story_id) + ")",
                    Location{package_.file, 0, 0, ""});
  }
  turns_.clear();
}

std::optional<SourcePositionMap> ProjectImport::MapText(pugi::xml_node element,
                                                        const std::string& what,
                                                        const std::string& name,
                                                        const Location& at) {
  SourceText text = TextOf(element);
  if (!text.bytes) {
    report_.skipped.push_back(what + " (line " + std::to_string(at.line) +
                              ") has no plain text: " + text.why_missing);
    return std::nullopt;
  }
  if (text.bytes->find_first_not_of(" \t\r\n") == std::string::npos) {
    report_.skipped.push_back(what + " (line " + std::to_string(at.line) +
                              ") has no plain text: its text is empty (the tool may have kept "
                              "the text only in the rich-text file; export it as plain text)");
    return std::nullopt;
  }
  return SourcePositionMap(*text.bytes, counting_, Location{package_.file + ":" + name, 0, 0, ""});
}

std::optional<StoredSource> ProjectImport::StoreSource(pugi::xml_node element,
                                                       const std::string& guid,
                                                       const std::string& name,
                                                       const std::string& kind,
                                                       SourcePositionMap& map) {
  const Location at = xml_->LocationOf(element);
  IncomingStory incoming;
  Story& story = incoming.story;
  // Sources are told apart by GUID, stories by key: a second source of the
  // same name in this project gets the next free key, the same each time.
  story.key = name;
  for (int n = 2; story_keys_.count(story.key); ++n) {
    story.key = name + " (" + std::to_string(n) + ")";
  }
  if (story.key != name) {
    report_.notes.push_back("source '" + name + "' stored as story '" + story.key +
                            "': another source of this project has that name");
  }
  story_keys_.insert(story.key);
  story.kind = kind;
  const std::string description = ChildNamed(element, "Description").text().get();
  const bool title_like = !description.empty() && description.size() <= 200 &&
                          description.find('\n') == std::string::npos;
  if (title_like) story.title = description;
  StoredSource stored;
  stored.length = static_cast<int64_t>(map.stored_length());
  story.text = map.TakeStoredText();
  story.source_file = package_.file;
  story.source_line = at.line;
  if (auto respondent = source_respondent_.find(guid); respondent != source_respondent_.end()) {
    story.respondent_id = respondent->second;
  }
  std::vector<std::pair<VariableInfo, std::string>> values;
  std::vector<std::pair<SignifierVariable, std::string>> answers;
  auto keep = [&](const std::optional<std::pair<VariableInfo, std::string>>& parsed) {
    if (!parsed) return;
    if (parsed->first.signifier) {
      answers.emplace_back(*parsed->first.signifier, parsed->second);
    } else if (!SetStoryField(story, parsed->first.name, parsed->second)) {
      values.push_back(*parsed);
    }
  };
  for (pugi::xml_node value : ChildrenNamed(element, "VariableValue")) keep(ValueOf(value));
  if (auto pending = pending_story_values_.find(guid); pending != pending_story_values_.end()) {
    for (const PendingValue& value : pending->second) {
      if (value.error) std::rethrow_exception(value.error);
      keep(value.value);
    }
    pending_story_values_.erase(pending);
  }
  stored.key = story.key;
  incoming.key_at = at;
  incoming.text_at = at;
  StoryImporter::Prepare(incoming);
  const StoryImporter::Result result = importer_.Store(std::move(incoming));
  if (result.outcome == StoryImporter::Outcome::kChanged) {
    importer_.report().warnings.push_back(
        "source '" + name +
        "': its codings, memos and values were not imported, as they belong "
        "to its new text");
    return std::nullopt;
  }
  stored.id = result.story_id;
  for (const auto& [info, value] : values) {
    SetValue(VariableSubject::kStory, stored.id, info, value);
  }
  if (!answers.empty()) SetAnswers(element, stored, answers);
  Memo on_story;
  on_story.story_id = stored.id;
  if (!description.empty() && !title_like) {
    Memo memo = on_story;
    memo.title = "description";
    memo.text = description;
    AddOwnMemo(memo);
  }
  for (pugi::xml_node ref : ChildrenNamed(element, "NoteRef")) AddNoteMemo(ref, on_story);
  for (pugi::xml_node coding : ChildrenNamed(element, "Coding")) {
    // A coding of the whole source.
    Coding c;
    c.story_id = stored.id;
    c.code_id = CodeOf(coding);
    c.coder_id = CoderFor(GuidAttribute(*xml_, coding, "creatingUser", false));
    c.start = 0;
    c.end = stored.length;
    c.origin = "import:refi";
    c.created = coding.attribute("creationDateTime").value();
    if (codings_.Add(c, stored.key, stored.length)) ++report_.codings;
  }
  return stored;
}

void ProjectImport::SetAnswers(
    pugi::xml_node element, const StoredSource& story,
    const std::vector<std::pair<SignifierVariable, std::string>>& answers) {
  std::map<std::string, SignifierValue> values;
  try {
    for (const auto& [variable, value] : answers) {
      AddSignifierAnswer(variable, value, signifiers_, values);
    }
    for (auto& [key, value] : values) {
      SetSignifierValue(project_, signifiers_.at(key), story.id, std::move(value));
    }
  } catch (const Error& e) {
    throw xml_->ErrorAt(element, "source '" + story.key + "': " + e.message());
  }
}

int64_t ProjectImport::CodeOf(pugi::xml_node coding) {
  const std::string code_guid = GuidAttribute(*xml_, ChildNamed(coding, "CodeRef"), "targetGUID");
  auto code = codes_.find(code_guid);
  if (code == codes_.end()) {
    throw xml_->ErrorAt(coding, "CodeRef " + code_guid + " names no code in the <CodeBook>");
  }
  return code->second;
}

void ProjectImport::ReadSelection(pugi::xml_node selection, const StoredSource& story,
                                  const SourcePositionMap& map) {
  const std::string start_text = selection.attribute("startPosition").value();
  const std::string end_text = selection.attribute("endPosition").value();
  auto parse = [&](const std::string& text, const char* what) -> size_t {
    if (text.empty() || text.size() > 12 ||
        text.find_first_not_of("0123456789") != std::string::npos) {
      throw xml_->ErrorAt(selection, std::string(what) + " '" + text +
                                         "' is not a position (a whole number from 0)");
    }
    return static_cast<size_t>(std::stoll(text));
  };
  const size_t start = parse(start_text, "startPosition");
  const size_t end = parse(end_text, "endPosition");
  if (end < start) {
    throw xml_->ErrorAt(selection, "endPosition " + end_text + " lies before startPosition " +
                                       start_text + "; the selection is reversed");
  }
  const auto stored_start = map.StartOf(start);
  const auto stored_end = map.EndOf(end);
  if (!stored_start || !stored_end) {
    throw xml_->ErrorAt(selection,
                        "the selection [" + start_text + ", " + end_text + ") lies beyond the " +
                            "end of source '" + story.key + "', which has " +
                            std::to_string(map.source_length()) +
                            " characters; if the tool counted CRLF as one character (ATLAS.ti) "
                            "or two, say so with --crlf one|two");
  }
  AddSelection(selection, story, static_cast<int64_t>(*stored_start),
               static_cast<int64_t>(*stored_end));
}

void ProjectImport::AddSelection(pugi::xml_node selection, const StoredSource& story, int64_t start,
                                 int64_t end) {
  const std::string selection_user = GuidAttribute(*xml_, selection, "creatingUser", false);
  Memo span;
  span.story_id = story.id;
  span.start = start;
  span.end = end;
  const auto codings = ChildrenNamed(selection, "Coding");
  for (pugi::xml_node coding : codings) {
    std::string user = GuidAttribute(*xml_, coding, "creatingUser", false);
    if (user.empty()) user = selection_user;
    Coding c;
    c.story_id = story.id;
    c.code_id = CodeOf(coding);
    c.coder_id = CoderFor(user);
    c.start = span.start.value();
    c.end = span.end.value();
    c.origin = "import:refi";
    c.created = coding.attribute("creationDateTime").value();
    if (c.created.empty()) c.created = selection.attribute("creationDateTime").value();
    if (codings_.Add(c, story.key, story.length)) ++report_.codings;
    // The first note on a coding is its own memo; any further ones are
    // memos on its span and code.
    Memo on_coding = span;
    on_coding.code_id = c.code_id;
    const auto notes = ChildrenNamed(coding, "NoteRef");
    for (size_t i = 0; i < notes.size(); ++i) {
      AddNoteMemo(notes[i], on_coding);
      if (i == 0) pending_memos_.back().coding = c;
    }
  }
  const auto refs = ChildrenNamed(selection, "NoteRef");
  for (pugi::xml_node ref : refs) AddNoteMemo(ref, span);
  if (codings.empty() && refs.empty() && IsSpeakerTurn(selection, start, end)) return;
  if (codings.empty() && refs.empty()) {
    // A selection without a code: keep it as a memo on that span.
    Memo memo = span;
    memo.title = selection.attribute("name").value();
    memo.text = ChildNamed(selection, "Description").text().get();
    if (memo.text.empty()) memo.text = memo.title;
    if (memo.text.empty()) memo.text = "selection without a code, imported from REFI-QDA";
    memo.created = selection.attribute("creationDateTime").value();
    auto user = users_.find(selection_user);
    if (user != users_.end()) memo.author = user->second;
    AddOwnMemo(memo);
  }
}

}  // namespace verhaal::refi_import
