// Autocoding a project: compiles the rules of the codebook's codes (kept as
// YAML text in Code::rules), matches every story in parallel, and replaces
// one coder's rule codings (origin "rule:<name>") in one transaction. Human
// codings, even by the same coder, are never touched. See docs/autocoding.md.
#ifndef VERHAAL_CODING_AUTOCODE_H_
#define VERHAAL_CODING_AUTOCODE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/project.h"
#include "corpus/stories.h"

namespace verhaal {

struct RuleHit;  // coding/rules_match.h

// One hit, reported in story order during dry runs. The views point into
// the run's rules and live as long as the call.
struct AutocodeHit {
  const Story* story = nullptr;
  std::string_view code_path;  // the code the rule codes
  std::string_view rule;       // the rule's name
  int64_t start = 0;           // the coded segment, in code points
  int64_t end = 0;
  // The segment and the words matched in it, for verhaal's own front ends
  // (KeywordInContext, coding/quotes.h).
  const RuleHit* match = nullptr;
};

struct AutocodeOptions {
  std::string coder = "rules";          // who the codings belong to
  std::vector<std::string> code_paths;  // only these codes (and descendants)
  bool dry_run = false;                 // match only; write nothing
  int threads = 0;                      // 0: every core
  int batch_stories = 0;                // stories matched per batch; 0: chosen by size
  // Called for each hit in story order (may be empty).
  std::function<void(const AutocodeHit&)> on_hit;
  // Called on the calling thread after each batch of stories with the
  // stories done so far and in all (may be empty; for a progress bar).
  std::function<void(uint64_t done, uint64_t total)> progress;
};

// Per code: hits now, and (unless a dry run) how the stored codings changed.
struct AutocodeCount {
  std::string code_path;
  int64_t hits = 0;     // coded segments found
  int64_t stories = 0;  // stories with at least one hit
  int64_t added = 0;
  int64_t removed = 0;
};

struct AutocodeReport {
  std::vector<AutocodeCount> codes;  // every selected code with rules, codebook order
  int64_t stories = 0;               // stories read
  int64_t text_bytes = 0;            // bytes of story text matched
};

// Runs autocoding. Writes in one Transaction (nothing changes on error).
// Errors: as LoadProjectRules (coding/project_rules.h); kData for an empty
// coder name.
AutocodeReport Autocode(Project& project, const AutocodeOptions& options);

}  // namespace verhaal

#endif  // VERHAAL_CODING_AUTOCODE_H_
