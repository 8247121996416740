#include "privacy/project_scan.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <thread>

#include "base/error.h"
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

// The project's metadata: names and places its respondent variables record
// are known names, added before anything is detected.
void AddMetadataNames(Project& project, Detector& detector,
                      const std::function<bool(const std::string&)>& scanned) {
  for (const Respondent& respondent : ListRespondents(project)) {
    for (const auto& [name, value] : RespondentValues(project, respondent.id)) {
      if (value.empty() || !scanned(name)) continue;
      if (IsNameVariable(name, {"naam", "voornaam", "achternaam", "name", "klantmanager",
                                "begeleider", "contactpersoon"})) {
        detector.AddKnownName(value, {Category::kPerson, "metadata:" + name, false});
      } else if (IsNameVariable(name, {"gemeente", "woonplaats", "plaats", "stad", "dorp"})) {
        detector.AddKnownName(value, {Category::kPlace, "metadata:" + name, true});
      }
    }
  }
}

// Which variables are scanned, which hold a date, and their ids.
class VariableKinds {
 public:
  VariableKinds(Project& project, const PrivacyPolicy& policy)
      : variables_(ListVariables(project)), policy_(policy) {}

  // Text and date variables are scanned (a date's value is one date);
  // numbers and booleans are not.
  bool Scanned(const std::string& name) const {
    for (const Variable& variable : variables_) {
      if (variable.name == name && variable.type != VariableType::kText &&
          variable.type != VariableType::kDate) {
        return false;
      }
    }
    return std::find(policy_.skip_variables.begin(), policy_.skip_variables.end(), name) ==
           policy_.skip_variables.end();
  }
  bool IsDate(const std::string& name, VariableSubject subject) const {
    for (const Variable& variable : variables_) {
      if (variable.name == name && variable.subject == subject) {
        return variable.type == VariableType::kDate;
      }
    }
    return false;
  }
  int64_t Id(const std::string& name, VariableSubject subject) const {
    for (const Variable& variable : variables_) {
      if (variable.name == name && variable.subject == subject) return variable.id;
    }
    return 0;
  }

 private:
  std::vector<Variable> variables_;
  const PrivacyPolicy& policy_;
};

// Reads every field of the project, in order, and hands them to `visit` a
// batch at a time (a batch ends once its texts reach `limit` bytes, never
// inside a story's fields). The batch may be changed by `visit`; it is
// cleared after.
class FieldReader {
 public:
  FieldReader(Project& project, const PrivacyPolicy& policy, size_t limit,
              const std::function<void(std::vector<Field>&)>& visit)
      : project_(project),
        kinds_(project, policy),
        limit_(std::max<size_t>(limit, 1)),
        visit_(visit) {}

  void Run() {
    ForEachStory(project_, {}, [&](const Story& story) {
      pending_bytes_ += story.text.size() + story.title.size();
      pending_.push_back(story);
      if (pending_bytes_ >= limit_) AddPendingStories();
    });
    AddPendingStories();
    for (const Signifier& signifier : ListSignifiers(project_)) {
      if (signifier.type != SignifierType::kFreetext) continue;
      std::vector<std::pair<int64_t, std::string>> answers;
      size_t bytes = 0;
      const auto add_answers = [&] {
        std::vector<int64_t> ids;
        for (const auto& answer : answers) ids.push_back(answer.first);
        size_t i = 0;
        ForEachStoryTextOf(project_, ids, [&](const StoryTextView& story) {
          const bool dutch = story.language.empty() || story.language == "nl";
          Push({FieldKind::kSignifierText, std::string(story.key), signifier.id, story.id, false,
                signifier.key, std::move(answers[i++].second)});
          batch_.back().dutch = dutch;
        });
        answers.clear();
        bytes = 0;
        MaybeFlush();
      };
      ForEachSignifierValue(project_, signifier,
                            [&](int64_t story_id, const SignifierValue& value) {
                              if (value.not_applicable || value.text.empty()) return;
                              answers.emplace_back(story_id, value.text);
                              bytes += value.text.size();
                              if (bytes >= limit_) add_answers();
                            });
      add_answers();
    }
    for (Memo& memo : ListMemos(project_)) {
      Push({FieldKind::kMemo, memo.story_key, memo.id, 0, false, "", std::move(memo.text)});
      MaybeFlush();
    }
    CodingFilter with_memo;
    with_memo.with_memo = true;
    std::vector<Coding> codings = ListCodings(project_, with_memo);
    for (size_t i = 0; i < codings.size(); ++i) {
      Push({FieldKind::kCodingMemo, codings[i].story_key, codings[i].story_id,
            static_cast<int64_t>(i), false, codings[i].code_path, std::move(codings[i].memo)});
      MaybeFlush();
    }
    codings.clear();
    for (const Respondent& respondent : ListRespondents(project_)) {
      Push({FieldKind::kRespondentKey, respondent.key, respondent.id, 0, true, "", respondent.key});
      for (const auto& [name, value] : RespondentValues(project_, respondent.id)) {
        if (value.empty() || !kinds_.Scanned(name)) continue;
        Push({FieldKind::kVariable, respondent.key, kinds_.Id(name, VariableSubject::kRespondent),
              respondent.id, true, name, value});
        batch_.back().whole_date = kinds_.IsDate(name, VariableSubject::kRespondent);
      }
      MaybeFlush();
    }
    ForEachStoryHead(project_, {}, [&](const Story& story) {
      for (const auto& [name, value] : StoryValues(project_, story.id)) {
        if (value.empty() || !kinds_.Scanned(name)) continue;
        Push({FieldKind::kVariable, story.key, kinds_.Id(name, VariableSubject::kStory), story.id,
              false, name, value});
        batch_.back().whole_date = kinds_.IsDate(name, VariableSubject::kStory);
      }
      MaybeFlush();
    });
    Flush();
  }

