#include "study/privacy_review.h"

#include <algorithm>
#include <utility>

#include "privacy/decisions.h"
#include "privacy/detector.h"
#include "privacy/dutch_words.h"
#include "privacy/policy.h"
#include "privacy/project_scan.h"
#include "privacy/pseudonyms.h"
#include "privacy/tokens.h"
#include "study/request_error.h"

namespace verhaal {

struct PrivacyReview::Scan {
  std::optional<DutchWords> words;
  bool valid = false;
  int64_t data_version = 0;  // the project's state at the scan
  int64_t own_changes = 0;
  std::vector<Field> fields;  // detections before any decision
};

namespace {

const char* KindName(FieldKind kind) {
  switch (kind) {
    case FieldKind::kStoryText:
      return "text";
    case FieldKind::kStoryTitle:
      return "title";
    case FieldKind::kMemo:
      return "memo";
    case FieldKind::kCodingMemo:
      return "coding memo";
    case FieldKind::kVariable:
      return "variable";
    case FieldKind::kRespondentKey:
      return "respondent key";
    case FieldKind::kSignifierText:
      return "signifier";
    case FieldKind::kSpeaker:
      return "speaker";
    case FieldKind::kStoryDate:
      return "date";
  }
  return "";
}

bool IsLeadByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Code points of text[0, byte).
int64_t PointsBefore(std::string_view text, size_t byte) {
  return static_cast<int64_t>(CodePoints(text.substr(0, byte)));
}

// Up to `points` code points of `text` ending at `byte`, and starting at it.
std::string Before(std::string_view text, size_t byte, int64_t points) {
  size_t at = byte;
  for (int64_t n = 0; at > 0 && n < points; ++n) {
    do --at;
    while (at > 0 && !IsLeadByte(text[at]));
  }
  return std::string(text.substr(at, byte - at));
}
std::string After(std::string_view text, size_t byte, int64_t points) {
  size_t at = byte;
  for (int64_t n = 0; at < text.size() && n < points; ++n) {
    do ++at;
    while (at < text.size() && !IsLeadByte(text[at]));
  }
  return std::string(text.substr(byte, at - byte));
}

// A review file's error for the page: its message where in the file.
[[noreturn]] void ThrowLocated(const Error& e) {
  const Location& at = e.location();
  std::string where;
  if (!at.file.empty()) {
    where = at.file;
    if (at.line > 0) where += ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    where += ": ";
  }
  throw RequestError(e.kind(), where + e.message(), "decisions");
}

Decisions LoadReview(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) return {};
  try {
    return LoadDecisions(file);
  } catch (const Error& e) {
    ThrowLocated(e);
  }
}

// Whether decision `d` (a span of a story's text, or a text everywhere) is
// about the detection [begin, end) of `field`.
bool Concerns(const Decision& d, const Field& field, int64_t start, int64_t end,
              const std::string& folded) {
  if (!d.text.empty()) return Fold(d.text) == folded;
  return field.kind == FieldKind::kStoryText && d.story == field.story && d.start < end &&
         start < d.end;
}

struct Marked {
  PrivacyFinding finding;
  size_t begin = 0;  // bytes, for the context
  size_t end = 0;
};

// Every detection of `raw` with its status under `decisions`: what the dry
// run with these decisions replaces (open, accepted, added) and what a
// rejection took out.
std::vector<PrivacyFinding> MarkAll(const std::vector<Field>& raw, const Decisions& decisions) {
  std::vector<Field> decided = raw;
  try {
    ApplyDecisions(decided, decisions);
  } catch (const Error& e) {
    ThrowLocated(e);
  }
  const Pseudonyms pseudonyms(decided, PseudonymStyle::kTags);
  std::vector<PrivacyFinding> all;
  for (size_t i = 0; i < raw.size(); ++i) {
    const Field& field = decided[i];
    std::vector<Marked> marked;
    const auto make = [&](const Detection& d) {
      Marked m;
      m.begin = d.begin;
      m.end = d.end;
      PrivacyFinding& f = m.finding;
      f.story = field.story;
      f.field = FieldLabel(field);
      f.kind = KindName(field.kind);
      f.text = field.text.substr(d.begin, d.end - d.begin);
      f.start = PointsBefore(field.text, d.begin);
      f.end = f.start + static_cast<int64_t>(CodePoints(f.text));
      f.category = std::string(CategoryName(d.category));
      f.reason = d.rule;
      return m;
    };
    const auto decided_by = [&](const std::vector<Decision>& list, const PrivacyFinding& f) {
      const std::string folded = Fold(f.text);
      for (const Decision& d : list) {
        if (Concerns(d, field, f.start, f.end, folded)) return &d;
      }
      return static_cast<const Decision*>(nullptr);
    };
    for (const Detection& d : field.detections) {
      Marked m = make(d);
      m.finding.replacement = pseudonyms.Of(d.category, m.finding.text);
      if (d.rule == "decisions:add") {
        m.finding.status = "added";
      } else if (const Decision* accepted = decided_by(decisions.accept, m.finding)) {
        m.finding.status = "accepted";
        m.finding.everywhere = !accepted->text.empty();
      } else {
        m.finding.status = "open";
      }
      marked.push_back(std::move(m));
    }
    for (const Detection& d : raw[i].detections) {
      const bool kept =
          std::any_of(field.detections.begin(), field.detections.end(), [&](const Detection& k) {
            return k.begin == d.begin && k.end == d.end && k.category == d.category &&
                   k.rule == d.rule;
          });
      if (kept) continue;
      Marked m = make(d);
      // Taken out by a rejection; otherwise an added span covers it.
      const Decision* rejected = decided_by(decisions.reject, m.finding);
      if (!rejected) continue;
      m.finding.status = "rejected";
      m.finding.everywhere = !rejected->text.empty();
      marked.push_back(std::move(m));
    }
    std::stable_sort(marked.begin(), marked.end(), [](const Marked& a, const Marked& b) {
      return std::pair(a.begin, a.end) < std::pair(b.begin, b.end);
    });
    const auto length = static_cast<int64_t>(CodePoints(field.text));
    for (Marked& m : marked) {
      m.finding.length = length;
      m.finding.before = Before(field.text, m.begin, kPrivacyContext);
      m.finding.after = After(field.text, m.end, kPrivacyContext);
      all.push_back(std::move(m.finding));
    }
  }
  return all;
}

const Field* StoryText(const std::vector<Field>& fields, const std::string& story) {
  for (const Field& field : fields) {
    if (field.kind == FieldKind::kStoryText && field.story == story) return &field;
  }
  return nullptr;
}

void RequireLead(const Viewer& viewer) {
  if (viewer.IsLead()) return;
  throw RequestError(ErrorKind::kUsage,
                     "only the lead (" + viewer.lead +
                         ") decides what is pseudonymised; ask them, or start verhaal serve with "
                         "--lead " +
                         viewer.coder,
                     "decision", RequestProblem::kForbidden);
}

// The decision `request` describes, checked against the project's texts.
Decision DecisionOf(const std::vector<Field>& fields, const PrivacyDecisionRequest& request,
                    bool adding) {
  Decision d;
  d.note = request.note;
  if (request.story) {
    if (request.text) {
      throw RequestError(ErrorKind::kUsage,
                         "give a span of a story (story, start, end) or a text, not both", "text");
    }
    const Field* field = StoryText(fields, *request.story);
    if (!field) {
      throw RequestError(ErrorKind::kMissing, "no story '" + *request.story + "'", "story");
    }
    for (const auto& [name, value] : {std::pair{"start", request.start}, {"end", request.end}}) {
      if (!value) {
        throw RequestError(ErrorKind::kUsage,
                           std::string(name) + " is missing (code points of the story's text)",
                           name);
      }
    }
    const auto length = static_cast<int64_t>(CodePoints(field->text));
    if (*request.start < 0 || *request.start >= *request.end) {
      throw RequestError(ErrorKind::kUsage,
                         "start must be 0 or more and below end; got " +
                             std::to_string(*request.start) + ":" + std::to_string(*request.end),
                         "start");
    }
    if (*request.end > length) {
      throw RequestError(ErrorKind::kUsage,
                         "end " + std::to_string(*request.end) + " is past the end of story " +
                             *request.story + ", which has " + std::to_string(length) +
                             " characters",
                         "end");
    }
    d.story = *request.story;
    d.start = *request.start;
    d.end = *request.end;
  } else if (adding) {
    throw RequestError(ErrorKind::kUsage,
                       "add needs the span: story, start and end (code points of its text)",
                       "story");
  } else if (!request.text || request.text->empty()) {
    throw RequestError(ErrorKind::kUsage,
                       "give a span of a story (story, start, end) or a text to decide everywhere",
                       request.text ? "text" : "story");
  } else {
    d.text = *request.text;
  }
  if (adding) {
    if (!request.category) {
      throw RequestError(ErrorKind::kUsage, "category is missing (PERSOON, PLAATS, ...)",
                         "category");
    }
    d.category = ParseCategory(*request.category);
    if (!d.category) {
      throw RequestError(ErrorKind::kUsage,
                         "unknown category '" + *request.category +
                             "' (PERSOON, PLAATS, ADRES, ORGANISATIE, DATUM, ...)",
                         "category");
    }
  }
  return d;
}

// Whether `a` and `b` decide about the same span or the same text.
bool SameSubject(const Decision& a, const Decision& b) {
  if (!a.text.empty() || !b.text.empty()) {
    return !a.text.empty() && !b.text.empty() && Fold(a.text) == Fold(b.text);
  }
  return a.story == b.story && a.start == b.start && a.end == b.end;
}

int64_t EraseSubject(Decisions& decisions, const Decision& subject) {
  int64_t erased = 0;
  for (auto* list : {&decisions.reject, &decisions.add, &decisions.accept}) {
    erased += static_cast<int64_t>(
        std::erase_if(*list, [&](const Decision& d) { return SameSubject(d, subject); }));
  }
  return erased;
}

}  // namespace

