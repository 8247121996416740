#include "coding/analysis_coders.h"

#include <algorithm>

#include "base/closest_name.h"
#include "base/error.h"
#include "base/text.h"
#include "corpus/coder_makeup.h"
#include "corpus/codings.h"
#include "corpus/project_settings.h"

namespace verhaal {
namespace {

constexpr std::string_view kAnalysisSetKey = "analysis.coders";

// Where the coders came from (CoderSelection::source), in English and Dutch.
constexpr std::string_view kFromAnalysisSet = "the analysis set";
constexpr std::string_view kFromDefault = "every human coder, the default";

std::string SourceText(const std::string& source, Language language) {
  if (language == Language::kEnglish) return source;
  if (source == kFromAnalysisSet) return "de analyseset";
  if (source == kFromDefault) return "elke menselijke codeur, de standaard";
  return source;  // "--coders" or a manifest's key: the same in both languages
}

// "; only in the turns of respondents" for a --speaker, "" without.
std::string SpeakerText(const std::string& speaker, Language language) {
  if (speaker.empty()) return "";
  const bool nl = language == Language::kDutch;
  if (speaker == "interviewer")
    return nl ? "; alleen in beurten van de interviewer" : "; only in the interviewer's turns";
  if (speaker == "respondent")
    return nl ? "; alleen in beurten van respondenten" : "; only in respondents' turns";
  return (nl ? "; alleen in beurten van " : "; only in the turns of ") + speaker;
}

// --speaker: interviewer, respondent or a label some turn has (kMissing with
// the labels otherwise).
std::string CheckSpeaker(Project& project, std::string speaker) {
  if (speaker.empty()) {
    throw UsageError("--speaker takes interviewer, respondent or a speaker's label");
  }
  const std::string lower = AsciiLower(speaker);
  if (lower == "interviewer" || lower == "respondent") return lower;
  const std::vector<std::string> labels = ListSpeakerLabels(project);
  for (const auto& label : labels) {
    if (AsciiLower(label) == lower) return label;  // as the transcripts write it
  }
  const std::string near = ClosestName(speaker, labels);
  throw MissingError("no speaker '" + speaker + "' in the project's interview turns; " +
                     (near.empty() ? "" : "did you mean '" + near + "'? ") +
                     "--speaker takes interviewer, respondent or one of: " +
                     (labels.empty() ? "(no interview has turns)" : JoinCoderNames(labels)));
}

// The ids of `names` (kMissing for one that is not a coder), sorted by name.
void Lookup(const std::vector<Coder>& coders, std::vector<std::string> names,
            CoderSelection& selection) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<std::string> known;
  for (const auto& coder : coders) known.push_back(coder.name);
  for (const auto& name : names) {
    const auto it =
        std::find_if(coders.begin(), coders.end(), [&](const Coder& c) { return c.name == name; });
    if (it == coders.end()) {
      const std::string near = ClosestName(name, known);
      throw MissingError("no coder '" + name + "' in the project; " +
                         (near.empty() ? "" : "did you mean '" + near + "'? ") +
                         "the coders are: " + (known.empty() ? "none yet" : JoinCoderNames(known)) +
                         " (`verhaal coders list`)");
    }
    selection.names.push_back(name);
    selection.ids.push_back(it->id);  // beside its name
  }
}

}  // namespace

std::string JoinCoderNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

CoderSet CoderSelection::Set() const {
  CoderSet set{ids, combine == CoderCombine::kEach ? 1 : min_coders, speaker};
  std::sort(set.coder_ids.begin(), set.coder_ids.end());
  return set;
}

CoderSelection CoderSelection::Only(size_t i) const {
  CoderSelection one = *this;
  one.names = {names.at(i)};
  one.ids = {ids.at(i)};
  one.min_coders = 1;
  return one;
}

std::string CoderSelection::CombineText(Language language) const {
  const size_t n = names.size();
  const std::string count = std::to_string(n);
  const std::string k = std::to_string(min_coders);
  if (language == Language::kDutch) {
    if (combine == CoderCombine::kEach) return "elke codeur apart";
    if (n <= 1) return "één codeur";
    if (min_coders <= 1) return "minstens één codeur";
    if (static_cast<size_t>(min_coders) >= n) return "alle " + count + " codeurs";
    return "minstens " + k + " van de " + count + " codeurs";
  }
  if (combine == CoderCombine::kEach) return "each coder separately";
  if (n <= 1) return "one coder";
  if (min_coders <= 1) return "any coder";
  if (static_cast<size_t>(min_coders) >= n) return "all " + count + " coders";
  return "at least " + k + " of " + count + " coders";
}

