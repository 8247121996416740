#include "privacy/clean_copy.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "base/error.h"
#include "corpus/backup.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/project_settings.h"
#include "corpus/respondents.h"
#include "corpus/rewrite.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "privacy/key_file.h"
#include "privacy/span_map.h"
#include "privacy/tokens.h"

namespace verhaal {
namespace {

SpanMap MapOf(const Field& field, const Pseudonyms& pseudonyms) {
  std::vector<Replaced> replaced;
  int64_t points = 0;
  size_t at = 0;
  for (const Detection& d : field.detections) {
    points +=
        static_cast<int64_t>(CodePoints(std::string_view(field.text).substr(at, d.begin - at)));
    const std::string_view original = std::string_view(field.text).substr(d.begin, d.end - d.begin);
    const int64_t length = static_cast<int64_t>(CodePoints(original));
    const std::string& pseudonym = pseudonyms.Of(d.category, original);
    replaced.push_back({points, points + length, static_cast<int64_t>(CodePoints(pseudonym))});
    points += length;
    at = d.end;
  }
  return SpanMap(std::move(replaced));
}

// Removes the staged copy (and its SQLite side files) and a key written by
// this run, unless disarmed.
class Cleanup {
 public:
  explicit Cleanup(std::vector<std::filesystem::path> files) : files_(std::move(files)) {}
  Cleanup(const Cleanup&) = delete;
  Cleanup& operator=(const Cleanup&) = delete;
  ~Cleanup() {
    if (!armed_) return;
    std::error_code ignored;
    for (const auto& f : files_) std::filesystem::remove(f, ignored);
  }
  void Add(std::filesystem::path f) { files_.push_back(std::move(f)); }
  void Disarm() { armed_ = false; }

