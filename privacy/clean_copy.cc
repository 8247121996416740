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

// Writes the replacements into `copy` batch by batch as `scan` gives its
// fields again (reading codings and speaker turns from `original`, which the
// copy equals until then): story by story their texts, speaker turns and
// codings moved, then the other fields; memos at the end.
void Rewrite(Project& copy, Project& original, ProjectScan& scan, const Pseudonyms& pseudonyms,
             CleanCopyReport& report) {
  // Coding memos are replaced where their codings are moved, before the
  // scan reaches them.
  std::map<CodingKey, std::string> coding_memos;
  if (!scan.coding_memos().empty()) {
    CodingFilter with_memo;
    with_memo.with_memo = true;
    const std::vector<Coding> codings = ListCodings(original, with_memo);
    for (const Field& f : scan.coding_memos()) {
      const Coding& c = codings.at(static_cast<size_t>(f.owner));
      coding_memos[{c.story_id, c.code_id, c.coder_id, c.start, c.end}] = Replace(f, pseudonyms);
    }
  }
  std::map<int64_t, Memo> memos;                       // id -> memo, as it will be written
  std::map<int64_t, std::vector<int64_t>> span_memos;  // story id -> its memos on a span
  for (Memo& memo : ListMemos(copy)) {
    if (memo.story_id && memo.start && memo.end) span_memos[*memo.story_id].push_back(memo.id);
    memos.emplace(memo.id, std::move(memo));
  }
  std::set<int64_t> changed_memos;
  scan.ForEachBatch([&](std::vector<Field>& batch) {
    // The batch's stories: text, title, speakers.
    struct Told {
      const Field* text = nullptr;
      const Field* title = nullptr;
      std::map<std::string, std::string> speakers;  // label -> new label
    };
    std::map<int64_t, Told> stories;
    for (const Field& f : batch) {
      if (f.kind == FieldKind::kStoryText) stories[f.id].text = &f;
      if (f.kind == FieldKind::kStoryTitle) stories[f.id].title = &f;
      if (f.kind == FieldKind::kSpeaker && !f.detections.empty()) {
        stories[f.id].speakers[f.text] = Replace(f, pseudonyms);
      }
    }
    if (!stories.empty()) {
      const int64_t first = stories.begin()->first;
      const int64_t last = stories.rbegin()->first;
      const std::map<int64_t, std::vector<SpeakerTurn>> turns =
          ListSpeakerTurnsBetween(original, first, last);
      CodingFilter range;
      range.story_ids = {first, last};
      std::map<int64_t, std::vector<Coding>> by_story;
      for (Coding& c : ListCodings(original, range)) by_story[c.story_id].push_back(std::move(c));
      for (const auto& [id, story] : stories) {
        std::optional<SpanMap> map;
        const bool title_changed = story.title && !story.title->detections.empty();
        if (story.text && (!story.text->detections.empty() || title_changed)) {
          map = MapOf(*story.text, pseudonyms);
          ReplaceStoryText(copy, id,
                           title_changed ? Replace(*story.title, pseudonyms)
                           : story.title ? story.title->text
                                         : std::string(),
                           Replace(*story.text, pseudonyms));
        }
        // Speaker turns: moved with their story's text, named speakers
        // replaced.
        const auto told = turns.find(id);
        if ((map || !story.speakers.empty()) && told != turns.end() && !told->second.empty()) {
          std::vector<SpeakerTurn> moved = told->second;
          for (SpeakerTurn& t : moved) {
            if (map) {
              t.start = map->Start(t.start);
              t.end = map->End(t.end);
            }
            const auto name = story.speakers.find(t.speaker);
            if (name != story.speakers.end()) t.speaker = name->second;
          }
          ReplaceSpeakerTurns(copy, id, moved);
        }
        // Codings: moved with their story's text, memos replaced.
        const auto coded = by_story.find(id);
        if (coded != by_story.end()) {
          std::vector<Coding>& codings = coded->second;
          bool changed = map.has_value();
          for (Coding& c : codings) {
            const auto memo =
                coding_memos.find({c.story_id, c.code_id, c.coder_id, c.start, c.end});
            if (memo != coding_memos.end()) {
              c.memo = memo->second;
              changed = true;
            }
            if (map) {
              c.start = map->Start(c.start);
              c.end = map->End(c.end);
            }
          }
          report.codings += changed ? ReplaceStoryCodings(copy, id, codings)
                                    : static_cast<int64_t>(codings.size());
        }
        // Memos on a span of the story: moved with its text.
        const auto spans = span_memos.find(id);
        if (map && spans != span_memos.end()) {
          for (const int64_t memo_id : spans->second) {
            Memo& memo = memos.at(memo_id);
            memo.start = map->Start(*memo.start);
            memo.end = map->End(*memo.end);
            changed_memos.insert(memo_id);
          }
        }
      }
    }
    for (const Field& f : batch) {
      if (f.detections.empty()) continue;
      if (f.kind == FieldKind::kMemo) {
        const auto memo = memos.find(f.id);
        if (memo == memos.end()) continue;
        memo->second.text = Replace(f, pseudonyms);
        changed_memos.insert(f.id);
      } else if (f.kind == FieldKind::kVariable) {
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
  });
  for (const int64_t id : changed_memos) UpdateMemo(copy, memos.at(id));
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

CleanCopyReport WriteCleanCopy(Project& original, ProjectScan& scan,
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
  const Pseudonyms pseudonyms(scan.entities(), options.style);
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
      Rewrite(copy, original, scan, pseudonyms, report);
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
