#include "privacy/project_scan.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <thread>

#include "corpus/codings.h"
#include "corpus/memos.h"
#include "corpus/respondents.h"
#include "corpus/signifiers.h"
#include "corpus/speaker_turns.h"
#include "corpus/stories.h"
#include "corpus/variables.h"
#include "privacy/lexicon.h"

namespace verhaal {
namespace {

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Runs work(i) for i in [0, n) on `threads` threads.
template <typename F>
void ParallelFor(size_t n, int threads, F work) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads =
      static_cast<int>(std::min<size_t>(static_cast<size_t>(threads), std::max<size_t>(n, 1)));
  if (threads == 1) {
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::vector<std::jthread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (size_t i = static_cast<size_t>(t); i < n; i += static_cast<size_t>(threads)) work(i);
    });
  }
}

bool IsNameVariable(std::string_view name, std::initializer_list<std::string_view> words) {
  const std::string folded = Fold(name);
  for (std::string_view w : words) {
    if (folded == w) return true;
  }
  return false;
}

std::vector<Field> ReadFields(Project& project, Detector& detector) {
  std::vector<Field> fields;
  const PrivacyPolicy& policy = detector.policy();
  const std::map<int64_t, std::vector<SpeakerTurn>> turns = ListAllSpeakerTurns(project);
  std::map<int64_t, std::pair<std::string, bool>> stories;  // id -> key, Dutch
  for (const Story& story : ListStories(project)) {
    const bool dutch = story.language.empty() || story.language == "nl";
    stories[story.id] = {story.key, dutch};
    fields.push_back({FieldKind::kStoryText, story.key, story.id, 0, false, "", story.text});
    fields.back().dutch = dutch;
    if (!story.date.empty()) {
      fields.push_back(
          {FieldKind::kStoryDate, story.key, story.id, story.id, false, "", story.date});
      fields.back().whole_date = true;
    }
    if (!story.title.empty()) {
      fields.push_back({FieldKind::kStoryTitle, story.key, story.id, 0, false, "", story.title});
      fields.back().dutch = dutch;
    }
    // Each speaker of a transcript once: the label of their turns.
    const auto told = turns.find(story.id);
    if (told == turns.end()) continue;
    std::set<std::string> speakers;
    for (const SpeakerTurn& turn : told->second) {
      if (turn.speaker.empty() || !speakers.insert(turn.speaker).second) continue;
      fields.push_back(
          {FieldKind::kSpeaker, story.key, story.id, story.id, false, "", turn.speaker});
      fields.back().dutch = dutch;
    }
  }
  for (const Signifier& signifier : ListSignifiers(project)) {
    if (signifier.type != SignifierType::kFreetext) continue;
    ForEachSignifierValue(project, signifier, [&](int64_t story_id, const SignifierValue& value) {
      const auto story = stories.find(story_id);
      if (value.not_applicable || value.text.empty() || story == stories.end()) return;
      fields.push_back({FieldKind::kSignifierText, story->second.first, signifier.id, story_id,
                        false, signifier.key, value.text});
      fields.back().dutch = story->second.second;
    });
  }
  for (const Memo& memo : ListMemos(project)) {
    fields.push_back({FieldKind::kMemo, memo.story_key, memo.id, 0, false, "", memo.text});
  }
  const std::vector<Coding> codings = ListCodings(project);
  for (size_t i = 0; i < codings.size(); ++i) {
    if (codings[i].memo.empty()) continue;
    fields.push_back({FieldKind::kCodingMemo, codings[i].story_key, codings[i].story_id,
                      static_cast<int64_t>(i), false, codings[i].code_path, codings[i].memo});
  }
  const std::vector<Variable> variables = ListVariables(project);
  // Text and date variables are scanned (a date's value is one date);
  // numbers and booleans are not.
  const auto scanned = [&](const std::string& name) {
    for (const Variable& variable : variables) {
      if (variable.name == name && variable.type != VariableType::kText &&
          variable.type != VariableType::kDate) {
        return false;
      }
    }
    return std::find(policy.skip_variables.begin(), policy.skip_variables.end(), name) ==
           policy.skip_variables.end();
  };
  const auto is_date = [&](const std::string& name, VariableSubject subject) {
    for (const Variable& variable : variables) {
      if (variable.name == name && variable.subject == subject) {
        return variable.type == VariableType::kDate;
      }
    }
    return false;
  };
  const auto variable_id = [&](const std::string& name, VariableSubject subject) {
    for (const Variable& variable : variables) {
      if (variable.name == name && variable.subject == subject) return variable.id;
    }
    return int64_t{0};
  };
  for (const Respondent& respondent : ListRespondents(project)) {
    fields.push_back(
        {FieldKind::kRespondentKey, respondent.key, respondent.id, 0, true, "", respondent.key});
    for (const auto& [name, value] : RespondentValues(project, respondent.id)) {
      if (value.empty() || !scanned(name)) continue;
      // The project's metadata: names and places it records are known names.
      if (IsNameVariable(name, {"naam", "voornaam", "achternaam", "name", "klantmanager",
                                "begeleider", "contactpersoon"})) {
        detector.AddKnownName(value, {Category::kPerson, "metadata:" + name, false});
      } else if (IsNameVariable(name, {"gemeente", "woonplaats", "plaats", "stad", "dorp"})) {
        detector.AddKnownName(value, {Category::kPlace, "metadata:" + name, true});
      }
      fields.push_back({FieldKind::kVariable, respondent.key,
                        variable_id(name, VariableSubject::kRespondent), respondent.id, true, name,
                        value});
      fields.back().whole_date = is_date(name, VariableSubject::kRespondent);
    }
  }
  for (const Story& story : ListStoryHeads(project)) {
    for (const auto& [name, value] : StoryValues(project, story.id)) {
      if (value.empty() || !scanned(name)) continue;
      fields.push_back({FieldKind::kVariable, story.key, variable_id(name, VariableSubject::kStory),
                        story.id, false, name, value});
      fields.back().whole_date = is_date(name, VariableSubject::kStory);
    }
  }
  return fields;
}