 private:
  void Push(Field field) {
    // A field costs its text and its own bookkeeping: a batch of short
    // values (respondent keys, variables) stays as small as one of stories.
    bytes_ += field.text.size() + sizeof(Field);
    batch_.push_back(std::move(field));
  }
  void MaybeFlush() {
    if (bytes_ >= limit_) Flush();
  }
  void Flush() {
    if (batch_.empty()) return;
    visit_(batch_);
    batch_.clear();
    bytes_ = 0;
  }

  // The pending stories' fields: text, date, title, each speaker once.
  void AddPendingStories() {
    if (pending_.empty()) return;
    const std::map<int64_t, std::vector<SpeakerTurn>> turns =
        ListSpeakerTurnsBetween(project_, pending_.front().id, pending_.back().id);
    for (Story& story : pending_) {
      const bool dutch = story.language.empty() || story.language == "nl";
      Push({FieldKind::kStoryText, story.key, story.id, 0, false, "", std::move(story.text)});
      batch_.back().dutch = dutch;
      if (!story.date.empty()) {
        Push({FieldKind::kStoryDate, story.key, story.id, story.id, false, "", story.date});
        batch_.back().whole_date = true;
      }
      if (!story.title.empty()) {
        Push({FieldKind::kStoryTitle, story.key, story.id, 0, false, "", story.title});
        batch_.back().dutch = dutch;
      }
      const auto told = turns.find(story.id);
      if (told == turns.end()) continue;
      std::set<std::string> speakers;
      for (const SpeakerTurn& turn : told->second) {
        if (turn.speaker.empty() || !speakers.insert(turn.speaker).second) continue;
        Push({FieldKind::kSpeaker, story.key, story.id, story.id, false, "", turn.speaker});
        batch_.back().dutch = dutch;
      }
    }
    pending_.clear();
    pending_bytes_ = 0;
    MaybeFlush();
  }

  Project& project_;
  VariableKinds kinds_;
  size_t limit_;
  const std::function<void(std::vector<Field>&)>& visit_;
  std::vector<Story> pending_;
  size_t pending_bytes_ = 0;
  std::vector<Field> batch_;
  size_t bytes_ = 0;
};