std::string CoderSelection::Describe(Language language) const {
  if (language == Language::kDutch) {
    if (names.empty()) {
      return "geen: nog geen menselijke codeur heeft gecodeerd (`--coders rules` leest de "
             "coderingen van de regels)";
    }
    return "coderingen van " + JoinCoderNames(names) + " (" + SourceText(source, language) +
           "), samengenomen: " + CombineText(language) + SpeakerText(speaker, language);
  }
  if (names.empty()) {
    return "none: no human coder has coded yet (`--coders rules` reads the rule codings)";
  }
  return "codings of " + JoinCoderNames(names) + " (" + source + "), combined: " + CombineText() +
         SpeakerText(speaker, language);
}

CoderCombine ParseCoderCombine(std::string_view text) {
  if (text == "any") return CoderCombine::kAny;
  if (text == "all") return CoderCombine::kAll;
  if (text == "each") return CoderCombine::kEach;
  throw UsageError("--combine takes any, all or each, not '" + std::string(text) + "'");
}

// InDefaultAnalysisSet by index lookups (ReadCoderMakeup) instead of a
// CoderActivity, which counts every coding.
bool InDefaultSet(Project& project, const Coder& coder) {
  if (coder.name == kRuleCoderName || coder.name == kConsensusCoderName) return false;
  const CoderMakeup makeup = ReadCoderMakeup(project, coder.id);
  return !makeup.coded || makeup.by_hand;
}

CoderSelection ResolveCoderSelection(Project& project, const CoderRequest& request) {
  const std::vector<Coder> coders = ListCoders(project);
  CoderSelection selection;
  std::vector<std::string> names;
  if (request.coders && !request.coders->empty()) {
    names = *request.coders;
    selection.source = request.coders_named_by;
  } else if (auto set = AnalysisSet(project); !set.empty()) {
    names = set;
    selection.source = kFromAnalysisSet;
  } else {
    for (const auto& coder : coders) {
      if (InDefaultSet(project, coder)) names.push_back(coder.name);
    }
    selection.source = kFromDefault;
  }
  Lookup(coders, names, selection);
  selection.combine = request.combine ? ParseCoderCombine(*request.combine) : CoderCombine::kAny;
  const int n = static_cast<int>(selection.names.size());
  if (request.min_coders) {
    if (selection.combine == CoderCombine::kEach) {
      throw UsageError("--min-coders goes with --combine any or all, not each");
    }
    if (*request.min_coders < 1 || *request.min_coders > n) {
      throw UsageError("--min-coders must be between 1 and the number of coders (" +
                       std::to_string(n) + ": " + JoinCoderNames(selection.names) + ")");
    }
    selection.min_coders = *request.min_coders;
  } else if (selection.combine == CoderCombine::kAll) {
    selection.min_coders = n;
  }
  if (request.speaker) selection.speaker = CheckSpeaker(project, *request.speaker);
  return selection;
}

std::vector<std::string> AnalysisSet(Project& project) {
  std::vector<std::string> names;
  const auto value = GetProjectSetting(project, kAnalysisSetKey);
  if (!value) return names;
  size_t start = 0;
  while (start <= value->size()) {
    const size_t end = std::min(value->find('\n', start), value->size());
    if (end > start) names.push_back(value->substr(start, end - start));
    start = end + 1;
  }
  return names;
}

void SetAnalysisSet(Project& project, const std::vector<std::string>& names) {
  if (names.empty()) {
    ClearProjectSetting(project, kAnalysisSetKey);
    return;
  }
  CoderSelection checked;
  Lookup(ListCoders(project), names, checked);
  std::string value;
  for (const auto& name : checked.names) value += (value.empty() ? "" : "\n") + name;
  SetProjectSetting(project, kAnalysisSetKey, value);
}

bool InDefaultAnalysisSet(const CoderActivity& activity) {
  return IsHumanCoder(activity) && activity.name != kConsensusCoderName;
}

bool IsHumanCoder(const CoderActivity& activity) {
  if (activity.name == kRuleCoderName) return false;
  return activity.codings == 0 || activity.rule_codings < activity.codings;
}

}  // namespace verhaal
