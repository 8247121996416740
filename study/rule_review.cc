#include "study/rule_review.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "base/closest_name.h"
#include "base/text.h"
#include "coding/analysis_coders.h"
#include "coding/autocode.h"
#include "coding/manual_coding.h"
#include "coding/project_rules.h"
#include "coding/rules_match.h"
#include "corpus/codes.h"
#include "corpus/stories.h"
#include "study/coding_id.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

constexpr std::string_view kRulePrefix = "rule:";
constexpr size_t kCodedTextChars = 400;

// Under --blind the autocoder is another coder, whose codings a blind coder
// does not see; the lead may review them (as the Team view).
void RequireReviewer(const Viewer& viewer) {
  if (viewer.blind && !viewer.IsLead()) {
    throw RequestError(ErrorKind::kData,
                       "under --blind the codings of the rules are another coder's; only the "
                       "lead (" +
                           viewer.lead + ") reviews them",
                       "", RequestProblem::kForbidden);
  }
}

int64_t RuleCoderId(Project& project) {
  const auto coder = FindCoder(project, kRuleCoderName);
  return coder ? coder->id : 0;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// What a rule looks for, as parts (RulePart).
std::vector<RulePart> DescribeRuleParts(const Rule& rule) {
  std::vector<RulePart> parts;
  RulePart kind{std::string(RuleKindName(rule.kind)), "", 0};
  if (rule.kind == RuleKind::kRegex) {
    kind.value = rule.regex;
  } else {
    const bool gaps =
        std::any_of(rule.terms.begin(), rule.terms.end(),
                    [](const std::string& term) { return term.find("...") != std::string::npos; });
    if (rule.kind == RuleKind::kNear || gaps) kind.within = rule.within;
    kind.value = Joined(rule.terms);
  }
  parts.push_back(std::move(kind));
  if (rule.stem) parts.push_back({"stem", "", 0});
  if (!rule.exclusions.empty()) parts.push_back({"not", Joined(rule.exclusions), 0});
  if (!rule.roles.empty()) parts.push_back({"role", Joined(rule.roles), 0});
  if (!rule.kinds.empty()) parts.push_back({"kind", Joined(rule.kinds), 0});
  if (!rule.languages.empty()) parts.push_back({"language", Joined(rule.languages), 0});
  if (!rule.speakers.empty()) parts.push_back({"speaker", Joined(rule.speakers), 0});
  parts.push_back({"scope", std::string(RuleScopeName(rule.scope)), 0});
  return parts;
}

// What a rule looks for, in the words of its codebook entry.
std::string DescribeRule(const Rule& rule) {
  std::string text;
  for (const RulePart& part : DescribeRuleParts(rule)) {
    text += (text.empty() ? "" : "; ") + part.key;
    if (part.within > 0) text += " (within " + std::to_string(part.within) + ")";
    if (!part.value.empty()) text += ": " + part.value;
  }
  return text;
}

std::string RuleName(const std::string& origin) {
  return origin.substr(std::min(origin.size(), kRulePrefix.size()));
}

std::string Slice(const std::string& text, int64_t start, int64_t end) {
  const auto length = static_cast<int64_t>(CodePointCount(text));
  start = std::clamp<int64_t>(start, 0, length);
  end = std::clamp<int64_t>(end, start, length);
  return std::string(SliceCodePoints(text, static_cast<size_t>(start), static_cast<size_t>(end)));
}

// Finds why the rules coded what they coded: the codebook's rules, compiled
// once, matched again against each story asked about.
class Explainer {
 public:
  explicit Explainer(Project& project) : project_(project) {
    try {
      rules_.emplace(LoadProjectRules(project, {}));
      matcher_.emplace(rules_->compiled);
    } catch (const Error& e) {
      error_ = e.message();
    }
  }

  const std::string& error() const { return error_; }

  // The rule of `code_path` called `name`, if the codebook has it (names
  // are the codebook author's, so two codes may each have one).
  const Rule* Find(const std::string& name, const std::string& code_path) const {
    if (!rules_) return nullptr;
    for (const Rule& rule : rules_->compiled.rules()) {
      if (rule.name == name && rule.code_path == code_path) return &rule;
    }
    return nullptr;
  }

  // The rules of the codebook, in codebook order.
  std::vector<Rule> Rules() const {
    return rules_ ? rules_->compiled.rules() : std::vector<Rule>();
  }

  // The coding as a view: its text and why it was made.
  RuleCodingView View(const Coding& coding) {
    RuleCodingView view;
    view.coding = coding;
    const Story& story = StoryOf(coding.story_id);
    view.text = Slice(story.text, coding.start,
                      std::min<int64_t>(coding.end, coding.start + kCodedTextChars));
    if (coding.end - coding.start > static_cast<int64_t>(kCodedTextChars)) view.text += "…";
    RuleReason& reason = view.reason;
    reason.rule = RuleName(coding.origin);
    const Rule* rule = Find(reason.rule, coding.code_path);
    if (rule) {
      reason.text = DescribeRule(*rule);
      reason.parts = DescribeRuleParts(*rule);
    }
    const auto hit =
        hits_.find({coding.story_id, coding.code_path, reason.rule, coding.start, coding.end});
    if (hit != hits_.end()) {
      reason.found = true;
      reason.match_start = hit->second.first;
      reason.match_end = hit->second.second;
      reason.before = Slice(story.text, reason.match_start - kReasonContext, reason.match_start);
      reason.matched = Slice(story.text, reason.match_start, reason.match_end);
      reason.after = Slice(story.text, reason.match_end, reason.match_end + kReasonContext);
    }
    return view;
  }

 private:
  // The story, matched against the rules the first time it is asked for.
  const Story& StoryOf(int64_t id) {
    auto found = stories_.find(id);
    if (found != stories_.end()) return found->second;
    Story story = FindStoryById(project_, id).value_or(Story{});
    if (matcher_) {
      const auto& rules = rules_->compiled.rules();
      for (const RuleHit& hit :
           matcher_->Match({story.text, story.role, story.kind, story.language})) {
        const Rule& rule = rules[static_cast<size_t>(hit.rule)];
        hits_.emplace(
            std::make_tuple(id, rule.code_path, rule.name, int64_t{hit.start}, int64_t{hit.end}),
            std::make_pair(int64_t{hit.match_start}, int64_t{hit.match_end}));
      }
    }
    return stories_.emplace(id, std::move(story)).first->second;
  }

  Project& project_;
  std::optional<ProjectRules> rules_;
  std::optional<RuleMatcher> matcher_;
  std::string error_;
  std::map<int64_t, Story> stories_;
  // (story, code, rule, start, end) -> the matched words
  std::map<std::tuple<int64_t, std::string, std::string, int64_t, int64_t>,
           std::pair<int64_t, int64_t>>
      hits_;
};

void CheckQuery(const RuleCodingQuery& query) {
  if (query.decision && *query.decision != "unreviewed" && *query.decision != "accepted" &&
      *query.decision != "rejected") {
    throw RequestError(
        ErrorKind::kUsage,
        "decision must be unreviewed, accepted or rejected; got '" + *query.decision + "'",
        "decision");
  }
  if (query.offset < 0) {
    throw RequestError(ErrorKind::kUsage, "offset must be 0 or more", "offset");
  }
  if (query.limit < 1 || query.limit > kMaxRuleCodingPage) {
    throw RequestError(ErrorKind::kUsage,
                       "limit must be between 1 and " + std::to_string(kMaxRuleCodingPage),
                       "limit");
  }
}

// The names of every rule: the codebook's and those the codings name.
std::vector<std::string> RuleNames(Project& project, const Explainer& explainer, int64_t coder_id) {
  std::set<std::string> names;
  for (const Rule& rule : explainer.Rules()) names.insert(rule.name);
  if (coder_id) {
    for (const RuleReviewCount& count : CountRuleReviews(project, coder_id)) {
      names.insert(RuleName(count.origin));
    }
  }
  return {names.begin(), names.end()};
}

void CheckRule(const std::vector<std::string>& names, const std::string& rule) {
  if (std::find(names.begin(), names.end(), rule) != names.end()) return;
  std::string message = "no rule '" + rule + "' in the codebook or the codings";
  const std::string close = ClosestName(rule, names);
  if (!close.empty()) message += "; did you mean '" + close + "'?";
  throw RequestError(ErrorKind::kUsage, message, "rule");
}

std::optional<double> Precision(int64_t accepted, int64_t rejected) {
  if (accepted + rejected == 0) return std::nullopt;
  return static_cast<double>(accepted) / static_cast<double>(accepted + rejected);
}

// The rule coding `id` names, checked to be the autocoder's.
Coding RequireRuleCoding(Project& project, std::string_view id) {
  const auto coding = FindCoding(project, ParseCodingId(id));
  if (!coding) {
    throw RequestError(ErrorKind::kMissing,
                       "coding " + std::string(id) +
                           " does not exist (any more; `verhaal autocode` may have run since); "
                           "reload the rule codings",
                       "id");
  }
  if (coding->coder != kRuleCoderName || coding->origin.rfind(kRulePrefix, 0) != 0) {
    throw RequestError(ErrorKind::kData,
                       "coding " + std::string(id) + " is " + coding->coder + "'s with origin " +
                           coding->origin + ", not a coding of the rules; only those are reviewed",
                       "id");
  }
  return *coding;
}

std::string DecisionWord(std::string_view decision) {
  if (decision == "accept") return "accepted";
  if (decision == "reject") return "rejected";
  throw RequestError(ErrorKind::kUsage,
                     "decision must be accept or reject; got '" + std::string(decision) + "'",
                     "decision");
}

}  // namespace

