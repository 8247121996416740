#include "coding/merge.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "base/error.h"
#include "base/text.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/stories.h"
#include "corpus/story_extras.h"
#include "corpus/variables.h"

namespace verhaal {
namespace {

// At most this many conflicts are listed in the error; the rest are counted.
constexpr size_t kConflictsShown = 20;

// Codes mean the same when their descriptions and criteria agree, or when
// one side has none written down (it was loaded without them).
bool SameMeaning(const Code& a, const Code& b) {
  auto blank = [](const Code& c) {
    return c.description.empty() && c.inclusion.empty() && c.exclusion.empty();
  };
  if (blank(a) || blank(b)) return true;
  return a.description == b.description && a.inclusion == b.inclusion && a.exclusion == b.exclusion;
}

// Where two texts first differ, for the conflict report (code points).
size_t FirstDifference(std::string_view a, std::string_view b) {
  const std::u32string x = DecodeUtf8Lenient(a), y = DecodeUtf8Lenient(b);
  size_t i = 0;
  while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
  return i;
}

class Merger {
 public:
  Merger(Project& target, Project& source, const MergeOptions& options)
      : target_(target), source_(source), options_(options) {}

  MergeReport Run() {
    MergeSignifiersAndVariables();
    MergeRespondents();
    MergeCodes();
    MergeStories();
    MergeCodings();
    MergeMemos();
    if (options_.resolution == MergeResolution::kStop && !stopped_.empty()) ThrowConflicts();
    return std::move(report_);
  }

 private:
  void Conflict(std::string what, std::string key, std::string detail, std::string resolution) {
    MergeConflict c{std::move(what), std::move(key), std::move(detail), {}};
    if (options_.resolution == MergeResolution::kStop) {
      stopped_.push_back(std::move(c));
    } else {
      c.resolution = std::move(resolution);
      report_.conflicts.push_back(std::move(c));
    }
  }

  void ThrowConflicts() {
    std::string message = "cannot merge " + source_.file().string() +
                          " safely: " + std::to_string(stopped_.size()) +
                          (stopped_.size() == 1 ? " conflict" : " conflicts");
    for (size_t i = 0; i < stopped_.size() && i < kConflictsShown; ++i) {
      message += "\n  " + stopped_[i].what + " " + stopped_[i].key + ": " + stopped_[i].detail;
    }
    if (stopped_.size() > kConflictsShown) {
      message += "\n  ... and " + std::to_string(stopped_.size() - kConflictsShown) + " more";
    }
    message +=
        "\nnothing was written; make the copies agree, or rerun with --resolve keep-first "
        "(keep the team project's version) or --resolve rename (keep both)";
    throw DataError(message);
  }

  std::string Renamed(const std::string& base, const std::string& separator,
                      const std::string& suffix_end, bool is_story,
                      std::optional<int64_t> parent = std::nullopt) {
    const std::string label = options_.label.empty() ? "merged" : options_.label;
    for (int n = 1;; ++n) {
      std::string candidate =
          base + separator + label + (n > 1 ? std::to_string(n) : "") + suffix_end;
      if (is_story) {
        if (!FindStory(target_, candidate)) return candidate;
      } else {
        const std::string path =
            parent ? FindCodeById(target_, *parent)->path + "/" + candidate : candidate;
        if (!FindCodeByPath(target_, path)) return candidate;
      }
    }
  }

  void MergeSignifiersAndVariables() {
    for (const auto& definition : ListSignifierDefinitions(source_)) {
      EnsureSignifierDefinition(target_, definition);
    }
    for (const auto& variable : ListVariables(source_)) EnsureVariable(target_, variable);
  }

  void MergeRespondents() {
    for (const auto& respondent : ListRespondents(source_)) {
      auto existing = FindRespondent(target_, respondent.key);
      int64_t id = 0;
      if (!existing) {
        id = AddRespondent(target_, respondent);
        ++report_.respondents_added;
      } else {
        id = existing->id;
        if (existing->role.empty() && !respondent.role.empty()) {
          EnsureRespondent(target_, respondent.key, respondent.role);
        } else if (!respondent.role.empty() && existing->role != respondent.role) {
          Conflict(
              "respondent", respondent.key,
              "role '" + respondent.role + "' here, '" + existing->role + "' in the team project",
              "kept '" + existing->role + "'");
        }
      }
      auto have = RespondentValues(target_, id);
      for (const auto& [name, value] : RespondentValues(source_, respondent.id)) {
        const auto it = have.find(name);
        if (it == have.end() || it->second.empty()) {
          const auto variable = FindVariable(target_, VariableSubject::kRespondent, name);
          SetRespondentValue(target_, id, variable->id, value);
        } else if (it->second != value) {
          Conflict("attribute", respondent.key + "." + name,
                   "'" + value + "' here, '" + it->second + "' in the team project",
                   "kept '" + it->second + "'");
        }
      }
    }
  }

