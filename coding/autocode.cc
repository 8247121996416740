#include "coding/autocode.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "base/error.h"
#include "base/text.h"
#include "coding/project_rules.h"
#include "coding/rules_match.h"
#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/read_connection.h"
#include "corpus/rule_codings.h"
#include "corpus/speaker_turns.h"

namespace verhaal {
namespace {

// Stories are matched in batches of about this much text, in parallel.
constexpr size_t kBatchBytes = 8 << 20;
constexpr size_t kBatchStories = 4096;

// Stories read from the project and the hits the workers found in them.
struct Batch {
  std::vector<Story> stories;  // the first `count` are this batch's
  size_t count = 0;
  size_t bytes = 0;
  std::vector<std::vector<RuleHit>> results;  // per story
};

// Copies a story into the batch's next Story object, whose strings keep
// their capacity from batch to batch: no allocation per story once warm.
// Only the id unless `whole` (the text is needed later: to match it, or to
// show the hits in context).
void AddToBatch(Batch& batch, const StoryTextView& story, bool whole) {
  if (batch.stories.size() <= batch.count) batch.stories.resize(batch.count + 1);
  if (batch.results.size() <= batch.count) batch.results.resize(batch.count + 1);
  Story& slot = batch.stories[batch.count++];
  slot.id = story.id;
  batch.bytes += story.text.size();
  if (!whole) return;
  slot.key.assign(story.key);
  slot.text.assign(story.text);
  slot.role.assign(story.role);
  slot.kind.assign(story.kind);
  slot.language.assign(story.language);
}

// Matches `story` with `matcher` into `hits`.
void MatchStory(RuleMatcher& matcher, const StoryContext& story, std::vector<RuleHit>& hits) {
  const std::vector<RuleHit>& found = matcher.Match(story);
  hits.assign(found.begin(), found.end());
}

// Whether a hit's matched words meet a turn of one of `speakers` (a rule's
// speaker condition).
bool SpokenBy(const RuleHit& hit, const std::vector<std::string>& speakers,
              const std::vector<SpeakerTurn>& turns) {
  const int64_t end = std::max<int64_t>(hit.match_end, hit.match_start + 1);
  for (const SpeakerTurn& turn : turns) {
    if (!(turn.start < end && hit.match_start < turn.end)) continue;
    for (const std::string& speaker : speakers) {
      if (SpokenBy(turn, speaker)) return true;
    }
  }
  return false;
}

// Drops the hits of rules with a speaker condition that their story's turns
// do not meet (every such hit in a story without turns).
void KeepSpokenHits(std::vector<RuleHit>& hits, const std::vector<Rule>& rules,
                    const std::map<int64_t, std::vector<SpeakerTurn>>& turns, int64_t story) {
  static const std::vector<SpeakerTurn> kNone;
  const auto found = turns.find(story);
  const std::vector<SpeakerTurn>& here = found == turns.end() ? kNone : found->second;
  std::erase_if(hits, [&](const RuleHit& hit) {
    const Rule& rule = rules[static_cast<size_t>(hit.rule)];
    return !rule.speakers.empty() && !SpokenBy(hit, rule.speakers, here);
  });
}

bool InSubtree(const std::string& path, const std::string& root) {
  return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                          path[root.size()] == '/');
}

std::vector<Code> SelectedCodes(Project& project, const std::vector<std::string>& code_paths) {
  std::vector<Code> codes = ListCodes(project);
  for (const std::string& path : code_paths) {
    if (!FindCodeByPath(project, path)) {
      throw DataError("unknown code '" + path +
                      "'; give a code path from the codebook, e.g. motivatie/willen");
    }
  }
  std::vector<Code> selected;
  for (Code& code : codes) {
    if (code.retired) continue;
    bool wanted = code_paths.empty();
    for (const std::string& path : code_paths) wanted = wanted || InSubtree(code.path, path);
    if (wanted) selected.push_back(std::move(code));
  }
  return selected;
}

// Matches a batch of stories on worker threads, one RuleMatcher each, in the
// background until Wait(). The destructor waits, so an error on the calling
// thread never leaves workers running.
class BatchMatcher {
 public:
  explicit BatchMatcher(std::vector<std::unique_ptr<RuleMatcher>>& matchers)
      : matchers_(matchers) {}
  ~BatchMatcher() { Join(); }
  BatchMatcher(const BatchMatcher&) = delete;  // owns threads
  BatchMatcher& operator=(const BatchMatcher&) = delete;