RuleCodingList ListRuleCodingsForReview(Project& project, const Viewer& viewer,
                                        const RuleCodingQuery& query) {
  RequireReviewer(viewer);
  CheckQuery(query);
  RuleCodingFilter filter;
  filter.coder_id = RuleCoderId(project);
  filter.decision = query.decision;
  filter.offset = query.offset;
  filter.limit = query.limit;
  if (query.code) {
    const auto code = FindCodeByPath(project, *query.code);
    if (!code) {
      std::string message = "code '" + *query.code + "' does not exist";
      std::vector<std::string> paths;
      for (const Code& c : ListCodes(project)) paths.push_back(c.path);
      const std::string close = ClosestName(*query.code, paths);
      if (!close.empty()) message += "; did you mean '" + close + "'?";
      throw RequestError(ErrorKind::kMissing, message, "code");
    }
    filter.code_ids = CodeSubtree(project, code->id);
  }
  Explainer explainer(project);
  RuleCodingList list;
  list.rules_error = explainer.error();
  if (query.rule) {
    CheckRule(RuleNames(project, explainer, filter.coder_id), *query.rule);
    filter.origin = std::string(kRulePrefix) + *query.rule;
  }
  if (filter.coder_id == 0) return list;  // no rule codings yet
  RuleCodingPage page = ListRuleCodings(project, filter);
  list.total = page.total;
  for (ReviewedRuleCoding& row : page.codings) {
    RuleCodingView view = explainer.View(row.coding);
    view.review = std::move(row.review);
    view.yours = view.review && view.review->reviewer == viewer.coder;
    list.codings.push_back(std::move(view));
  }
  return list;
}