  void MergeCodes() {
    for (const auto& code : ListCodes(source_)) {
      std::optional<int64_t> parent;
      if (code.parent_id) {
        const auto mapped = codes_.find(*code.parent_id);
        if (mapped == codes_.end()) continue;  // the parent's conflict stopped the merge
        parent = mapped->second;
      }
      if (auto same = FindCodeByGuid(target_, code.guid)) {
        if (same->path != code.path) {
          report_.notes.push_back("code " + code.path + " is " + same->path +
                                  " in the team project (same GUID); merged there");
        }
        codes_[code.id] = same->id;
        ++report_.codes_matched;
        continue;
      }
      const std::string path =
          parent ? FindCodeById(target_, *parent)->path + "/" + code.name : code.name;
      if (auto same = FindCodeByPath(target_, path)) {
        if (SameMeaning(*same, code)) {
          codes_[code.id] = same->id;
          ++report_.codes_matched;
          continue;
        }
        const std::string detail = "same path, another GUID and another description ('" +
                                   code.description + "' here, '" + same->description +
                                   "' in the team project)";
        if (options_.resolution == MergeResolution::kKeepFirst) {
          Conflict("code", path, detail, "merged into the team project's code");
          codes_[code.id] = same->id;
          ++report_.codes_matched;
          continue;
        }
        if (options_.resolution == MergeResolution::kStop) {
          Conflict("code", path, detail, "");
          continue;
        }
        Code copy = code;
        copy.name = Renamed(code.name, " (", ")", false, parent);
        Conflict("code", path, detail, "added as " + copy.name);
        copy.guid = NewGuid();
        copy.parent_id = parent;
        codes_[code.id] = AddCode(target_, copy);
        ++report_.codes_added;
        continue;
      }
      Code copy = code;
      copy.parent_id = parent;
      codes_[code.id] = AddCode(target_, copy);
      ++report_.codes_added;
    }
  }

  void MergeStoryData(const Story& story, int64_t target_id, bool is_new) {
    for (const auto& [name, value] : StoryValues(source_, story.id)) {
      const auto have = StoryValues(target_, target_id);
      const auto it = have.find(name);
      if (it == have.end() || it->second.empty()) {
        const auto variable = FindVariable(target_, VariableSubject::kStory, name);
        SetStoryValue(target_, target_id, variable->id, value);
      } else if (it->second != value) {
        Conflict("attribute", story.key + "." + name,
                 "'" + value + "' here, '" + it->second + "' in the team project",
                 "kept '" + it->second + "'");
      }
    }
    const StoryExtras extras = ReadStoryExtras(source_, story.id);
    if (is_new) {
      WriteStoryExtras(target_, target_id, extras);
      return;
    }
    const StoryExtras have = ReadStoryExtras(target_, target_id);
    if (have.answers.empty() && have.turns.empty()) {
      WriteStoryExtras(target_, target_id, extras);
    } else if (!extras.answers.empty() && have.answers != extras.answers) {
      Conflict("signifier answers", story.key, "the story's self-signification differs",
               "kept the team project's answers");
    }
  }

  int64_t AddStoryCopy(const Story& story, const std::string& key) {
    Story copy = story;
    copy.key = key;
    copy.respondent_id.reset();
    if (!story.respondent_key.empty()) {
      copy.respondent_id = FindRespondent(target_, story.respondent_key)->id;
    }
    const int64_t id = AddStory(target_, copy);
    ++report_.stories_added;
    MergeStoryData(story, id, true);
    return id;
  }

