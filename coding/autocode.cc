#include "coding/autocode.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "corpus/codes.h"
#include "corpus/codings.h"
#include "corpus/error.h"
#include "corpus/rule_codings.h"

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
    if (batch.results.size() < batch.count) batch.results.resize(batch.count);
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
        const std::vector<RuleHit>& hits =
            matcher.Match({story.text, story.role, story.kind, story.language});
        batch.results[i].assign(hits.begin(), hits.end());
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
  std::vector<CoderCoding> existing;  // the coder's codings before this run
  std::vector<char> kept;
  if (!options.dry_run) {
    bulk_write.emplace(project);
    transaction.emplace(project);
    const int64_t coder_id = EnsureCoder(project, options.coder);
    std::vector<int64_t> selected_ids;
    if (!options.code_paths.empty()) {
      for (const Code& code : SelectedCodes(project, options.code_paths)) {
        selected_ids.push_back(code.id);
      }
    }
    existing = ListCoderCodings(project, coder_id, selected_ids);
    kept.assign(existing.size(), 0);
    writer.emplace(project, coder_id);
  }

  int threads = options.threads > 0 ? options.threads
                                    : static_cast<int>(std::thread::hardware_concurrency());
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
  auto write = [&](Batch& batch) {
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
        if (options.on_hit) options.on_hit(AutocodeHit{&story, &rule_list[hit.rule], hit});
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

  // The stories are read from the file mapped into memory rather than copied
  // page by page through the kernel (SQLite caps the size at its build's
  // maximum; the rest of a larger file is read as before).
  project.db().exec("PRAGMA mmap_size = 2147418112");
  ForEachStoryText(project, [&](const StoryTextView& story) {
    Batch& batch = batches[current];
    if (batch.stories.size() <= batch.count) batch.stories.resize(batch.count + 1);
    // Into the batch's Story objects, whose strings keep their capacity
    // from batch to batch: no allocation per story once warm.
    Story& slot = batch.stories[batch.count++];
    slot.id = story.id;
    slot.key.assign(story.key);
    slot.text.assign(story.text);
    slot.role.assign(story.role);
    slot.kind.assign(story.kind);
    slot.language.assign(story.language);
    batch.bytes += story.text.size();
    ++report.stories;
    report.text_bytes += static_cast<int64_t>(story.text.size());
    if (batch.count >= kBatchStories || batch.bytes >= kBatchBytes) flush();
  });
  flush();  // the last, partial batch
  flush();  // its codings

  if (writer) {
    writer->Flush();
    for (size_t i = 0; i < existing.size(); ++i) {
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
    transaction->Commit();
  }
  return report;
}

}  // namespace verhaal