// Names found once, to be found everywhere: every person, place and
// organisation, and each word of a person's name on its own.
PhraseTable<KnownName> FoundNames(const std::vector<Field>& fields, const Detector& detector) {
  PhraseTable<KnownName> names;
  std::string folded;
  for (const Field& field : fields) {
    for (const Detection& d : field.detections) {
      if (d.category != Category::kPerson && d.category != Category::kPlace &&
          d.category != Category::kOrganisation) {
        continue;
      }
      const std::string_view text = std::string_view(field.text).substr(d.begin, d.end - d.begin);
      const std::string rule = "consistency: found as '" + std::string(text) + "'";
      // Found by capitalisation alone: look for it capitalised only.
      const bool weak = d.rule.starts_with("capitalised");
      const std::vector<Token> tokens = Tokenize(text);
      const auto ordinary = [&](std::string_view word) {
        FoldInto(word, folded);
        return detector.words().IsOrdinary(folded);
      };
      names.Add(text, {d.category, rule, weak || (tokens.size() == 1 && ordinary(text))});
      if (d.category != Category::kPerson || tokens.size() < 2) continue;
      for (const Token& t : tokens) {
        const std::string_view word = text.substr(t.begin, t.end - t.begin);
        FoldInto(word, folded);
        // A word of a longer name stands for the person on its own only
        // when it is a listed name or no Dutch word ("Centrum" of "Máxima
        // Centrum" does not).
        const uint8_t flags = Lexicon::BuiltIn().Flags(folded);
        if (t.number || word.size() < 3 || IsNameParticle(folded) || detector.IsKept(word) ||
            (!(flags & (kFirstNameWord | kSurnameWord)) && detector.words().IsKnown(folded))) {
          continue;
        }
        names.Add(word, {d.category, rule, weak || ordinary(word)});
      }
    }
  }
  return names;
}

// Byte offset of code point `index` in `text` (text.size() past the end).
size_t ByteOf(std::string_view text, int64_t index) {
  int64_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (seen == index) return i;
      ++seen;
    }
  }
  return text.size();
}

}  // namespace

std::string FieldLabel(const Field& field) {
  switch (field.kind) {
    case FieldKind::kStoryText:
      return "text";
    case FieldKind::kStoryTitle:
      return "title";
    case FieldKind::kMemo:
      return "memo " + std::to_string(field.id);
    case FieldKind::kCodingMemo:
      return "coding memo " + field.name;
    case FieldKind::kVariable:
      return "variable " + field.name;
    case FieldKind::kRespondentKey:
      return "respondent key";
    case FieldKind::kSignifierText:
      return "signifier " + field.name;
    case FieldKind::kSpeaker:
      return "speaker";
    case FieldKind::kStoryDate:
      return "date";
  }
  return "";
}

