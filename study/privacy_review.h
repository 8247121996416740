// Reviewing what `verhaal pseudonymise` would replace (the workbench's
// Privacy view): every detection of the dry run (the same library call,
// privacy/project_scan.h, with the default policy) with the words around it
// and the rule that found it, marked with the researcher's decision, and
// the decisions themselves: reject a detection (here, or its text
// everywhere), accept it, add a span the tool missed. The decisions live in
// the review file (privacy/decisions.h) that `verhaal pseudonymise
// --decisions FILE` reads, so the CLI honours exactly what was decided here;
// each decision reads the file again, changes it and writes it atomically,
// so hand edits in between are kept (their comments are not).
//
// Who may: everybody reads (under --blind only the lead: the list shows
// every coder's coding memos); only the lead (`verhaal serve --lead`, by
// default the first coder) decides. Errors are RequestErrors naming the
// request field at fault.
#ifndef VERHAAL_STUDY_PRIVACY_REVIEW_H_
#define VERHAAL_STUDY_PRIVACY_REVIEW_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/project.h"
#include "study/viewer.h"

namespace verhaal {

inline constexpr int64_t kMaxPrivacyPage = 500;
inline constexpr int64_t kPrivacyContext = 60;  // code points either side of a detection

// One detection as the Privacy view shows it.
struct PrivacyFinding {
  std::string story;  // the story's key (the respondent's, for respondent fields)
  std::string field;  // "text", "title", "memo 12", "variable gemeente", ...
  // the field's kind: text, title, memo, coding memo, variable, respondent
  // key, signifier (a free-text answer), speaker (a transcript's)
  std::string kind;
  int64_t start = 0;  // code points of the field's text, end exclusive
  int64_t end = 0;
  std::string category;     // PERSOON, PLAATS, ...
  std::string text;         // the detected words
  std::string replacement;  // its pseudonym ([PERSOON-3]: one per entity); empty when rejected
  std::string reason;       // the rule or list that found it ("decisions:add" for an added span)
  std::string before;       // up to kPrivacyContext code points before, and after
  std::string after;
  int64_t length = 0;  // of the field's text, code points (whether `after` reaches its end)
  // open (no decision), accepted, rejected or added.
  std::string status;
  bool everywhere = false;  // the decision is about its text everywhere (not this span)
};

struct PrivacyQuery {
  std::optional<std::string> category;  // PERSOON, ... (any case)
  std::optional<std::string> kind;      // a PrivacyFinding's kind
  std::optional<std::string> story;     // a story's key
  std::optional<std::string> status;    // open, accepted, rejected, added
  int64_t offset = 0;
  int64_t limit = 100;  // 1..kMaxPrivacyPage
};

struct PrivacyList {
  int64_t total = 0;                          // of the query, before paging
  std::vector<PrivacyFinding> findings;       // field by field (stories in order), by start
  std::map<std::string, int64_t> statuses;    // of the whole project: open, accepted, ...
  std::map<std::string, int64_t> categories;  // what would be replaced, per category
  std::string decisions_file;
  bool may_decide = false;  // the viewer leads
};

// A decision as the page sends it.
struct PrivacyDecisionRequest {
  std::string decision;              // accept, reject or add
  std::optional<std::string> story;  // with start and end: a span of the story's text
  std::optional<int64_t> start;
  std::optional<int64_t> end;
  std::optional<std::string> text;      // accept/reject: this text everywhere (no story)
  std::optional<std::string> category;  // add: PERSOON, ... (required)
  std::string note;
};

class PrivacyReview {
 public:
  // Reviews `project` into `decisions_file` (need not exist yet; empty: the
  // file beside the project that `verhaal pseudonymise` reads by default,
  // "studie.review.yaml"). The Dutch word list is read at the first scan.
  PrivacyReview(const std::filesystem::path& project, std::filesystem::path decisions_file);
  ~PrivacyReview();
  // Not copyable: it holds the last scan.
  PrivacyReview(const PrivacyReview&) = delete;
  PrivacyReview& operator=(const PrivacyReview&) = delete;

  const std::filesystem::path& decisions_file() const { return decisions_file_; }

  // The detections `query` selects. kForbidden under --blind unless the
  // viewer leads; kUsage (`category`, `kind`, `status`,
  // `offset`, `limit`) for a value it does not know, kMissing (`story`) for
  // an unknown story; kData (`decisions`) when the review file is malformed
  // or does not fit the project (its message located in the file); the
  // word list's kMissing.
  PrivacyList List(Project& project, const Viewer& viewer, const PrivacyQuery& query);

  // Records `request` in the review file, replacing a decision on the same
  // span (or text) of the same list; returns the finding it is about (for an
  // accepted or rejected text everywhere, its first occurrence, if any).
  // kForbidden unless the viewer leads; kUsage naming the field (`decision`,
  // `start`, `end`, `text`, `category`) for a missing or impossible value;
  // kMissing (`story`) for an unknown story.
  PrivacyFinding Decide(Project& project, const Viewer& viewer,
                        const PrivacyDecisionRequest& request);

  // Removes the decisions on the span (story, start, end) or on `text`
  // (whatever they decided); returns how many. kForbidden unless the viewer
  // leads; kMissing (`decision`) when there is none.
  int64_t Undecide(Project& project, const Viewer& viewer, const PrivacyDecisionRequest& request);

 private:
  struct Scan;
  const Scan& Current(Project& project);

  std::filesystem::path decisions_file_;
  std::unique_ptr<Scan> scan_;
};

}  // namespace verhaal

#endif  // VERHAAL_STUDY_PRIVACY_REVIEW_H_