PrivacyReview::PrivacyReview(const std::filesystem::path& project,
                             std::filesystem::path decisions_file)
    : decisions_file_(std::filesystem::absolute(
          decisions_file.empty() ? DefaultDecisionsFile(project) : std::move(decisions_file))),
      scan_(std::make_unique<Scan>()) {}

PrivacyReview::~PrivacyReview() = default;

const PrivacyReview::Scan& PrivacyReview::Current(Project& project) {
  const int64_t version = DataVersion(project);
  const int64_t changes = OwnChanges(project);
  Scan& scan = *scan_;
  if (scan.valid && scan.data_version == version && scan.own_changes == changes) return scan;
  const PrivacyPolicy policy = DefaultPolicy();
  if (!scan.words) scan.words = DutchWords::Load(policy.word_list);
  Detector detector(policy, *scan.words);
  scan.fields = ScanProject(project, detector, Decisions{});
  scan.data_version = version;
  scan.own_changes = changes;
  scan.valid = true;
  return scan;
}

PrivacyList PrivacyReview::List(Project& project, const Viewer& viewer, const PrivacyQuery& query) {
  if (viewer.blind && !viewer.IsLead()) {
    throw RequestError(ErrorKind::kUsage,
                       "under --blind the Privacy view is the lead's (" + viewer.lead +
                           "): it shows every coder's coding memos",
                       "", RequestProblem::kForbidden);
  }
  if (query.limit < 1 || query.limit > kMaxPrivacyPage) {
    throw RequestError(ErrorKind::kUsage, "limit must be 1 to " + std::to_string(kMaxPrivacyPage),
                       "limit");
  }
  std::optional<std::string> category;
  if (query.category) {
    const auto parsed = ParseCategory(*query.category);
    if (!parsed) {
      throw RequestError(ErrorKind::kUsage,
                         "unknown category '" + *query.category + "' (PERSOON, PLAATS, ...)",
                         "category");
    }
    category = std::string(CategoryName(*parsed));
  }
  static const std::vector<std::string> kKinds = {
      "text", "title", "memo", "coding memo", "variable", "respondent key", "signifier", "speaker"};
  if (query.kind && std::find(kKinds.begin(), kKinds.end(), *query.kind) == kKinds.end()) {
    throw RequestError(
        ErrorKind::kUsage,
        "field is text, title, memo, coding memo, variable, respondent key, signifier or speaker; "
        "got '" +
            *query.kind + "'",
        "field");
  }
  static const std::vector<std::string> kStatuses = {"open", "accepted", "rejected", "added"};
  if (query.status &&
      std::find(kStatuses.begin(), kStatuses.end(), *query.status) == kStatuses.end()) {
    throw RequestError(ErrorKind::kUsage,
                       "status is open, accepted, rejected or added; got '" + *query.status + "'",
                       "status");
  }
  const Scan& scan = Current(project);
  if (query.story && !StoryText(scan.fields, *query.story)) {
    throw RequestError(ErrorKind::kMissing, "no story '" + *query.story + "'", "story");
  }
  const std::vector<PrivacyFinding> all = MarkAll(scan.fields, LoadReview(decisions_file_));
  PrivacyList list;
  list.decisions_file = decisions_file_.string();
  list.may_decide = viewer.IsLead();
  for (const std::string& status : kStatuses) list.statuses[status] = 0;
  for (const PrivacyFinding& f : all) {
    ++list.statuses[f.status];
    if (f.status != "rejected") ++list.categories[f.category];
    if ((category && f.category != *category) || (query.kind && f.kind != *query.kind) ||
        (query.story && f.story != *query.story) || (query.status && f.status != *query.status)) {
      continue;
    }
    if (list.total >= query.offset && static_cast<int64_t>(list.findings.size()) < query.limit) {
      list.findings.push_back(f);
    }
    ++list.total;
  }
  return list;
}