void ApplyDecisions(std::vector<Field>& fields, const Decisions& decisions) {
  const auto story_text = [&](const Decision& d) -> Field& {
    for (Field& field : fields) {
      if (field.kind == FieldKind::kStoryText && field.story == d.story) {
        const auto length = static_cast<int64_t>(CodePoints(field.text));
        if (d.end > length) {
          throw DataError("span " + std::to_string(d.start) + ":" + std::to_string(d.end) +
                              " is outside story " + d.story + ", which has " +
                              std::to_string(length) + " characters",
                          d.where);
        }
        return field;
      }
    }
    throw DataError("unknown story '" + d.story + "'; see `verhaal info` for the stories", d.where);
  };
  for (const Decision& d : decisions.reject) {
    if (!d.text.empty()) {
      const std::string folded = Fold(d.text);
      for (Field& field : fields) {
        std::erase_if(field.detections, [&](const Detection& det) {
          return Fold(std::string_view(field.text).substr(det.begin, det.end - det.begin)) ==
                 folded;
        });
      }
      continue;
    }
    Field& field = story_text(d);
    const size_t begin = ByteOf(field.text, d.start);
    const size_t end = ByteOf(field.text, d.end);
    std::erase_if(field.detections,
                  [&](const Detection& det) { return det.begin < end && begin < det.end; });
  }
  for (const Decision& d : decisions.accept) {
    if (d.text.empty()) story_text(d);  // checked like the others; changes nothing
  }
  for (const Decision& d : decisions.add) {
    Field& field = story_text(d);
    field.detections.push_back({ByteOf(field.text, d.start), ByteOf(field.text, d.end),
                                d.category.value_or(Category::kPerson), "decisions:add"});
    field.detections = ResolveOverlaps(std::move(field.detections));
  }
}

std::vector<Field> ScanProject(Project& project, Detector& detector, const Decisions& decisions,
                               const ScanOptions& options) {
  const double start_wall = WallSeconds();
  std::vector<Field> fields = ReadFields(project, detector);
  ScanTimes times;
  for (const Field& f : fields) times.bytes += static_cast<double>(f.text.size());
  double cpu = CpuSeconds();
  double wall = WallSeconds();
  const bool dates = detector.policy().Replaces(Category::kDate);
  ParallelFor(fields.size(), options.threads, [&](size_t i) {
    Field& field = fields[i];
    if (!field.whole_date) {
      field.detections = detector.Detect(field.text, field.dutch);
    } else if (dates && !detector.IsKept(field.text)) {
      field.detections = {{0, field.text.size(), Category::kDate, "field:date"}};
    }
  });
  times.detect_cpu = CpuSeconds() - cpu;
  times.detect_wall = WallSeconds() - wall;
  cpu = CpuSeconds();
  const PhraseTable<KnownName> found = FoundNames(fields, detector);
  if (found.size() > 0) {
    ParallelFor(fields.size(), options.threads, [&](size_t i) {
      if (fields[i].whole_date) return;
      std::vector<Detection> more = detector.FindKnown(fields[i].text, found, fields[i].dutch);
      if (more.empty()) return;
      std::vector<Detection>& all = fields[i].detections;
      all.insert(all.end(), more.begin(), more.end());
      all = ResolveOverlaps(std::move(all));
    });
  }
  times.consistency_cpu = CpuSeconds() - cpu;
  ApplyDecisions(fields, decisions);
  times.total_wall = WallSeconds() - start_wall;
  if (options.times) *options.times = times;
  return fields;
}

std::vector<Finding> Findings(const std::vector<Field>& fields) {
  std::vector<Finding> findings;
  for (const Field& field : fields) {
    int64_t points = 0;
    size_t at = 0;
    const auto advance = [&](size_t to) {
      for (; at < to; ++at) points += (static_cast<unsigned char>(field.text[at]) & 0xC0) != 0x80;
      return points;
    };
    for (const Detection& d : field.detections) {
      const int64_t start = advance(d.begin);
      const int64_t end = advance(d.end);
      findings.push_back({&field, start, end, &d});
    }
  }
  return findings;
}

}  // namespace verhaal