  void MergeStories() {
    ForEachStory(source_, {}, [&](const Story& story) {
      const auto existing = FindStory(target_, story.key);
      if (!existing) {
        stories_[story.id] = {AddStoryCopy(story, story.key), false};
        return;
      }
      if (existing->hash == story.hash) {
        stories_[story.id] = {existing->id, false};
        ++report_.stories_matched;
        MergeStoryData(story, existing->id, false);
        return;
      }
      const std::string detail = "same key, different text (first difference at character " +
                                 std::to_string(FirstDifference(story.text, existing->text)) + ")";
      switch (options_.resolution) {
        case MergeResolution::kStop:
          Conflict("story", story.key, detail, "");
          return;
        case MergeResolution::kKeepFirst:
          Conflict("story", story.key, detail,
                   "kept the team project's text; codings whose text changed are dropped");
          stories_[story.id] = {existing->id, true};
          ++report_.stories_matched;
          return;
        case MergeResolution::kRename: {
          const std::string key = Renamed(story.key, "@", "", true);
          Conflict("story", story.key, detail, "added as " + key);
          stories_[story.id] = {AddStoryCopy(story, key), false};
          return;
        }
      }
    });
  }

  void MergeCodings() {
    std::unordered_map<int64_t, std::string> source_texts, target_texts;
    for (const auto& coding : ListCodings(source_)) {
      const auto story = stories_.find(coding.story_id);
      const auto code = codes_.find(coding.code_id);
      if (story == stories_.end() || code == codes_.end()) continue;  // stopped
      Coding copy = coding;
      copy.story_id = story->second.id;
      copy.code_id = code->second;
      copy.coder_id = EnsureCoder(target_, coding.coder);
      if (story->second.text_changed) {
        auto& from = source_texts[coding.story_id];
        if (from.empty()) from = FindStoryById(source_, coding.story_id)->text;
        auto& to = target_texts[copy.story_id];
        if (to.empty()) to = FindStoryById(target_, copy.story_id)->text;
        const auto length = static_cast<int64_t>(CodePointCount(to));
        const auto start = static_cast<size_t>(coding.start), end = static_cast<size_t>(coding.end);
        if (coding.end > length ||
            SliceCodePoints(from, start, end) != SliceCodePoints(to, start, end)) {
          ++report_.codings_dropped;
          continue;
        }
      }
      if (AddCoding(target_, copy)) {
        ++report_.codings_added;
        ++report_.codings_by_coder[coding.coder];
      } else {
        ++report_.codings_present;
      }
    }
  }

  void MergeMemos() {
    using Identity =
        std::tuple<std::optional<int64_t>, std::optional<int64_t>, std::optional<int64_t>,
                   std::optional<int64_t>, std::string, std::string>;
    std::set<Identity> present;
    for (const auto& memo : ListMemos(target_)) {
      present.insert({memo.story_id, memo.code_id, memo.start, memo.end, memo.author, memo.text});
    }
    for (Memo memo : ListMemos(source_)) {
      if (memo.story_id) {
        const auto story = stories_.find(*memo.story_id);
        if (story == stories_.end() || (story->second.text_changed && memo.start)) continue;
        memo.story_id = story->second.id;
      }
      if (memo.code_id) {
        const auto code = codes_.find(*memo.code_id);
        if (code == codes_.end()) continue;
        memo.code_id = code->second;
      }
      if (!present
               .insert({memo.story_id, memo.code_id, memo.start, memo.end, memo.author, memo.text})
               .second) {
        continue;
      }
      AddMemo(target_, memo);
      ++report_.memos_added;
    }
  }

  struct MappedStory {
    int64_t id = 0;
    bool text_changed = false;  // kKeepFirst kept another text
  };

  Project& target_;
  Project& source_;
  const MergeOptions& options_;
  MergeReport report_;
  std::vector<MergeConflict> stopped_;
  std::unordered_map<int64_t, int64_t> codes_;  // source id -> target id
  std::unordered_map<int64_t, MappedStory> stories_;
};

}  // namespace

MergeResolution ParseMergeResolution(const std::string& name) {
  if (name == "stop") return MergeResolution::kStop;
  if (name == "keep-first") return MergeResolution::kKeepFirst;
  if (name == "rename") return MergeResolution::kRename;
  throw UsageError("unknown resolution '" + name + "'; use stop, keep-first or rename");
}

MergeReport MergeProject(Project& target, Project& source, const MergeOptions& options) {
  return Merger(target, source, options).Run();
}

}  // namespace verhaal