PrivacyFinding PrivacyReview::Decide(Project& project, const Viewer& viewer,
                                     const PrivacyDecisionRequest& request) {
  RequireLead(viewer);
  if (request.decision != "accept" && request.decision != "reject" && request.decision != "add") {
    throw RequestError(ErrorKind::kUsage,
                       "decision is accept, reject or add; got '" + request.decision + "'",
                       "decision");
  }
  const Scan& scan = Current(project);
  const Decision decision = DecisionOf(scan.fields, request, request.decision == "add");
  Decisions decisions = LoadReview(decisions_file_);
  EraseSubject(decisions, decision);
  (request.decision == "add"      ? decisions.add
   : request.decision == "accept" ? decisions.accept
                                  : decisions.reject)
      .push_back(decision);
  const std::vector<PrivacyFinding> all = MarkAll(scan.fields, decisions);
  SaveDecisions(decisions_file_, decisions);
  for (const PrivacyFinding& f : all) {
    const bool same = decision.text.empty() ? f.kind == "text" && f.story == decision.story &&
                                                  f.start < decision.end && decision.start < f.end
                                            : Fold(f.text) == Fold(decision.text);
    if (same) return f;
  }
  PrivacyFinding none;  // a text found nowhere, or an added span an overlap swallowed
  none.story = decision.story;
  none.start = decision.start;
  none.end = decision.end;
  none.text = decision.text;
  none.status = request.decision == "accept" ? "accepted" : request.decision + "ed";
  none.everywhere = !decision.text.empty();
  return none;
}

int64_t PrivacyReview::Undecide(Project& project, const Viewer& viewer,
                                const PrivacyDecisionRequest& request) {
  RequireLead(viewer);
  const Scan& scan = Current(project);
  Decision subject;
  if (request.story) {
    subject = DecisionOf(scan.fields, request, false);
  } else if (request.text && !request.text->empty()) {
    subject.text = *request.text;
  } else {
    throw RequestError(ErrorKind::kUsage, "name the decision: story, start and end, or text",
                       "story");
  }
  Decisions decisions = LoadReview(decisions_file_);
  const int64_t erased = EraseSubject(decisions, subject);
  if (erased == 0) {
    throw RequestError(ErrorKind::kMissing,
                       subject.text.empty()
                           ? "no decision on " + subject.story + " " +
                                 std::to_string(subject.start) + ":" + std::to_string(subject.end)
                           : "no decision on the text '" + subject.text + "'",
                       "decision");
  }
  SaveDecisions(decisions_file_, decisions);
  return erased;
}

}  // namespace verhaal