  // Starts matching `batch` (which must stay alive until Wait()).
  void Start(Batch& batch) {
    batch_ = &batch;
    next_ = 0;
    failure_ = nullptr;
    const size_t workers = std::min<size_t>(matchers_.size(), batch.count);
    for (size_t t = 0; t < workers; ++t) {
      pool_.emplace_back([this, t] { Run(*matchers_[t]); });
    }
  }

  // Waits for the batch; rethrows the first error of a worker.
  void Wait() {
    Join();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  void Run(RuleMatcher& matcher) {
    try {
      Batch& batch = *batch_;
      for (size_t i = next_++; i < batch.count; i = next_++) {
        const Story& story = batch.stories[i];
        MatchStory(matcher, {story.text, story.role, story.kind, story.language}, batch.results[i]);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex_);
      if (!failure_) failure_ = std::current_exception();
      next_ = batch_->count;
    }
  }
  void Join() {
    for (std::thread& thread : pool_) thread.join();
    pool_.clear();
  }

  std::vector<std::unique_ptr<RuleMatcher>>& matchers_;
  std::vector<std::thread> pool_;
  Batch* batch_ = nullptr;
  std::atomic<size_t> next_{0};
  std::exception_ptr failure_;
  std::mutex failure_mutex_;
};

// Reads and matches all stories on worker threads, each with its own
// read-only connection, so that no thread only reads: the stories' id range
// is cut into batches that the workers take in turn; Run hands them to the
// caller in id order. At most 2 batches per worker are held at once.
class ParallelScan {
 public:
  // `connections` has one connection of its own (ReadConnection::own) per
  // matcher; `roles` may be null (see ForEachStoryText); batches keep the
  // stories' text when `keep_text`.
  ParallelScan(std::vector<std::unique_ptr<RuleMatcher>>& matchers,
               std::vector<std::unique_ptr<ReadConnection>>& connections,
               const RespondentRoles* roles, std::pair<int64_t, int64_t> ids, int64_t ids_per_batch,
               bool keep_text)
      : matchers_(matchers),
        connections_(connections),
        roles_(roles),
        keep_text_(keep_text),
        first_(ids.first),
        span_(std::max<int64_t>(1, ids_per_batch)),
        batches_(
            ids.second < ids.first ? 0 : static_cast<size_t>((ids.second - ids.first) / span_ + 1)),
        last_(ids.second),
        slots_(2 * matchers.size()),
        ready_(slots_.size(), kNone) {}
  ~ParallelScan() {
    Stop();
    for (std::thread& thread : pool_) thread.join();
  }
  ParallelScan(const ParallelScan&) = delete;  // owns threads
  ParallelScan& operator=(const ParallelScan&) = delete;