 private:
  std::vector<std::filesystem::path> files_;
  bool armed_ = true;
};

using CodingKey = std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t>;

void Rewrite(Project& copy, Project& original, const std::vector<Field>& fields,
             const Pseudonyms& pseudonyms, CleanCopyReport& report) {
  std::map<int64_t, const Field*> texts, titles, memos;
  std::map<CodingKey, std::string> coding_memos;
  const std::vector<Coding> original_codings = ListCodings(original);
  for (const Field& f : fields) {
    if (f.kind == FieldKind::kStoryText) texts[f.id] = &f;
    if (f.kind == FieldKind::kStoryTitle) titles[f.id] = &f;
    if (f.kind == FieldKind::kMemo) memos[f.id] = &f;
    if (f.kind == FieldKind::kCodingMemo && !f.detections.empty()) {
      const Coding& c = original_codings[static_cast<size_t>(f.owner)];
      coding_memos[{c.story_id, c.code_id, c.coder_id, c.start, c.end}] = Replace(f, pseudonyms);
    }
  }
  std::map<int64_t, SpanMap> maps;
  for (const auto& [id, text] : texts) {
    const auto title = titles.find(id);
    const bool title_changed = title != titles.end() && !title->second->detections.empty();
    if (text->detections.empty() && !title_changed) continue;
    const std::optional<Story> story = FindStoryById(copy, id);
    maps.emplace(id, MapOf(*text, pseudonyms));
    ReplaceStoryText(copy, id, title_changed ? Replace(*title->second, pseudonyms) : story->title,
                     Replace(*text, pseudonyms));
  }
  // Speaker turns: moved with their story's text, named speakers replaced.
  std::map<int64_t, std::map<std::string, std::string>> speakers;  // story -> label -> new
  for (const Field& f : fields) {
    if (f.kind == FieldKind::kSpeaker && !f.detections.empty()) {
      speakers[f.id][f.text] = Replace(f, pseudonyms);
    }
  }
  std::set<int64_t> told;
  for (const auto& entry : maps) told.insert(entry.first);
  for (const auto& entry : speakers) told.insert(entry.first);
  for (const int64_t id : told) {
    std::vector<SpeakerTurn> turns = ListSpeakerTurns(copy, id);
    if (turns.empty()) continue;
    const auto map = maps.find(id);
    const auto names = speakers.find(id);
    for (SpeakerTurn& t : turns) {
      if (map != maps.end()) {
        t.start = map->second.Start(t.start);
        t.end = map->second.End(t.end);
      }
      if (names == speakers.end()) continue;
      const auto name = names->second.find(t.speaker);
      if (name != names->second.end()) t.speaker = name->second;
    }
    ReplaceSpeakerTurns(copy, id, turns);
  }
  // Codings: moved with their story's text, memos replaced.
  std::map<int64_t, std::vector<Coding>> by_story;
  for (Coding& c : ListCodings(copy)) by_story[c.story_id].push_back(std::move(c));
  for (auto& [story_id, codings] : by_story) {
    const auto map = maps.find(story_id);
    bool changed = map != maps.end();
    for (Coding& c : codings) {
      const auto memo = coding_memos.find({c.story_id, c.code_id, c.coder_id, c.start, c.end});
      if (memo != coding_memos.end()) {
        c.memo = memo->second;
        changed = true;
      }
      if (map != maps.end()) {
        c.start = map->second.Start(c.start);
        c.end = map->second.End(c.end);
      }
    }
    report.codings += changed ? ReplaceStoryCodings(copy, story_id, codings)
                              : static_cast<int64_t>(codings.size());
  }
  for (Memo& memo : ListMemos(copy)) {
    const auto field = memos.find(memo.id);
    const bool text_changed = field != memos.end() && !field->second->detections.empty();
    const auto map = memo.story_id ? maps.find(*memo.story_id) : maps.end();
    const bool moved = map != maps.end() && memo.start && memo.end;
    if (!text_changed && !moved) continue;
    if (text_changed) memo.text = Replace(*field->second, pseudonyms);
    if (moved) {
      memo.start = map->second.Start(*memo.start);
      memo.end = map->second.End(*memo.end);
    }
    UpdateMemo(copy, memo);
  }
  for (const Field& f : fields) {
    if (f.detections.empty()) continue;
    if (f.kind == FieldKind::kVariable) {
      const std::string value = Replace(f, pseudonyms);
      if (f.of_respondent) {
        SetRespondentValue(copy, f.owner, f.id, value);
      } else {
        SetStoryValue(copy, f.owner, f.id, value);
      }
    } else if (f.kind == FieldKind::kStoryDate) {
      SetStoryDate(copy, f.id, Replace(f, pseudonyms));
    } else if (f.kind == FieldKind::kRespondentKey) {
      RenameRespondent(copy, f.id, Replace(f, pseudonyms));
    } else if (f.kind == FieldKind::kSignifierText) {
      const std::optional<Signifier> signifier = FindSignifier(copy, f.name);
      SignifierValue value;
      value.text = Replace(f, pseudonyms);
      if (signifier) SetSignifierValue(copy, *signifier, f.owner, value);
    }
  }
}

}  // namespace

std::string Replace(const Field& field, const Pseudonyms& pseudonyms) {
  std::string out;
  size_t at = 0;
  for (const Detection& d : field.detections) {
    out.append(field.text, at, d.begin - at);
    out += pseudonyms.Of(d.category, std::string_view(field.text).substr(d.begin, d.end - d.begin));
    at = d.end;
  }
  out.append(field.text, at, std::string::npos);
  return out;
}

CleanCopyReport WriteCleanCopy(Project& original, const std::vector<Field>& fields,
                               const CleanCopyOptions& options) {
  namespace fs = std::filesystem;
  const auto refuse_existing = [](const fs::path& path, std::string_view what) {
    if (fs::exists(path)) {
      throw Error(ErrorKind::kCannotCreate,
                  std::string(what) + " " + path.string() +
                      " exists; choose a new name (verhaal never overwrites it)");
    }
  };
  refuse_existing(options.out, "the output");
  refuse_existing(options.key, "the key file");
  if (fs::weakly_canonical(options.out) == fs::weakly_canonical(options.key)) {
    throw UsageError("--out and --key must be different files");
  }
  if (fs::weakly_canonical(options.out) == fs::weakly_canonical(original.file())) {
    throw UsageError("--out must be a new file, not the project itself");
  }
  const Pseudonyms pseudonyms(fields, options.style);
  CleanCopyReport report;
  report.counts = pseudonyms.counts();
  report.entities = pseudonyms.entries().size();

  const fs::path staged =
      options.out.parent_path() / ("." + options.out.filename().string() + ".partial");
  Cleanup cleanup(
      {staged, staged.string() + "-wal", staged.string() + "-shm", staged.string() + "-journal"});
  {
    std::error_code ignored;
    fs::remove(staged, ignored);
  }
  BackupProject(original, staged);
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [category, n] : report.counts) counts[std::string(CategoryName(category))] = n;
  const nlohmann::json note = {
      {"method",
       "verhaal pseudonymise: patterns with validation, name/place/organisation lists, "
       "context cues, project metadata and consistency (docs/privacy.md)"},
      {"style", options.style == PseudonymStyle::kNames ? "names" : "tags"},
      {"date", options.created},
      {"source", original.file().filename().string()},
      {"counts", counts},
      {"entities", report.entities}};
  {
    Project copy = Project::Open(staged);
    {
      Transaction transaction(copy);
      Rewrite(copy, original, fields, pseudonyms, report);
      SetProjectSetting(copy, "pseudonymised", note.dump());
      RebuildSearchIndex(copy);
      transaction.Commit();
    }
    CompactProject(copy);  // no trace of the replaced text in free pages
  }
  PseudonymKey key{original.file().filename().string(), options.created, pseudonyms.entries()};
  WriteKeyFile(options.key, key, options.passphrase);
  cleanup.Add(options.key);
  refuse_existing(options.out, "the output");
  fs::rename(staged, options.out);
  cleanup.Add(options.out);
  {
    Transaction transaction(original);
    nlohmann::json copies = nlohmann::json::array();
    if (const auto earlier = GetProjectSetting(original, "pseudonymised_copies")) {
      copies = nlohmann::json::parse(*earlier, nullptr, false);
      if (!copies.is_array()) copies = nlohmann::json::array();
    }
    copies.push_back(
        {{"file", options.out.filename().string()}, {"date", options.created}, {"counts", counts}});
    SetProjectSetting(original, "pseudonymised_copies", copies.dump());
    transaction.Commit();
  }
  cleanup.Disarm();
  return report;
}

}  // namespace verhaal
