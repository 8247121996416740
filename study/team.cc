#include "study/team.h"

#include <time.h>

#include <algorithm>
#include <map>

#include "base/text.h"
#include "coding/analysis_coders.h"
#include "coding/manual_coding.h"
#include "corpus/codes.h"
#include "corpus/memos.h"
#include "corpus/stories.h"
#include "study/request_error.h"

namespace verhaal {
namespace {

constexpr std::string_view kSettlementTitle = "consensus: ";
const std::vector<std::string> kDecisions = {"take_a", "take_b", "both", "neither", "edit"};

void RequireTeamView(const Viewer& viewer) {
  if (!viewer.blind || viewer.IsLead()) return;
  throw RequestError(ErrorKind::kUsage,
                     "the team's work shows every coder's codings, which --blind hides from "
                     "coders; only the lead (" +
                         (viewer.lead.empty() ? std::string("none") : viewer.lead) +
                         ") sees it while the server runs blind",
                     "", RequestProblem::kForbidden);
}

void RequireAgreementUnit(AgreementUnit unit) {
  if (unit != AgreementUnit::kPresence && unit != AgreementUnit::kDimension) {
    throw RequestError(ErrorKind::kUsage,
                       "the Team view compares presence or dimension; use `verhaal agreement "
                       "--unit character|sentence` for the others",
                       "unit");
  }
}

std::string CoderKind(const std::string& name) {
  if (name == kRuleCoderName) return "rules";
  if (name == kConsensusCoderName) return "consensus";
  return "human";
}

std::string Now() {
  const time_t now = time(nullptr);
  tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// The decision a memo keeps, when it is one ("consensus: take_a (anna, bram)").
std::optional<Settlement> SettlementOf(const Memo& memo) {
  if (memo.title.rfind(kSettlementTitle, 0) != 0) return std::nullopt;
  const std::string rest = memo.title.substr(kSettlementTitle.size());
  const size_t open = rest.find(" (");
  const size_t comma = rest.find(", ", open);
  if (open == std::string::npos || comma == std::string::npos || rest.back() != ')') {
    return std::nullopt;
  }
  Settlement s;
  s.decision = rest.substr(0, open);
  s.coder_a = rest.substr(open + 2, comma - open - 2);
  s.coder_b = rest.substr(comma + 2, rest.size() - comma - 3);
  s.by = memo.author;
  s.at = memo.created;
  return s;
}

// The latest decision on `code_id` in `story_id`, if any.
std::optional<Settlement> LatestSettlement(Project& project, int64_t story_id, int64_t code_id) {
  MemoFilter filter;
  filter.story_id = story_id;
  filter.code_id = code_id;
  std::optional<Settlement> latest;
  for (const Memo& memo : ListMemos(project, filter)) {
    if (auto s = SettlementOf(memo)) latest = std::move(s);
  }
  return latest;
}

// Codings of `coder` of the code and its descendants in a story.
std::vector<Coding> CodingsOf(Project& project, int64_t story_id, int64_t code_id,
                              const std::string& coder) {
  CodingFilter filter;
  filter.code_ids = CodeSubtree(project, code_id);
  filter.story_id = story_id;
  filter.coder = coder;
  return ListCodings(project, filter);
}

DisagreementSegment SegmentOf(const Coding& coding, const Story& story) {
  return {coding.coder,
          coding.code_path,
          coding.start,
          coding.end,
          std::string(SliceCodePoints(story.text, static_cast<size_t>(coding.start),
                                      static_cast<size_t>(coding.end))),
          coding.origin,
          coding.created};
}

// A disagreement of ListDisagreements as the Team view shows it.
TeamDisagreement Describe(Project& project, const Disagreement& d, const std::string& coder_a,
                          const std::string& coder_b) {
  TeamDisagreement out;
  out.story_key = d.story_key;
  out.code = d.code;
  out.value_a = d.values.at(0);
  out.value_b = d.values.at(1);
  for (const auto& s : d.segments) {
    if (s.coder == coder_a) out.segments_a.push_back(s);
    if (s.coder == coder_b) out.segments_b.push_back(s);
  }
  const auto code = FindCodeByPath(project, d.code);
  const auto story = FindStoryById(project, d.story_id);
  if (code && story) {
    out.settled = LatestSettlement(project, story->id, code->id);
    for (const Coding& c :
         CodingsOf(project, story->id, code->id, std::string(kConsensusCoderName))) {
      out.consensus.push_back(SegmentOf(c, *story));
    }
  }
  return out;
}

// The two coders' reliability data for one code in one story: their
// values there, or a conflict when they do not differ.
Disagreement RequireDisagreement(Project& project, const SettleRequest& request) {
  AgreementSelection selection;
  selection.coders = {request.coder_a, request.coder_b};
  selection.codes = {request.code};
  selection.stories.keys = {request.story};
  const std::string pair = request.coder_a + " and " + request.coder_b;
  DisagreementList list;
  try {
    list = ListDisagreements(project, request.unit, selection);
  } catch (const Error& e) {
    throw RequestError(ErrorKind::kData,
                       pair + " cannot be compared on " + request.code + " in " + request.story +
                           ": " + e.message() + "; reload the list of disagreements",
                       "story", RequestProblem::kConflict);
  }
  if (list.disagreements.empty()) {
    throw RequestError(ErrorKind::kData,
                       pair + " do not differ on " + request.code + " in " + request.story +
                           " (now); there is nothing to settle; reload the list of "
                           "disagreements",
                       "code", RequestProblem::kConflict);
  }
  return list.disagreements.front();
}

std::string DecisionText(const SettleRequest& r, const std::string& lead) {
  const std::string what = r.code + " in " + r.story;
  if (r.decision == "take_a") {
    return lead + " took " + r.coder_a + "'s codings of " + what + ", not " + r.coder_b + "'s.";
  }
  if (r.decision == "take_b") {
    return lead + " took " + r.coder_b + "'s codings of " + what + ", not " + r.coder_a + "'s.";
  }
  if (r.decision == "both") {
    return lead + " took both " + r.coder_a + "'s and " + r.coder_b + "'s codings of " + what + ".";
  }
  if (r.decision == "edit") {
    return lead + " set the consensus codings of " + what + " by hand (" +
           std::to_string(r.segments.size()) + (r.segments.size() == 1 ? " segment" : " segments") +
           "), after " + r.coder_a + "'s and " + r.coder_b + "'s.";
  }
  return lead + " took neither " + r.coder_a + "'s nor " + r.coder_b + "'s codings of " + what +
         ": no consensus coding.";
}

// The consensus codings the lead sets by hand, checked against the story
// and the disagreement's code.
std::vector<Coding> EditedCodings(Project& project, const SettleRequest& request,
                                  const Story& story, const Code& code) {
  const std::vector<int64_t> subtree = CodeSubtree(project, code.id);
  const auto length = static_cast<int64_t>(CodePointCount(story.text));
  std::vector<Coding> codings;
  for (const SettleSegment& segment : request.segments) {
    const std::string path = segment.code.empty() ? code.path : segment.code;
    const auto found = FindCodeByPath(project, path);
    if (!found || std::find(subtree.begin(), subtree.end(), found->id) == subtree.end()) {
      throw RequestError(
          ErrorKind::kUsage,
          "segment code '" + path + "' is not " + code.path + " or one of its sub-codes",
          "segments");
    }
    BlameField("segments", [&] { return RequireCodableCode(project, path); });
    if (segment.start < 0 || segment.end <= segment.start || segment.end > length) {
      throw RequestError(ErrorKind::kData,
                         "segment " + std::to_string(segment.start) + "-" +
                             std::to_string(segment.end) + " does not fit story " + story.key +
                             " (" + std::to_string(length) +
                             " characters); use 0 <= start < "
                             "end <= " +
                             std::to_string(length),
                         "segments");
    }
    Coding coding;
    coding.story_id = story.id;
    coding.code_id = found->id;
    coding.start = segment.start;
    coding.end = segment.end;
    codings.push_back(coding);
  }
  return codings;
}

}  // namespace

std::vector<std::string> DefaultTeamCoders(Project& project) {
  std::vector<std::string> names = ResolveCoderSelection(project).names;
  std::erase(names, std::string(kConsensusCoderName));
  return names;
}

TeamOverview OverviewTeam(Project& project, const Viewer& viewer, const TeamQuery& query) {
  RequireTeamView(viewer);
  RequireAgreementUnit(query.unit);
  TeamOverview overview;
  for (const CoderCounts& c : CountCodingsByCoder(project)) {
    overview.coders.push_back({c.name, CoderKind(c.name), c.stories, c.codings});
  }
  overview.compared = query.coders ? *query.coders : DefaultTeamCoders(project);
  for (const std::string& name : overview.compared) {
    if (!FindCoder(project, name)) {
      throw RequestError(ErrorKind::kUsage,
                         "no coder '" + name +
                             "' in the project; the coders are listed under "
                             "\"coders\"",
                         "coders");
    }
  }
  if (query.coders && query.coders->size() < 2) {
    throw RequestError(ErrorKind::kUsage,
                       "agreement compares two or more coders, e.g. coders=anna,bram", "coders");
  }
  if (overview.compared.size() < 2) {
    overview.agreement_error =
        "agreement needs two or more coders; the team has " +
        (overview.compared.empty() ? std::string("none") : overview.compared.front() + " only");
  } else {
    AgreementSelection selection;
    selection.coders = overview.compared;
    try {
      overview.agreement = ComputeAgreement(project, query.unit, selection);
    } catch (const Error& e) {
      overview.agreement_error = e.message();
    }
  }
  MemoFilter filter;
  for (const Memo& memo : ListMemos(project, filter))
    overview.settled += SettlementOf(memo) ? 1 : 0;
  return overview;
}

TeamDisagreements ListTeamDisagreements(Project& project, const Viewer& viewer,
                                        const DisagreementQuery& query) {
  RequireTeamView(viewer);
  RequireAgreementUnit(query.unit);
  TeamDisagreements out;
  if (query.coder_a && query.coder_b) {
    out.coder_a = *query.coder_a;
    out.coder_b = *query.coder_b;
  } else {
    const std::vector<std::string> team = DefaultTeamCoders(project);
    if (team.size() < 2) {
      throw RequestError(ErrorKind::kData,
                         "the team has fewer than two coders with codings; name two with "
                         "coders=A,B",
                         "coders");
    }
    out.coder_a = team[0];
    out.coder_b = team[1];
  }
  for (const std::string* name : {&out.coder_a, &out.coder_b}) {
    if (!FindCoder(project, *name)) {
      throw RequestError(ErrorKind::kUsage, "no coder '" + *name + "' in the project", "coders");
    }
  }
  if (out.coder_a == out.coder_b) {
    throw RequestError(ErrorKind::kUsage, "name two different coders, e.g. coders=anna,bram",
                       "coders");
  }
  AgreementSelection selection;
  selection.coders = {out.coder_a, out.coder_b};
  if (query.code) {
    if (!FindCodeByPath(project, *query.code)) {
      throw RequestError(ErrorKind::kUsage,
                         "no code '" + *query.code +
                             "' in the codebook; give its full path, "
                             "e.g. motivatie/willen",
                         "code");
    }
    selection.codes = {*query.code};
  }
  const DisagreementList list =
      BlameField("coders", [&] { return ListDisagreements(project, query.unit, selection); });
  for (const Disagreement& d : list.disagreements) {
    out.disagreements.push_back(Describe(project, d, out.coder_a, out.coder_b));
  }
  return out;
}

SettleOutcome SettleDisagreement(Project& project, const Viewer& viewer,
                                 const SettleRequest& request) {
  if (!viewer.IsLead()) {
    throw RequestError(ErrorKind::kUsage,
                       "only the lead (" +
                           (viewer.lead.empty() ? std::string("none") : viewer.lead) +
                           ") settles disagreements; you are " + viewer.coder +
                           " (the lead is the first of `verhaal serve --coders`, or --lead)",
                       "", RequestProblem::kForbidden);
  }
  RequireAgreementUnit(request.unit);
  if (std::find(kDecisions.begin(), kDecisions.end(), request.decision) == kDecisions.end()) {
    throw RequestError(
        ErrorKind::kUsage,
        "decision '" + request.decision + "' is not one of take_a, take_b, both, neither, edit",
        "decision");
  }
  if ((request.decision == "edit") != !request.segments.empty()) {
    throw RequestError(ErrorKind::kUsage,
                       request.segments.empty()
                           ? "edit needs the consensus segments: \"segments\": [{\"start\": N, "
                             "\"end\": N}] (use neither for none)"
                           : "segments go with the decision edit",
                       "segments");
  }
  Transaction transaction(project);
  const Story story = BlameField("story", [&] { return RequireStory(project, request.story); });
  const auto code = FindCodeByPath(project, request.code);
  if (!code) {
    throw RequestError(ErrorKind::kMissing,
                       "no code '" + request.code + "' in the codebook; give its full path",
                       "code");
  }
  for (const auto& [field, name] :
       {std::pair{"coder_a", &request.coder_a}, std::pair{"coder_b", &request.coder_b}}) {
    if (*name == kConsensusCoderName) {
      throw RequestError(ErrorKind::kUsage,
                         "consensus holds the decisions; settle between two other coders", field);
    }
    if (!FindCoder(project, *name)) {
      throw RequestError(ErrorKind::kMissing, "no coder '" + *name + "' in the project", field);
    }
  }
  if (request.coder_a == request.coder_b) {
    throw RequestError(ErrorKind::kUsage, "coder_a and coder_b are the same coder", "coder_b");
  }
  const Disagreement disagreement = RequireDisagreement(project, request);

  SettleOutcome outcome;
  const std::string consensus(kConsensusCoderName);
  const int64_t consensus_id = EnsureCoder(project, consensus);
  for (const Coding& old : CodingsOf(project, story.id, code->id, consensus)) {
    RemoveCoding(project, old);
    outcome.removed.push_back(old);
  }
  const std::string at = Now();
  std::vector<std::string> taken;
  if (request.decision == "take_a" || request.decision == "both") taken.push_back(request.coder_a);
  if (request.decision == "take_b" || request.decision == "both") taken.push_back(request.coder_b);
  std::vector<Coding> chosen;
  for (const std::string& coder : taken) {
    for (const Coding& coding : CodingsOf(project, story.id, code->id, coder)) {
      chosen.push_back(coding);
    }
  }
  if (request.decision == "edit") chosen = EditedCodings(project, request, story, *code);
  for (Coding coding : chosen) {
    coding.coder_id = consensus_id;
    coding.coder = consensus;
    coding.origin = "consensus:" + viewer.coder;
    coding.created = at;
    if (AddCoding(project, coding)) outcome.added.push_back(*FindCoding(project, coding));
  }
  Memo memo;
  memo.story_id = story.id;
  memo.code_id = code->id;
  memo.author = viewer.coder;
  memo.title = std::string(kSettlementTitle) + request.decision + " (" + request.coder_a + ", " +
               request.coder_b + ")";
  memo.text = DecisionText(request, viewer.coder);
  memo.created = at;
  AddMemo(project, memo);
  outcome.disagreement = Describe(project, disagreement, request.coder_a, request.coder_b);
  transaction.Commit();
  return outcome;
}

}  // namespace verhaal
