#include "importers/story_import.h"

#include "base/text.h"
#include "corpus/codings.h"

namespace verhaal {
namespace {

std::string Plural(int64_t n, const std::string& word) {
  if (n == 1) return "1 " + word;
  if (word.back() == 'y') return std::to_string(n) + " " + word.substr(0, word.size() - 1) + "ies";
  return std::to_string(n) + " " + word + "s";
}

std::string Where(const Story& s) {
  if (s.source_file.empty()) return "";
  return " (" + s.source_file + (s.source_line > 0 ? ":" + std::to_string(s.source_line) : "") +
         ")";
}

}  // namespace

std::string ImportReport::Summary(const std::string& source, bool dry_run) const {
  const int64_t total = stories_added + stories_updated + stories_unchanged + stories_changed;
  std::string out = dry_run ? "dry run of " + source + ": would add " : source + ": added ";
  if (!changed() && stories_changed == 0) {
    return (dry_run ? "dry run of " + source + ": " : source + ": ") + "nothing to change; all " +
           Plural(total, "story") + " are already in the project";
  }
  out += Plural(stories_added, "story") + ", " + (dry_run ? "would update " : "updated ") +
         std::to_string(stories_updated) + ", " + std::to_string(stories_unchanged) + " unchanged";
  if (stories_changed > 0) {
    out += ", " + std::to_string(stories_changed) + " changed but kept (use --update)";
  }
  out += "; " + Plural(respondents_added, "new respondent") + ", " +
         Plural(static_cast<int64_t>(new_variables.size()), "new variable") + ", " +
         Plural(static_cast<int64_t>(new_signifiers.size()), "new signifier");
  if (!also_added.empty()) {
    out += dry_run ? "; would also add " : "; also added ";
    for (size_t i = 0; i < also_added.size(); ++i) {
      out += (i > 0 ? ", " : "") + Plural(also_added[i].second, also_added[i].first);
    }
  }
  if (dry_run) out += "; nothing was written";
  return out;
}

StoryImporter::StoryImporter(Project& project, ImportOptions options)
    : project_(project), options_(std::move(options)), writer_(project) {
  last_id_before_ = LargestStoryId(project);
}

void StoryImporter::Prepare(IncomingStory& in) {
  Story& story = in.story;
  if (story.key.empty()) throw DataError("this story has no key; fill in its key", in.key_at);
  if (!IsStoryKind(story.kind)) {
    throw DataError(
        "unknown kind '" + story.kind + "'; use experience, reflection, interview or other",
        in.key_at);
  }
  story.text = NormalizeText(story.text, in.text_at);
  if (!in.text_may_be_empty && story.text.find_first_not_of(" \t\n") == std::string::npos) {
    throw DataError("story " + story.key + " has no text; fill it in or leave the story out",
                    in.text_at);
  }
  story.title = NormalizeText(story.title, in.key_at);
  story.hash = ContentHash(story.text);
}

StoryImporter::Result StoryImporter::Store(IncomingStory in) {
  Story& story = in.story;
  Result result;
  if (!in.respondent_key.empty()) {
    try {
      const auto [id, added] = writer_.EnsureRespondent(in.respondent_key, in.role);
      result.respondent_id = id;
      if (added) ++report_.respondents_added;
    } catch (const Error& e) {
      throw DataError(e.message(), in.key_at);
    }
    story.respondent_id = result.respondent_id;
  }

  if (last_id_before_ == 0) {
    // The project had no stories: every key is new unless this import gave
    // it twice, which the key's unique index tells us.
    if (const auto id = writer_.TryInsert(story)) {
      result.story_id = *id;
      result.outcome = Outcome::kAdded;
      ++report_.stories_added;
      return result;
    }
  }
  const auto stored = writer_.Find(story.key);
  if (stored && (stored->id > last_id_before_ || !existing_seen_.insert(stored->id).second)) {
    // A story added now names where; an earlier one's stored provenance may
    // be another file, so it is left out (keeping each place would cost
    // memory at a million stories).
    const std::string first =
        stored->id > last_id_before_
            ? " (first at " + stored->source_file + ":" + std::to_string(stored->source_line) + ")"
            : "";
    throw DataError("story key '" + story.key + "' appears twice in this import" + first +
                        "; give every story its own key",
                    in.key_at);
  }
  if (!stored) {
    result.story_id = writer_.Insert(story);
    result.outcome = Outcome::kAdded;
    ++report_.stories_added;
    return result;
  }
  result.story_id = stored->id;
  if (stored->hash == story.hash && stored->title == story.title) {
    result.outcome = Outcome::kUnchanged;
    ++report_.stories_unchanged;
    return result;
  }
  if (!options_.update) {
    result.outcome = Outcome::kChanged;
    ++report_.stories_changed;
    report_.warnings.push_back("story " + story.key + Where(story) +
                               " differs from the one in the project; kept the stored one "
                               "(import with --update to replace it)");
    return result;
  }
  writer_.Update(stored->id, story);
  ReportMovedCodings(stored->id, story.key, stored->text, story.text);
  result.outcome = Outcome::kUpdated;
  ++report_.stories_updated;
  return result;
}

void StoryImporter::ReportMovedCodings(int64_t story_id, const std::string& key,
                                       const std::string& old_text, const std::string& new_text) {
  for (std::string& warning : MovedCodingWarnings(project_, story_id, key, old_text, new_text)) {
    report_.warnings.push_back(std::move(warning));
  }
}

std::vector<std::string> MovedCodingWarnings(Project& project, int64_t story_id,
                                             const std::string& key, const std::string& old_text,
                                             const std::string& new_text) {
  std::vector<std::string> warnings;
  CodingFilter filter;
  filter.story_id = story_id;
  const size_t new_length = CodePointCount(new_text);
  for (const Coding& c : ListCodings(project, filter)) {
    const auto start = static_cast<size_t>(c.start);
    const auto end = static_cast<size_t>(c.end);
    const std::string_view before = SliceCodePoints(old_text, start, end);
    const bool fits = end <= new_length && SliceCodePoints(new_text, start, end) == before;
    if (fits) continue;
    warnings.push_back("story " + key + ": coding " + c.code_path + " by " + c.coder + " at [" +
                       std::to_string(c.start) + ", " + std::to_string(c.end) +
                       ") no longer matches the new text (it was \"" +
                       std::string(before.substr(0, 60)) + "\"); it is kept as it was: review it");
  }
  return warnings;
}

}  // namespace verhaal