  // Calls `consume` with every batch, in id order, on this thread. Rethrows
  // the first error of a worker.
  void Run(const std::function<void(Batch&)>& consume) {
    for (size_t t = 0; t < matchers_.size(); ++t) pool_.emplace_back([this, t] { Work(t); });
    for (size_t k = 0; k < batches_; ++k) {
      const size_t slot = k % slots_.size();
      {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return ready_[slot] == k || failure_; });
        if (failure_) break;
      }
      consume(slots_[slot]);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        ready_[slot] = kNone;
        ++consumed_;
      }
      changed_.notify_all();
    }
    Stop();
    for (std::thread& thread : pool_) thread.join();
    pool_.clear();
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
  }

  void Work(size_t worker) {
    try {
      for (;;) {
        size_t k;
        {
          // Batch k goes into slot k % slots once batch k - slots is consumed.
          std::unique_lock<std::mutex> lock(mutex_);
          changed_.wait(lock, [&] {
            return stop_ || next_ >= batches_ || next_ < consumed_ + slots_.size();
          });
          if (stop_ || next_ >= batches_) return;
          k = next_++;
        }
        Batch& batch = slots_[k % slots_.size()];
        batch.count = 0;
        batch.bytes = 0;
        const int64_t from = first_ + static_cast<int64_t>(k) * span_;
        const int64_t to = std::min(last_, from + (span_ - 1));
        ForEachStoryText(
            connections_[worker]->get(), roles_, from, to, [&](const StoryTextView& story) {
              AddToBatch(batch, story, keep_text_);
              MatchStory(*matchers_[worker], {story.text, story.role, story.kind, story.language},
                         batch.results[batch.count - 1]);
            });
        {
          std::lock_guard<std::mutex> lock(mutex_);
          ready_[k % slots_.size()] = k;
        }
        changed_.notify_all();
      }
    } catch (...) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
        stop_ = true;
      }
      changed_.notify_all();
    }
  }

  std::vector<std::unique_ptr<RuleMatcher>>& matchers_;
  std::vector<std::unique_ptr<ReadConnection>>& connections_;
  const RespondentRoles* roles_;
  const bool keep_text_;
  const int64_t first_;
  const int64_t span_;
  const size_t batches_;
  const int64_t last_;
  std::vector<Batch> slots_;
  std::vector<size_t> ready_;  // per slot: the batch it holds ready, or kNone
  std::vector<std::thread> pool_;
  std::mutex mutex_;
  std::condition_variable changed_;
  size_t next_ = 0;      // the next batch to take
  size_t consumed_ = 0;  // batches Run has handed on
  bool stop_ = false;
  std::exception_ptr failure_;
};

}  // namespace

ProjectRules LoadProjectRules(Project& project, const std::vector<std::string>& code_paths) {
  std::vector<Rule> rules;
  std::vector<int64_t> code_ids;
  for (const Code& code : SelectedCodes(project, code_paths)) {
    for (Rule& rule : ParseRulesText(code.rules, code.path, "rules of code " + code.path)) {
      rules.push_back(std::move(rule));
      code_ids.push_back(code.id);
    }
  }
  if (rules.empty()) {
    throw DataError(
        "no selected code has autocoding rules; add a 'rules:' block to codes in the "
        "codebook (see docs/autocoding.md) and load it again");
  }
  return ProjectRules{CompileRules(std::move(rules)), std::move(code_ids)};
}