// Names found once, to be found everywhere: every person, place and
// organisation of `field`, and each word of a person's name on its own,
// added to `names` (fields in project order: the first value added wins).
void AddFoundNames(const Field& field, const Detector& detector, PhraseTable<KnownName>& names) {
  std::string folded;
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

void SeenEntities::Add(Category category, std::string_view text) {
  ++counts_[category];
  ++total_;
  std::string key(1, static_cast<char>(category));
  key += text;
  if (!seen_.insert(std::move(key)).second) return;
  first_seen_.emplace_back(category, std::string(text));
}

// The detections of fields between passes, field by field, in a temporary
// file (removed when closed): the fields are read again in the same order.
class ProjectScan::Spill {
 public:
  Spill() : file_(std::tmpfile()) {
    if (!file_) throw Error(ErrorKind::kIo, "cannot create a temporary file for the scan");
  }
  ~Spill() { std::fclose(file_); }
  Spill(const Spill&) = delete;
  Spill& operator=(const Spill&) = delete;

  void Write(const std::vector<Field>& fields) {
    for (const Field& field : fields) {
      Put(static_cast<uint64_t>(field.text.size()));
      Put(static_cast<uint64_t>(field.detections.size()));
      for (const Detection& d : field.detections) {
        Put(static_cast<uint64_t>(d.begin));
        Put(static_cast<uint64_t>(d.end));
        Put(static_cast<uint64_t>(d.category));
        Put(static_cast<uint64_t>(d.rule.size()));
        if (!d.rule.empty() && std::fwrite(d.rule.data(), 1, d.rule.size(), file_) != d.rule.size())
          Failed();
      }
    }
  }
  void Rewind() {
    if (std::fflush(file_) != 0) Failed();
    std::rewind(file_);
  }
  // The detections of `fields`, which must be those written, in order.
  void Read(std::vector<Field>& fields) {
    for (Field& field : fields) {
      if (Get() != field.text.size()) {
        throw Error(ErrorKind::kData,
                    "the project changed while it was scanned; run the command again");
      }
      field.detections.resize(Get());
      for (Detection& d : field.detections) {
        d.begin = Get();
        d.end = Get();
        d.category = static_cast<Category>(Get());
        d.rule.resize(Get());
        if (!d.rule.empty() && std::fread(d.rule.data(), 1, d.rule.size(), file_) != d.rule.size())
          Failed();
      }
    }
  }

 private:
  void Put(uint64_t n) {
    if (std::fwrite(&n, sizeof n, 1, file_) != 1) Failed();
  }
  uint64_t Get() {
    uint64_t n = 0;
    if (std::fread(&n, sizeof n, 1, file_) != 1) Failed();
    return n;
  }
  [[noreturn]] void Failed() {
    throw Error(ErrorKind::kIo, "writing or reading the scan's temporary file failed (disk full?)");
  }
  std::FILE* file_;
};

namespace {

// Applies decisions field by field (each field is changed only by the
// decisions on it, so fields may come in batches), and reports the first
// decision, in the file's order (reject, accept, add), that names an unknown
// story or a span outside its text once every field has been seen.
class DecisionApplier {
 public:
  explicit DecisionApplier(const Decisions& decisions) : decisions_(decisions) {
    for (const Decision& d : decisions.reject) {
      if (!d.text.empty()) rejected_texts_.push_back(Fold(d.text));
    }
    const auto index = [&](const std::vector<Decision>& list, int which) {
      for (size_t i = 0; i < list.size(); ++i) {
        if (OnStory(which, list[i])) by_story_[list[i].story].push_back({which, i});
      }
    };
    index(decisions.reject, 0);
    index(decisions.add, 1);
    index(decisions.accept, 2);
    for (int which = 0; which < 3; ++which) state_[which].resize(List(which).size());
  }

  void Apply(Field& field) {
    for (const std::string& folded : rejected_texts_) {
      std::erase_if(field.detections, [&](const Detection& det) {
        return Fold(std::string_view(field.text).substr(det.begin, det.end - det.begin)) == folded;
      });
    }
    if (field.kind != FieldKind::kStoryText) return;
    const auto on_story = by_story_.find(field.story);
    if (on_story == by_story_.end()) return;
    // Rejections first, then additions in their order (as ApplyDecisions).
    for (const int pass : {0, 2, 1}) {
      for (const auto& [which, i] : on_story->second) {
        if (which != pass) continue;
        const Decision& d = List(which)[i];
        State& state = state_[which][i];
        if (state.seen) continue;  // the first story text of that key
        state.seen = true;
        const auto length = static_cast<int64_t>(CodePoints(field.text));
        if (d.end > length) {
          state.outside = "span " + std::to_string(d.start) + ":" + std::to_string(d.end) +
                          " is outside story " + d.story + ", which has " + std::to_string(length) +
                          " characters";
          continue;
        }
        const size_t begin = ByteOf(field.text, d.start);
        const size_t end = ByteOf(field.text, d.end);
        if (which == 0) {
          std::erase_if(field.detections,
                        [&](const Detection& det) { return det.begin < end && begin < det.end; });
        } else if (which == 1) {
          field.detections.push_back(
              {begin, end, d.category.value_or(Category::kPerson), "decisions:add"});
          field.detections = ResolveOverlaps(std::move(field.detections));
        }
      }
    }
  }

  // After every field: kData for the first decision that did not fit.
  void Check() const {
    for (const int which : {0, 2, 1}) {
      const std::vector<Decision>& list = List(which);
      for (size_t i = 0; i < list.size(); ++i) {
        const Decision& d = list[i];
        if (!OnStory(which, d)) continue;
        const State& state = state_[which][i];
        if (!state.seen) {
          throw DataError("unknown story '" + d.story + "'; see `verhaal info` for the stories",
                          d.where);
        }
        if (!state.outside.empty()) throw DataError(state.outside, d.where);
      }
    }
  }

 private:
  struct State {
    bool seen = false;
    std::string outside;  // the error, when the span does not fit
  };
  // A rejection or acceptance by text holds wherever the text is found;
  // the others name a span of a story.
  static bool OnStory(int which, const Decision& d) { return which == 1 || d.text.empty(); }
  const std::vector<Decision>& List(int which) const {
    return which == 0 ? decisions_.reject : which == 1 ? decisions_.add : decisions_.accept;
  }

  const Decisions& decisions_;
  std::vector<std::string> rejected_texts_;
  std::map<std::string, std::vector<std::pair<int, size_t>>> by_story_;  // key -> (list, index)
  std::vector<State> state_[3];
};

}  // namespace

void ApplyDecisions(std::vector<Field>& fields, const Decisions& decisions) {
  DecisionApplier applier(decisions);
  for (Field& field : fields) applier.Apply(field);
  applier.Check();
}

ProjectScan::ProjectScan(Project& project, Detector& detector, const Decisions& decisions,
                         const ScanOptions& options)
    : project_(project), detector_(detector), options_(options) {
  const double start_wall = WallSeconds();
  {
    const VariableKinds kinds(project, detector.policy());
    AddMetadataNames(project, detector,
                     [&](const std::string& name) { return kinds.Scanned(name); });
  }
  const bool dates = detector.policy().Replaces(Category::kDate);
  // Pass 1: detection, and the names found, for the consistency pass.
  Spill detected;
  PhraseTable<KnownName> found;
  FieldReader(project, detector.policy(), options.batch_bytes, [&](std::vector<Field>& batch) {
    texts_ += batch.size();
    for (const Field& f : batch) times_.bytes += static_cast<double>(f.text.size());
    const double cpu = CpuSeconds();
    const double wall = WallSeconds();
    ParallelFor(batch.size(), options.threads, [&](size_t i) {
      Field& field = batch[i];
      if (!field.whole_date) {
        field.detections = detector.Detect(field.text, field.dutch);
      } else if (dates && !detector.IsKept(field.text)) {
        field.detections = {{0, field.text.size(), Category::kDate, "field:date"}};
      }
    });
    times_.detect_cpu += CpuSeconds() - cpu;
    times_.detect_wall += WallSeconds() - wall;
    for (const Field& field : batch) AddFoundNames(field, detector, found);
    detected.Write(batch);
  }).Run();
  // Pass 2: consistency (a name found once is looked for everywhere), the
  // decisions, and the entities in the order they first appear.
  detected.Rewind();
  final_ = std::make_unique<Spill>();
  DecisionApplier applier(decisions);
  FieldReader(project, detector.policy(), options.batch_bytes, [&](std::vector<Field>& batch) {
    detected.Read(batch);
    const double cpu = CpuSeconds();
    if (found.size() > 0) {
      ParallelFor(batch.size(), options.threads, [&](size_t i) {
        if (batch[i].whole_date) return;
        std::vector<Detection> more = detector.FindKnown(batch[i].text, found, batch[i].dutch);
        if (more.empty()) return;
        std::vector<Detection>& all = batch[i].detections;
        all.insert(all.end(), more.begin(), more.end());
        all = ResolveOverlaps(std::move(all));
      });
    }
    times_.consistency_cpu += CpuSeconds() - cpu;
    for (Field& field : batch) {
      applier.Apply(field);
      for (const Detection& d : field.detections) {
        entities_.Add(d.category, std::string_view(field.text).substr(d.begin, d.end - d.begin));
      }
      if (field.kind == FieldKind::kCodingMemo && !field.detections.empty()) {
        coding_memos_.push_back(field);
      }
    }
    final_->Write(batch);
  }).Run();
  applier.Check();
  final_->Rewind();
  times_.total_wall = WallSeconds() - start_wall;
  if (options.times) *options.times = times_;
}

ProjectScan::~ProjectScan() = default;

void ProjectScan::ForEachBatch(const std::function<void(std::vector<Field>&)>& visit) {
  final_->Rewind();
  FieldReader(project_, detector_.policy(), options_.batch_bytes, [&](std::vector<Field>& batch) {
    final_->Read(batch);
    visit(batch);
  }).Run();
}

std::vector<Field> ScanProject(Project& project, Detector& detector, const Decisions& decisions,
                               const ScanOptions& options) {
  ProjectScan scan(project, detector, decisions, options);
  std::vector<Field> fields;
  fields.reserve(scan.texts());
  scan.ForEachBatch([&](std::vector<Field>& batch) {
    for (Field& field : batch) fields.push_back(std::move(field));
  });
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