std::vector<RulePrecision> RulePrecisions(Project& project, const Viewer& viewer) {
  RequireReviewer(viewer);
  Explainer explainer(project);
  const int64_t coder_id = RuleCoderId(project);
  std::vector<RuleReviewCount> counts;
  if (coder_id) counts = CountRuleReviews(project, coder_id);
  std::vector<RulePrecision> out;
  std::set<std::pair<std::string, std::string>> listed;  // (code, rule)
  auto add = [&](RulePrecision precision) {
    for (const RuleReviewCount& count : counts) {
      if (count.code_path == precision.code && RuleName(count.origin) == precision.rule) {
        precision.codings += count.codings;
        precision.accepted += count.accepted;
        precision.rejected += count.rejected;
      }
    }
    precision.precision = Precision(precision.accepted, precision.rejected);
    listed.insert({precision.code, precision.rule});
    out.push_back(std::move(precision));
  };
  for (const Rule& rule : explainer.Rules()) {
    add({rule.code_path, rule.name, DescribeRule(rule), DescribeRuleParts(rule)});
  }
  for (const RuleReviewCount& count : counts) {
    if (!listed.contains({count.code_path, RuleName(count.origin)})) {
      add({count.code_path, RuleName(count.origin), ""});
    }
  }
  return out;
}

RuleDecisionOutcome DecideRuleCoding(Project& project, const Viewer& viewer, std::string_view id,
                                     std::string_view decision) {
  RequireReviewer(viewer);
  const std::string word = DecisionWord(decision);
  Transaction transaction(project);
  const Coding coding = RequireRuleCoding(project, id);
  const auto previous = FindRuleReview(project, coding);
  if (previous && previous->reviewer != viewer.coder) {
    throw RequestError(ErrorKind::kData,
                       "coding " + std::string(id) + " was " + previous->decision + " by " +
                           previous->reviewer + "; only " + previous->reviewer +
                           " can change that decision",
                       "id", RequestProblem::kForbidden);
  }
  RuleDecisionOutcome outcome;
  const int64_t reviewer_id = EnsureCoder(project, viewer.coder);
  Coding copy = coding;
  copy.coder_id = reviewer_id;
  if (word == "accepted") {
    CodingRequest request;
    request.story_key = coding.story_key;
    request.code_path = coding.code_path;
    request.coder = viewer.coder;
    request.segment.start = coding.start;
    request.segment.end = coding.end;
    const CodingResult result = BlameField("code", [&] { return CodeSegment(project, request); });
    if (result.added) outcome.added = FindCoding(project, copy);
  } else if (previous && previous->decision == "accepted") {
    if (auto existing = FindCoding(project, copy); existing && RemoveCoding(project, copy)) {
      outcome.removed = std::move(existing);
    }
  }
  SetRuleReview(project, coding, word, reviewer_id);
  Explainer explainer(project);
  outcome.coding = explainer.View(coding);
  outcome.coding.review = FindRuleReview(project, coding);
  outcome.coding.yours = true;
  transaction.Commit();
  return outcome;
}

}  // namespace verhaal