AutocodeReport Autocode(Project& project, const AutocodeOptions& options) {
  ProjectRules rules = LoadProjectRules(project, options.code_paths);
  const std::vector<Rule>& rule_list = rules.compiled.rules();

  AutocodeReport report;
  std::map<int64_t, size_t> code_index;  // code id -> report.codes
  for (size_t r = 0; r < rule_list.size(); ++r) {
    if (code_index.emplace(rules.code_ids[r], report.codes.size()).second) {
      report.codes.push_back(AutocodeCount{rule_list[r].code_path});
    }
  }
  std::vector<int64_t> last_story(report.codes.size(), 0);
  std::vector<size_t> count_of_rule;  // rule -> report.codes
  for (int64_t code_id : rules.code_ids) count_of_rule.push_back(code_index[code_id]);

  // Declared first: outlives the transaction. Foreign key checks off (the
  // story, code and coder of each coding were just read in this transaction
  // and nothing references a coding) and the rollback journal, so the new
  // codings are written once (corpus/project.h).
  std::optional<BulkWrite> bulk_write;
  std::optional<Transaction> transaction;
  std::optional<CodingBulkWriter> writer;
  // The coder's codings (of the selected codes) before this run: all of them
  // when the codings are set aside, else those of each batch's stories, read
  // when the batch is written, so that a re-run over millions of codings
  // holds only a batch's.
  std::vector<CoderCoding> existing;
  std::vector<char> kept;  // per existing: a hit has the same key
  bool existing_per_batch = false;
  int64_t settled_up_to = std::numeric_limits<int64_t>::min();  // story id
  int64_t coder_id = 0;
  std::vector<int64_t> selected_ids;
  if (!options.dry_run) {
    bulk_write.emplace(project);
    transaction.emplace(project);
    coder_id = EnsureCoder(project, options.coder);
    if (!options.code_paths.empty()) {
      for (const Code& code : SelectedCodes(project, options.code_paths)) {
        selected_ids.push_back(code.id);
      }
    }
    writer.emplace(project, coder_id);
    // New codings written among those already in the table split its pages
    // as they go. When the run deletes none (the coder has no rule codings
    // of these codes yet) and the table holds at most one coding per story
    // (so moving them costs little beside matching), they are set aside and
    // written back in order among the new ones instead.
    const bool first_run = !HasRuleCodings(project, coder_id, selected_ids);
    if (first_run && CountCodings(project) <= CountStories(project)) {
      existing =
          ListCoderCodings(project, coder_id, selected_ids);  // by hand, at most one per story
      kept.assign(existing.size(), 0);
      writer->SetAside();
    } else {
      existing_per_batch = true;
      // A first run of these rules for this coder writes every hit: the
      // index of codings by code is built again once at the end instead of
      // kept as they go. A re-run writes what changed and keeps it.
      if (first_run) writer->SuspendCodeIndex();
    }
  }

  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(1, threads);
  std::vector<std::unique_ptr<RuleMatcher>> matchers;
  for (int t = 0; t < threads; ++t) {
    matchers.push_back(std::make_unique<RuleMatcher>(rules.compiled));
  }

  std::vector<int64_t> origins;  // the id of "rule:NAME" per rule
  if (writer) {
    for (const Rule& rule : rule_list) origins.push_back(writer->Origin("rule:" + rule.name));
  }

  // Two batches in a pipeline: worker threads match one while this thread
  // writes the other's codings (in story order) and reads the next stories.
  Batch batches[2];
  BatchMatcher matcher_pool(matchers);
  int current = 0;
  Batch* matching = nullptr;  // the batch the workers have, if any

  const uint64_t total_stories =
      options.progress ? static_cast<uint64_t>(CountStories(project)) : 0;
  uint64_t stories_done = 0;
  // A story's new codings, written in the table's key order (code, then
  // segment): appended to the B-tree instead of inserted here and there.
  struct NewCoding {
    SegmentKey key;
    int64_t origin_id;
    size_t count;  // index into report.codes
  };
  std::vector<NewCoding> new_codings;
  // Speaker turns only when a rule asks for a speaker.
  std::optional<std::map<int64_t, std::vector<SpeakerTurn>>> turns;
  if (std::any_of(rule_list.begin(), rule_list.end(),
                  [](const Rule& rule) { return !rule.speakers.empty(); })) {
    turns = ListAllSpeakerTurns(project);
  }
  auto write = [&](Batch& batch) {
    if (turns) {
      for (size_t i = 0; i < batch.count; ++i) {
        KeepSpokenHits(batch.results[i], rule_list, *turns, batch.stories[i].id);
      }
    }
    const bool settle = existing_per_batch && batch.count > 0;
    if (settle) {
      const int64_t last = batch.stories[batch.count - 1].id;
      existing = ListCoderCodings(project, coder_id, selected_ids, settled_up_to, last);
      kept.assign(existing.size(), 0);
      settled_up_to = last;
    }
    for (size_t i = 0; i < batch.count; ++i) {
      const Story& story = batch.stories[i];
      new_codings.clear();
      for (const RuleHit& hit : batch.results[i]) {
        const int64_t code_id = rules.code_ids[hit.rule];
        const size_t c = count_of_rule[hit.rule];
        AutocodeCount& counts = report.codes[c];
        ++counts.hits;
        if (last_story[c] != story.id) {
          last_story[c] = story.id;
          ++counts.stories;
        }
        if (options.on_hit) {
          const Rule& rule = rule_list[hit.rule];
          options.on_hit(AutocodeHit{&story, rule.code_path, rule.name, hit.start, hit.end, &hit});
        }
        if (!writer) continue;
        SegmentKey key{story.id, code_id, hit.start, hit.end};
        auto found = std::lower_bound(
            existing.begin(), existing.end(), key,
            [](const CoderCoding& coding, const SegmentKey& k) { return coding.key < k; });
        if (found != existing.end() && found->key == key) {
          // Kept when a rule made it; one the coder made otherwise (by hand
          // under the same name) is left as it is.
          kept[found - existing.begin()] = 1;
        } else {
          new_codings.push_back(NewCoding{key, origins[hit.rule], c});
        }
      }
      std::sort(new_codings.begin(), new_codings.end(),
                [](const NewCoding& a, const NewCoding& b) { return a.key < b.key; });
      for (const NewCoding& coding : new_codings) {
        writer->Insert(coding.key, coding.origin_id);
        ++report.codes[coding.count].added;
      }
    }
    // The coder's rule codings of these stories that no hit had are gone.
    // (Codings set aside are the coder's by hand only: none is deleted.)
    for (size_t i = 0; settle && i < existing.size(); ++i) {
      if (kept[i] || !existing[i].by_rule) continue;
      writer->Delete(existing[i].key);
      const int64_t code_id = existing[i].key.code_id;
      auto c = code_index.find(code_id);
      if (c == code_index.end()) {  // a code that has no rules any more
        std::optional<Code> code = FindCodeById(project, code_id);
        c = code_index.emplace(code_id, report.codes.size()).first;
        report.codes.push_back(AutocodeCount{code ? code->path : std::to_string(code_id)});
      }
      ++report.codes[c->second].removed;
    }
    stories_done += batch.count;
    if (options.progress) options.progress(stories_done, total_stories);
    batch.count = 0;
    batch.bytes = 0;
  };

  // Hands the current batch to the workers and writes the one they had.
  auto flush = [&] {
    Batch& full = batches[current];
    Batch* previous = matching;
    if (previous != nullptr) matcher_pool.Wait();
    matching = nullptr;
    if (full.count > 0) {
      matcher_pool.Start(full);
      matching = &full;
    }
    if (previous != nullptr) write(*previous);
    current = 1 - current;
  };

  // A dry run writes nothing, so the workers can read the stories themselves
  // through connections of their own. A run that writes must read through the
  // project's connection: another connection's read lock would keep SQLite
  // from spilling the written pages to the file in the middle of the
  // transaction (it needs the file to itself for that).
  std::vector<std::unique_ptr<ReadConnection>> connections;
  if (options.dry_run) {
    for (size_t t = 0; t < matchers.size(); ++t) {
      connections.push_back(std::make_unique<ReadConnection>(project));
      if (!connections.back()->own()) {  // e.g. a project in memory
        connections.clear();
        break;
      }
    }
  }
  auto count_batch = [&](Batch& batch) {
    report.text_bytes += static_cast<int64_t>(batch.bytes);
    report.stories += static_cast<int64_t>(batch.count);
  };
  if (!connections.empty()) {
    const std::pair<int64_t, int64_t> ids = StoryIdRange(project);
    // Batches of about kBatchBytes of text, judged by the file's size per
    // story (more than the text, so never larger), of kBatchStories at most.
    const int64_t stories = std::max<int64_t>(1, CountStories(project));
    const int64_t file_bytes = ProjectFileBytes(project);
    const int64_t per_batch =
        options.batch_stories > 0
            ? options.batch_stories
            : std::clamp<int64_t>(
                  static_cast<int64_t>(kBatchBytes) / std::max<int64_t>(1, file_bytes / stories),
                  16, static_cast<int64_t>(kBatchStories));
    // Roles only when a rule asks for one.
    std::optional<RespondentRoles> roles;
    if (std::any_of(rule_list.begin(), rule_list.end(),
                    [](const Rule& rule) { return !rule.roles.empty(); })) {
      roles.emplace(project);
    }
    ParallelScan scan(matchers, connections, roles ? &*roles : nullptr, ids, per_batch,
                      static_cast<bool>(options.on_hit));
    scan.Run([&](Batch& batch) {
      count_batch(batch);
      write(batch);
    });
  } else {
    const size_t batch_stories =
        options.batch_stories > 0 ? static_cast<size_t>(options.batch_stories) : kBatchStories;
    ForEachStoryText(project, [&](const StoryTextView& story) {
      Batch& batch = batches[current];
      AddToBatch(batch, story, true);
      if (batch.count >= batch_stories || batch.bytes >= kBatchBytes) {
        count_batch(batch);
        flush();
      }
    });
    count_batch(batches[current]);
    flush();  // the last, partial batch
    flush();  // its codings
  }

  if (writer) {
    writer->Flush();
    transaction->Commit();
  }
  return report;
}

}  // namespace verhaal
