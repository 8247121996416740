// Detection over a whole project: every text a project holds that may name
// someone (story texts and titles, memos, coding memos, text variables,
// respondent keys, free-text signifier answers, transcript speakers; story dates and date
// variables as whole dates), the project's own metadata as
// known names, two passes so that a name found once is found everywhere (consistency), and the
// researcher's decisions applied. Parallel over texts; read-only. Streamed: the texts are read in
// batches, three times (detection; consistency and decisions; the caller's own pass), and the
// detections between passes wait in a temporary file, so memory does not grow with the number of
// stories (only with the number of distinct entities found).
#ifndef VERHAAL_PRIVACY_PROJECT_SCAN_H_
#define VERHAAL_PRIVACY_PROJECT_SCAN_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "corpus/project.h"
#include "privacy/decisions.h"
#include "privacy/detection.h"
#include "privacy/detector.h"

namespace verhaal {

// Where a text lives in the project.
enum class FieldKind {
  kStoryText,
  kStoryTitle,
  kMemo,
  kCodingMemo,
  kVariable,
  kRespondentKey,
  kSignifierText,  // a free-text answer to a signifier (SenseMaker's freetext)
  kSpeaker,        // a speaker's label in a transcript's turns ("Amina")
  kStoryDate,      // the story's own date (YYYY-MM-DD)
};

struct Field {
  FieldKind kind = FieldKind::kStoryText;
  std::string story;  // the story's key; the respondent's key for respondent fields
  int64_t id = 0;     // story, memo, respondent, variable or signifier id
  // kVariable, kSignifierText: the story or respondent id; kCodingMemo:
  // index in the codings that have a memo (ListCodings with with_memo);
  // kSpeaker: the story id (`id` too)
  int64_t owner = 0;
  bool of_respondent = false;  // kVariable: a respondent's value (else a story's)
  std::string name;  // kVariable: the variable; kCodingMemo: code path; kSignifierText: its key
  std::string text;
  bool dutch = true;                  // story texts and titles in another language: false
  std::vector<Detection> detections;  // bytes into text, sorted, no overlaps
  // kStoryDate and date-typed variables: the whole value is one date (DATUM
  // when the policy replaces dates), not a text to scan.
  bool whole_date = false;
};

// "text", "title", "memo 12", "coding memo", "variable gemeente",
// "respondent key", "signifier KEY", "speaker", "date" (the story's date):
// how reports name a field.
std::string FieldLabel(const Field& field);

// Where a scan spent its time (for `--dry-run --count` and bench/).
struct ScanTimes {
  double bytes = 0;            // of all texts scanned
  double detect_cpu = 0;       // seconds of CPU (all threads) of the detection pass
  double detect_wall = 0;      // seconds
  double consistency_cpu = 0;  // the second pass
  double total_wall = 0;       // reading, both passes, decisions
};

struct ScanOptions {
  int threads = 0;             // 0: one per core
  ScanTimes* times = nullptr;  // filled when not null
  // Texts read at a time: a batch ends after the story (or other owner)
  // whose fields reach this many bytes (their texts and sizeof(Field) each).
  // Memory follows it, not the project.
  size_t batch_bytes = size_t{8} << 20;
};

// The entities a scan found, in the order they first appear (every field in
// order, every detection in a field in order), as distinct (category, text)
// pairs, and how many detections each category had: what Pseudonyms numbers.
class SeenEntities {
 public:
  void Add(Category category, std::string_view text);
  const std::vector<std::pair<Category, std::string>>& first_seen() const { return first_seen_; }
  const std::map<Category, int64_t>& counts() const { return counts_; }
  int64_t total() const { return total_; }

 private:
  std::vector<std::pair<Category, std::string>> first_seen_;
  std::unordered_set<std::string> seen_;  // category byte + text
  std::map<Category, int64_t> counts_;
  int64_t total_ = 0;
};

// A whole-project scan, streamed. The constructor runs detection and the
// consistency pass and applies `decisions` (kData, located in the decisions
// file, for unknown stories or spans outside a text: before the caller sees
// any field); ForEachBatch then gives every field again with its final
// detections. The project must not change in between.
class ProjectScan {
 public:
  ProjectScan(Project& project, Detector& detector, const Decisions& decisions,
              const ScanOptions& options = {});
  ~ProjectScan();
  ProjectScan(const ProjectScan&) = delete;
  ProjectScan& operator=(const ProjectScan&) = delete;

  // Calls `visit` with each batch of fields, in project order (a story's
  // text, date, title and speakers, story by story; then free-text answers,
  // memos, coding memos, respondents with their variables, story
  // variables); a story's fields are never split between batches.
  void ForEachBatch(const std::function<void(std::vector<Field>&)>& visit);

  const SeenEntities& entities() const { return entities_; }
  // The number of fields (texts) scanned.
  size_t texts() const { return texts_; }
  // The coding memos that have detections, with them (the clean copy
  // replaces them where it moves their codings, before it reaches them).
  const std::vector<Field>& coding_memos() const { return coding_memos_; }
  const ScanTimes& times() const { return times_; }

 private:
  class Spill;
  Project& project_;
  Detector& detector_;
  ScanOptions options_;
  std::unique_ptr<Spill> final_;  // the detections after decisions, field by field
  SeenEntities entities_;
  size_t texts_ = 0;
  std::vector<Field> coding_memos_;
  ScanTimes times_;
};

// Scans `project` with `detector` (to which it adds the project's metadata
// as known names) and applies `decisions` (checked against the project:
// kData, located in the decisions file, for unknown stories or spans
// outside a text). ProjectScan with every field kept in memory: for a
// project that is looked at as a whole (the workbench's Privacy view).
std::vector<Field> ScanProject(Project& project, Detector& detector, const Decisions& decisions,
                               const ScanOptions& options = {});

// Applies `decisions` to the detections of `fields` (ScanProject's last
// step): rejections first, then additions, overlaps resolved; accepted
// entries are only checked. kData, located in the decisions file, for an
// unknown story or a span outside its text.
void ApplyDecisions(std::vector<Field>& fields, const Decisions& decisions);

// A detection as the dry run reports it: code points of the stored text.
struct Finding {
  const Field* field = nullptr;
  int64_t start = 0;
  int64_t end = 0;
  const Detection* detection = nullptr;
};

// Every detection of `fields` with its code-point span, field by field.
std::vector<Finding> Findings(const std::vector<Field>& fields);

}  // namespace verhaal

#endif  // VERHAAL_PRIVACY_PROJECT_SCAN_H_
